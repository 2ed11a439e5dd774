"""The round trip: generate an essay, break it, normalise it, score it; the corpus and the targets."""

from __future__ import annotations

import operator
from dataclasses import dataclass, replace
from functools import lru_cache

from pamphleteer.chapters import render_body
from pamphleteer.errors import PamphleteerError
from pamphleteer.normalise import normalise_source

from .degrade import html, markdown, pdf_text, text
from .degrade.common import Degraded
from .document import Document, parse_body, to_markdown
from .generate import Recipe, generate
from .metrics import Scores, score

KINDS = ("pdf-text", "markdown", "text", "html")
DEGRADERS = {"pdf-text": pdf_text.degrade, "markdown": markdown.degrade, "text": text.degrade, "html": html.degrade}

# The targets the normaliser is judged by: metric -> (comparison, bound).
TARGETS: dict[str, tuple[str, float]] = {
    "word error rate": ("<=", 0.003),
    "paragraph F1": (">=", 0.98),
    "reading order": (">=", 0.98),
    "notes placed": (">=", 0.98),
    "quotes placed": (">=", 0.95),
    "furniture left": ("<=", 0),
}
_COMPARE = {"<=": operator.le, ">=": operator.ge}
# Scraped web text carries citations in brackets, not footnotes.
NOT_APPLICABLE = {("text", "notes placed")}
_WEB = Recipe(notes=False, links=True, topical=True)
_WEB_QUOTING = replace(_WEB, quote_rate=0.35)  # several quotations to a section


@dataclass(frozen=True)
class Case:
    """One document of the corpus: which essay, how long, and how it is broken."""

    kind: str
    seed: int
    recipe: Recipe
    layout: object

    @property
    def name(self) -> str:
        return f"{self.kind}-{self.seed}"


def _cases(kind: str, recipe: Recipe, *rows: tuple[int, int, object]) -> tuple[Case, ...]:
    return tuple(Case(kind, seed, replace(recipe, words=words), layout) for seed, words, layout in rows)


_P, _M, _T, _H = pdf_text.PdfLayout, markdown.MarkdownLayout, text.TextLayout, html.HtmlLayout
CORPUS: dict[str, tuple[Case, ...]] = {
    "pdf-text": _cases("pdf-text", Recipe(),
        (11, 3200, _P()),
        (12, 2000, _P(width=58, page_mark="indent", folios="", heads=False)),
        (13, 4200, _P(width=66, order="shuffle", folios="head", foot="texts.example.org pamphlets")),
        (14, 1600, _P(width=55, page_lines=30, order="reading", page_mark="none")),
        (15, 2600, _P(width=70, page_lines=38, interleave=True, heads=False)),
        (16, 2400, _P(width=64, order="shuffle", page_mark="none", folios="head", note_number="{}. "))),
    "markdown": _cases("markdown", Recipe(),
        (21, 3000, _M()),
        (22, 2000, _M(order="shuffle", quote_marks=True, page_words=300)),
        (23, 4500, _M(order="reading", publisher="Council Papers Online")),
        (24, 1700, _M(page_words=280, site="library.example.net")),
        (25, 2600, _M(order="shuffle", page_words=260, folios=True, quote_marks=True))),
    "text": _cases("text", _WEB,
        (31, 3500, _T(spaced=False, trace=1)),
        (32, 2200, _T(width=72, blank=" ", trace=2, bodiless=(2, 3),
                      caption="A meeting of the strike committee in the old exchange")),
        (33, 5000, _T(width=64, lead=4, blank=" ", trace=1, first_only=1.0, straight=0.3)),
        (34, 1500, _T(spaced=False, tear_out=False, straight=0.7, truncation="[…]")),
        (35, 2600, _T(spaced=False, caption="Barricades in Harbour Ward")),
        (36, 3000, _T(width=70, first_only=1.0, bodiless=(1, 2), truncation="Continue reading"))) + _cases(
            "text", _WEB_QUOTING,
        (37, 2000, _T(blank=" ", trace=2, bodiless=(0, 2), first_only=1.0)),
        (38, 2800, _T(width=68))),
    "html": _cases("html", Recipe(),
        (41, 2500, _H()),
        (42, 4000, _H(byline=False, site="Bench and Yard", notes="word", section="h3")),
        (43, 1600, _H(share=False))),
}


@dataclass(frozen=True)
class Outcome:
    """A document's round trip: the clean essay, the broken source, the chapter body and its scores."""

    case: Case
    document: Document
    degraded: Degraded
    clean: str
    output: str
    scores: Scores


def run_case(case: Case) -> Outcome:
    """Generate, degrade, normalise and score one document."""
    document = generate(case.seed, case.recipe)
    degraded = DEGRADERS[case.kind](document, case.layout, case.seed)
    clean = to_markdown(document)
    try:
        output = render_body(normalise_source(degraded.source, f"roundtrip/{case.name}", case.kind).draft)
    except PamphleteerError as error:
        output = ""
        degraded = Degraded(degraded.kind, degraded.source, degraded.furniture, f"{degraded.story}; normaliser refused: {error}")
    scores = score(parse_body(clean), parse_body(output), degraded.furniture)
    scores.problems = {key: [f"{case.name}: {problem}" for problem in problems] for key, problems in scores.problems.items()}
    return Outcome(case, document, degraded, clean, output, scores)


@lru_cache(maxsize=None)
def run_kind(kind: str) -> tuple[Outcome, ...]:
    """Every document of one kind, run once per process."""
    return tuple(run_case(case) for case in CORPUS[kind])


def total(outcomes: tuple[Outcome, ...]) -> Scores:
    """The pooled scores of several documents."""
    scores = Scores()
    for outcome in outcomes:
        scores = scores + outcome.scores
    return scores


def meets(metric: str, value: float | None) -> bool:
    """Whether a metric's value reaches its target (a value of None reaches nothing)."""
    comparison, bound = TARGETS[metric]
    return value is not None and _COMPARE[comparison](value, bound)
