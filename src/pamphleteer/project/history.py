"""The project's git history: files as they were at a commit, and where the previous edition ends."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import ContentError, UsageError
from .manifest import MANIFEST
from .tomlfile import parse_toml


def git(root: Path, *args: str) -> str | None:
    """Run git in the project; its output, or None if git fails (no repository, unknown ref, …).

    Raises:
        UsageError: git is not installed.
    """
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed, so earlier editions cannot be read from the history.") from None
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else None


def resolve(root: Path, ref: str) -> str:
    """The commit `ref` names.

    Raises:
        UsageError: not a git repository, or no such commit.
    """
    if git(root, "rev-parse", "--git-dir") is None:
        raise UsageError(f"{root.resolve()} is not in a git repository, so {ref!r} cannot name an earlier edition.")
    commit = git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if not commit:
        raise UsageError(f"{ref!r} is neither a file nor a commit of this repository.")
    return commit.strip()


def show(root: Path, commit: str, path: str) -> str | None:
    """The text of `path` (relative to the project) at `commit`, or None if it did not exist."""
    return git(root, "show", f"{commit}:./{path}")


def edition_at(root: Path, commit: str) -> int | None:
    """The edition number pamphlet.toml gave at `commit` (None if unreadable)."""
    text = show(root, commit, MANIFEST)
    try:
        pamphlet = parse_toml(text, MANIFEST).get("pamphlet") if text else None
    except ContentError:  # an old manifest may be broken; it names no edition then
        return None
    edition = pamphlet.get("edition") if isinstance(pamphlet, dict) else None
    return edition if isinstance(edition, int) else None


def previous_edition(root: Path, current: int) -> str:
    """The last commit of the edition before `current`.

    It is the parent of the commit that raised the edition number to
    `current`, or HEAD while that change is not yet committed.

    Raises:
        UsageError: no commit holds an earlier edition.
    """
    if git(root, "rev-parse", "--git-dir") is None:
        raise UsageError(f"{root.resolve()} is not in a git repository; name the previous edition's EPUB instead.")
    commits = (git(root, "log", "--format=%H", "--", MANIFEST) or "").split()
    later = "HEAD"
    for commit in commits:
        edition = edition_at(root, commit)
        if edition is not None and edition < current:
            return resolve(root, later if later == "HEAD" else f"{later}^")
        later = commit
    raise UsageError(f"no commit holds an edition before edition {current}; "
                     "name one: `pamphleteer diff REF` or `pamphleteer diff OLD.epub`.")
