import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """What the importer proposes moves here from the articles app. The tables keep
    their names, so only Django's state changes: the tables were made by the articles
    app's migrations (see its 0018)."""

    initial = True

    dependencies = [
        ("articles", "0017_people_app"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MeetingProposal",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("title", models.CharField(max_length=300, verbose_name="title")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("meeting", "Bilateral meeting"),
                                    ("visit", "Visit"),
                                    ("address", "Address to a session"),
                                    ("reception", "Reception of a delegation"),
                                    ("consultation", "Consultation"),
                                    ("call", "Telephone call"),
                                    ("negotiation", "Negotiation"),
                                    ("other", "Other"),
                                ],
                                default="meeting",
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "date",
                            models.DateField(
                                blank=True,
                                help_text="Empty when no report states the day of the meeting.",
                                null=True,
                                verbose_name="date",
                            ),
                        ),
                        ("city", models.CharField(blank=True, max_length=200, verbose_name="city")),
                        (
                            "venue",
                            models.CharField(blank=True, max_length=300, verbose_name="venue"),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[
                                    ("en", "English"),
                                    ("fr", "French"),
                                    ("ru", "Russian"),
                                    ("az", "Azerbaijani"),
                                    ("es", "Spanish"),
                                    ("de", "German"),
                                    ("ar", "Arabic"),
                                    ("tr", "Turkish"),
                                    ("hy", "Armenian"),
                                    ("ka", "Georgian"),
                                    ("uk", "Ukrainian"),
                                    ("fa", "Persian"),
                                    ("it", "Italian"),
                                    ("pt", "Portuguese"),
                                    ("af", "Afrikaans"),
                                    ("be", "Belarusian"),
                                    ("bg", "Bulgarian"),
                                    ("bn", "Bengali"),
                                    ("br", "Breton"),
                                    ("bs", "Bosnian"),
                                    ("ca", "Catalan"),
                                    ("cs", "Czech"),
                                    ("cy", "Welsh"),
                                    ("da", "Danish"),
                                    ("el", "Greek"),
                                    ("eo", "Esperanto"),
                                    ("et", "Estonian"),
                                    ("eu", "Basque"),
                                    ("fi", "Finnish"),
                                    ("fy", "Frisian"),
                                    ("ga", "Irish"),
                                    ("gd", "Scottish Gaelic"),
                                    ("gl", "Galician"),
                                    ("gu", "Gujarati"),
                                    ("he", "Hebrew"),
                                    ("hi", "Hindi"),
                                    ("hr", "Croatian"),
                                    ("ht", "Haitian Creole"),
                                    ("hu", "Hungarian"),
                                    ("ia", "Interlingua"),
                                    ("id", "Indonesian"),
                                    ("ig", "Igbo"),
                                    ("io", "Ido"),
                                    ("is", "Icelandic"),
                                    ("ja", "Japanese"),
                                    ("kk", "Kazakh"),
                                    ("km", "Khmer"),
                                    ("kn", "Kannada"),
                                    ("ko", "Korean"),
                                    ("ky", "Kyrgyz"),
                                    ("la", "Latin"),
                                    ("lb", "Luxembourgish"),
                                    ("lg", "Ganda"),
                                    ("lt", "Lithuanian"),
                                    ("lv", "Latvian"),
                                    ("mi", "Maori"),
                                    ("mk", "Macedonian"),
                                    ("ml", "Malayalam"),
                                    ("mn", "Mongolian"),
                                    ("mr", "Marathi"),
                                    ("ms", "Malay"),
                                    ("my", "Burmese"),
                                    ("nb", "Norwegian Bokmål"),
                                    ("ne", "Nepali"),
                                    ("nl", "Dutch"),
                                    ("nn", "Norwegian Nynorsk"),
                                    ("os", "Ossetic"),
                                    ("pa", "Punjabi"),
                                    ("pl", "Polish"),
                                    ("ro", "Romanian"),
                                    ("sk", "Slovak"),
                                    ("sl", "Slovenian"),
                                    ("sn", "Shona"),
                                    ("so", "Somali"),
                                    ("sq", "Albanian"),
                                    ("sr", "Serbian"),
                                    ("st", "Sotho"),
                                    ("sv", "Swedish"),
                                    ("sw", "Swahili"),
                                    ("ta", "Tamil"),
                                    ("te", "Telugu"),
                                    ("tg", "Tajik"),
                                    ("th", "Thai"),
                                    ("tk", "Turkmen"),
                                    ("tl", "Tagalog"),
                                    ("tn", "Tswana"),
                                    ("ts", "Tsonga"),
                                    ("tt", "Tatar"),
                                    ("ug", "Uyghur"),
                                    ("ur", "Urdu"),
                                    ("uz", "Uzbek"),
                                    ("vi", "Vietnamese"),
                                    ("xh", "Xhosa"),
                                    ("yo", "Yoruba"),
                                    ("zh", "Chinese"),
                                    ("zu", "Zulu"),
                                ],
                                max_length=7,
                                verbose_name="summary language",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="proposed"),
                        ),
                        (
                            "meeting",
                            models.ForeignKey(
                                blank=True,
                                help_text="Set when the reports cover a meeting already in the database.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="coverage_proposals",
                                to="articles.meeting",
                                verbose_name="stored meeting",
                            ),
                        ),
                        (
                            "reports",
                            models.ManyToManyField(
                                related_name="meeting_proposals",
                                to="articles.article",
                                verbose_name="reports",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "meeting to confirm",
                        "verbose_name_plural": "meetings to confirm",
                        "db_table": "articles_meetingproposal",
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="NameProposal",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("person", "Person"),
                                    ("organization", "Organization"),
                                    ("outlet", "Outlet"),
                                    ("agency", "Source agency"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        ("name", models.CharField(max_length=300, verbose_name="name")),
                        (
                            "context",
                            models.CharField(
                                blank=True,
                                help_text="Where the report names it.",
                                max_length=500,
                                verbose_name="context",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="proposed"),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="name_proposals",
                                to="articles.article",
                                verbose_name="article",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "name to confirm",
                        "verbose_name_plural": "names to confirm",
                        "db_table": "articles_nameproposal",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("article", "kind", "name"), name="unique_name_proposal"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ProposedParticipant",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "side",
                            models.CharField(
                                choices=[("host", "Host"), ("guest", "Guest"), ("other", "Other")],
                                default="other",
                                max_length=10,
                                verbose_name="side",
                            ),
                        ),
                        (
                            "reported_name",
                            models.CharField(max_length=300, verbose_name="name as reported"),
                        ),
                        (
                            "reported_title",
                            models.CharField(
                                blank=True, max_length=500, verbose_name="title as reported"
                            ),
                        ),
                        (
                            "position",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="people.organization",
                                verbose_name="representing",
                            ),
                        ),
                        (
                            "person",
                            models.ForeignKey(
                                blank=True,
                                help_text="Empty while the name is not in the database.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="people.person",
                                verbose_name="person",
                            ),
                        ),
                        (
                            "proposal",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="participants",
                                to="ingest.meetingproposal",
                                verbose_name="meeting to confirm",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "participant",
                        "verbose_name_plural": "participants",
                        "db_table": "articles_proposedparticipant",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("proposal", "reported_name"),
                                name="unique_proposed_participant",
                                violation_error_message="This name is already listed for this meeting.",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="RelationProposal",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "relation",
                            models.CharField(
                                choices=[
                                    ("translation", "Translation"),
                                    ("same_event", "Same event"),
                                ],
                                max_length=20,
                                verbose_name="relation",
                            ),
                        ),
                        ("score", models.FloatField(verbose_name="score")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="proposed"),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="relation_proposals",
                                to="articles.article",
                                verbose_name="article",
                            ),
                        ),
                        (
                            "candidate",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="articles.article",
                                verbose_name="related report",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "proposed relation",
                        "verbose_name_plural": "proposed relations",
                        "db_table": "articles_relationproposal",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("article", "candidate"), name="unique_relation_proposal"
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("article", models.F("candidate")), _negated=True
                                ),
                                name="relation_proposal_not_self",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("score__gte", 0), ("score__lte", 1)),
                                name="relation_proposal_score_range",
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]
