"""Model nodes to HTML, once, for print and EPUB alike; pages through Jinja2 templates."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..errors import ContentError
from ..model import nodes as n
from ..model.parse import plain_text

STYLES = "styles"


@dataclass(frozen=True)
class NoteStyle:
    """How notes are written: print footnotes at the call, or EPUB asides after the text."""

    target: str  # "print" | "epub"


class HtmlWriter:
    """Writes the nodes of one chapter as HTML for one target."""

    def __init__(self, chapter: n.Chapter, target: str) -> None:
        self.chapter = chapter
        self.target = target
        self._notes = {note.number: note for note in chapter.notes}
        self._anchors = dict(_anchor_ids(chapter.slug, chapter.blocks))

    def blocks(self, blocks: tuple[n.Block, ...]) -> Markup:
        return Markup("\n").join(self.block(block) for block in blocks)

    def block(self, block: n.Block) -> Markup:
        if isinstance(block, n.Para):
            return Markup("<p{}>{}</p>").format(self._id(block), self.inlines(block.content))
        if isinstance(block, n.Header):
            level = min(6, block.level + 1)  # the chapter title is h2 on the page
            return Markup('<h{0} id="{1}">{2}</h{0}>').format(level, block.identifier, self.inlines(block.content))
        if isinstance(block, n.BlockQuote):
            return Markup("<blockquote>\n{}\n</blockquote>").format(self.blocks(block.content))
        if isinstance(block, (n.BulletList, n.OrderedList)):
            tag = "ul" if isinstance(block, n.BulletList) else "ol"
            items = Markup("\n").join(Markup("<li{}>{}</li>").format(self._id(item), self._item(item))
                                       for item in block.items)
            return Markup("<{0}>\n{1}\n</{0}>").format(tag, items)
        if isinstance(block, n.HorizontalRule):
            return Markup('<hr class="section-break"/>')
        raise TypeError(f"unknown block {block!r}")

    def _id(self, node: object) -> Markup:
        """` id="…"` for a block of the chapter's text, so both outputs can name the same place."""
        anchor = self._anchors.get(id(node))
        return Markup(' id="{}"').format(anchor) if anchor else Markup("")

    def _item(self, blocks: tuple[n.Block, ...]) -> Markup:
        if len(blocks) == 1 and isinstance(blocks[0], n.Para):
            return self.inlines(blocks[0].content)
        return self.blocks(blocks)

    def inlines(self, content: tuple[n.Inline, ...]) -> Markup:
        return Markup("").join(self.inline(node) for node in content)

    def inline(self, node: n.Inline) -> Markup:
        if isinstance(node, n.Str):
            return escape(node.text)
        if isinstance(node, n.Emph):
            return Markup("<em>{}</em>").format(self.inlines(node.content))
        if isinstance(node, n.Strong):
            return Markup("<strong>{}</strong>").format(self.inlines(node.content))
        if isinstance(node, n.Code):
            return Markup("<code>{}</code>").format(node.text)
        if isinstance(node, n.Link):
            return Markup('<a href="{}">{}</a>').format(node.url, self.inlines(node.content))
        if isinstance(node, n.LineBreak):
            return Markup("<br/>")
        if isinstance(node, n.NoteRef):
            return self.note_call(node.number)
        if isinstance(node, n.Cite):
            return self.inlines(node.rendered) if node.rendered else escape(f"[@{node.key}{', ' + node.locator if node.locator else ''}]")
        raise TypeError(f"unknown inline {node!r}")

    def note_id(self, number: int) -> str:
        return f"{self.chapter.slug}-note-{number}"

    def note_call(self, number: int) -> Markup:
        note = self._notes.get(number)
        if self.target == "print":
            body = self.note_inline_body(note) if note else Markup("")
            return Markup('<span class="footnote" id="{}">{}</span>').format(self.note_id(number), body)
        return Markup(
            '<a class="noteref" epub:type="noteref" role="doc-noteref" id="{0}-ref" href="#{0}">{1}</a>'
        ).format(self.note_id(number), number)

    def note_inline_body(self, note: n.Note) -> Markup:
        """A note's paragraphs as inline spans: a print footnote lives inside a paragraph."""
        paragraphs = [b for b in note.content if isinstance(b, n.Para)]
        others = [b for b in note.content if not isinstance(b, n.Para)]
        parts = [self.inlines(p.content) for p in paragraphs]
        parts += [escape(plain_text(getattr(b, "content", ()))) for b in others if hasattr(b, "content")]
        return Markup('<span class="footnote-para">{}</span>').format(Markup('</span><span class="footnote-para">').join(parts))

    def notes_section(self) -> Markup:
        """EPUB: every note as its own aside after the chapter text, number and back-link first."""
        asides = []
        for note in self.chapter.notes:
            asides.append(Markup(
                '<aside class="footnote" epub:type="footnote" role="doc-footnote" id="{0}">\n'
                '<p><a class="note-number" href="#{0}-ref" role="doc-backlink">{1}.</a> {2}</p>{3}\n</aside>'
            ).format(self.note_id(note.number), note.number, self._first_para(note), self._rest(note)))
        return Markup("\n").join(asides)

    def _first_para(self, note: n.Note) -> Markup:
        first = note.content[0] if note.content else None
        return self.inlines(first.content) if isinstance(first, n.Para) else Markup("")

    def _rest(self, note: n.Note) -> Markup:
        rest = note.content[1:] if note.content and isinstance(note.content[0], n.Para) else note.content
        return Markup("\n") + self.blocks(rest) if rest else Markup("")


