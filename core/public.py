"""The models whose rows readers see: a change to one is a change of the public pages
(see `articles.caching`). Each app names its own, in its `AppConfig.ready()`."""

#: The public models and their many-to-many links.
PUBLIC_MODELS = set()


def register(*models):
    """Count changes to `models` (and to their many-to-many links) as content changes."""
    for model in models:
        PUBLIC_MODELS.add(model)
        PUBLIC_MODELS.update(
            field.remote_field.through
            for field in model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        )


def is_public(model):
    return model in PUBLIC_MODELS
