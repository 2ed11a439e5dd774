"""Clean documents made up from a word list, web-scraper damage done to them, and scores for the repair.

A clean document is a list of blocks (heading, paragraph, quotation). `scrape`
breaks it the ways scraped web text is broken; `score` compares what the
normaliser made of it with the clean document.
"""

from __future__ import annotations

import difflib
import random
import re
import textwrap
from dataclasses import dataclass, field

from wordfreq import top_n_list

_WORDS = [w for w in top_n_list("en", 6000) if w.isalpha() and w.isascii() and len(w) >= 3][200:]
_NAMES = ["Mora", "Kessel", "Aubry", "Lindqvist", "Okafor", "Tamsin", "Varga", "Delmas", "Hurst", "Pryce"]


@dataclass
class Clean:
    """A clean document: blocks of ("heading" | "para" | "quote", text, quotation id)."""

    blocks: list[tuple[str, str, int]] = field(default_factory=list)

    def markdown(self) -> str:
        out, previous = [], None
        for kind, text, group in self.blocks:
            if previous and previous[0] == kind == "quote" and previous[2] == group:
                out.append(">")
            elif out:
                out.append("")
            out.append({"heading": f"## {text}", "quote": f"> {text}"}.get(kind, text))
            previous = (kind, text, group)
        return "\n".join(out) + "\n"


_OPENERS = ["The", "In", "It", "This", "If", "But", "We", "As", "For", "They", "There", "When"]


def _sentence(rng: random.Random, end: str = ".") -> str:
    words = rng.sample(_WORDS, rng.randint(7, 20))
    if rng.random() < 0.4:
        words[0] = rng.choice(_OPENERS)
    if rng.random() < 0.15:
        words.insert(rng.randint(3, len(words) - 2), "—")
    if rng.random() < 0.1:
        words.insert(rng.randint(3, len(words) - 2), "…")
    if rng.random() < 0.3:
        words.insert(rng.randint(2, len(words) - 1), rng.choice(_NAMES))
    if rng.random() < 0.3:
        cut = rng.randint(2, len(words) - 2)
        words[cut] += ","
    text = " ".join([words[0][:1].upper() + words[0][1:], *words[1:]]) + end
    return text


def _paragraph(rng: random.Random, sentences: tuple[int, int] = (2, 6), quoting: bool = True) -> str:
    text = " ".join(_sentence(rng) for _ in range(rng.randint(*sentences)))
    if quoting and rng.random() < 0.08:  # a paragraph opening with a quotation in running text
        text = f"“{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)},” said {rng.choice(_NAMES)}. {text}"
    return text


def _title(rng: random.Random, echo: str) -> str:
    rare = [w for w in re.findall(r"[a-z]{5,}", echo)][:6]
    words = rng.sample(rare, min(2, len(rare))) + rng.sample(_WORDS, rng.randint(1, 3))
    if rng.random() < 0.5:
        return " ".join(words).capitalize() + "?"
    return " ".join(word.capitalize() for word in words)


def _quotation(rng: random.Random, paragraphs: int) -> list[str]:
    texts = [f"“{_paragraph(rng, (1, 3), quoting=False)}" for _ in range(paragraphs)]
    cite = f" [{rng.choice(_NAMES)}, {rng.choice(_WORDS).capitalize()}, p. {rng.randint(2, 300)}]"
    texts[-1] += "”" + (cite if rng.random() < 0.8 else "")
    return texts


def make_document(seed: int, sections: int = 4, opening: bool = True, colons: float = 1.0) -> Clean:
    """A clean document: an opening (or not), then sections with headings, paragraphs and quotations."""
    rng = random.Random(seed)
    doc = Clean()
    group = 0
    for index in range(0 if opening else 1, sections + 1):
        paras = [_paragraph(rng) for _ in range(rng.randint(3, 7))]
        if index:
            doc.blocks.append(("heading", _title(rng, paras[0]), 0))
        for para in paras:
            if rng.random() < 0.12:
                words = rng.sample(_WORDS, rng.randint(2, 4))
                doc.blocks.append(("link", " ".join(word.capitalize() for word in words), 0))
            if rng.random() < 0.35:
                group += 1
                doc.blocks.append(("para", para[:-1] + ":" if rng.random() < colons else para, 0))
                doc.blocks += [("quote", text, group) for text in _quotation(rng, rng.choice([1, 1, 1, 2, 3]))]
            else:
                doc.blocks.append(("para", para, 0))
    return doc


@dataclass(frozen=True)
class Damage:
    """How to break a clean document, as scrapers do."""

    layout: str = "wrapped"  # "wrapped", "per-line", "per-line-spaced" or "mixed"
    width: int = 60
    blank: str = " "  # what a blank line between wrapped paragraphs holds
    tear: bool = True  # headings and quotations torn out and appended
    first_only: float = 0.5  # share of quotations whose first paragraph alone is moved
    torn: float = 1.0  # share of quotations torn out at all
    mark_breaks: bool = True  # a torn-out heading leaves an extra blank line
    ascii: float = 0.5  # share of paragraphs typed with "--", " - " and ". . ." for dashes and ellipses
    glue: float = 1.0  # share of link texts glued to the paragraph after them
    captions: int = 0  # image captions put inline between paragraphs (one-per-line layouts only)
    truncated: bool = False  # a "<>" left where the site cut the text short
    numbering: str = "{} "  # how the appended titles are numbered
    straight: float = 0.5  # share of paragraphs whose quote marks are straight