def _anchor_ids(prefix: str, blocks: tuple, path: str = ""):
    """(id(node), anchor) for every paragraph and list item of a chapter's text, by position.

    The EPUB marks the print edition's page breaks by these anchors, so they
    depend only on where a block stands, never on the order of rendering; notes
    get none. "--" never occurs in heading or note identifiers.
    """
    for index, block in enumerate(blocks, start=1):
        anchor = f"{prefix}--{path}{index}"
        if isinstance(block, n.Para):
            yield id(block), anchor
        elif isinstance(block, n.BlockQuote):
            yield from _anchor_ids(prefix, block.content, f"{path}{index}-")
        elif isinstance(block, (n.BulletList, n.OrderedList)):
            for number, item in enumerate(block.items, start=1):
                if item:  # the empty tuple is one shared object: it cannot name a place
                    yield id(item), f"{anchor}-{number}"
                yield from _anchor_ids(prefix, item, f"{path}{index}-{number}-")


def template_environment(root: Path) -> jinja2.Environment:
    """Templates from the project's styles/ first, then the package defaults."""
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(str(root / STYLES)),
        jinja2.PackageLoader("pamphleteer", "data/styles"),
    ])
    environment = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        bytecode_cache=_compiled_templates(root),
    )
    environment.filters["plain"] = plain_text
    return environment


def _compiled_templates(root: Path) -> jinja2.BytecodeCache | None:
    """Templates compiled once and kept in build/ (compiling them is a tenth of an EPUB build).

    Jinja checks each kept template against its source, so an edited template is compiled again.
    """
    folder = root / "build" / ".templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only project still builds, compiling as it goes
    return jinja2.FileSystemBytecodeCache(str(folder))


def render_template(environment: jinja2.Environment, name: str, **context) -> str:
    """Render a template, turning template mistakes into one clear sentence."""
    try:
        return environment.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as error:
        raise ContentError(f"{error.filename or name}:{error.lineno}: template error: {error.message}.") from None
    except jinja2.UndefinedError as error:
        raise ContentError(f"{_template_place(error, name)}: template error: {error.message}.") from None
    except jinja2.TemplateNotFound as error:
        raise ContentError(f"template {error.name} not found in styles/ or the defaults.") from None


def _template_place(error: Exception, name: str) -> str:
    """file:line of the template line that failed; Jinja puts template frames in the traceback."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name


def read_style(root: Path, name: str) -> str:
    """A stylesheet from the project's styles/, else the package default."""
    local = root / STYLES / name
    if local.is_file():
        return local.read_text(encoding="utf-8")
    from importlib.resources import files

    return (files("pamphleteer") / "data" / "styles" / name).read_text(encoding="utf-8")
