"""The JSON report: what tools read, one change a line."""

import json

from pamphleteer.normalise.passes import Change
from pamphleteer.normalise.report import ChapterReport, render_json

REPORTS = [
    ChapterReport("chapters/01-a.md", "seeds/a.txt", "read as text (given)",
                  [Change("remove-folios", "removed", 3, "12", "", "folio"),
                   Change("curl-quotes", "curled", 7, 'say "Grüße"\n', "say “Grüße”", 'a "quote"')],
                  page_order=(1, 0), notes=2),
    ChapterReport("chapters/02-b.md", "seeds/b.md", "read as markdown", []),
]


def test_json_holds_every_field_of_every_change():
    data = json.loads(render_json(REPORTS))
    assert data == [
        {"chapter": "chapters/01-a.md", "seed": "seeds/a.txt", "reading": "read as text (given)", "notes": 2,
         "page_order": [2, 1], "changes": [
             {"pass_name": "remove-folios", "action": "removed", "line": 3, "before": "12", "after": "",
              "note": "folio"},
             {"pass_name": "curl-quotes", "action": "curled", "line": 7, "before": 'say "Grüße"\n',
              "after": "say “Grüße”", "note": 'a "quote"'}]},
        {"chapter": "chapters/02-b.md", "seed": "seeds/b.md", "reading": "read as markdown", "notes": 0,
         "page_order": [], "changes": []},
    ]


def test_each_change_stands_on_its_own_line_unescaped():
    lines = render_json(REPORTS).splitlines()
    assert [line for line in lines if '"pass_name"' in line] == [
        '  {"pass_name": "remove-folios", "action": "removed", "line": 3, "before": "12", "after": "", "note": "folio"},',
        '  {"pass_name": "curl-quotes", "action": "curled", "line": 7, "before": "say \\"Grüße\\"\\n", '
        '"after": "say “Grüße”", "note": "a \\"quote\\""}',
    ]


def test_no_chapters_is_an_empty_list():
    assert json.loads(render_json([])) == []
