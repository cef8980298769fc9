"""Admin pages as a browser submits them: addresses, the POST data of a rendered form
and its inlines, its errors and messages."""

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.urls import reverse


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def widget_values(name, widget, value):
    """The POST data a browser sends for `widget`, rendered with `value`, left untouched."""
    if isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    if isinstance(widget, forms.MultiWidget):
        values = value if isinstance(value, list | tuple) else widget.decompress(value)
        data = {}
        for suffix, subwidget, subvalue in zip(
            widget.widgets_names, widget.widgets, values, strict=True
        ):
            data.update(widget_values(name + suffix, subwidget, subvalue))
        return data
    if isinstance(widget, forms.CheckboxInput):
        return {name: "on"} if widget.check_test(value) else {}
    if isinstance(widget, forms.widgets.ChoiceWidget):
        selected = widget.format_value(value)
        if widget.allow_multiple_selected:
            return {name: selected}
        return {name: selected[0] if selected else ""}
    formatted = widget.format_value(value)
    return {name: "" if formatted is None else formatted}


def form_values(form):
    """The POST data of an unbound form, as rendered: its initial values."""
    data = {}
    for bound_field in form:
        data.update(
            widget_values(bound_field.html_name, bound_field.field.widget, bound_field.value())
        )
    return data


def changeform_data(response):
    """The POST data of a rendered admin add/change page, submitted as it is shown."""
    data = form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_values(formset.management_form))
        for form in formset.forms:
            data.update(form_values(form))
    data["_save"] = "Save"
    return data


def inline_formset(response, model, fk_name):
    """The rendered inline formset for `model` joined to the page's object by `fk_name`."""
    matches = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is model and inline.formset.fk.name == fk_name
    ]
    assert len(matches) == 1, f"no single inline for {model.__name__}.{fk_name}"
    return matches[0]


def add_inline_row(data, formset, **values):
    """Add a row to an inline formset as the "Add another" button does, with `values`."""
    prefix = formset.prefix
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    for name, value in form_values(formset.empty_form).items():
        data[name.replace("__prefix__", str(index))] = value
    for field, value in values.items():
        data[f"{prefix}-{index}-{field}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    return data


def form_errors(response):
    """Every error on a re-rendered admin form, for assertion messages."""
    if response.context is None or "adminform" not in response.context:
        return None
    errors = {"form": response.context["adminform"].form.errors}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        errors[formset.prefix] = [formset.non_form_errors(), *formset.errors]
    return errors


def messages_of(response):
    return [str(message) for message in response.context["messages"]]
