"""Organizations a report names that the catalog does not know: runs of capitalised
words with a keyword of bodies' names ("Ministry", "Комитет"), proposed for an editor to
confirm.
"""

import re

from .catalog import Found
from .extraction import fold
from .tokens import CONNECTORS, ORGANIZATION_KEYWORDS, tokenize

LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


def propose_organizations(text, known_spans, excluded):
    """Organizations the report names that the catalog does not know."""
    tokens = tokenize(text)
    proposals = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not token.capitalised or any(s <= token.start < e for s, e in known_spans):
            index += 1
            continue
        run, cursor = [token], index + 1
        while cursor < len(tokens):
            following = tokens[cursor]
            gap = text[run[-1].end : following.start]
            if gap.strip() not in ("", "’", "'"):
                break
            if following.capitalised or (
                following.folded in CONNECTORS
                and cursor + 1 < len(tokens)
                and (tokens[cursor + 1].capitalised or tokens[cursor + 1].folded in CONNECTORS)
            ):
                run.append(following)
            else:
                break
            cursor += 1
        while run and run[-1].folded in CONNECTORS:
            run.pop()
        has_keyword = any(t.folded in ORGANIZATION_KEYWORDS for t in run)
        capitals = sum(1 for t in run if t.capitalised)
        if (
            has_keyword
            and capitals >= 2
            and not any(s <= t.start < e for t in run for s, e in known_spans)
        ):
            if run[0].folded in {"the", "le", "la", "el", "die", "der"}:
                run = run[1:]
            name = text[run[0].start : run[-1].end]
            if fold(name) not in excluded:
                proposals.setdefault(fold(name), name)
        index = max(cursor, index + 1)
    for token_index, token in enumerate(tokens):
        if token.folded not in ORGANIZATION_KEYWORDS or LATIN.match(token.text):
            continue
        if any(s <= token.start < e for s, e in known_spans):
            continue
        run = [token]
        for following in tokens[token_index + 1 : token_index + 4]:
            if text[run[-1].end : following.start].strip() or LATIN.match(following.text):
                break
            run.append(following)
        if len(run) > 1:
            name = text[run[0].start : run[-1].end]
            if fold(name) not in excluded:
                proposals.setdefault(fold(name), name)
    return [Found(name, False) for name in proposals.values()]
