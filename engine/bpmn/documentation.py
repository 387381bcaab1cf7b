"""Data objects, data stores, groups and loose text annotations: kept as documentation, never refused.

Nothing of these runs: a data object or data store a step reads becomes kelengkapan of that step,
one it writes becomes the step's output (or, when the step already has an output, a KETERANGAN
note); a text annotation joined to a step is its KETERANGAN (read by the reader itself). Whatever is
joined to no step is named in a notice so the author sees it was not carried over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from engine.bpmn.names import bpmn

_DATA_REFERENCE_TAGS = {"dataObjectReference": "dataObjectRef", "dataStoreReference": "dataStoreRef"}
_DATA_TAGS = {"dataObject", "dataStore", "dataInput", "dataOutput"}


@dataclass
class StepData:
    """What one flow node reads and writes, by name."""

    reads: list[str] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def data_names(root: etree._Element) -> dict[str, tuple[str, str]]:
    """``id -> (kind, name)`` of every data object, data store and reference to one in the file."""
    named: dict[str, tuple[str, str]] = {}
    for element in root.iter():
        tag = _local(element)
        if tag in _DATA_TAGS:
            named[element.get("id", "")] = (tag, _clean(element.get("name")))
    for element in root.iter():
        tag = _local(element)
        if tag in _DATA_REFERENCE_TAGS:
            kind, referenced = named.get(element.get(_DATA_REFERENCE_TAGS[tag], ""), (tag, ""))
            named[element.get("id", "")] = (tag, _clean(element.get("name")) or referenced)
    return {key: value for key, value in named.items() if key}


def collect(reader: Any, processes: list[etree._Element]) -> None:
    """Fill ``reader.data_of`` (flow node id -> :class:`StepData`) and name what stays unused."""
    names = data_names(reader.root)
    data_of: dict[str, StepData] = {}
    linked: set[str] = set()

    def add(node_id: str, data_id: str, writes: bool) -> None:
        if node_id not in reader.nodes or data_id not in names:
            return
        name = names[data_id][1] or data_id
        entry = data_of.setdefault(node_id, StepData())
        target = entry.writes if writes else entry.reads
        if name not in target:
            target.append(name)
        linked.add(data_id)

    for node_id, node in reader.nodes.items():
        for association in node.element.findall(bpmn("dataInputAssociation")):
            for ref in association.findall(bpmn("sourceRef")):
                add(node_id, (ref.text or "").strip(), writes=False)
        for association in node.element.findall(bpmn("dataOutputAssociation")):
            for ref in association.findall(bpmn("targetRef")):
                add(node_id, (ref.text or "").strip(), writes=True)
    for association in reader.root.iter(bpmn("association")):
        source, target = association.get("sourceRef", ""), association.get("targetRef", "")
        add(source, target, writes=True)
        add(target, source, writes=False)
    reader.data_of = data_of
    for data_id, (kind, name) in names.items():
        if kind in _DATA_REFERENCE_TAGS and data_id not in linked:
            reader.notice("imp_data_unlinked", data_id, name)
    for group in reader.root.iter(bpmn("group")):
        reader.notice("imp_group_ignored", group.get("id", ""), _group_name(reader.root, group))
    joined_notes = {note for notes in reader.annotation_of.values() for note in notes}
    for annotation in reader.root.iter(bpmn("textAnnotation")):
        text = _clean(annotation.findtext(bpmn("text")))
        if text and text not in joined_notes:
            reader.notice("imp_annotation_unlinked", annotation.get("id", ""), text[:60])


def _group_name(root: etree._Element, group: etree._Element) -> str:
    """A group's label is its category value's name."""
    wanted = group.get("categoryValueRef", "")
    for value in root.iter(bpmn("categoryValue")):
        if value.get("id") == wanted:
            return _clean(value.get("value"))
    return ""


def apply(reader: Any, node_id: str, step: Any) -> None:
    """Put what the node reads into the step's kelengkapan and what it writes into its output."""
    data = getattr(reader, "data_of", {}).get(node_id)
    if data is None:
        return
    for name in data.reads:
        if name not in step.requirements:
            step.requirements.append(name)
    if data.writes:
        written = ", ".join(data.writes)
        if not step.output:
            step.output = written
        elif written not in step.output:
            step.remarks = " ".join(part for part in (step.remarks, f"({written})") if part)


__all__ = ["StepData", "apply", "collect", "data_names"]
