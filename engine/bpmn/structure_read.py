"""Reading structured rows from BPMN (:mod:`engine.sop.structure`), used by :mod:`engine.bpmn.reader`.

A ``subProcess`` becomes a sub-process row whose flow nodes are read as rows nested in it (its start
and end events are where it begins and ends, not rows). A ``callActivity`` becomes a call row: in
Alur's own files ``sop:structure`` names the SOP and version; from another modeler the called
process is not an SOP Alur knows, so the row is a call to an SOP still to be chosen (``alur check``
names it; publishing needs it resolved). Multi-instance and loop characteristics are read back from
``sop:structure`` (Alur's files); from other modelers they stay refused by name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from engine.bpmn.names import bpmn, sop
from engine.sop.model import Step
from engine.sop.structure import COMPLETE_COUNT, OVER_FIELD, CallTarget, MultiInstance, StandardLoop, Structure

#: Flow node tags that are rows with a structure.
STRUCTURED_TAGS = {"subProcess", "callActivity"}


def flow_elements(process: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Every child of ``process`` and of its (nested) sub-processes, with the id of the sub-process it is in.

    A call activity whose called process is in the same file (:func:`inlined_process`) is read as a
    sub-process holding that process's content."""
    stack: list[tuple[etree._Element, str]] = [(process, "")]
    while stack:
        container, scope = stack.pop(0)
        for element in container:
            yield element, scope
            if not isinstance(element.tag, str):
                continue
            if etree.QName(element).localname == "subProcess":
                stack.append((element, element.get("id", "")))
            elif etree.QName(element).localname == "callActivity":
                called = inlined_process(element)
                if called is not None:
                    stack.append((called, element.get("id", "")))


def inlined_process(call: etree._Element) -> etree._Element | None:
    """The process of the file that ``call`` calls, when it can be read as the call's sub-process: it
    is called by this call activity only, does not call itself (on any path) and is not the caller's own."""
    called = call.get("calledElement", "")
    if not called:
        return None
    root = call.getroottree().getroot()
    found = [element for element in root.iter(bpmn("process")) if element.get("id") == called]
    callers = [element for element in root.iter(bpmn("callActivity")) if element.get("calledElement") == called]
    if len(found) != 1 or len(callers) != 1:
        return None
    ancestor: etree._Element | None = call
    while ancestor is not None:
        if ancestor is found[0]:
            return None
        ancestor = ancestor.getparent()
    # a call chain that comes back to a process on it would be read forever
    calls: dict[str, set[str]] = {element.get("id", ""): {inner.get("calledElement", "") for inner in
                                                          element.iter(bpmn("callActivity"))}
                                  for element in root.iter(bpmn("process"))}
    path, stack = [called], [iter(calls.get(called, ()))]
    while stack:
        target = next(stack[-1], None)
        if target is None:
            stack.pop()
            path.pop()
        elif target in path:
            return None
        elif target in calls:
            path.append(target)
            stack.append(iter(calls[target]))
    return found[0]


def nested_lane_sets(process: etree._Element) -> list[etree._Element]:
    """The lane sets of the sub-processes of ``process`` (SpiffWorkflow reads nested lanes there)."""
    return [lane_set for sub in process.iter(bpmn("subProcess")) for lane_set in sub.findall(bpmn("laneSet"))]


def has_alur_structure(element: etree._Element) -> bool:
    return element.find(f"{bpmn('extensionElements')}/{sop('structure')}") is not None


def subprocess_actor(element: etree._Element) -> str:
    """The pelaksana Alur wrote on a sub-process (which is in no lane), else ""."""
    ext = element.find(f"{bpmn('extensionElements')}/{sop('structure')}")
    return (ext.get("pelaksana", "") or "").strip() if ext is not None else ""


