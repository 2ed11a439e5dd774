"""A long-book fixture: the pamphlet's chapters repeated until the book reaches a page count."""

from __future__ import annotations

import re
import shutil
from pathlib import Path


def make_long_book(repo: Path, target: Path, pages: int, pages_per_copy: int) -> Path:
    """Write a project at `target` whose PDF runs to about `pages` pages.

    `pages_per_copy` is how many pages the pamphlet itself fills (measured
    by the caller), which sets how many copies of its chapters make the book.

    The chapters are copies of this repository's chapters, each copy a
    chapter of its own (slugs and titles numbered), generated at bench time.
    """
    if target.exists():
        shutil.rmtree(target)
    (target / "chapters").mkdir(parents=True)
    (target / "seeds").mkdir()
    if (repo / "styles").is_dir():
        shutil.copytree(repo / "styles", target / "styles")
    if (repo / "references.yaml").is_file():
        shutil.copy2(repo / "references.yaml", target / "references.yaml")
    manifest = (repo / "pamphlet.toml").read_text(encoding="utf-8")
    head, tables = _split_tables(manifest, "chapters")
    head = head.replace('formats = ["pdf", "booklet", "epub"]', 'formats = ["pdf"]')
    copies = max(1, round(pages / pages_per_copy))
    out = [head]
    number = 0
    for copy in range(1, copies + 1):
        for table in tables:
            number += 1
            out.append(_renamed_table(repo, target, table, copy, number))
    (target / "pamphlet.toml").write_text("".join(out), encoding="utf-8")
    if (repo / "corrections.toml").is_file():
        _copy_corrections(repo / "corrections.toml", target / "corrections.toml", copies)
    return target


def _copy_corrections(source: Path, target: Path, copies: int) -> None:
    """Every correction once for each copy of its chapter (a correction names one chapter)."""
    text = source.read_text(encoding="utf-8")
    head, tables = _split_tables(text, "corrections")
    out = [head]
    for copy in range(1, copies + 1):
        for table in tables:
            out.append(re.sub(r'^chapter = "([^"]+)"', lambda m: f'chapter = "{m.group(1)}-{copy}"', table, count=1, flags=re.M))
    target.write_text("".join(table if table.endswith("\n") else table + "\n" for table in out), encoding="utf-8")


def _renamed_table(repo: Path, target: Path, table: str, copy: int, number: int) -> str:
    """The manifest table of one copy of a chapter: its own slug, title, seed and chapter file."""
    slug = re.search(r'^slug = "([^"]+)"', table, re.M).group(1)
    seed = re.search(r'^seed = "([^"]+)"', table, re.M).group(1)
    source = next((repo / "chapters").glob(f"*-{slug}.md"))
    new_slug, new_seed = f"{slug}-{copy}", f"seeds/copy-{copy}-{Path(seed).name}"
    shutil.copy2(repo / seed, target / new_seed)  # a manifest may name each seed once
    text = source.read_text(encoding="utf-8").replace(f"seed: {seed}\n", f"seed: {new_seed}\n", 1)
    (target / "chapters" / f"{number:02d}-{new_slug}.md").write_text(text, encoding="utf-8")
    table = table.replace(f'slug = "{slug}"', f'slug = "{new_slug}"').replace(f'seed = "{seed}"', f'seed = "{new_seed}"')
    table = re.sub(r'^title = "([^"]+)"', lambda m: f'title = "{m.group(1)} ({copy})"', table, count=1, flags=re.M)
    return table.replace('role = "preface"', 'role = "chapter"')


def _split_tables(text: str, name: str) -> tuple[str, list[str]]:
    """What comes before the first `[[name]]` table, and each such table (a commented example is no table)."""
    tables = re.findall(rf"^\[\[{name}\]\]\n(?:(?!\[\[).*\n?)*", text, re.M)
    return (text[: text.index(tables[0])] if tables else text), tables
