"""A report's bytes read as text: the size limits, the file types read, and the
encodings a scraped report may come in when it is not UTF-8.
"""

import codecs
import re

from django.utils.translation import gettext

MAX_BYTES = 5 * 1024 * 1024
#: The longest report text read, in characters: news reports are a few thousand; reading
#: names in millions would hold an admin request for minutes.
MAX_CHARACTERS = 200_000
HTML_SUFFIXES = (".html", ".htm")
REPORT_SUFFIXES = (".txt", *HTML_SUFFIXES)


class ReportError(Exception):
    """A report that cannot be imported; the message says why."""


#: Encodings a scraped report in the desk's languages may come in when it is not UTF-8:
#: Western European, Cyrillic, Turkish and Arabic code pages.
LEGACY_ENCODINGS = [
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1254",
    "cp1256",
    "iso8859_6",
    "iso8859_5",
    "mac_cyrillic",
]


def storable(text):
    """Whether decoded text can be stored: no NUL, and no lone surrogates, which codecs
    such as unicode_escape make."""
    return "\x00" not in text and not re.search("[\ud800-\udfff]", text)


def too_long(text):
    if len(text) > MAX_CHARACTERS:
        raise ReportError(
            gettext(
                "the report's text is %(length)s characters long, longer than any news "
                "report: the limit is %(max)s"
            )
            % {"length": f"{len(text):,}", "max": f"{MAX_CHARACTERS:,}"}
        )


def decode(data):
    """The text of a file's bytes, with a warning when it was not UTF-8."""
    if len(data) > MAX_BYTES:
        raise ReportError(
            gettext(
                "the file is larger than %(max)d MB (%(size)s bytes): reports over 5 MB are refused"
            )
            % {"max": MAX_BYTES // 1024 // 1024, "size": f"{len(data):,}"}
        )
    if not data.strip():
        raise ReportError(gettext("the file is empty"))
    # UTF-32 first: its little-endian byte order mark begins with UTF-16's.
    for marks, encoding, note in [
        (
            (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
            "utf-32",
            gettext("not UTF-8: read as UTF-32, as its byte order mark says"),
        ),
        (
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
            "utf-16",
            gettext("not UTF-8: read as UTF-16, as its byte order mark says"),
        ),
    ]:
        if data.startswith(marks):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                break
            if not storable(text):
                raise ReportError(gettext("this is a binary file, not a text or HTML report"))
            return text, [note]
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    if b"\x00" in data or controls > len(sample) * 0.05:
        raise ReportError(gettext("this is a binary file, not a text or HTML report"))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.IGNORECASE)
    if declared:
        charset = declared.group(1).decode("ascii")
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeError):
            text = None
        if text is not None and storable(text):
            return text, [
                gettext("not UTF-8: read as %(encoding)s, as the file declares")
                % {"encoding": charset}
            ]
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.encoding is None:
        raise ReportError(
            gettext("the text could not be decoded: it is not UTF-8 nor any known encoding")
        )
    return str(best), [
        gettext("not UTF-8: read as %(encoding)s, the encoding it appears to use")
        % {"encoding": best.encoding}
    ]
