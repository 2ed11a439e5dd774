"""Every normalise pass on arbitrary text: no exception, nothing lost unreported, idempotent where it should be."""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pamphleteer.chapters import render_body
from pamphleteer.normalise import PIPELINES, normalise_source
from pamphleteer.normalise.passes import PASSES, PassContext
from pamphleteer.normalise.vocabulary import Vocabulary
from pamphleteer.readers import read

# Pieces of the defects the passes repair, so that arbitrary text often looks like a seed:
# hyphens at line ends, folios and running heads, note digits and note blocks,
# Markdown markers, quotes, dashes, page rules.
_PIECES = [
    "the", "workers", "committee", "factory", "control", "Soviet", "Lenin", "1917", "12", "iii",
    "sta-", "pled", "con-\ntrol", "word.1", "text.23", "<sup>4</sup>", "[^1]", "*", "**", "_", "#", "##", ">",
    "-", "1.", "—", "--", "...", "…", '"', "'", "“", "”", "(", ")", "[", "]", ":", ";", ",", ".", "?",
    "\n", "\n", "\n", "\n\n", "\n\n", "\f", "---", "* * *", "\n1 A note.\n", "\n2\n", "CHAPTER ONE",
    "Continued on page 4", "Read more", "\t", "  ", "é", "ß", "Ω", "ﬁ",
    "<p>", "</p>", "<h2>", "</h2>", "<em>", "</em>", "<blockquote>", "</blockquote>", "<li>", "<br>", "&amp;",
]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(min_size=1, max_size=8)), min_size=1, max_size=60).map(
    lambda pieces: " ".join(pieces))
_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,40}>|\]\([^)]*\)")  # tags and link targets
# A few dozen examples per test keep the suite fast, and the same examples every
# run keep it repeatable; PAMPHLETEER_EXAMPLES=1000 searches harder, at random.
_DEEP = os.environ.get("PAMPHLETEER_EXAMPLES")
_SETTINGS = settings(max_examples=int(_DEEP or "40"), deadline=None, derandomize=not _DEEP,
                     suppress_health_check=[HealthCheck.too_slow])

# Passes that, run on their own output, must change nothing more. (unwrap-lines
# is a change of stage, lines to blocks: its output has no lines left to unwrap.)
IDEMPOTENT = {
    "remove-folios", "remove-running-heads", "rejoin-hyphenated-words", "join-lines",
    "curl-quotes", "dashes-and-ellipses", "tidy-spaces", "number-notes",
}


# A ligature ("ﬁ") is its letters, as Unicode's compatibility decomposition spells them.
_LIGATURES = str.maketrans({chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)})


def letters(text: str, kind: str = "") -> Counter:
    """Letters only, markup aside: joins, quotes, dashes and note numbers may change; letters may not."""
    text = _html_text(text) if kind == "html" else _MARKUP.sub(" ", text)
    return Counter(ch for ch in text.translate(_LIGATURES).lower() if ch.isalpha())


def _html_text(page: str) -> str:
    """The text of an HTML page as a browser's parser sees it (`<A <p>` is a tag, `&amp;` one character)."""
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = Text()
    parser.feed(page)
    parser.close()
    return " ".join(parser.parts)


@pytest.mark.parametrize("kind", sorted(PIPELINES))
@_SETTINGS
@given(text=_TEXT)
def test_normalising_arbitrary_text_loses_no_letter_unreported(kind: str, text: str):
    result = normalise_source(text, "seed.txt", kind)
    removed = Counter()
    for change in result.changes:
        if change.action == "removed":
            removed += letters(change.before)
    kept = letters(render_body(result.draft))
    source = letters(text, kind)
    assert not source - kept - removed, "letters lost without a report"
    assert not kept - source, "letters invented"


@pytest.mark.parametrize("kind", sorted(PIPELINES))
@_SETTINGS
@given(text=_TEXT)
def test_normalising_is_deterministic(kind: str, text: str):
    first = render_body(normalise_source(text, "seed.txt", kind).draft)
    assert render_body(normalise_source(text, "seed.txt", kind).draft) == first


# Known defects, found by these tests and reported; each runs, and is shown as xfail until fixed.
KNOWN: dict[str, str] = {}
_STEPS = [pytest.param(kind, name, id=f"{kind}:{name}",
                       marks=[pytest.mark.xfail(reason=KNOWN[name], strict=False)] if name in KNOWN else [])
          for kind, name in sorted({(k, n) for k, names in PIPELINES.items() for n in names if n in IDEMPOTENT})]


@pytest.mark.parametrize(("kind", "name"), _STEPS)
@_SETTINGS
@given(text=_TEXT)
def test_pass_is_idempotent(kind: str, name: str, text: str):
    """Run the pipeline up to and including the pass, then the pass once more: nothing changes."""
    draft, _ = read(text, "seed.txt", kind)
    context = PassContext("seed.txt", draft.kind, "en", Vocabulary(text, "en"), {})
    pipeline = PIPELINES[draft.kind]
    for step in pipeline[: pipeline.index(name) + 1]:
        draft, _ = PASSES[step].function(draft, context)
    again, changes = PASSES[name].function(draft, context)
    assert again == draft, f"{name} changed its own output: {changes[:3]}"
