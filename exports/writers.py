"""Rows out as CSV or JSON text, a batch of rows at a time: the chunks of a streamed
answer, or of a file of the archive.

CSV cells never start a formula in a spreadsheet: text beginning with `=`, `+`, `-`,
`@`, a tab or a carriage return gets a leading single quote (`neutralised`), as OWASP
advises against CSV injection. JSON gives every value verbatim.
"""

import csv
import datetime as dt
import json
from itertools import batched

from .columns import LIST_SEPARATOR

#: Rows written at a time: one chunk of a streamed answer.
BATCH = 200
#: How a cell that a spreadsheet would read as a formula starts.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text):
    """The cell `text`, made to be shown by a spreadsheet, never run."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def json_value(value):
    """A value as JSON has it: dates as YYYY-MM-DD, times in ISO 8601 in UTC."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def cell(value):
    """A value as the text of a CSV cell: empty for none, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    return str(json_value(value))


class Lines:
    """What `csv.writer` writes to: each line is handed back instead of stored."""

    def write(self, line):
        return line


def csv_chunks(table, rows):
    """`rows` (dicts) as CSV with a header line, the columns of `table` in order."""
    writer = csv.writer(Lines())
    yield writer.writerow([column.name for column in table.columns])
    for batch in batched(rows, BATCH):
        yield "".join(
            writer.writerow([neutralised(cell(row[column.name])) for column in table.columns])
            for row in batch
        )


def json_rows(table, rows):
    """`rows` as JSON objects with the columns of `table`, in order."""
    for row in rows:
        yield {column.name: json_value(row[column.name]) for column in table.columns}


def json_array_chunks(items):
    """A JSON array of `items` (JSON values)."""
    yield "["
    separator = "\n"
    for batch in batched(items, BATCH):
        yield separator + ",\n".join(json.dumps(item, ensure_ascii=False) for item in batch)
        separator = ",\n"
    yield "\n]"


def json_object_chunks(sections):
    """A JSON object whose members are arrays: {name: items}."""
    yield "{"
    for index, (name, items) in enumerate(sections.items()):
        yield f"{',' if index else ''}\n{json.dumps(name)}: "
        yield from json_array_chunks(items)
    yield "\n}\n"
