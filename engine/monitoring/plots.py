"""Server-side SVG charts for monitoring: actual time per step against the standard, and the trend.

Plain SVG built with lxml: no JavaScript, no fonts fetched, readable when printed. Times are
working minutes; the axis picks minutes, hours or working days to fit.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from engine.messages import message
from engine.sop.duration_text import Unit, unit_minutes, unit_name

SVG_NS = "http://www.w3.org/2000/svg"
_FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


@dataclass(frozen=True)
class StepFigure:
    """Measured working time of one step."""

    number: int
    label: str
    standard_minutes: float | None
    median_minutes: float
    p90_minutes: float
    count: int


@dataclass(frozen=True)
class TrendPoint:
    label: str
    median_minutes: float


def _unit(largest: float, minutes_per_day: float, lang: str) -> tuple[float, str]:
    # An axis switches to hours a little later than a text does: 60-90 minutes read better in minutes.
    unit: Unit = "day" if largest >= minutes_per_day else "hour" if largest >= 90 else "minute"
    return unit_minutes(unit, minutes_per_day), unit_name(unit, lang)


def _svg(width: float, height: float, title: str) -> etree._Element:
    root = etree.Element(f"{{{SVG_NS}}}svg", nsmap={None: SVG_NS},  # type: ignore[dict-item]
                         width=f"{width:g}", height=f"{height:g}",
                         viewBox=f"0 0 {width:g} {height:g}", role="img")
    root.set("font-family", _FONT)
    etree.SubElement(root, f"{{{SVG_NS}}}title").text = title
    etree.SubElement(root, f"{{{SVG_NS}}}rect", x="0", y="0", width=f"{width:g}", height=f"{height:g}",
                     fill="#ffffff")
    return root


def _add(parent: etree._Element, tag: str, text: str | None = None, **attributes: object) -> etree._Element:
    element = etree.SubElement(parent, f"{{{SVG_NS}}}{tag}",
                               {key.replace("_", "-"): f"{value:g}" if isinstance(value, float) else str(value)
                                for key, value in attributes.items()})
    if text is not None:
        element.text = text
    return element


def _ticks(maximum: float) -> list[float]:
    """About five round tick values from 0 to ``maximum``."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / 5
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 0.1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = [0.0]
    while ticks[-1] < maximum:
        ticks.append(round(ticks[-1] + step, 6))
    return ticks


#: A generous average advance of a character of the chart's sans-serif font, in ems (wide letters
#: and capitals included), so a cut label never runs into the bars.
_CHAR_EM = 0.62


