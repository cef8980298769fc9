"""Property-based tests: whatever a reader puts in an address, or an editor feeds the
importer, the site answers with a page or a message naming the problem, never a server
error, and a refused report writes nothing.

Hypothesis runs derandomized and without its example database, so every run tries the
same inputs and nothing is written to the working tree.
"""

import base64
import codecs
import datetime as dt
import io
import json
import re
import tempfile
from pathlib import Path
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.http import QueryDict
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.models import Article, Outlet
from core.languages import LANGUAGES
from ingest.decoding import ReportError, decode
from ingest.extraction import extract, extract_html
from ingest.importers import Importer
from ingest.models import NameProposal
from people.models import Organization, Person
from tests import factories

DATA = Path(__file__).parent / "data"
SAMPLES = sorted(
    path
    for folder in (DATA / "seeds", DATA / "reports")
    for path in folder.iterdir()
    if path.suffix in (".txt", ".html")
)
IMPORT_URL = "/admin/articles/article/import/"
STATUSES = {"imported", "unchanged", "failed", "would-import"}

settings.register_profile(
    "properties",
    database=None,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def fuzz(max_examples):
    """This file's Hypothesis settings, trying `max_examples` inputs."""
    return settings(settings.get_profile("properties"), max_examples=max_examples)


pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Outlet, Person, Organization, NameProposal)
    }


# Inputs ----------------------------------------------------------------------------------

#: Lines that look like the furniture, dates and tags the importer reads, but are wrong.
TRICKY_LINES = [
    "date 2017-13-45 + ↺ − 16 px",
    "date 0000-00-00",
    "21 September 2023 16:21 (UTC+99:00)",
    "21 September 2023 16:21 (UTC−24)",
    "07.06.2024, 14:12 Uhr",
    "31.02.2024, 25:61",
    "BAKU, February 31 (AZERTAC). The minister met the delegation.",
    "Bakou, 30 février. Le ministre a reçu la délégation.",
    "(MENAFN- ) ",
    "(MENAFN- AzerNews) Read more",
    "By ",
    "Legal Disclaimer:",
    "Tags:",
    "<html><head><title></title></head><body><p>",
    '<meta charset="unicode_escape">',
    '<meta charset="utf-16">',
    '<meta charset="idna">',
    "charset=rot13",
    "\\ud800\\x00",
    "\u202e\u200b\ufeff",
    "-- Trend reports.",
    "told News.Az.",
    "",
]

junk_lines = st.one_of(
    st.sampled_from(TRICKY_LINES),
    st.text(max_size=80),
    st.text(st.characters(exclude_categories=["Cc", "Cs"]), min_size=2000, max_size=20_000),
)

ENCODINGS = [
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "cp1251",
    "cp1252",
    "koi8_r",
    "latin-1",
    "cp1256",
    "shift_jis",
]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


@st.composite
def with_junk_lines(draw, text):
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        lines.insert(draw(st.integers(0, len(lines))), draw(junk_lines))
    return "\n".join(lines).encode()


@st.composite
def truncated(draw, data):
    return data[: draw(st.integers(0, len(data)))]


@st.composite
def with_nul(draw, data):
    at = draw(st.integers(0, len(data)))
    return data[:at] + b"\x00" + data[at:]


@st.composite
def near_valid_reports(draw):
    """(file name, bytes): a report of tests/data as it is, or with junk lines, in
    another encoding, with a byte order mark, truncated or with a NUL byte."""
    sample = draw(st.sampled_from(SAMPLES))
    text = sample.read_text(encoding="utf-8")
    data = text.encode()
    data = draw(
        st.one_of(
            st.just(data),
            with_junk_lines(text),
            st.sampled_from(ENCODINGS).map(lambda encoding: text.encode(encoding, "replace")),
            st.sampled_from(BOMS).map(lambda bom: bom + data),
            truncated(data),
            with_nul(data),
            with_junk_lines(text).flatmap(truncated).flatmap(with_nul),
        )
    )
    name = sample.stem + draw(st.sampled_from([sample.suffix, ".txt", ".html", ".HTM"]))
    return name, data


