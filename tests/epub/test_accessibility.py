"""The built-in accessibility rules: a sound document passes, and each rule catches its fault."""

from __future__ import annotations

import pytest

from pamphleteer.check.accessibility import content_findings

GOOD = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>A chapter</title></head>
<body epub:type="bodymatter">
<section id="ch-a" epub:type="chapter" role="doc-chapter" aria-labelledby="t">
<h2 id="t">A chapter</h2>
<span epub:type="pagebreak" role="doc-pagebreak" id="page-3" aria-label="3"/>
<p>Text with a note.<a epub:type="noteref" role="doc-noteref" id="n1-ref" href="#n1">1</a></p>
<h3 id="s">A section</h3>
<p><img src="i.png" alt="A drawing of a factory"/></p>
</section>
<section aria-label="Notes">
<aside epub:type="footnote" role="doc-footnote" id="n1">
<p><a href="#n1-ref" role="doc-backlink">1.</a> The note.</p>
</aside>
</section>
</body>
</html>
"""

FAULTS = {
    "no xml:lang": (' xml:lang="en"', "", "language is not declared"),
    "no title": ("<title>A chapter</title>", "<title></title>", "no title"),
    "skipped heading level": ('<h3 id="s">A section</h3>', '<h4 id="s">A section</h4>', "a level is skipped"),
    "markup inside a note call": ('href="#n1">1</a>', 'href="#n1"><sup>1</sup></a>', "elements inside it"),
    "call to nowhere": ('href="#n1">1</a>', 'href="#n9">1</a>', "does not lead to a footnote aside"),
    "note without back-link first": ('<p><a href="#n1-ref" role="doc-backlink">1.</a> The note.</p>',
                                     "<p>The note. <a href=\"#n1-ref\" role=\"doc-backlink\">1</a></p>",
                                     "does not open with its number"),
    "back-link to nowhere": ('href="#n1-ref" role', 'href="#n7-ref" role', "links back to a call that does not exist"),
    "image without alt": (' alt="A drawing of a factory"', "", "no alternative text"),
    "unlabelled page break": (' aria-label="3"', "", "does not say which page"),
    "epub:type without role": (' role="doc-chapter"', "", 'lacks role="doc-chapter"'),
    "duplicate id": ('<h3 id="s">', '<h3 id="t">', "used 2 times"),
}


def test_a_sound_document_has_no_findings():
    assert content_findings({"a.xhtml": GOOD}) == []


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_each_rule_catches_its_fault(fault):
    before, after, expected = FAULTS[fault]
    assert before in GOOD
    findings = content_findings({"a.xhtml": GOOD.replace(before, after, 1)})
    assert findings, fault
    assert all(document == "a.xhtml" for document, _ in findings)
    assert any(expected in problem for _, problem in findings), findings
