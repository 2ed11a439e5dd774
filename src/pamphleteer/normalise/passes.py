"""The pass protocol, its registry and the record every pass keeps of what it changed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .draft import Draft
from .vocabulary import Vocabulary

# What a change did; "review" marks a decision an editor should look at.
ACTIONS = ("removed", "joined", "split", "moved", "replaced", "review")


@dataclass(frozen=True)
class Change:
    """One edit a pass made, with the seed line it came from.

    Attributes:
        pass_name: The pass's registered kebab-case name.
        action: One of ACTIONS.
        line: Seed line (1-based) the change applies to.
        before: Text before the change (verbatim for removals).
        after: Text after the change.
        note: Why, when the action alone does not say (e.g. a confidence).
    """

    pass_name: str
    action: str
    line: int
    before: str
    after: str = ""
    note: str = ""


@dataclass(frozen=True)
class PassContext:
    """What a pass may know besides the draft: no files, no globals.

    Attributes:
        path: Seed path as shown in locations.
        kind: Reader kind.
        language: BCP 47 language of the text ("en").
        vocabulary: Word knowledge (the document's own words and wordfreq).
        options: Per-chapter options from the manifest (e.g. "page_order").
    """

    path: str
    kind: str
    language: str = "en"
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    options: Mapping[str, object] = field(default_factory=dict)


class Pass(Protocol):
    def __call__(self, draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]: ...


@dataclass(frozen=True)
class RegisteredPass:
    name: str
    function: Pass

    @property
    def purpose(self) -> str:
        doc = self.function.__doc__ or ""
        return doc.strip().splitlines()[0] if doc.strip() else ""


PASSES: dict[str, RegisteredPass] = {}


def register(name: str) -> Callable[[Pass], Pass]:
    """Register a pass under its kebab-case name.

    The name is used by PIPELINES, the report, test case folders and docs.
    """

    def decorate(function: Pass) -> Pass:
        known = PASSES.get(name)
        # The same module imported twice (as doctest collection can) registers again; another function may not.
        if known and known.function.__code__.co_filename != function.__code__.co_filename:
            raise ValueError(f"pass {name!r} registered twice")
        PASSES[name] = RegisteredPass(name, function)
        return function

    return decorate
