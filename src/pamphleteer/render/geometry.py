"""Print page geometry: page sizes and mirrored margins, as CSS for the layout and as rectangles for checks."""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # PDF points per millimetre


@dataclass(frozen=True)
class Rect:
    """A rectangle in PDF points, origin at the page's bottom left."""

    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True)
class PageGeometry:
    """One page size with its margins, in millimetres.

    The inner margin (at the staples) is wider than the outer one: a
    saddle-stitched booklet does not open flat, and the outer margin is
    where thumbs hold it. Page 1 is a right-hand page, so even indexes
    (0, 2, ...) are right pages with the inner margin on their left.
    """

    name: str
    width: float
    height: float
    top: float = 17
    bottom: float = 20
    inner: float = 19
    outer: float = 14

    def css(self) -> str:
        """The @page rules that give every page this size and its mirrored margins.

        The covers get even margins and a box the height of their page, so
        their type can be placed from the top and the foot.
        """
        cover = self.height - 2 * self.bottom
        return (
            f"@page {{ size: {self.width}mm {self.height}mm; margin: {self.top}mm 0 {self.bottom}mm 0; }}\n"
            f"@page :left {{ margin-left: {self.outer}mm; margin-right: {self.inner}mm; }}\n"
            f"@page :right {{ margin-left: {self.inner}mm; margin-right: {self.outer}mm; }}\n"
            f"@page cover {{ margin: {self.bottom}mm {self.outer + 2}mm; }}\n"
            f"@page back {{ margin: {self.bottom}mm {self.outer + 2}mm; }}\n"
            f".cover, .back-cover {{ height: {cover:.1f}mm; }}\n"
        )

    def text_block(self, index: int) -> Rect:
        """Where text may stand on page `index` (0-based), in PDF points.

        >>> block = GEOMETRIES["a5"].text_block(0)
        >>> round(block.left / MM), round(block.right / MM)
        (19, 134)
        """
        left = self.inner if index % 2 == 0 else self.outer
        right = self.width - (self.outer if index % 2 == 0 else self.inner)
        return Rect(left * MM, self.bottom * MM, right * MM, (self.height - self.top) * MM)

    def cover_block(self) -> Rect:
        """Where type may stand on the covers, which have even margins (see css())."""
        side = (self.outer + 2) * MM
        return Rect(side, self.bottom * MM, self.width * MM - side, (self.height - self.bottom) * MM)

    @property
    def size_points(self) -> tuple[float, float]:
        return self.width * MM, self.height * MM


GEOMETRIES = {
    "a5": PageGeometry("a5", 148, 210),
    "half-letter": PageGeometry("half-letter", 139.7, 215.9),
}


def geometry_of(width: float, height: float, tolerance: float = 1.0) -> PageGeometry | None:
    """The geometry whose page is `width` x `height` PDF points, if it is one of ours.

    >>> geometry_of(419.5, 595.3).name
    'a5'
    >>> geometry_of(612, 792) is None
    True
    """
    for geometry in GEOMETRIES.values():
        w, h = geometry.size_points
        if abs(w - width) <= tolerance and abs(h - height) <= tolerance:
            return geometry
    return None
