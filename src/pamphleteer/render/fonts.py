"""The book face: Source Serif Pro, installed from PyPI, never the machine's fonts."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

FAMILY = "Source Serif Pro"
_FACES = {
    ("normal", 400): "SourceSerifPro-Regular.ttf",
    ("italic", 400): "SourceSerifPro-It.ttf",
    ("normal", 600): "SourceSerifPro-Semibold.ttf",
    ("italic", 600): "SourceSerifPro-SemiboldIt.ttf",
    ("normal", 700): "SourceSerifPro-Bold.ttf",
    ("italic", 700): "SourceSerifPro-BoldIt.ttf",
}


@dataclass(frozen=True)
class Face:
    style: str
    weight: int
    path: Path


def font_directory() -> Path:
    """Where the font package keeps its files."""
    return Path(str(files("font_source_serif_pro") / "files"))


def faces() -> list[Face]:
    """Every face of the book family, as installed."""
    directory = font_directory()
    return [Face(style, weight, directory / name) for (style, weight), name in _FACES.items()]


def font_face_css() -> str:
    """@font-face rules that point at the installed font files."""
    rules = []
    for face in faces():
        rules.append(
            f'@font-face {{ font-family: "{FAMILY}"; font-style: {face.style}; '
            f'font-weight: {face.weight}; src: url("{face.path.as_uri()}"); }}'
        )
    return "\n".join(rules) + "\n"


def features(face: Face) -> set[str]:
    """The OpenType substitution features (smcp, onum, sups, ...) a face really has.

    The print stylesheet asks for small caps (smcp, c2sc) only in roman text
    and for old-style and superior figures (onum, sups) everywhere: the
    roman faces have all four, the italics have no small caps, and a
    missing feature would be faked or silently ignored.
    """
    from fontTools.ttLib import TTFont

    with TTFont(str(face.path), lazy=True) as font:
        if "GSUB" not in font:
            return set()
        return {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
