"""The drawing view's layout: the DI a modeler set in a BPMN modeler, kept apart from the SOP model.

The SOP model has no positions (the official flowchart is generated from the table, as the
regulation wants), so the positions a modeler drags in the drawing view are kept as a small JSON
layout beside the draft: shape bounds by element id, lane bounds by lane name, and arrow waypoints
by (source, target). :func:`with_layout` lays that layout over the generated BPMN of the current
draft: shapes the layout knows keep their place (moved with their lane when lanes were added or
removed), new rows keep the generated place, and an arrow keeps its bends only while both its ends
are where the layout had them.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from engine.bpmn.names import BPMN_NS, BPMNDI_NS, DC_NS, DI_NS, bpmn
from engine.formats.xmlsafe import parse_xml

Bounds = list[float]

_GAP = 40.0


def _di(tag: str) -> str:
    return f"{{{BPMNDI_NS}}}{tag}"


def _number(text: str | None) -> float:
    try:
        return float(text or 0)
    except ValueError:
        return 0.0


def _text(value: float) -> str:
    return f"{value:g}"


def _bounds_of(shape: etree._Element) -> Bounds | None:
    found = shape.find(f"{{{DC_NS}}}Bounds")
    if found is None:
        return None
    return [_number(found.get(name)) for name in ("x", "y", "width", "height")]


def _elements(root: etree._Element) -> dict[str, etree._Element]:
    return {element.get("id", ""): element for element in root.iter()
            if isinstance(element.tag, str) and etree.QName(element).namespace == BPMN_NS and element.get("id")}


def _lane_of(root: etree._Element) -> dict[str, str]:
    """``flow node id -> lane name``."""
    lanes: dict[str, str] = {}
    for lane in root.iter(bpmn("lane")):
        for ref in lane.iter(bpmn("flowNodeRef")):
            lanes[(ref.text or "").strip()] = lane.get("name", "") or lane.get("id", "")
    return lanes


def drawing_layout(data: bytes) -> str:
    """The layout of a BPMN document's first diagram as JSON (see the module text).

    :raises InputError: for unreadable or hostile XML.
    """
    root = parse_xml(data)
    elements = _elements(root)
    lane_names = {lane.get("id", ""): lane.get("name", "") or lane.get("id", "") for lane in root.iter(bpmn("lane"))}
    lane_of = _lane_of(root)
    shapes: dict[str, Bounds] = {}
    lanes: dict[str, Bounds] = {}
    pools: dict[str, Bounds] = {}
    edges: dict[str, list[list[float]]] = {}
    diagram = root.find(_di("BPMNDiagram"))
    plane = diagram.find(_di("BPMNPlane")) if diagram is not None else None
    for shape in plane.iter(_di("BPMNShape")) if plane is not None else ():
        element_id = shape.get("bpmnElement", "")
        bounds = _bounds_of(shape)
        element = elements.get(element_id)
        if bounds is None or element is None:
            continue
        tag = etree.QName(element).localname
        if tag == "lane":
            lanes[lane_names[element_id]] = bounds
        elif tag == "participant":
            pools[element_id] = bounds
        else:
            shapes[element_id] = bounds
    for edge in plane.iter(_di("BPMNEdge")) if plane is not None else ():
        element = elements.get(edge.get("bpmnElement", ""))
        if element is None or etree.QName(element).localname != "sequenceFlow":
            continue
        points = [[_number(point.get("x")), _number(point.get("y"))] for point in edge.iter(f"{{{DI_NS}}}waypoint")]
        if len(points) >= 2:
            edges[f"{element.get('sourceRef', '')}>{element.get('targetRef', '')}"] = points
    return json.dumps({"shapes": shapes, "lanes": lanes, "pools": pools, "edges": edges,
                       "shape_lanes": {node: lane_of.get(node, "") for node in shapes}},
                      sort_keys=True, separators=(",", ":"))


def _load(layout: str) -> dict[str, Any]:
    try:
        found = json.loads(layout) if layout.strip() else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _set_bounds(shape: etree._Element, bounds: Bounds) -> None:
    found = shape.find(f"{{{DC_NS}}}Bounds")
    if found is None:
        found = etree.SubElement(shape, f"{{{DC_NS}}}Bounds")
    for name, value in zip(("x", "y", "width", "height"), bounds):
        found.set(name, _text(value))


def _elbow(source: Bounds, target: Bounds) -> list[list[float]]:
    """A plain orthogonal arrow from the right of ``source`` to the left of ``target``."""
    sx, sy = source[0] + source[2], source[1] + source[3] / 2
    tx, ty = target[0], target[1] + target[3] / 2
    if abs(sy - ty) < 1:
        return [[sx, sy], [tx, ty]]
    middle = (sx + tx) / 2 if tx > sx else sx + 20
    return [[sx, sy], [middle, sy], [middle, ty], [tx, ty]]


def _touches(point: list[float], bounds: Bounds, slack: float = 6.0) -> bool:
    """Whether an arrow's end ``point`` lies on (or next to) the shape ``bounds``."""
    x, y = point[0], point[1]
    return bounds[0] - slack <= x <= bounds[0] + bounds[2] + slack and \
        bounds[1] - slack <= y <= bounds[1] + bounds[3] + slack


