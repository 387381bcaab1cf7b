from __future__ import annotations

from lxml import etree

from engine.monitoring.plots import StepFigure, TrendPoint, step_chart, trend_chart

NS = {"s": "http://www.w3.org/2000/svg"}


def test_step_chart_marks_steps_over_their_standard_in_red() -> None:
    figures = [StepFigure(1, "Menerima surat", 15, 10, 14, 40),
               StepFigure(4, "Memberi disposisi kepada unit pengolah yang berwenang menangani surat", 450, 1125, 1500,
                          40)]
    root = etree.fromstring(step_chart(figures, 450))
    bars = [r for r in root.findall("s:rect", NS) if r.get("height") == "14"]
    assert [bar.get("fill") for bar in bars] == ["#0b5394", "#b3261e"]
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "hari kerja" in texts  # 1125 minutes is more than a working day: the axis is in days
    assert any(t and t.startswith("4. Memberi disposisi") and t.endswith("…") for t in texts)
    # the bar of step 4 ends at 2.5 days, its standard line sits at 1 day
    left = float(bars[1].get("x"))
    bar_end = left + float(bars[1].get("width"))
    standards = [line for line in root.findall("s:line", NS) if line.get("stroke-width") == "2"]
    standard_x = float(standards[-1].get("x1"))
    assert abs((bar_end - left) / (standard_x - left) - 2.5) < 1e-6


def test_trend_chart_and_empty_data() -> None:
    root = etree.fromstring(trend_chart([TrendPoint("Jan", 600), TrendPoint("Feb", 300)], 450, 450, lang="en"))
    circles = root.findall("s:circle", NS)
    assert [c.get("fill") for c in circles] == ["#b3261e", "#0b5394"]
    assert root.find("s:title", NS).text == "Median cycle time per period"
    empty = etree.fromstring(step_chart([], 450))
    assert "Belum ada data pelaksanaan." in [t.text for t in empty.iter("{http://www.w3.org/2000/svg}text")]
