import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import fragments
from core.models import is_web_address
from editorial.diffs import line_diff

register = template.Library()

#: What must not appear raw inside <script>: the JSON keeps its meaning, escaped.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A JSON-LD script element; no string in `data` can close it or open markup.

    It is a data block, which browsers never run, so the Content-Security-Policy needs
    no nonce for it; cached public pages must not carry one anyway."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(text.translate(SCRIPT_ESCAPES))
    )


@register.filter
def minutes(duration):
    """A timedelta in whole minutes, rounded up."""
    return -(-int(duration.total_seconds()) // 60)


@register.filter
def web_address(url):
    """`url` when it is an http or https address, else "": nothing else becomes a link."""
    return url if is_web_address(url) else ""


@register.simple_tag
def article_rows(articles):
    """The rows of a list of published reports (`includes/article_row.html`), cached."""
    return mark_safe("".join(fragments.rows(articles)))


register.filter("line_diff", line_diff)