report_bytes = st.one_of(near_valid_reports().map(lambda item: item[1]), st.binary())
report_files = st.one_of(
    near_valid_reports(),
    st.tuples(st.sampled_from(["report.txt", "page.html"]), st.binary()),
)


# 1. The importer -------------------------------------------------------------------------


@fuzz(200)
@given(report_bytes)
@example(b'<meta charset="unicode_escape">\\ud800 The sides met.')
@example(codecs.BOM_UTF16_LE + "\x00 The sides met, Trend reports.".encode("utf-16-le"))
def test_decoding_gives_storable_text_or_says_why_not(data):
    try:
        text, notes = decode(data)
    except ReportError as error:
        text, notes = "", [str(error)]
    assert not re.search("[\x00\ud800-\udfff]", text)
    assert all(notes)


@fuzz(200)
@given(st.text())
@example("date 2017-13-45 + ↺ − 16 px\n\nThe minister met the delegation, Trend reports.")
@example("21 September 2023 16:21 (UTC+99:00)\n\nThe minister met the delegation.")
def test_extracting_text_never_fails(text):
    extraction = extract(text)
    assert isinstance(extraction.body, str)
    offset = extraction.published_offset
    assert offset is None or abs(offset.utcoffset(None)) < dt.timedelta(days=1)


@fuzz(40)
@given(st.one_of(st.text(), near_valid_reports().map(lambda item: item[1].decode("latin-1"))))
def test_extracting_a_page_never_fails(html):
    assert isinstance(extract_html(html).body, str)


@fuzz(100)
@given(report_files)
@example(("report.txt", b"BAKU, October 15, 2025. The sides met, Trend reports. " * 5_000))
def test_the_importer_imports_a_file_or_refuses_it_writing_nothing(seed, report):
    name, data = report
    before = counts()

    result = Importer().import_bytes(name, data)

    assert result.status in STATUSES
    if result.status == "failed":
        assert result.error
        assert not result.error.startswith("unexpected error"), result.error
        assert result.article is None
        assert counts() == before
    elif result.status == "imported":
        article = Article.objects.get(pk=result.article.pk)
        assert article.body == result.body
        if article.outlet is None:  # new to the desk, or named nowhere: left to confirm
            assert [warning for warning in result.warnings if "outlet" in warning]
        else:
            assert article.outlet.name.strip()
        assert counts()["Article"] == before["Article"] + 1


#: Text a browser can send in a form: anything but lone surrogates.
form_text = st.text(st.characters(exclude_categories=["Cs"]))
#: File names as browsers send them, with a suffix the form accepts or not.
upload_names = (
    st.tuples(
        st.text(
            st.characters(exclude_categories=["Cs", "Cc"], exclude_characters='"\\/'),
            min_size=1,
            max_size=60,
        ),
        st.sampled_from([".txt", ".html", ".TXT", ".pdf", ""]),
    )
    .map("".join)
    .filter(lambda name: name not in {".", ".."})
)


@fuzz(30)
@given(
    files=st.lists(
        st.one_of(
            report_files,
            st.tuples(upload_names, report_files.map(lambda report: report[1])),
        ),
        min_size=1,
        max_size=3,
    ),
    text=st.one_of(form_text, st.sampled_from(SAMPLES).map(lambda path: path.read_text())),
    outlet=st.one_of(st.just(""), form_text, st.sampled_from(["\u200b", "🙂", "Trend"])),
)
@example(files=[("report.txt", b"The minister met the delegation.")], text="", outlet="\u200b")
def test_the_admin_import_page_reads_any_upload_and_imports_or_names_each_file(
    seed, editor_client, files, text, outlet
):
    before = counts()

    response = editor_client.post(
        IMPORT_URL,
        {
            "files": [SimpleUploadedFile(name, data) for name, data in files],
            "text": text,
            "outlet": outlet,
        },
    )

    assert response.status_code == 200
    assert counts() == before
    form = response.context["form"]
    if not form.is_valid():
        assert form.errors
        assert "previews" not in response.context
        return
    previews = response.context["previews"]
    names = [preview.path for preview in previews]
    assert len(names) == len(set(names)) == len(files) + bool(text.strip())
    for preview in previews:
        assert preview.status in STATUSES
        if preview.status == "failed":
            assert preview.error
            assert not preview.error.startswith("unexpected error"), preview.error
    batch = re.search(r'name="batch" value="([^"]*)"', response.text).group(1)
    ticked = [str(index) for index in range(len(previews))]

    response = editor_client.post(
        IMPORT_URL, {"import": "1", "batch": batch, "report": ticked}, follow=True
    )

    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    imported = int(re.match(r"(\d+) reports? imported", messages[0]).group(1))
    assert counts()["Article"] == before["Article"] + imported
    if not imported:
        assert counts() == before
    for message in messages[1:]:
        assert message.startswith(tuple(f"{name}: " for name in names)), message


