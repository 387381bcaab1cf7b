"""Reads the DI of a BPMN export and lists geometric defects (arrows through shapes, overlaps)."""

from __future__ import annotations

from lxml import etree

NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
      "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI", "dc": "http://www.omg.org/spec/DD/20100524/DC",
      "di": "http://www.omg.org/spec/DD/20100524/DI"}

Box = tuple[float, float, float, float]


def _bounds(element: etree._Element) -> Box:
    b = element.find("dc:Bounds", NS)
    x, y, w, h = (float(b.get(k)) for k in ("x", "y", "width", "height"))
    return x, y, x + w, y + h


def defects(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    flows = {f.get("id"): (f.get("sourceRef"), f.get("targetRef")) for f in root.iterfind(".//bpmn:sequenceFlow", NS)}
    boxes: dict[str, Box] = {}
    for shape in root.iterfind(".//bpmndi:BPMNShape", NS):
        if shape.get("isHorizontal") == "true":  # pool and lanes are containers, not symbols
            continue
        boxes[shape.get("bpmnElement")] = _bounds(shape)
    found = []
    names = list(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ax0, ay0, ax1, ay1 = boxes[a]
            bx0, by0, bx1, by1 = boxes[b]
            if ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1:
                found.append(f"shapes {a} and {b} overlap")
    segments: list[tuple[str, float, float, float, float]] = []
    for edge in root.iterfind(".//bpmndi:BPMNEdge", NS):
        flow = edge.get("bpmnElement")
        source, target = flows[flow]
        points = [(float(p.get("x")), float(p.get("y"))) for p in edge.findall("di:waypoint", NS)]
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if x0 != x1 and y0 != y1:
                found.append(f"{flow}: diagonal segment")
            segments.append((flow, x0, y0, x1, y1))
            for element, (bx0, by0, bx1, by1) in boxes.items():
                if element in (source, target):
                    continue
                lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
                if lo_x < bx1 and bx0 < hi_x and by0 < hi_y and lo_y < by1 or (
                        lo_x == hi_x and bx0 < lo_x < bx1 and lo_y < by1 and by0 < hi_y) or (
                        lo_y == hi_y and by0 < lo_y < by1 and lo_x < bx1 and bx0 < hi_x):
                    found.append(f"{flow} ({source}->{target}) crosses {element}")
        first, last = points[0], points[-1]
        for end, element in ((first, source), (last, target)):
            bx0, by0, bx1, by1 = boxes[element]
            if not (bx0 - 0.5 <= end[0] <= bx1 + 0.5 and by0 - 0.5 <= end[1] <= by1 + 0.5):
                found.append(f"{flow}: end point {end} is not on {element}")
    # collinear overlap of segments of different flows that do not share a source or a target
    for i, (fa, ax0, ay0, ax1, ay1) in enumerate(segments):
        for fb, bx0, by0, bx1, by1 in segments[i + 1:]:
            if fa == fb or set(flows[fa]) & set(flows[fb]):
                continue
            if ay0 == ay1 == by0 == by1:
                if min(ax0, ax1) < max(bx0, bx1) and min(bx0, bx1) < max(ax0, ax1):
                    found.append(f"{fa} and {fb} run on top of each other")
            elif ax0 == ax1 == bx0 == bx1:
                if min(ay0, ay1) < max(by0, by1) and min(by0, by1) < max(ay0, ay1):
                    found.append(f"{fa} and {fb} run on top of each other")
    return found
