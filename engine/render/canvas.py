"""The drawing of a page as a list of primitives, shared by the SVG and the PDF/PNG back ends.

Layout code appends :class:`Rect`, :class:`Path`, :class:`Text` and :class:`Image` items to a
:class:`Page`; :mod:`engine.render.svg` writes them as SVG elements and :mod:`engine.render.output`
paints the very same items with cairo, so the three formats show one drawing. Coordinates are
millimetres from the page's top-left corner. ``role`` becomes the SVG ``class`` and ``data`` the
``data-*`` attributes that the geometry checks in the tests read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Colours of the document.
BLACK = "#000000"
GREY_FILL = "#e6e6e6"
HIGHLIGHT = "#1f5fbf"
HIGHLIGHT_FILL = "#d6e6fb"
RUNNING_FILL = "#fde7b0"
#: Fill of a step that was open when its instance was cancelled or suspended (outlined in OVER red).
STOPPED_FILL = "#eeeeee"
OVER = "#c00000"
WITHIN = "#1b6e2a"

Point = tuple[float, float]


@dataclass
class Rect:
    """A rectangle; ``rx`` rounds the corners (the terminator capsule)."""

    x: float
    y: float
    w: float
    h: float
    role: str
    stroke: str | None = BLACK
    fill: str | None = None
    width: float = 0.25
    rx: float = 0.0
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Path:
    """An open polyline or, with ``closed``, a polygon (diamond, pentagon, arrowhead)."""

    points: list[Point]
    role: str
    stroke: str | None = BLACK
    fill: str | None = None
    width: float = 0.25
    closed: bool = False
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Text:
    """One line of text; ``y`` is the baseline, ``anchor`` is start, middle or end."""

    x: float
    y: float
    text: str
    size: float
    role: str
    bold: bool = False
    anchor: str = "start"
    fill: str = BLACK
    underline: bool = False
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Image:
    """A PNG image (the logo)."""

    x: float
    y: float
    w: float
    h: float
    png: bytes
    role: str = "logo"


Item = Rect | Path | Text | Image


@dataclass
class Page:
    """One sheet of paper and what is drawn on it."""

    width: float
    height: float
    #: ``"identity"`` or ``"flowchart"``.
    kind: str
    items: list[Item] = field(default_factory=list)

    def add(self, item: Item) -> Item:
        """Append ``item`` and return it."""
        self.items.append(item)
        return item