def scrape(doc: Clean, damage: Damage, seed: int = 0) -> str:
    """The document as a web scraper would leave it."""
    rng = random.Random(seed)
    blocks = [(kind, _type_ascii(text, rng, damage), group) for kind, text, group in doc.blocks]
    blocks = _glue(blocks, damage, rng)
    body, appendix = _tear(blocks, damage, rng) if damage.tear else (_keep(blocks), [])
    body = _caption(body, damage, rng)
    if damage.truncated:
        body[-1] = (body[-1][0] + " <>", body[-1][1])
    lines: list[str] = []
    for index, (text, gap) in enumerate(body):
        wrapped = _layout(text, damage, index, len(body))
        separator = [damage.blank] * gap if damage.layout != "per-line" or gap > 1 else []
        lines += (separator if lines else []) + wrapped
    return "\n".join(lines + [damage.blank] * 3 + appendix) + "\n"


def _type_ascii(text: str, rng: random.Random, damage: Damage) -> str:
    if rng.random() < damage.straight:
        text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    if rng.random() < damage.ascii:
        text = text.replace(" — ", rng.choice([" -- ", " - "])).replace(" … ", rng.choice([" . . . ", " ... "]))
    return text.replace(". ", ".  ") if rng.random() < 0.2 else text


def _glue(blocks, damage: Damage, rng: random.Random):
    """A link text run into the paragraph after it: "...Council CommunismIf one reads"."""
    out = []
    for kind, text, group in blocks:
        if out and out[-1][0] == "link" and kind == "para" and rng.random() < damage.glue:
            out[-1] = ("para", out[-1][1] + text, group)
        else:
            out.append((kind, text, group))
    return out


def _caption(body: list[tuple[str, int]], damage: Damage, rng: random.Random) -> list[tuple[str, int]]:
    for _ in range(damage.captions):
        names = rng.sample(_NAMES, 2)
        index = rng.randint(1, len(body) - 2)
        if body[index][1] == 1 and body[index + 1][1] == 1:
            body.insert(index + 1, (f"Delegates {names[0]} and {names[1]}", 1))
    return body


def _keep(blocks):
    return [(text, 1) for kind, text, group in blocks]


def _layout(text: str, damage: Damage, index: int, total: int) -> list[str]:
    per_line = damage.layout.startswith("per-line") or (damage.layout == "mixed" and index < total // 3)
    return [text] if per_line else textwrap.wrap(text, damage.width, break_long_words=False, break_on_hyphens=False)


def _tear(blocks, damage: Damage, rng: random.Random):
    """Headings and quotations out of the body, appended as a numbered list of titles with their quotes."""
    body: list[tuple[str, int]] = []
    appendix: list[str] = []
    gap, number, modes = 1, 0, {}
    for kind, text, group in blocks:
        if kind == "heading":
            number += 1
            title = damage.numbering.format(number) + text
            appendix += textwrap.wrap(title, 40) if rng.random() < 0.3 else [title]
            gap += 1 if damage.mark_breaks else 0
            continue
        if kind == "quote":
            if group not in modes:
                modes[group] = "first" if rng.random() < damage.first_only else "whole"
                # Quotations before the first heading have no title to follow: they stay.
                modes[group] = modes[group] if number and rng.random() < damage.torn else "kept"
                moved = modes[group] != "kept"
            else:
                moved = modes[group] == "whole"
            if moved:
                appendix += textwrap.wrap(text, damage.width, break_long_words=False, break_on_hyphens=False)
                continue
        body.append((text, gap))
        gap = 1
    return body, appendix


def words(markdown: str) -> list[str]:
    """Words for comparison: quote marks, dashes and Markdown marks do not count."""
    text = re.sub(r"^(?:#+|>)\s?", "", markdown, flags=re.M)
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.findall(r"[\w'\[\]:.,?;]+", text)


def blocks_of(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) of each block of a chapter body."""
    out = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        kind = "heading" if chunk.startswith("#") else "quote" if chunk.startswith(">") else "para"
        for piece in re.split(r"\n>\n", chunk):
            out.append((kind, " ".join(words(piece))))
    return out


@dataclass(frozen=True)
class Scores:
    word_error_rate: float
    boundary_f1: float
    quotes_placed: float
    headings_placed: float


def score(clean: Clean, markdown: str) -> Scores:
    """Compare a normalised body with its clean document."""
    expected, actual = words(clean.markdown()), words(markdown)
    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    errors = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    want, got = blocks_of(clean.markdown()), blocks_of(markdown)
    return Scores(errors / max(1, len(expected)), _boundary_f1(want, got),
                  _placed(want, got, "quote"), _placed(want, got, "heading"))


def _starts(blocks: list[tuple[str, str]]) -> set[str]:
    """Each block by its first words and the words before it: where a paragraph boundary is."""
    flat: list[str] = []
    starts = set()
    for _, text in blocks:
        starts.add(" ".join(flat[-4:] + text.split()[:4]))
        flat += text.split()
    return starts


def _boundary_f1(want, got) -> float:
    a, b = _starts(want), _starts(got)
    hits = len(a & b)
    return 2 * hits / (len(a) + len(b)) if a or b else 1.0


def _placed(want, got, kind: str) -> float:
    """Share of blocks of `kind` found as that kind right after the same block as in the clean text."""
    pairs = {(kind_b, text_b[:60], text_a[:60]) for (_, text_a), (kind_b, text_b) in zip(got, got[1:])}
    expected = [(k, b[:60], a[:60]) for (_, a), (k, b) in zip(want, want[1:]) if k == kind]
    return sum(1 for item in expected if item in pairs) / len(expected) if expected else 1.0