def has_content(element: etree._Element) -> bool:
    """Whether a ``subProcess`` holds flow nodes (a collapsed one is often exported without them; data
    objects, annotations and groups alone are no content to run)."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name.endswith(("Task", "Event", "Gateway", "SubProcess")) or name in _CONTAINED_NODES:
            return True
    return False


_CONTAINED_NODES = {"task", "subProcess", "callActivity", "transaction"}


@dataclass
class ForeignLoop:
    """How a loop or multi-instance marker from another modeler is read (see :func:`foreign_loop`)."""

    #: The notice code said to the author.
    notice: str
    #: At most this many turns (a standard loop's ``loopMaximum``); 0: one turn.
    maximum: int = 0


def foreign_loop(element: etree._Element) -> ForeignLoop | None:
    """The reading of a task's loop marker drawn by another modeler, or ``None`` to refuse it by name.

    A marker that says neither how often nor until when (no ``loopCondition``, ``loopCardinality``,
    ``loopDataInputRef``/``inputDataItem`` or completion condition) carries no rule to run: the task is
    worked once, with a notice. A standard loop with only ``loopMaximum`` repeats at most that often
    (Alur's loop with a maximum and no condition). Anything else keeps its refusal."""
    loop = element.find(bpmn("standardLoopCharacteristics"))
    if loop is not None:
        if (loop.findtext(bpmn("loopCondition")) or "").strip():
            return None
        maximum = (loop.get("loopMaximum") or "").strip()
        if maximum.isdigit() and int(maximum) > 1:
            return ForeignLoop("st_foreign_loop_maximum", int(maximum))
        return ForeignLoop("st_foreign_loop_once")
    multi = element.find(bpmn("multiInstanceLoopCharacteristics"))
    if multi is None:
        return None
    rules = [child for child in multi if isinstance(child.tag, str) and etree.QName(child).localname in (
        "loopCardinality", "loopDataInputRef", "inputDataItem", "completionCondition", "loopDataOutputRef",
        "outputDataItem", "complexBehaviorDefinition")]
    if rules:
        return None
    return ForeignLoop("st_foreign_multi_once")


def structure_of(element: etree._Element, tag: str, scope: str) -> tuple[Structure, bool]:
    """The structure of a row read from ``element``.

    :return: the structure, and whether it is a call still to be chosen (a foreign call activity).
    """
    step_ext = element.find(f"{bpmn('extensionElements')}/{sop('step')}")
    structure = _read_structure_ext(step_ext) if step_ext is not None else Structure()
    to_choose = False
    if tag == "subProcess":
        structure.subprocess = True
    if tag == "callActivity" and structure.call is None and inlined_process(element) is not None:
        structure.subprocess = True  # the called process of the file, read as this row's nested rows
    elif tag == "callActivity" and structure.call is None:
        structure.call = CallTarget("", 0, element.get("calledElement", ""))
        to_choose = True
    structure.within = structure.within or scope
    return structure, to_choose


def nest_order(steps: list[Step]) -> list[Step]:
    """``steps`` with each sub-process's rows right after its row (keeping their relative order)."""
    children: dict[str, list[Step]] = {}
    for step in steps:
        children.setdefault(step.structure.within, []).append(step)
    ordered: list[Step] = []

    def place(scope: str) -> None:
        for step in children.get(scope, []):
            ordered.append(step)
            if step.structure.subprocess:
                place(step.id)

    place("")
    placed = {step.id for step in ordered}
    return ordered + [step for step in steps if step.id not in placed]


def _read_structure_ext(step_ext: etree._Element | None) -> Structure:
    """The structure of a row from its ``sop:step`` extension's sibling ``sop:structure`` (Alur's own files)."""
    structure = Structure()
    if step_ext is None:
        return structure
    parent = step_ext.getparent()
    ext = parent.find(sop("structure")) if parent is not None else None
    if ext is None:
        return structure
    structure.subprocess = ext.get("subprocess") == "true"
    structure.within = ext.get("within", "")
    call = ext.find(sop("call"))
    if call is not None:
        version = call.get("version", "0")
        structure.call = CallTarget(call.get("key", ""), int(version) if version.isdigit() else 0,
                                    call.get("element", ""), call.get("name", ""))
    multi = ext.find(sop("multi"))
    if multi is not None:
        count = multi.get("count", "0")
        structure.multi = MultiInstance(multi.get("over", OVER_FIELD), multi.get("source", ""),
                                        multi.get("sequential") == "true", multi.get("completion", "semua"),
                                        int(count) if count.isdigit() else 0, multi.get("item", ""))
        if structure.multi.completion != COMPLETE_COUNT:
            structure.multi.count = 0
    structure.branches = {branch.get("target", ""): (branch.text or "").strip() for branch in ext.findall(sop("branch"))}
    structure.inclusive_join = ext.get("inclusiveJoin") == "true"
    loop = ext.find(sop("loop"))
    if loop is not None:
        maximum = loop.get("maximum", "0")
        structure.loop = StandardLoop((loop.text or "").strip(), int(maximum) if maximum.isdigit() else 0)
    return structure
