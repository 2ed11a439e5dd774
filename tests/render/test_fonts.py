"""The book face has the features the print stylesheet asks of it."""

from __future__ import annotations

import re

from pamphleteer.render import fonts
from pamphleteer.render.html import read_style


def test_roman_faces_have_small_caps_and_all_faces_have_oldstyle_and_superior_figures():
    for face in fonts.faces():
        found = fonts.features(face)
        assert {"onum", "sups", "lnum"} <= found, face.path.name
        if face.style == "normal":
            assert {"smcp", "c2sc"} <= found, face.path.name
        else:
            assert "smcp" not in found  # so the stylesheet must never set italic small caps


def test_the_stylesheet_never_asks_for_italic_small_caps(tmp_path):
    css = read_style(tmp_path, "print.css")
    for rule in re.findall(r"[^{}]*\{[^{}]*\}", css):
        if "small-caps" in rule:
            assert "italic" not in rule, rule
