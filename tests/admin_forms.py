"""Admin pages as a browser submits and shows them: addresses, the POST data of a rendered
form and its inlines, its errors and messages, the rows and cells of a changelist."""

import re

from django import forms
from django.apps import apps
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.urls import reverse


def model_named(name):
    """The model called `name` ("meeting"), in whichever app holds it now: the project's
    model names are unique across its apps."""
    (model,) = [model for model in apps.get_models() if model._meta.model_name == name]
    return model


def admin_page(name, *args):
    """The address of the admin page `name` ("person_change"), in its model's app (model
    names hold no underscore)."""
    app_label = model_named(name.split("_")[0])._meta.app_label
    return reverse(f"admin:{app_label}_{name}", args=args)


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


def changelist_rows(response):
    """The rendered rows of a changelist, as HTML, keyed by the change URL they link to."""
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", response.text, flags=re.DOTALL):
        link = re.search(r'<a href="([^"]+/change/)[^"]*"', row)
        if link:
            rows[link.group(1)] = row
    return rows


def changelist_cell(response, obj, column):
    row = changelist_rows(response)[admin_url(type(obj), "change", obj.pk)]
    cell = re.search(rf'<td class="field-{column}[^"]*">(.*?)</td>', row, flags=re.DOTALL)
    assert cell, f"no {column} cell in {row}"
    return cell.group(1).strip()
