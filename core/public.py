"""The models whose rows readers see: a change to one is a change of the public pages
(see `core.caching`). Each app names its own, in its `AppConfig.ready()`."""

#: The public models and their many-to-many links.
PUBLIC_MODELS = set()
#: The public models whose items go live at their `published_at` (`Publishable`).
SCHEDULED_MODELS = set()


def register(*models, scheduled=()):
    """Count changes to `models` (and to their many-to-many links) as content changes;
    the `scheduled` ones among them may be scheduled to go live later."""
    SCHEDULED_MODELS.update(scheduled)
    for model in models:
        PUBLIC_MODELS.add(model)
        PUBLIC_MODELS.update(
            field.remote_field.through
            for field in model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        )


def is_public(model):
    return model in PUBLIC_MODELS


def scheduled_models():
    """The public models that may hold items scheduled to go live, in a fixed order."""
    return sorted(SCHEDULED_MODELS, key=lambda model: model._meta.label)
