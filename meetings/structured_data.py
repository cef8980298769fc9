"""schema.org descriptions of meetings, embedded in their pages as JSON-LD: an `Event`
whose attendees are people in the posts they held then, and whose `subjectOf` lists
the reports that cover it."""

from articles.structured_data import absolute, article_reference, organization, person


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
