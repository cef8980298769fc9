"""The base of the site's filter sets."""

import django_filters


class FilterSet(django_filters.FilterSet):
    """A `FilterSet` whose form class is made once per filter set, as a declared form
    is. django-filter makes it anew for each request, with a new field for each filter:
    a fifth of a list page's view time. The site's filters are the same for every
    request (their menus' choices are read when the form is shown), and each form
    still gets its own copies of the fields, as any Django form does."""

    #: {filter set class: form class}
    form_classes = {}

    def get_form_class(self):
        cls = type(self)
        if cls not in FilterSet.form_classes:
            FilterSet.form_classes[cls] = super().get_form_class()
        return FilterSet.form_classes[cls]
