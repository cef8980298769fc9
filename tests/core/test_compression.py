"""HTML, JSON and feeds are sent gzip-compressed to clients that accept it, and the page
cache and ETags stay correct: each encoding is cached apart (`Vary: Accept-Encoding`),
and a compressed page's ETag still answers 304."""

import gzip
import json

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def body(response):
    """The response's text, decompressed when it was sent compressed."""
    content = response.content
    if response.headers.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return content.decode()


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/en/articles/", "text/html"),
        ("/api/v1/articles/", "application/json"),
        ("/en/feeds/articles.rss", "application/rss+xml"),
    ],
)
def test_a_client_that_accepts_gzip_gets_the_same_page_compressed(client, url, content_type):
    ArticleFactory(title="A report worth compressing " * 4)

    plain = client.get(url)
    compressed = client.get(url, headers=GZIP)

    assert "Content-Encoding" not in plain.headers
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert compressed.headers["Content-Type"].startswith(content_type)
    assert "Accept-Encoding" in compressed.headers["Vary"]
    assert len(compressed.content) < len(plain.content)
    assert body(compressed) == body(plain)
    assert "A report worth compressing" in body(compressed)


def test_the_api_answers_json_that_reads_the_same_once_decompressed(client):
    ArticleFactory(title="Compressed JSON")

    response = client.get("/api/v1/articles/", headers=GZIP)

    assert json.loads(body(response))["results"][0]["title"] == "Compressed JSON"


def test_the_cache_keeps_each_encoding_apart(client, django_assert_num_queries):
    ArticleFactory(title="Cached both ways")
    client.get("/en/articles/", headers=GZIP)
    client.get("/en/articles/")

    with django_assert_num_queries(0):
        compressed = client.get("/en/articles/", headers=GZIP)
        plain = client.get("/en/articles/")

    assert compressed.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain.headers
    assert "Cached both ways" in body(compressed)
    assert "Cached both ways" in body(plain)


def test_clients_that_word_the_same_encodings_differently_share_one_copy(
    client, django_assert_num_queries
):
    ArticleFactory(title="One copy each way")
    client.get("/en/articles/", headers=GZIP)
    client.get("/en/articles/", headers={"Accept-Encoding": "identity"})

    with django_assert_num_queries(0):
        answers = [
            client.get("/en/articles/", headers={"Accept-Encoding": encodings})
            for encodings in ("gzip", "br, gzip;q=0.8", "gzip, deflate, br, zstd", "", "br")
        ]

    assert [answer.headers.get("Content-Encoding") for answer in answers] == [
        "gzip",
        "gzip",
        "gzip",
        None,
        None,
    ]
    assert all("One copy each way" in body(answer) for answer in answers)


def test_a_compressed_pages_etag_still_answers_not_modified(client):
    article = ArticleFactory()
    url = article.get_absolute_url()

    etag = client.get(url, headers=GZIP).headers["ETag"]
    again = client.get(url, headers={**GZIP, "If-None-Match": etag})

    assert etag.startswith('W/"')
    assert again.status_code == 304


def test_an_editors_preview_is_compressed_and_never_cached(editor_client):
    draft = ArticleFactory(status="draft", title="A draft " * 20)

    response = editor_client.get(draft.get_absolute_url(), headers=GZIP)

    assert response.headers["Content-Encoding"] == "gzip"
    assert "no-cache" in response.headers["Cache-Control"]
    assert "A draft" in body(response)
