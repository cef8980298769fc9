"""A public page as search engines and link previews read it: its text, its <html lang>,
<link> and <meta> elements, its JSON-LD and a few landmarks; the seed's reports and
meeting."""

import json
import re
from html.parser import HTMLParser

ROOT = "http://testserver"
EN_SLUG = "khalafov-receives-ohchr-delegation-led-by-georgette-gagnon"
FR_SLUG = "khalafov-s-entretient-avec-une-delegation-du-haut-commissariat-aux-droits-de-l-homme"
MEETING_2017 = "khalafov-receives-ohchr-delegation-2017"


def html(response):
    return response.content.decode()


class Head(HTMLParser):
    """The <html lang>, <link> and <meta> elements of a page, and a few body landmarks."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.links = []
        self.metas = []
        self.first_body_link = None
        self.in_body = False
        self.mains = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "body":
            self.in_body = True
        elif tag == "a" and self.in_body and self.first_body_link is None:
            self.first_body_link = attrs
        elif tag == "main":
            self.mains.append(attrs)

    def links_where(self, **wanted):
        return [
            link
            for link in self.links
            if all(link.get(key.replace("_", "-")) == value for key, value in wanted.items())
        ]

    def meta(self, key):
        values = [
            meta.get("content")
            for meta in self.metas
            if meta.get("property") == key or meta.get("name") == key
        ]
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    @property
    def canonical(self):
        canonicals = [link for link in self.links if link.get("rel") == "canonical"]
        assert len(canonicals) == 1, canonicals
        return canonicals[0]["href"]

    def hreflangs(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }


def head(response):
    return Head(html(response))


def json_ld(page):
    """Every JSON-LD block of the page, parsed."""
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(script) for script in scripts]


def only_json_ld(response):
    assert response.status_code == 200
    blocks = json_ld(html(response))
    assert len(blocks) == 1
    return blocks[0]
