"""Reading the downloads back as a researcher's tools would."""

import csv
import io
import json


def text(response):
    """The body of an answer, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def csv_rows(content):
    """The rows of CSV text (or of an answer) as dicts, by the header line."""
    if not isinstance(content, str):
        content = text(content)
    return list(csv.DictReader(io.StringIO(content, newline="")))


def csv_header(content):
    if not isinstance(content, str):
        content = text(content)
    return next(csv.reader(io.StringIO(content, newline="")))


def json_of(response):
    return json.loads(text(response))