def _fit(text: str, width: float, font_size: float) -> str:
    """``text`` cut (with "…") to fit ``width`` pixels at ``font_size``."""
    most = max(int(width / (font_size * _CHAR_EM)), 4)
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def _number(value: float, lang: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "id" else text


def step_chart(figures: list[StepFigure], minutes_per_day: float, lang: str = "id") -> bytes:
    """Bars of the median (whisker to p90) per step with the standard marked; red where the median is over."""
    title = message("plot_steps_title", lang)
    row_height, left, right, top = 26.0, 330.0, 40.0, 56.0
    width = 960.0
    height = top + max(len(figures), 1) * row_height + 50
    root = _svg(width, height, title)
    _add(root, "text", title, x=16.0, y=24.0, font_size=15, font_weight="bold")
    if not figures:
        _add(root, "text", message("plot_no_data", lang), x=16.0, y=top + 16, font_size=13)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    largest = max(max(f.p90_minutes, f.standard_minutes or 0.0) for f in figures)
    scale_unit, unit_label = _unit(largest, minutes_per_day, lang)
    ticks = _ticks(largest / scale_unit)
    span = ticks[-1] or 1.0
    plot_width = width - left - right

    def x_of(minutes: float) -> float:
        return left + plot_width * (minutes / scale_unit) / span

    for tick in ticks:
        x = left + plot_width * tick / span
        _add(root, "line", x1=x, y1=top - 6, x2=x, y2=height - 44, stroke="#d0d7de")
        _add(root, "text", _number(tick, lang), x=x, y=height - 28, font_size=11, text_anchor="middle")
    _add(root, "text", unit_label, x=left + plot_width / 2, y=height - 10, font_size=12, text_anchor="middle")
    legend_x = width - 330
    _add(root, "rect", x=legend_x, y=14.0, width=14.0, height=10.0, fill="#0b5394")
    _add(root, "text", f"{message('plot_median', lang)} (— p90)", x=legend_x + 20, y=23.0, font_size=11)
    _add(root, "line", x1=legend_x + 150, y1=12.0, x2=legend_x + 150, y2=26.0, stroke="#000", stroke_width=2)
    _add(root, "text", message("plot_standard", lang), x=legend_x + 158, y=23.0, font_size=11)
    for index, figure in enumerate(figures):
        y = top + index * row_height
        # anchored at the left edge and cut to the room before the bars: a label anchored at its end
        # lost its start (the step's number) off the chart's left edge
        label = _fit(f"{figure.number}. {figure.label}", left - 16, 11.5)
        text = _add(root, "text", label, x=8.0, y=y + 16, font_size=11.5)
        etree.SubElement(text, f"{{{SVG_NS}}}title").text = f"{figure.number}. {figure.label} (n={figure.count})"
        over = figure.standard_minutes is not None and figure.median_minutes > figure.standard_minutes
        colour = "#b3261e" if over else "#0b5394"
        _add(root, "rect", x=left, y=y + 5, width=max(x_of(figure.median_minutes) - left, 1.0), height=14.0,
             fill=colour)
        _add(root, "line", x1=x_of(figure.median_minutes), y1=y + 12, x2=x_of(figure.p90_minutes), y2=y + 12,
             stroke=colour, stroke_width=1.5)
        _add(root, "line", x1=x_of(figure.p90_minutes), y1=y + 7, x2=x_of(figure.p90_minutes), y2=y + 17,
             stroke=colour, stroke_width=1.5)
        if figure.standard_minutes is not None:
            standard_x = x_of(figure.standard_minutes)
            _add(root, "line", x1=standard_x, y1=y + 2, x2=standard_x, y2=y + 22, stroke="#000", stroke_width=2)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def trend_chart(points: list[TrendPoint], standard_minutes: float | None, minutes_per_day: float,
                lang: str = "id") -> bytes:
    """A line of the median cycle time per period, with the summed standard as a dashed line."""
    title = message("plot_trend_title", lang)
    width, height, left, right, top, bottom = 960.0, 320.0, 70.0, 30.0, 50.0, 60.0
    root = _svg(width, height, title)
    _add(root, "text", title, x=16.0, y=24.0, font_size=15, font_weight="bold")
    if not points:
        _add(root, "text", message("plot_no_data", lang), x=16.0, y=top + 16, font_size=13)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    largest = max([p.median_minutes for p in points] + [standard_minutes or 0.0])
    scale_unit, unit_label = _unit(largest, minutes_per_day, lang)
    ticks = _ticks(largest / scale_unit)
    span = ticks[-1] or 1.0
    plot_height, plot_width = height - top - bottom, width - left - right

    def y_of(minutes: float) -> float:
        return top + plot_height - plot_height * (minutes / scale_unit) / span

    def x_of(index: int) -> float:
        return left + (plot_width * index / (len(points) - 1) if len(points) > 1 else plot_width / 2)

    for tick in ticks:
        y = top + plot_height - plot_height * tick / span
        _add(root, "line", x1=left, y1=y, x2=width - right, y2=y, stroke="#d0d7de")
        _add(root, "text", _number(tick, lang), x=left - 8, y=y + 4, font_size=11, text_anchor="end")
    _add(root, "text", unit_label, x=14.0, y=top - 12, font_size=12)
    if standard_minutes is not None:
        y = y_of(standard_minutes)
        _add(root, "line", x1=left, y1=y, x2=width - right, y2=y, stroke="#000", stroke_width=1.5,
             stroke_dasharray="6 4")
        _add(root, "text", message("plot_standard", lang), x=width - right, y=y - 6, font_size=11, text_anchor="end")
    path = " ".join(f"{'M' if i == 0 else 'L'}{x_of(i):.1f},{y_of(p.median_minutes):.1f}" for i, p in enumerate(points))
    _add(root, "path", d=path, fill="none", stroke="#0b5394", stroke_width=2.5)
    for index, point in enumerate(points):
        over = standard_minutes is not None and point.median_minutes > standard_minutes
        _add(root, "circle", cx=x_of(index), cy=y_of(point.median_minutes), r=4.5,
             fill="#b3261e" if over else "#0b5394")
        _add(root, "text", point.label, x=x_of(index), y=height - bottom + 20, font_size=11, text_anchor="middle")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