@fuzz(15)
@given(st.lists(report_files, min_size=1, max_size=4))
def test_the_import_command_imports_each_file_or_names_it_with_the_reason(seed, files):
    before = counts()
    stdout, stderr = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, (name, data) in enumerate(files):
            path = Path(folder) / f"{index}-{name}"
            path.write_bytes(data)
            paths.append(str(path))
        try:
            call_command("import_reports", *paths, "--format", "json", stdout=stdout, stderr=stderr)
        except SystemExit as exit:
            code = exit.code
        else:
            code = 0

    results = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [result["path"] for result in results] == paths
    failed = [result for result in results if result["status"] == "failed"]
    assert code == (1 if failed else 0)
    for result in failed:
        assert f"{result['path']}: failed: {result['error']}" in stderr.getvalue()
        assert not result["error"].startswith("unexpected error"), result["error"]
    imported = sum(result["status"] == "imported" for result in results)
    assert counts()["Article"] == before["Article"] + imported
    if not imported:
        assert counts() == before


@fuzz(30)
@given(
    batch=st.one_of(st.none(), form_text),
    ticked=st.lists(st.one_of(st.sampled_from(["0", "1", "00", "-1", "²", "٣"]), form_text)),
)
@example(batch=None, ticked=["²"])
def test_importing_a_preview_answers_any_form_with_a_message(seed, editor_client, batch, ticked):
    preview = editor_client.post(
        IMPORT_URL, {"files": [SimpleUploadedFile("report.txt", SAMPLES[0].read_bytes())]}
    )
    token = re.search(r'name="batch" value="([^"]*)"', preview.text).group(1)
    before = counts()

    response = editor_client.post(
        IMPORT_URL, {"import": "1", "batch": token if batch is None else batch, "report": ticked}
    )

    assert response.status_code == 302
    assert counts()["Article"] - before["Article"] in {0, 1}


# 2. Public query parameters --------------------------------------------------------------


@pytest.fixture
def dataset(db):
    """A few published reports and meetings, so that filters find real rows."""
    outlet = factories.OutletFactory(name="AZERTAC", slug="azertac")
    person = factories.PersonFactory(name="Khalaf Khalafov", slug="khalaf-khalafov")
    organization = factories.OrganizationFactory(name="OHCHR", slug="ohchr")
    topic = factories.TopicFactory(name="Detention", slug="detention")
    meetings = [
        factories.MeetingFactory(slug="geneva-2017", date="2017-11-27"),
        factories.MeetingFactory(slug="baku-2024", date="2024-09-25"),
    ]
    meetings[0].topics.add(topic)
    for index, language in enumerate(["en", "fr", "ru", "en", "az"]):
        article = factories.ArticleFactory(
            slug=f"report-{index}",
            title=f"Khalafov receives the OHCHR delegation {index}",
            language=language,
            outlet=outlet,
        )
        article.people.add(person)
        article.organizations.add(organization)
        meetings[index % 2].reports.add(article)
    return {
        "language": [code for code, _ in LANGUAGES],
        "outlet": [outlet.slug],
        "person": [person.slug],
        "organization": [organization.slug],
        "topic": [topic.slug],
    }


FILTERS = ["language", "outlet", "person", "organization", "topic"]
PARAMETERS = [*FILTERS, "q", "published_after", "published_before", "cursor", "page"]
API_PARAMETERS = [*PARAMETERS, "page_size", "format"]