def with_layout(data: bytes, layout: str) -> bytes:
    """``data`` (Alur's generated BPMN of the draft) with the positions ``layout`` keeps laid over it.

    :raises InputError: for unreadable XML (``data`` is Alur's own, so only a programming error).
    """
    kept = _load(layout)
    if not kept.get("shapes"):
        return data
    root = parse_xml(data)
    elements = _elements(root)
    lane_names = {lane.get("id", ""): lane.get("name", "") or lane.get("id", "") for lane in root.iter(bpmn("lane"))}
    lane_of = _lane_of(root)
    diagram = root.find(_di("BPMNDiagram"))
    plane = diagram.find(_di("BPMNPlane")) if diagram is not None else None
    if plane is None:
        return data
    same_lanes = sorted(kept.get("lanes", {})) == sorted(lane_names.values())
    generated_lanes: dict[str, Bounds] = {}
    placed: dict[str, Bounds] = {}
    moved: set[str] = set()
    shapes = list(plane.iter(_di("BPMNShape")))
    for shape in shapes:
        element_id = shape.get("bpmnElement", "")
        if element_id in elements and etree.QName(elements[element_id]).localname == "lane":
            bounds = _bounds_of(shape)
            if bounds is not None:
                generated_lanes[lane_names[element_id]] = bounds
    for shape in shapes:
        element_id = shape.get("bpmnElement", "")
        element = elements.get(element_id)
        bounds = _bounds_of(shape)
        if element is None or bounds is None:
            continue
        tag = etree.QName(element).localname
        if tag in ("lane", "participant"):
            if same_lanes:
                stored = kept["lanes"].get(lane_names.get(element_id, "")) if tag == "lane" else \
                    next(iter(kept.get("pools", {}).values()), None)
                if stored:
                    _set_bounds(shape, stored)
            continue
        stored = kept["shapes"].get(element_id)
        if not stored:
            placed[element_id] = bounds
            continue
        stored = list(stored)
        lane = lane_of.get(element_id, "")
        old_lane = kept.get("lanes", {}).get(kept.get("shape_lanes", {}).get(element_id, ""))
        new_lane = generated_lanes.get(lane)
        if not same_lanes and old_lane and new_lane:  # follow the lane it sits in to its new place
            stored[1] += new_lane[1] - old_lane[1]
        if kept.get("shape_lanes", {}).get(element_id, "") != lane and new_lane:  # moved to another lane in the table
            stored[1] = new_lane[1] + (new_lane[3] - stored[3]) / 2
        if stored != bounds:
            moved.add(element_id)
        _set_bounds(shape, stored)
        for label in shape.iter(_di("BPMNLabel")):
            label_bounds = _bounds_of(label)
            if label_bounds is not None:
                _set_bounds(label, [stored[0] - 30, stored[1] + stored[3] + 6, stored[2] + 60, 40])
        placed[element_id] = stored
    for edge in plane.iter(_di("BPMNEdge")):
        element = elements.get(edge.get("bpmnElement", ""))
        if element is None:
            continue
        source, target = element.get("sourceRef", ""), element.get("targetRef", "")
        if source not in moved and target not in moved:
            continue
        points = kept.get("edges", {}).get(f"{source}>{target}")
        kept_ends = bool(points) and source in placed and target in placed and \
            _touches(points[0], placed[source]) and _touches(points[-1], placed[target])
        if not kept_ends and source in placed and target in placed:
            points = _elbow(placed[source], placed[target])
        if not points:
            continue
        for old in edge.findall(f"{{{DI_NS}}}waypoint"):
            edge.remove(old)
        for label in edge.findall(_di("BPMNLabel")):
            edge.remove(label)
        for index, (x, y) in enumerate(points):
            edge.insert(index, etree.Element(f"{{{DI_NS}}}waypoint", x=_text(x), y=_text(y)))
    _fit_pool(plane, elements, placed)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _fit_pool(plane: etree._Element, elements: dict[str, etree._Element], placed: dict[str, Bounds]) -> None:
    """Widen the pool and its lanes to hold every shape (a shape dragged right stays inside)."""
    right = max((bounds[0] + bounds[2] for bounds in placed.values()), default=0.0) + _GAP
    for shape in plane.iter(_di("BPMNShape")):
        element = elements.get(shape.get("bpmnElement", ""))
        bounds = _bounds_of(shape)
        if element is None or bounds is None or etree.QName(element).localname not in ("lane", "participant"):
            continue
        if bounds[0] + bounds[2] < right:
            bounds[2] = right - bounds[0]
            _set_bounds(shape, bounds)
