"""What every renderer is given: the edition, the project root and the build settings."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ..model import nodes as n
from ..project.editions import output_stem


@dataclass(frozen=True)
class BuildContext:
    """One build: the edition, where the project lives, and when it is dated."""

    edition: n.Edition
    root: Path
    build_dir: Path
    moment: dt.datetime

    @property
    def stem(self) -> str:
        return output_stem(self.edition.slug, self.edition.edition)

    def output(self, suffix: str) -> Path:
        return self.build_dir / f"{self.stem}{suffix}"


def build_moment(edition: n.Edition) -> dt.datetime:
    """The build's timestamp: SOURCE_DATE_EPOCH if set, else the edition's date at noon UTC.

    A fixed moment makes two builds of the same inputs byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.combine(edition.date, dt.time(12, 0), tzinfo=dt.timezone.utc)


def edition_label(edition: n.Edition) -> str:
    """'First edition', 'Second edition', … for title pages and colophons."""
    ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"]
    if edition.edition <= len(ordinals):
        return f"{ordinals[edition.edition - 1]} edition"
    return f"Edition {edition.edition}"


def date_label(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B')} {date.year}"
