"""Chapter files: YAML front matter plus Markdown, written with stable bytes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import safe_yaml
from .errors import ContentError

if TYPE_CHECKING:  # importing the normaliser would load every pass, and reading a chapter needs none
    from .normalise.draft import Block, Draft

# Front-matter keys in the order they are written; others follow sorted.
FIELD_ORDER = (
    "title", "subtitle", "author", "year", "source", "source_url", "licence",
    "retrieved", "publisher", "seed", "kind",
)
_PLAIN_ESCAPES = re.compile(r"([\\`*_<])")
# `pamphleteer normalise` signs what it writes, so it can tell a hand-edited chapter later.
STAMP_KEY = "normalised"
_STAMP = re.compile(rf"^{STAMP_KEY}: sha256-([0-9a-f]{{16}})\n", re.M)
_LINE_START = re.compile(r"^(#{1,6}\s|>|[-+*]\s|\d{1,9}[.)]\s|=+\s*$|-+\s*$)")


@dataclass(frozen=True)
class ChapterFile:
    """A chapter as stored: front matter, body, and where the body starts."""

    path: Path
    meta: dict[str, object]
    body: str
    body_line: int  # 1-based line of the file where `body` begins


def render_chapter(meta: dict[str, object], draft: Draft) -> str:
    """The whole chapter file for a normalised draft."""
    return f"---\n{render_front_matter(meta)}---\n\n{render_body(draft)}"


def stamp_chapter(text: str) -> str:
    """Add a `normalised:` line to the front matter: a hash of the rest of the file.

    >>> stamped = stamp_chapter("---\\ntitle: A\\n---\\n\\nText.\\n")
    >>> print(stamped, end="")
    ---
    title: A
    normalised: sha256-903dd1e876162ad9
    ---
    <BLANKLINE>
    Text.
    >>> stamp_state(stamped), stamp_state(stamped.replace("Text", "Test")), stamp_state("Text.")
    ('generated', 'edited', 'unstamped')
    """
    end = text.find("\n---\n", 3) + 1
    if not text.startswith("---\n") or end <= 0:
        raise ValueError("only a chapter with front matter can be stamped")
    return f"{text[:end]}{STAMP_KEY}: sha256-{_digest(text)}\n{text[end:]}"


def stamp_state(text: str) -> str:
    """"generated" if the file is as normalise stamped it, "edited" if changed since, else "unstamped"."""
    end = text.find("\n---\n", 3)
    match = _STAMP.search(text, 0, end + 1) if text.startswith("---\n") and end > 0 else None
    if match is None:
        return "unstamped"
    unstamped = text[: match.start()] + text[match.end():]
    return "generated" if _digest(unstamped) == match.group(1) else "edited"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def render_front_matter(meta: dict[str, object]) -> str:
    """YAML front matter with keys in a fixed order and empty values left out.

    >>> print(render_front_matter({"year": 2005, "title": "A: B", "author": ""}), end="")
    title: 'A: B'
    year: 2005
    """
    keys = [key for key in FIELD_ORDER if key in meta]
    keys += sorted(key for key in meta if key not in FIELD_ORDER)
    lines = []
    for key in keys:
        value = meta[key]
        if value in ("", None, [], {}):
            continue
        dumped = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=10_000)
        lines.append(dumped)
    return "".join(lines)


def render_body(draft: Draft) -> str:
    """The Markdown body: blocks in order, then the notes as [^n]: definitions.

    >>> from pamphleteer.normalise.draft import Block, Draft, Note
    >>> d = Draft("x", "text", blocks=(Block("heading", "On *power*", (1,), 2), Block("para", "A note.[^1]", (2,))))
    >>> print(render_body(d.but(notes=(Note("1", "Text.", 3),))), end="")
    ## On \\*power\\*
    <BLANKLINE>
    A note.[^1]
    <BLANKLINE>
    [^1]: Text.
    """
    inline = (lambda text: text) if draft.markup else escape_plain
    parts: list[str] = []
    previous: Block | None = None
    for block in draft.blocks:
        parts.append(_separator(previous, block))
        parts.append(_render_block(block, inline))
        previous = block
    notes = [f"[^{note.label}]: {inline(note.text)}\n" for note in draft.notes]
    body = "".join(parts).lstrip("\n")
    if notes:
        body += "\n" + "\n".join(notes)
    return body


def _separator(previous: Block | None, block: Block) -> str:
    if previous is None:
        return ""
    same_quote = previous.kind == block.kind == "quote" and previous.level == block.level
    same_list = previous.kind == block.kind == "item" and previous.level == block.level
    if same_quote:
        return ">\n"
    if same_list:
        return ""
    # Separate quotations stay apart: a blank line ends a block quote (as in
    # CommonMark and Pandoc; model.parse keeps Python-Markdown to that).
    return "\n"


def _render_block(block: Block, inline) -> str:
    text = inline(block.text)
    if block.kind == "heading":
        return f"{'#' * max(2, block.level)} {text}\n"
    if block.kind == "quote":
        return f"> {text}\n"
    if block.kind == "item":
        return f"{'1.' if block.level else '-'} {text}\n"
    return f"{_LINE_START.sub(lambda m: chr(92) + m.group(0), text)}\n"


def escape_plain(text: str) -> str:
    """Escape characters that Markdown would read as markup in plain text.

    >>> escape_plain("a*b_c <d> [^1]")
    'a\\\\*b\\\\_c \\\\<d> [^1]'
    """
    return _PLAIN_ESCAPES.sub(r"\\\1", text)


def read_chapter(path: Path, shown: str | None = None) -> ChapterFile:
    """Read a chapter file, splitting off its front matter.

    Raises:
        ContentError: the file is missing or its front matter is broken.
    """
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(f"{shown}: the chapter file does not exist; run `pamphleteer normalise` first.") from None
    except OSError as error:
        raise ContentError(f"{shown}: cannot read the chapter ({error.strerror}).") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ContentError(f"{shown}:{line}: the chapter is not UTF-8 text; save it as UTF-8.") from None
    return parse_chapter(text, path, shown)


def parse_chapter(text: str, path: Path, shown: str) -> ChapterFile:
    """Split `text` into front matter and body (see `read_chapter`)."""
    if not text.startswith("---\n"):
        return ChapterFile(path, {}, text, 1)
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ContentError(f"{shown}:1: the front matter has no closing `---` line.")
    try:
        meta = safe_yaml.load(text[4:end]) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = safe_yaml.describe(error)
        raise ContentError(f"{shown}:{line}: broken front matter: {problem}.") from None
    if not isinstance(meta, dict):
        raise ContentError(f"{shown}:2: the front matter must be `key: value` lines.")
    body_start = end + len("\n---\n")
    body = text[body_start:]
    body_line = text.count("\n", 0, body_start) + 1
    stripped = body.lstrip("\n")
    body_line += len(body) - len(stripped)
    return ChapterFile(path, meta, stripped, body_line)