texts = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"])),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=10),
    st.text(alphabet="azertcohr-0123456789", max_size=12),
    st.text(min_size=150, max_size=400),
    st.sampled_from(
        [
            "en",
            "fr",
            "azertac",
            "khalaf-khalafov",
            "ohchr",
            "detention",
            "2017-11-27",
            "9999-12-31",
            "0001-01-01",
            "27/11/2017",
            "-1",
            "0",
            "2",
            "last",
            "99999999999999999999",
            "cD0yMDE3",
            '"High Commissioner"',
            "-",
            "or",
            "json",
            "api",
            "\x00",
        ]
    ),
)


def encoded(value):
    """A query-string value: text percent-encoded as UTF-8, or arbitrary bytes."""
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


#: Values that select rows of the dataset.
GOOD_PAIRS = [
    ("language", "en"),
    ("language", "fr"),
    ("outlet", "azertac"),
    ("person", "khalaf-khalafov"),
    ("organization", "ohchr"),
    ("topic", "detention"),
    ("q", "Khalafov"),
    ("q", '"OHCHR delegation" -geneva or baku'),
    ("published_after", "2000-01-01"),
    ("published_before", "2100-12-31"),
    ("page", "1"),
    ("page", "2"),
    ("page_size", "2"),
    ("format", "json"),
]


def query_strings(names):
    """Raw query strings: known and unknown names, repeated, with any value or bytes."""
    pair = st.one_of(
        st.sampled_from([(name, value) for name, value in GOOD_PAIRS if name in names]),
        st.tuples(
            st.one_of(st.sampled_from(names), st.text(max_size=10)),
            st.one_of(texts, st.binary(max_size=30)),
        ),
    )
    raw = st.lists(pair, max_size=6).map(
        lambda pairs: "&".join(f"{encoded(name)}={encoded(value)}" for name, value in pairs)
    )
    return st.one_of(raw, st.text(alphabet="&=;%+#?azertcohr0123456789", max_size=30))


def filter_errors(query, choices):
    """The filters the list must refuse for this query string: a value that names no
    choice, words too long or holding a NUL character."""
    data = QueryDict(query)
    wrong = {name for name in FILTERS if data.get(name, "") not in ["", *choices[name]]}
    words = data.get("q", "")
    if "\x00" in words or len(words.strip()) > 200:
        wrong.add("q")
    return wrong


#: How the list's message names each filter.
LABELS = {
    "language": "Language",
    "outlet": "Outlet",
    "person": "Person",
    "organization": "Organization",
    "topic": "Topic",
    "q": "Words",
}


def check_filtered_page(response, query, choices):
    """A page (200), a page naming each wrong filter (400), or a page number or cursor
    that leads nowhere (404)."""
    assert response.status_code in {200, 400, 404}, response.status_code
    wrong = filter_errors(query, choices)
    if response.status_code == 400:
        assert "Some filters could not be applied" in response.text
        for name in wrong:
            assert f"<li>{LABELS[name]}: " in response.text, name
    elif response.status_code == 200:
        assert not wrong
        assert "Some filters could not be applied" not in response.text


@fuzz(150)
@given(query=query_strings(PARAMETERS))
@example(query="outlet=%00")
@example(query="q=%00")
@example(query="published_after=9999-12-31&published_before=0001-01-01")
def test_the_article_list_answers_any_query_with_a_page_or_a_message(client, dataset, query):
    response = client.get(f"/en/articles/?{query}")

    check_filtered_page(response, query, dataset)


@fuzz(80)
@given(query=query_strings(["q", "page", "language", "outlet", "published_after"]))
def test_search_answers_any_query_with_a_page_or_a_message(client, dataset, query):
    response = client.get(f"/en/search/?{query}")

    check_filtered_page(response, query, dataset)


@fuzz(60)
@given(query=query_strings(["cursor", "page"]), year=st.integers(-1, 10**25))
@example(query="", year=0)
@example(query="", year=9999)
def test_the_meeting_timeline_and_year_pages_answer_any_query(client, dataset, query, year):
    assert client.get(f"/en/meetings/?{query}").status_code in {200, 404}
    assert client.get(f"/en/meetings/{year}/?{query}").status_code in {200, 404}


