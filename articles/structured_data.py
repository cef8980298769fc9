"""schema.org descriptions of articles and meetings, embedded in their pages as JSON-LD.

An article is a `NewsArticle` published by its outlet, based on its original address,
linked to its source (`translationOfWork`) or its translations (`workTranslation`). A
meeting is an `Event` whose attendees are people in the posts they held then, and whose
`subjectOf` lists the reports that cover it.
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


def attendee(request, participant):
    if participant.person:
        data = person(request, participant.person)
    else:
        data = {"@type": "Person", "name": participant.reported_name}
    job_title = participant.post.title if participant.post else participant.reported_title
    if job_title:
        data["jobTitle"] = job_title
    affiliation = participant.organization or (
        participant.post.organization if participant.post else None
    )
    if affiliation:
        data["affiliation"] = organization(request, affiliation)
    return data


def meeting(request, meeting, *, participants, topics, reports, summary=None):
    description = (summary or meeting).paragraphs
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": absolute(request, meeting.get_absolute_url()),
        "url": absolute(request, meeting.get_absolute_url()),
        "name": summary.title if summary else meeting.title,
        "inLanguage": summary.language if summary else meeting.language,
        "startDate": meeting.date.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "description": (description or [""])[0][:300],
        "attendee": [attendee(request, participant) for participant in participants],
    }
    if meeting.venue or meeting.city or meeting.country:
        place = {"@type": "Place", "name": meeting.venue or meeting.place}
        address = {"@type": "PostalAddress"}
        if meeting.city:
            address["addressLocality"] = meeting.city
        if meeting.country:
            address["addressCountry"] = meeting.country.code
        if len(address) > 1:
            place["address"] = address
        data["location"] = place
    if meeting.organizer:
        data["organizer"] = organization(request, meeting.organizer)
    if topics:
        data["about"] = [{"@type": "Thing", "name": topic.name} for topic in topics]
    if reports:
        data["subjectOf"] = [article_reference(request, report) for report in reports]
    if meeting.published_at:
        data["datePublished"] = meeting.published_at.isoformat()
    return data
