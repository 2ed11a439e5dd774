"""`--from auto`: each kind is recognised on inputs written for the purpose, and the reason says why."""

from __future__ import annotations

import pytest

from pamphleteer.readers import detect, read

_PROSE = ("The committees met every week in the boathouse and voted on the timetable, the fares and the "
          "repairs, and nobody from the council was asked to attend. ")

SAMPLES = {
    "html page": ("html", "<!DOCTYPE html><html><head><title>T</title></head><body><p>One.</p><p>Two.</p></body></html>"),
    "html fragment": ("html", "<h2>Part one</h2>\n<p>The crews met <em>weekly</em>.</p>\n<blockquote><p>“We won.”</p></blockquote>"),
    "markdown with headings and links": ("markdown", "# Title\n\n## Part\n\nSee [the minutes](https://example.org/m) and **all** of it.\n"),
    "markdown from a pdf": ("markdown", "Workers met.<sup>1</sup> They voted.<sup>2</sup>\n\n---\n\n<sup>1</sup> A note.\n"),
    "pdf text with page breaks": ("pdf-text", "The crews met in the\nboathouse every week.\n\f2\nThey voted on fares.\n"),
    "pdf text with hyphens": ("pdf-text", "The com-\nmittees met in the boat-\nhouse and voted on the fa-\nres and re-\npairs.\n" * 3),
    "pdf text with page numbers": ("pdf-text", "The crews met\n\n12\n\nin the boathouse.\n\n13\n\nThey voted.\n\n14\n"),
    "web text, one paragraph per line": ("text", (_PROSE * 3 + "\n") * 4),
    "web text, wrapped with space-only lines": ("text", "The committees met every week in the\nboathouse and voted on the timetable.\n \nNobody from the council came.\n \n"),
    "web text with a stray tag and bullets": ("text", _PROSE + "<b>\n- one point\n- another point\n1. first\n2. second\n"),
    "web text with a truncation mark": ("text", _PROSE * 4 + "<>\n"),
    "empty": ("text", "\n \n"),
}


@pytest.mark.parametrize("name", SAMPLES)
def test_detects_kind(name: str):
    kind, source = SAMPLES[name]
    found, reason = detect(source)
    assert found == kind, f"{name}: detected {found} ({reason})"
    assert reason and len(reason) < 200


def test_reason_names_the_evidence():
    assert "hyphenated" in detect(SAMPLES["pdf text with hyphens"][1])[1]
    assert "<p>" in detect(SAMPLES["html page"][1])[1]
    assert "one paragraph per line" in detect(SAMPLES["web text, one paragraph per line"][1])[1]


def test_read_auto_says_detected_and_why():
    draft, reading = read(SAMPLES["html fragment"][1], "page", "auto")
    assert draft.kind == "html"
    assert reading.startswith("detected as html: ")
