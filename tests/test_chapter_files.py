"""A chapter file's front matter: broken YAML is one sentence naming the file and line."""

from pathlib import Path

import pytest

from pamphleteer.chapters import parse_chapter
from pamphleteer.errors import ContentError


@pytest.mark.parametrize(("front", "message"), [
    ("title: [On Pamphlets\nauthor: The Editors", r"c\.md:3: broken front matter: expected ',' or ']', but got ':'\.$"),
    ("title: A\ntitle: B: C", r"c\.md:3: broken front matter: mapping values are not allowed here\.$"),
    ("- a list", r"c\.md:2: the front matter must be `key: value` lines\.$"),
])
def test_broken_front_matter_is_one_sentence(front: str, message: str):
    with pytest.raises(ContentError, match=message):
        parse_chapter(f"---\n{front}\n---\n\nText.\n", Path("c.md"), "c.md")


def test_good_front_matter_and_body_are_split():
    chapter = parse_chapter("---\ntitle: On Pamphlets\n---\n\nText.\n", Path("c.md"), "c.md")
    assert (chapter.meta, chapter.body, chapter.body_line) == ({"title": "On Pamphlets"}, "Text.\n", 5)
