"""Line diffs of two texts, as the admin shows what a revision or a rival save changed."""

import difflib


def line_diff(old, new):
    """The lines of a unified diff from `old` to `new`, as (kind, text) pairs."""
    lines = difflib.unified_diff(
        str(old or "").splitlines(), str(new or "").splitlines(), lineterm="", n=1
    )
    diff = []
    for line in list(lines)[2:]:
        kind = {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "")
        diff.append((kind, line))
    return diff
