"""schema.org descriptions of articles, embedded in their pages as JSON-LD, and the
references to people, organizations and reports that meetings' descriptions share
(`meetings.structured_data`).

An article is a `NewsArticle` published by its outlet, based on its original address,
linked to its source (`translationOfWork`) or its translations (`workTranslation`).
"""

from core.models import is_web_address


def absolute(request, path):
    return request.build_absolute_uri(path)


def article_reference(request, article):
    return {
        "@type": "NewsArticle",
        "@id": absolute(request, article.get_canonical_url()),
        "url": absolute(request, article.get_canonical_url()),
        "headline": article.title,
        "inLanguage": article.language,
    }


def person(request, person):
    return {
        "@type": "Person",
        "name": person.name,
        "url": absolute(request, person.get_absolute_url()),
    }


def organization(request, organization):
    return {
        "@type": "Organization",
        "name": organization.name,
        "url": absolute(request, organization.get_absolute_url()),
    }


def outlet(outlet):
    data = {"@type": "NewsMediaOrganization", "name": outlet.name}
    if is_web_address(outlet.homepage):
        data["url"] = outlet.homepage
    return data


def article(request, article, *, original, translations, people, organizations, meetings):
    data = {
        "@context": "https://schema.org",
        **article_reference(request, article),
        "mainEntityOfPage": absolute(request, article.get_canonical_url()),
        "dateModified": article.updated_at.isoformat(),
        "description": (article.paragraphs or [""])[0][:300],
    }
    # An editor's preview of an imported draft may lack both, until they are confirmed.
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
    if article.outlet:
        data["publisher"] = outlet(article.outlet)
    if article.dateline:
        data["dateline"] = article.dateline
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    if article.agency:
        data["sourceOrganization"] = outlet(article.agency)
    if is_web_address(article.source_url):
        data["isBasedOn"] = article.source_url
    if original is not None:
        data["translationOfWork"] = article_reference(request, original)
    if translations:
        data["workTranslation"] = [article_reference(request, t) for t in translations]
    mentions = [person(request, p) for p in people]
    mentions += [organization(request, o) for o in organizations]
    if mentions:
        data["mentions"] = mentions
    if meetings:
        data["about"] = [
            {
                "@type": "Event",
                "name": meeting.title,
                "startDate": meeting.date.isoformat(),
                "url": absolute(request, meeting.get_absolute_url()),
            }
            for meeting in meetings
        ]
    return data
