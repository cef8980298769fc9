"""Models that moved out of the articles app into the app of their domain.

Each kept its table, so only Django's state changed. Their old admin addresses redirect
to the new ones (`core.views.moved_admin_page`), and a backup made before a move restores
after it (`sitebackups`).
"""

#: The app each moved model lives in now, by its model name.
MOVED_FROM_ARTICLES = {
    **dict.fromkeys(["person", "organization", "personname", "organizationname", "post"], "people"),
    **dict.fromkeys(
        ["nameproposal", "relationproposal", "meetingproposal", "proposedparticipant"], "ingest"
    ),
    **dict.fromkeys(
        [
            "topic",
            "meeting",
            "historicalmeeting",
            "summarytranslation",
            "historicalsummarytranslation",
            "coverage",
            "participant",
        ],
        "meetings",
    ),
    "contentversion": "core",
    "searchdocument": "search",
    "workflowevent": "editorial",
}
#: Model labels before and after the move.
MOVED_MODELS = {f"articles.{model}": f"{app}.{model}" for model, app in MOVED_FROM_ARTICLES.items()}
#: Migrations that record a move in Django's state only, never touching a table.
STATE_ONLY_MIGRATIONS = {
    ("people", "0001_initial"),
    ("articles", "0017_people_app"),
    ("ingest", "0001_initial"),
    ("articles", "0018_import_proposals_app"),
    ("meetings", "0001_initial"),
    ("core", "0001_initial"),
    ("ingest", "0002_meetings_app"),
    ("articles", "0019_meetings_app"),
    ("search", "0001_initial"),
    ("articles", "0020_search_app"),
    ("editorial", "0001_initial"),
    ("articles", "0021_editorial_app"),
}