@fuzz(40)
@given(query=query_strings(["page"]))
def test_people_and_organization_pages_answer_any_page(client, dataset, query):
    for address in [
        "/en/people/",
        "/fr/organizations/",
        "/en/people/khalaf-khalafov/",
        "/fr/organizations/ohchr/",
    ]:
        assert client.get(f"{address}?{query}").status_code in {200, 404}


@fuzz(100)
@given(
    resource=st.sampled_from(["articles", "meetings", "people", "organizations", "outlets"]),
    query=query_strings(API_PARAMETERS),
)
@example(resource="articles", query="outlet=%00&page_size=0")
@example(resource="articles", query="format=xml")
def test_the_api_answers_any_query_in_json(client, dataset, resource, query):
    response = client.get(f"/api/v1/{resource}/?{query}")

    assert response.status_code in {200, 400, 404}, response.status_code
    body = response.json()
    if resource == "articles":
        wrong = filter_errors(query, dataset) - {"q"}
        if wrong and response.status_code == 400:
            assert wrong <= set(body)
        if response.status_code == 200:
            assert not wrong
    if response.status_code == 200:
        assert isinstance(body["results"], list)


@fuzz(80)
@given(
    address=st.sampled_from(
        [
            "/en/articles/",
            "/fr/meetings/",
            "/api/v1/articles/",
            "/api/v1/meetings/",
            "/api/v1/people/",
            "/api/v1/outlets/",
        ]
    ),
    offset=st.integers(-3, 10**12),
    reverse=st.sampled_from(["0", "1", "x", ""]),
    position=st.one_of(st.none(), texts, st.sampled_from(["2017-11-27 00:00:00+00:00", "A"])),
)
@example(address="/api/v1/articles/", offset=0, reverse="0", position="4\x03M4")
@example(address="/en/meetings/", offset=0, reverse="1", position="2017-13-45")
@example(address="/api/v1/people/", offset=0, reverse="0", position="a\x00b")
def test_a_damaged_cursor_answers_a_page_or_not_found(client, dataset, address, **cursor):
    fields = {"o": cursor["offset"], "r": cursor["reverse"]}
    if cursor["position"] is not None:
        fields["p"] = cursor["position"]
    token = base64.b64encode(urlencode(fields).encode("ascii")).decode("ascii")

    response = client.get(f"{address}?{urlencode({'cursor': token, 'page_size': 1})}")

    assert response.status_code in {200, 404}, response.status_code


path_parts = st.one_of(
    texts.filter(bool),
    st.binary(min_size=1, max_size=20),
    st.sampled_from(["en", "fr", "azertac", "report-0", "geneva-2017", "khalaf-khalafov"]),
)


@fuzz(100)
@given(
    address=st.sampled_from(
        [
            "/en/feeds/articles/{}.rss",
            "/fr/feeds/articles/{}.atom",
            "/en/feeds/outlets/{}.rss",
            "/en/feeds/people/{}.atom",
            "/en/articles/{}/",
            "/fr/meetings/{}/",
            "/en/people/{}/",
            "/en/organizations/{}/",
            "/{}/articles/",
            "/{}/",
            "/api/v1/articles/{}/",
            "/api/v1/meetings/{}/",
        ]
    ),
    part=path_parts,
)
@example(address="/en/feeds/articles/{}.rss", part="\x00")
def test_path_parameters_answer_a_page_or_not_found(client, dataset, address, part):
    response = client.get(address.format(encoded(part)))

    assert response.status_code in {200, 301, 302, 404, 410}, response.status_code


@fuzz(40)
@given(language=st.one_of(texts, st.sampled_from(["fr-CA,fr;q=0.9", "*;q=x", "en;q=1e999"])))
def test_any_accept_language_header_gets_a_page(client, dataset, language):
    response = client.get("/", headers={"accept-language": latin_1(language)})

    assert response.status_code == 302
    assert client.get(response.url).status_code == 200


