"""The CLI in-process: exit codes, one-sentence errors, no tracebacks."""

from __future__ import annotations

import io
from pathlib import Path

from pamphleteer.cli import main


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_help_lists_commands():
    code, out, _ = run("--help")
    assert code == 0
    for command in ("normalise", "build", "check", "new"):
        assert command in out


def test_no_command_is_a_usage_error():
    code, _, _ = run()
    assert code == 2


def test_unknown_option_is_a_usage_error():
    code, _, err = run("build", "--frobnicate")
    assert code == 2
    assert "unrecognized arguments" in err
    assert "Traceback" not in err


def test_unknown_kind_is_a_usage_error():
    code, _, err = run("normalise", "x.txt", "--from", "docx")
    assert code == 2
    assert "invalid choice" in err


def test_normalise_stdin_to_stdout():
    code, out, err = run("normalise", "-", "--from", "pdf-text", stdin="Workers took con-\ntrol of the fac-\ntories.1\n\n1 A note.\n")
    assert code == 0, err
    assert "Workers took control of the factories.[^1]" in out
    assert "[^1]: A note." in out


def test_normalise_auto_says_what_it_detected(tmp_path: Path):
    seed = tmp_path / "page.html"
    seed.write_text("<html><body><h2>Part</h2><p>Text <em>here</em>.</p></body></html>", encoding="utf-8")
    code, out, err = run("normalise", str(seed))
    assert code == 0
    assert "detected as html" in err
    assert "## Part" in out and "Text *here*." in out


def test_missing_seed_file_is_one_sentence(tmp_path: Path):
    code, _, err = run("normalise", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "does not exist" in err
    assert "Traceback" not in err


def test_binary_seed_is_refused(tmp_path: Path):
    seed = tmp_path / "image.txt"
    seed.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, _, err = run("normalise", str(seed))
    assert code == 1
    assert "binary" in err


def test_latin1_seed_names_its_encoding(tmp_path: Path):
    seed = tmp_path / "old.txt"
    seed.write_bytes("Caf\xe9 society and the r\xe9gime of the ancien r\xe9gime.\n".encode("latin-1") * 5)
    code, _, err = run("normalise", str(seed))
    assert code == 1
    assert "not UTF-8" in err and "old.txt:1" in err


def test_build_outside_a_project_says_so(tmp_path: Path):
    code, _, err = run("-C", str(tmp_path), "build")
    assert code == 1
    assert "pamphlet.toml not found" in err


def test_manifest_problems_are_all_reported(tmp_path: Path):
    (tmp_path / "pamphlet.toml").write_text(
        '[pamphlet]\ntitle = "T"\nedition = 0\ndate = "soon"\n\n[[chapters]]\ntitle = "A"\nseed = "seeds/missing.txt"\nkind = "docx"\n',
        encoding="utf-8")
    code, out, err = run("-C", str(tmp_path), "check")
    assert code == 1
    for expected in ("slug", "edition", "date", "missing.txt", "kind"):
        assert expected in out, f"{expected} not reported:\n{out}"
    assert "pamphlet.toml:3:" in out  # edition is on line 3
    assert "Traceback" not in err


def test_new_then_normalise_build_check(tmp_path: Path):
    target = tmp_path / "p"
    assert run("new", str(target))[0] == 0
    assert run("-C", str(target), "normalise")[0] == 0
    assert run("-C", str(target), "build")[0] == 0
    code, out, err = run("-C", str(target), "check")
    assert code == 0, out + err


def test_new_refuses_a_non_empty_directory(tmp_path: Path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run("new", str(tmp_path))
    assert code == 2
    assert "not empty" in err


def test_new_where_no_directory_can_be_made(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run("new", str(blocker / "project"))  # a file cannot hold a directory
    assert code == 2
    assert "cannot create a project" in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "x"


def test_an_unreadable_file_is_named_without_a_traceback(tmp_path: Path):
    folder = tmp_path / "seed.txt"
    folder.mkdir()  # a folder where a file should be: reading it fails in the operating system
    code, _, err = run("normalise", str(folder), "--from", "text")
    assert code in (1, 2)
    assert "seed.txt" in err and "Traceback" not in err


def test_normalise_one_file_writes_its_report(tmp_path: Path):
    seed = tmp_path / "seed.txt"
    seed.write_text("The text of page one.\n\n7\n\f\nThe text of page two.\n", encoding="utf-8")
    report = tmp_path / "report.md"
    code, _, err = run("normalise", str(seed), "--from", "pdf-text", "-o", str(tmp_path / "out.md"),
                       "--report", str(report))
    assert code == 0, err
    assert "1 removal," in err and str(report) in err
    assert f"- {seed}:3: `7` (page number)" in report.read_text(encoding="utf-8")


def test_normalise_never_overwrites_its_seed(tmp_path: Path):
    seed = tmp_path / "seed.txt"
    seed.write_text("Text.\n", encoding="utf-8")
    for option in ("-o", "--report"):
        code, _, err = run("normalise", str(seed), option, str(tmp_path / "." / "seed.txt"))
        assert code == 2 and "nothing written" in err
    assert seed.read_text(encoding="utf-8") == "Text.\n"


def test_report_option_needs_a_file():
    code, _, err = run("normalise", "--report", "r.md")
    assert code == 2 and "one FILE" in err