@fuzz(40)
@given(section=path_parts, page=texts)
def test_the_sitemaps_answer_any_section_and_page(client, dataset, section, page):
    for address in [f"/sitemap-{encoded(section)}.xml", "/sitemap-articles.xml"]:
        assert client.get(f"{address}?p={encoded(page)}").status_code in {200, 404}


def latin_1(text):
    """Text as a header carries it: its UTF-8 bytes, read as Latin-1."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


@fuzz(40)
@given(etag=texts, since=st.one_of(texts, st.sampled_from(["Sat, 29 Oct 1994 19:43:31 GMT"])))
def test_any_conditional_request_gets_a_page_or_not_modified(client, dataset, etag, since):
    for address in ["/en/articles/report-0/", "/fr/feeds/articles.atom"]:
        response = client.get(
            address, headers={"if-none-match": latin_1(etag), "if-modified-since": latin_1(since)}
        )

        assert response.status_code in {200, 304}, response.status_code


# 3. Regressions: inputs that once made an error --------------------------------------------

ENGLISH = (DATA / "seeds" / "000_d5025afe1417ab83.txt").read_text(encoding="utf-8")


def test_a_utf_32_report_is_read_as_utf_32(seed):
    result = Importer(dry_run=True).import_bytes("report.txt", ENGLISH.encode("utf-32"))

    assert result.status == "unchanged", result.error
    assert result.warnings[0] == "not UTF-8: read as UTF-32, as its byte order mark says"


def test_a_utf_16_text_holding_a_nul_character_is_refused_as_binary():
    data = codecs.BOM_UTF16_LE + "Annex\x00\x01 data".encode("utf-16-le")

    with pytest.raises(ReportError, match="binary file"):
        decode(data)


def test_a_declared_codec_making_lone_surrogates_is_not_trusted():
    text, notes = decode(b'<meta charset="unicode_escape"> \\ud800 Les c\xf4t\xe9s')

    assert text.endswith("\\ud800 Les côtés")
    assert notes == ["not UTF-8: read as cp1252, the encoding it appears to use"]


def test_a_scraper_header_with_no_such_day_gives_no_date():
    extraction = extract("date 2017-13-45 + ↺ − 16 px\n\nThe minister met them, Trend reports.")

    assert extraction.published is None
    assert extraction.body == "The minister met them, Trend reports."


def test_a_timestamp_with_an_offset_of_a_day_or_more_keeps_its_date_and_time():
    extraction = extract("21 September 2023 16:21 (UTC+99:00)\n\nThe minister met them.")

    assert (extraction.published, extraction.published_time) == (
        dt.date(2023, 9, 21),
        dt.time(16, 21),
    )
    assert extraction.published_offset is None


@pytest.mark.parametrize("outlet", ["\u200b", "\U000e0001"])
def test_an_outlet_named_with_nothing_to_write_is_refused(seed, outlet):
    before = counts()

    result = Importer(outlet=outlet).import_bytes("report.txt", b"The minister met them.")

    assert (result.status, result.error) == (
        "failed",
        "the outlet named has nothing to write: name it again",
    )
    assert counts() == before


@pytest.mark.parametrize(
    ("address", "position"),
    [
        *(
            (address, position)
            for address in ["/en/articles/", "/fr/meetings/", "/api/v1/articles/"]
            for position in ["4\x03M4", "2017-13-45", "a\x00b"]
        ),
        ("/api/v1/people/", "a\x00b"),
    ],
)
def test_a_cursor_whose_position_is_no_value_answers_404(client, dataset, address, position):
    token = base64.b64encode(urlencode({"p": position}).encode("ascii")).decode("ascii")

    assert client.get(address, {"cursor": token}).status_code == 404


@pytest.mark.parametrize("box", ["²", "9" * 5000])
def test_a_ticked_box_that_is_no_index_is_ignored(seed, editor_client, box):
    preview = editor_client.post(
        IMPORT_URL, {"files": [SimpleUploadedFile("report.txt", b"The minister met them.")]}
    )
    token = re.search(r'name="batch" value="([^"]*)"', preview.text).group(1)

    response = editor_client.post(IMPORT_URL, {"import": "1", "batch": token, "report": [box]})

    assert response.status_code == 302
