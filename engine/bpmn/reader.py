"""Read BPMN 2.0 from any modeler into the SOP model.

Lanes become pelaksana (a pool without lanes is one pelaksana); every task type becomes a kegiatan
row; exclusive gateways that split become keputusan rows (three or more branches become a chain of
Ya/Tidak decisions); parallel gateways become parallel branches and ``tunggu_semua`` joins; merges
and Alur's own helper elements disappear into the arrows. Everything Alur cannot execute is reported
by name with what to do; nothing is dropped silently. Rows follow the flow: Alur's own files keep
their NO, other files are ordered depth-first from the start, the Ya branch first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from lxml import etree

from engine.errors import InputError, Problem, ProcessDefinitionError, problem
from engine.bpmn import collaboration, documentation, implicit, refusals, structure_read
from engine.bpmn.case_fields import fields_from_conditions, read_fields
from engine.bpmn.step_records import read_record
from engine.bpmn import events_read
from engine.sop.conditions.juel import (ForeignCondition, UntranslatableCondition, foreign_condition,
                                       translate_condition)
from engine.sop.conditions.language import check_condition
from engine.sop.model import STEP_ID_PATTERN, Approval, Identity, Sop, Step, StepKind, slugify
from engine.sop.structure import StandardLoop
from engine.formats.xmlsafe import parse_xml
from engine.bpmn.names import (
    BPMN_NS,
    CLERK_DECISION_CONDITION,
    IDENTITY_DATE_TAGS,
    IDENTITY_LIST_TAGS,
    IDENTITY_TEXT_TAGS,
    SOP_NS,
    bpmn,
    sop,
)

TASK_TAGS = {"task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "businessRuleTask"}
AUTOMATED_TASK_TAGS = {"serviceTask", "sendTask", "receiveTask", "businessRuleTask"}
EVENT_TAGS = {"startEvent", "endEvent", "intermediateThrowEvent", "intermediateCatchEvent", "boundaryEvent"}
GATEWAY_TAGS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"}
UNSUPPORTED_ACTIVITY_TAGS = {"scriptTask", "transaction", "adHocSubProcess"}
FLOW_NODE_TAGS = TASK_TAGS | EVENT_TAGS | GATEWAY_TAGS | UNSUPPORTED_ACTIVITY_TAGS | structure_read.STRUCTURED_TAGS

_YES_WORDS = {"ya", "yes", "y", "true", "benar", "iya", "setuju", "ok", "lengkap", "sesuai", "valid", "approved"}
_NO_WORDS = {"tidak", "no", "n", "false", "salah", "bukan", "tolak", "ditolak", "tidak lengkap", "tidak sesuai",
             "invalid", "rejected"}


#: Problem code of each BPMN element Alur cannot run (its text names the element and the fix).
_UNSUPPORTED_CODE = {
    "scriptTask": "unsupported_script_task",
    "subProcess": "unsupported_sub_process",
    "callActivity": "unsupported_call_activity",
    "transaction": "unsupported_transaction",
    "adHocSubProcess": "unsupported_ad_hoc_sub_process",
    "inclusiveGateway": "unsupported_inclusive_gateway",
    "eventBasedGateway": "unsupported_event_based_gateway",
    "complexGateway": "unsupported_complex_gateway",
    "boundaryEvent": "unsupported_boundary_event",
    "intermediateCatchEvent": "unsupported_intermediate_catch_event",
    "link": "unsupported_link",
    "intermediateThrowEvent": "unsupported_intermediate_throw_event",
    "loop": "unsupported_loop",
}


@dataclass
class ImportResult:
    """An imported SOP and what was converted on the way (warnings, never silent)."""

    sop: Sop
    notices: list[Problem] = field(default_factory=list)


@dataclass
class _Node:
    id: str
    tag: str
    name: str
    element: etree._Element
    lane: str = ""
    event_kinds: tuple[str, ...] = ()
    step_kind: str = ""
    generated_role: str = ""
    generated_for: str = ""
    number: int = 0
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)
    default_flow: str = ""
    #: Set for pools joined by message flows (:mod:`engine.bpmn.collaboration`): "pass" (the node is
    #: no step, arrows go through it), "join" (the node waits for its pool and for the message) or
    #: "step" (a message event read as a step of its own).
    handover: str = ""
    #: The sub-process the node is in ("" at the top level; engine.bpmn.structure_read).
    scope: str = ""


@dataclass
class _Flow:
    id: str
    source: str
    target: str
    name: str
    condition: str
    #: A message flow between pools (or the arrow that starts another pool with the SOP).
    message: bool = False


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def read_bpmn(data: bytes, filename: str = "", process: str = "") -> ImportResult:
    """Read a BPMN 2.0 document.

    :param process: id or name of the process (or of its pool) to read, for files that hold
        several; may be empty when the file holds one.

    :raises InputError: for unreadable or hostile XML (see :mod:`engine.formats.xmlsafe`).
    :raises ProcessDefinitionError: listing every construct Alur cannot execute.
    """
    root = parse_xml(data, filename)
    if etree.QName(root).namespace != BPMN_NS or _local(root) != "definitions":
        raise InputError.from_code("not_bpmn_document", label=filename or "BPMN", tag=_local(root) or root.tag)
    return _Reader(root, filename, process).read()


def process_choices(data: bytes, filename: str = "") -> list[tuple[str, str]]:
    """The (id, name) of every process with steps in a BPMN document, for choosing one with ``process=``.

    :raises InputError: for unreadable or hostile XML.
    """
    root = parse_xml(data, filename)
    pools = {element.get("processRef", ""): _clean(element.get("name")) for element in root.iter(bpmn("participant"))}
    return [(process.get("id", ""), _clean(process.get("name")) or pools.get(process.get("id", ""), ""))
            for process in root.iter(bpmn("process"))
            if any(_local(child) in FLOW_NODE_TAGS for child in process)]


class _Reader:
    def __init__(self, root: etree._Element, filename: str, process: str = "") -> None:
        self.root = root
        self.filename = filename
        self.wanted_process = process
        self.errors: list[Problem] = []
        self.notices: list[Problem] = []
        self.nodes: dict[str, _Node] = {}
        self.flows: dict[str, _Flow] = {}
        self.annotation_of: dict[str, list[str]] = {}

    def error(self, code: str, element_id: str = "", name: str = "", **params: object) -> None:
        self.errors.append(problem(code, element_id, name, severity="error", **params))

    def notice(self, code: str, element_id: str = "", name: str = "", **params: object) -> None:
        self.notices.append(problem(code, element_id, name, severity="warning", **params))

    # ------------------------------------------------------------------------------------------
    def read(self) -> ImportResult:
        processes = self._choose_processes()
        process = processes[0]
        participant_names = {
            element.get("processRef", ""): _clean(element.get("name"))
            for element in self.root.iter(bpmn("participant"))
        }
        self.lane_order: list[str] = []
        #: ``lane name -> organisation jabatan code`` from each lane's own ``sop:jabatanOrg`` extension
        #: (kept over every pool of a collaboration).
        self.lane_codes: dict[str, str] = {}
        if len(processes) > 1:
            lanes, process = collaboration.read_pools(self, processes, _Flow)
        else:
            lanes = self._lanes(process, participant_names.get(process.get("id", "")) or _clean(process.get("name")))
            self._collect(process, lanes)
        documentation.collect(self, processes)
        implicit.decisions_after_tasks(self, TASK_TAGS, _Node, _Flow)
        implicit.join_links(self, _Flow, {child.get("id", ""): process.get("id", "") for process in processes
                                          for child in process})
        implicit.silent_throws(self)
        self._check_unsupported()
        if self.errors:
            raise self._failure()
        default_actor = participant_names.get(process.get("id", "")) or _clean(process.get("name")) or "Pelaksana"
        actors = self._actors(process, lanes, default_actor)
        steps = self._steps(default_actor if not lanes else "")
        if self.errors:
            raise self._failure()
        identity = self._identity(process, participant_names.get(process.get("id", ""), ""))
        if len(processes) > 1:
            identity.nama = collaboration.collaboration_name(self.root) or identity.nama
        result = Sop(identity=identity, actors=actors, steps=structure_read.nest_order(self._order(steps)),
                     process_id=process.get("id", ""),
                     fields=read_fields(process, self.notice), routing=self._routing(process),
                     actor_jabatan={**self._actor_jabatan(process),
                                    **{lane: code for lane, code in self.lane_codes.items() if lane in actors}})
        if not result.fields and self.root.get("exporter") != "Alur":
            result.fields = fields_from_conditions(result.steps, self.notice)
        for step in result.steps:  # a hand-edited file may use a lane its sop:pelaksana list lacks
            if step.actor and step.actor not in result.actors:
                result.actors.append(step.actor)
        return ImportResult(result, self.notices)

    def _failure(self) -> ProcessDefinitionError:
        self.errors = refusals.refine(self.errors, self.nodes)
        return ProcessDefinitionError(
            f"{self.filename or 'BPMN'}: {len(self.errors)} bagian tidak dapat diimpor.", self.errors, self.filename)

    def _choose_processes(self) -> list[etree._Element]:
        """The process asked for with ``--proses``, the only one, or every pool of a collaboration."""
        candidates = [
            process for process in self.root.iter(bpmn("process"))
            if any(_local(child) in FLOW_NODE_TAGS for child in process)
        ]
        if not candidates:
            raise ProcessDefinitionError.from_code("bpmn_no_process_summary", [problem("no_process")],
                                                   self.filename, filename=self.filename or 'BPMN')
        pools = {element.get("processRef", ""): _clean(element.get("name"))
                 for element in self.root.iter(bpmn("participant"))}

        def labels(process: etree._Element) -> set[str]:
            return {value for value in (process.get("id", ""), _clean(process.get("name")),
                                        pools.get(process.get("id", ""), "")) if value}

        listing = "; ".join(
            f"{p.get('id', '?')} ({_clean(p.get('name')) or pools.get(p.get('id', ''), '') or '-'})" for p in candidates)
        if self.wanted_process:
            chosen = [p for p in candidates if self.wanted_process in labels(p)]
            if chosen:
                return chosen[:1]
            known = sorted(set().union(*(labels(p) for p in candidates)))
            close = difflib.get_close_matches(self.wanted_process, known, n=1)
            found = (problem("process_not_found_close", wanted=self.wanted_process, processes=listing, close=close[0])
                     if close else problem("process_not_found", wanted=self.wanted_process, processes=listing, hint=""))
            raise ProcessDefinitionError.from_code("bpmn_process_not_found_summary", [found], self.filename,
                                                   filename=self.filename or "BPMN")
        pooled, left_out = collaboration.pool_processes(self.root, candidates)
        for other in left_out:
            self.notice("imp_process_not_a_pool", other.get("id", ""), _clean(other.get("name")))
        return pooled

    def _lanes(self, process: etree._Element, unnamed: str = "") -> dict[str, str]:
        """Map flow node id -> lane name, using the innermost lanes.

        :param unnamed: the pool's name, for a lane drawn without a name (some modelers put one
            nameless lane over the whole pool); a nameless lane around named ones adds no prefix.
        """
        lane_of: dict[str, str] = {}

        def visit(lane_set: etree._Element, prefix: str) -> None:
            for lane in lane_set.findall(bpmn("lane")):
                name = _clean(lane.get("name"))
                children = [child for child in lane.findall(bpmn("childLaneSet"))
                            if child.findall(bpmn("lane"))]
                if children:
                    for child in children:
                        visit(child, f"{prefix}{name} - " if name else prefix)
                    continue
                full = f"{prefix}{name}" if name else (prefix.removesuffix(" - ") or unnamed or lane.get("id", ""))
                if full not in self.lane_order:
                    self.lane_order.append(full)
                code = lane.find(f"{bpmn('extensionElements')}/{sop('jabatanOrg')}")
                if code is not None and _clean(code.text):
                    self.lane_codes[full] = _clean(code.text)
                for ref in lane.findall(bpmn("flowNodeRef")):
                    lane_of[(ref.text or "").strip()] = full

        for lane_set in process.findall(bpmn("laneSet")) + structure_read.nested_lane_sets(process):
            visit(lane_set, "")
        return lane_of

    def _collect(self, process: etree._Element, lanes: dict[str, str]) -> None:
        annotations = {
            element.get("id", ""): _clean(element.findtext(bpmn("text")))
            for element in process.iter(bpmn("textAnnotation"))
        }
        for association in process.iter(bpmn("association")):
            source, target = association.get("sourceRef", ""), association.get("targetRef", "")
            for node_id, note_id in ((source, target), (target, source)):
                if annotations.get(note_id):
                    self.annotation_of.setdefault(node_id, []).append(annotations[note_id])
        for element, scope in structure_read.flow_elements(process):
            tag = _local(element)
            if tag not in FLOW_NODE_TAGS:
                continue
            node_id = element.get("id", "")
            # a node inside a sub-process and outside every lane is worked in the sub-process's lane
            lane = lanes.get(node_id, "") or (self.nodes[scope].lane if scope in self.nodes else "")
            node = _Node(node_id, tag, _clean(element.get("name")), element, lane, scope=scope)
            node.event_kinds = tuple(
                _local(child).removesuffix("EventDefinition") for child in element
                if _local(child).endswith("EventDefinition")
            )
            node.default_flow = element.get("default", "")
            step_ext = element.find(f"{bpmn('extensionElements')}/{sop('step')}")
            if step_ext is not None:
                node.step_kind = step_ext.get("kind", "")
                node.number = int(step_ext.get("number", "0")) if step_ext.get("number", "").isdigit() else 0
            generated = element.find(f"{bpmn('extensionElements')}/{sop('generated')}")
            if generated is not None:
                node.generated_role = generated.get("role", "")
                node.generated_for = generated.get("step", "")
            self.nodes[node_id] = node
        for element in [item for item, _ in structure_read.flow_elements(process) if _local(item) == "sequenceFlow"]:
            condition = element.find(bpmn("conditionExpression"))
            flow = _Flow(element.get("id", ""), element.get("sourceRef", ""), element.get("targetRef", ""),
                         _clean(element.get("name")),
                         (condition.text or "").strip() if condition is not None else "")
            if flow.condition and condition is not None:
                flow.condition = self._foreign_condition(flow, condition.get("language", ""))
            missing = [ref for ref in (flow.source, flow.target) if ref not in self.nodes]
            if missing:
                self.error("missing_flow_ref", flow.id, flow.name, target=missing[0] or "(kosong)")
                continue
            self.flows[flow.id] = flow
            self.nodes[flow.source].outgoing.append(flow.id)
            self.nodes[flow.target].incoming.append(flow.id)

    def _foreign_condition(self, flow: _Flow, language: str) -> str:
        """A JUEL/FEEL/XPath condition in the safe language, or refused naming the arrow and the text."""
        foreign = foreign_condition(flow.condition, language)
        if foreign is None:
            return self._untyped_condition(flow)
        dialect = foreign.dialect.upper()
        try:
            translated = translate_condition(foreign)
        except UntranslatableCondition as exc:
            self.error(exc.reason, flow.id, flow.name, dialect=dialect, expression=flow.condition, token=exc.token)
            return ""
        reasons = check_condition(translated)
        if reasons:
            self.error("imp_condition_unsafe", flow.id, flow.name, dialect=dialect, expression=flow.condition,
                       condition=translated, reason=reasons[0])
            return ""
        if translated in ("True", "False"):  # a fixed answer chooses nothing: the pelaksana decides
            self.notice("imp_condition_constant", flow.id, flow.name, dialect=dialect, expression=flow.condition)
            return ""
        self.notice("imp_condition_translated", flow.id, flow.name, dialect=dialect, expression=flow.condition,
                    condition=translated)
        return translated

    def _untyped_condition(self, flow: _Flow) -> str:
        """A condition without a language that is not Alur's own read as FEEL when it translates.

        Modelers that drop the ``language`` attribute on export still write FEEL (``Vacation Approval =
        "Approved"``: a name with a space and ``=`` to compare, which Alur's language cannot mean). Text
        that is valid in Alur's language, or that does not translate, stays as written (``alur check``
        then names what is wrong with it)."""
        if not check_condition(flow.condition):
            return flow.condition
        try:
            translated = translate_condition(ForeignCondition("feel", flow.condition))
        except UntranslatableCondition:
            return flow.condition
        if check_condition(translated) or translated in ("True", "False"):
            return flow.condition
        self.notice("mw_condition_untyped_feel", flow.id, flow.name, expression=flow.condition, condition=translated)
        return translated

    def _check_unsupported(self) -> None:
        for node in self.nodes.values():
            if node.handover and node.tag in ("startEvent", "endEvent", "intermediateCatchEvent",
                                              "intermediateThrowEvent"):
                continue  # a message between two pools of the file: a hand-over (collaboration notice)
            if node.tag == "inclusiveGateway" and node.generated_role in ("split", "join"):
                continue  # Alur's own inclusive split and join (sop:structure keeps their conditions)
            if node.tag == "subProcess" and node.element.get("triggeredByEvent") == "true":
                # an event sub-process starts on an event anywhere in its parent: no row of a table
                self.error(_UNSUPPORTED_CODE["subProcess"], node.id, node.name)
            elif events_read.handles(node):  # events: checked there (engine.bpmn.events_read)
                events_read.check(self, node)
            elif node.tag in UNSUPPORTED_ACTIVITY_TAGS or node.tag in (
                    "inclusiveGateway", "eventBasedGateway", "complexGateway", "boundaryEvent",
                    "intermediateCatchEvent"):
                key = "link" if "link" in node.event_kinds else node.tag
                self.error(_UNSUPPORTED_CODE[key], node.id, node.name)
            elif node.tag == "intermediateThrowEvent":
                if not node.event_kinds:
                    self.notice("converted_element", node.id, node.name, what="Kejadian antara (tanpa tipe)",
                                effect="dilewati: panah diteruskan ke langkah berikutnya")
                else:
                    key = "link" if "link" in node.event_kinds else "intermediateThrowEvent"
                    self.error(_UNSUPPORTED_CODE[key], node.id, node.name, kind=", ".join(node.event_kinds))
            elif node.tag in TASK_TAGS:
                loops = [_local(child) for child in node.element
                         if _local(child) in ("standardLoopCharacteristics", "multiInstanceLoopCharacteristics")]
                if loops and not structure_read.has_alur_structure(node.element):  # Alur's own: sop:structure
                    reading = structure_read.foreign_loop(node.element)
                    if reading is None:
                        self.error(_UNSUPPORTED_CODE["loop"], node.id, node.name)
                    else:
                        self.notice(reading.notice, node.id, node.name, maximum=reading.maximum)
                elif node.tag in AUTOMATED_TASK_TAGS:
                    self.notice("converted_element", node.id, node.name, what=f"{node.tag}",
                                effect="diimpor sebagai kegiatan yang dikerjakan dan dikonfirmasi pelaksana")
            elif node.tag == "startEvent" and node.event_kinds:
                self.notice("converted_element", node.id, node.name,
                            what=f"Awal dengan pemicu {', '.join(node.event_kinds)}",
                            effect="instans dimulai oleh pelaksana langkah pertama")
            elif node.tag == "endEvent" and node.event_kinds:
                self.notice("converted_element", node.id, node.name,
                            what=f"Akhir bertipe {', '.join(node.event_kinds)}", effect="diperlakukan sebagai akhir biasa")
        for flow in self.flows.values():
            source = self.nodes[flow.source]
            if (flow.condition and source.tag not in ("exclusiveGateway",) and len(source.outgoing) > 1
                    and not (source.tag == "inclusiveGateway" and source.generated_role == "split")):
                self.error("condition_on_task_flow", flow.id, flow.name)

    # ------------------------------------------------------------------------------------------
    def _is_step_node(self, node: _Node) -> bool:
        if node.handover == "step":  # a message catch that waits as a step of its own (collaboration)
            return True
        if node.generated_role or node.handover == "pass":
            return False
        if node.scope and node.tag == "endEvent":
            # where a sub-process ends; a row of its own only when a decision's branch ends it there
            return node.step_kind == StepKind.END.value or self._ends_a_branch(node)
        if node.scope and node.tag == "startEvent":  # where a sub-process begins
            return False
        if node.tag in TASK_TAGS or node.tag in structure_read.STRUCTURED_TAGS or node.tag in ("startEvent", "endEvent"):
            return True
        if node.tag in events_read.EVENT_STEP_TAGS:
            # a message between two pools of the file is a hand-over, not a wait (engine.bpmn.collaboration)
            return not node.handover and events_read.is_step(node, self.nodes, self.flows)
        return node.tag == "exclusiveGateway" and len(node.outgoing) >= 2

    def _ends_a_branch(self, end: _Node) -> bool:
        """Whether a decision's branch reaches the sub-process end ``end`` without passing a step (so
        the branch ends the sub-process: the end is a nested *selesai* row the branch leads to)."""
        seen = {end.id}
        queue = [end]
        while queue:
            current = queue.pop()
            for flow_id in current.incoming:
                flow = self.flows[flow_id]
                if flow.message or flow.source in seen:
                    continue
                seen.add(flow.source)
                other = self.nodes[flow.source]
                if other.tag == "exclusiveGateway" and len(other.outgoing) >= 2:
                    return True
                if other.tag in ("exclusiveGateway", "parallelGateway", "inclusiveGateway",
                                 "intermediateThrowEvent") and not self._is_step_node(other):
                    queue.append(other)
        return False

    def _actors(self, process: etree._Element, lanes: dict[str, str], default_actor: str) -> list[str]:
        declared = process.find(f"{bpmn('extensionElements')}/{sop('pelaksana')}")
        if declared is not None:
            return [_clean(item.text) for item in declared.findall(sop("jabatan")) if _clean(item.text)]
        if lanes:
            used = {node.lane for node in self.nodes.values() if node.lane}
            return [lane for lane in self.lane_order if lane in used] or list(self.lane_order)
        return [default_actor]

    @staticmethod
    def _routing(process: etree._Element) -> dict[str, str]:
        """``pelaksana -> rule`` from the ``penugasan`` attributes of ``sop:pelaksana`` (checked by validation)."""
        declared = process.find(f"{bpmn('extensionElements')}/{sop('pelaksana')}")
        if declared is None:
            return {}
        return {_clean(item.text): _clean(item.get("penugasan")) for item in declared.findall(sop("jabatan"))
                if _clean(item.text) and _clean(item.get("penugasan"))}

    @staticmethod
    def _actor_jabatan(process: etree._Element) -> dict[str, str]:
        """``pelaksana -> organisation jabatan code`` from the ``jabatanOrg`` attributes of ``sop:pelaksana``
        (a lane's own ``sop:jabatanOrg`` extension wins over it; files written before codes existed
        have neither: their columns are matched by name)."""
        declared = process.find(f"{bpmn('extensionElements')}/{sop('pelaksana')}")
        if declared is None:
            return {}
        return {_clean(item.text): _clean(item.get("jabatanOrg")) for item in declared.findall(sop("jabatan"))
                if _clean(item.text) and _clean(item.get("jabatanOrg"))}

    def _lane_for(self, node: _Node, fallback: str) -> str:
        """A node's lane, or for a node outside every lane the lane of the nearest predecessor."""
        if node.lane:
            return node.lane
        seen = {node.id}
        queue = [node]
        while queue:
            current = queue.pop(0)
            for flow_id in current.incoming + current.outgoing:
                flow = self.flows[flow_id]
                for other_id in (flow.source, flow.target):
                    other = self.nodes[other_id]
                    if other.lane:
                        return other.lane
                    if other_id not in seen:
                        seen.add(other_id)
                        queue.append(other)
        return fallback

    def _resolve(self, node_id: str, seen: frozenset[str] = frozenset()) -> list[tuple[str, bool]]:
        """The steps an arrow into ``node_id`` reaches, with whether it passed a parallel join."""
        node = self.nodes[node_id]
        if self._is_step_node(node):
            return [(node_id, False)]
        if node_id in seen or node.generated_role == "end" or (node.scope and node.tag == "endEvent"):
            return []
        joins = (node.tag == "parallelGateway" and (len(node.incoming) >= 2 or node.generated_role == "join")
                 or node.handover == "join"
                 or node.tag == "inclusiveGateway" and node.generated_role == "join")
        results: list[tuple[str, bool]] = []
        for flow_id in node.outgoing:
            for target, joined in self._resolve(self.flows[flow_id].target, seen | {node_id}):
                entry = (target, joined or joins)
                if entry not in results:
                    results.append(entry)
        return results

    def _steps(self, default_actor: str) -> list[Step]:
        steps: dict[str, Step] = {}
        fallback = default_actor or (self.lane_order[0] if self.lane_order else "Pelaksana")
        self.step_ids = _StepIds()
        self.number_of_step: dict[str, int] = {}
        self.events_from_extension: set[str] = set()
        for node in self.nodes.values():
            if not self._is_step_node(node):
                continue
            actor = default_actor or self._lane_for(node, fallback)
            if not default_actor and not node.lane and node.tag != "exclusiveGateway":
                self.notice("no_lane", node.id, node.name, actor=actor)
            steps[node.id] = self._step(node, self.step_ids.make(node.id), actor)
            self.number_of_step[steps[node.id].id] = node.number
        joined: set[str] = set()
        extra: list[Step] = []
        choices = events_read.link(self, steps, self.events_from_extension)
        for node_id, step in steps.items():
            node = self.nodes[node_id]
            if node_id in choices:
                continue
            exit_node = node
            if step.kind is StepKind.DECISION and node.tag != "exclusiveGateway":
                exit_node = self._generated_decision_gateway(node) or node
            if exit_node.tag == "exclusiveGateway":
                extra += self._decision(step, exit_node, steps, joined)
                continue
            for flow_id in exit_node.outgoing:
                for target, was_joined in self._resolve(self.flows[flow_id].target):
                    if steps[target].id not in step.next:
                        step.next.append(steps[target].id)
                    if was_joined:
                        joined.add(target)
        for node_id in joined:
            steps[node_id].join = True
        for node_id, step in steps.items():  # a step that waits for its pool and for a message
            if self.nodes[node_id].handover == "join":
                step.join = True
        return list(steps.values()) + extra

    def _generated_decision_gateway(self, node: _Node) -> _Node | None:
        for flow_id in node.outgoing:
            target = self.nodes[self.flows[flow_id].target]
            if target.generated_role == "decision":
                return target
        return None

    def _decision(self, step: Step, gateway: _Node, steps: dict[str, Step], joined: set[str]) -> list[Step]:
        """Fill the Ya/Tidak of ``step`` from ``gateway``; return extra steps for 3+ branches."""
        branches: list[tuple[_Flow, str]] = []
        for flow_id in gateway.outgoing:
            flow = self.flows[flow_id]
            targets = self._resolve(flow.target)
            label = flow.name or flow.id
            if len(targets) > 1:
                self.error("branch_to_parallel", gateway.id, gateway.name, branch=label)
                continue
            if not targets:
                self.error("branch_without_step", gateway.id, gateway.name, branch=label)
                continue
            target, was_joined = targets[0]
            if was_joined:
                joined.add(target)
            branches.append((flow, steps[target].id))
        if len(branches) < 2:
            return []
        branches = self._order_branches(branches, gateway.default_flow)
        chain = [step] + [
            Step(id=self.step_ids.make(f"{step.id}_{index + 1}"), kind=StepKind.DECISION,
                 activity=f"{step.activity}: {branches[index][0].name or f'cabang {index + 1}'}?",
                 actor=step.actor, remarks=step.remarks)
            for index in range(1, len(branches) - 1)
        ]
        for index, decision in enumerate(chain):
            yes_flow, yes_target = branches[index]
            decision.yes = yes_target
            if yes_flow.condition and yes_flow.condition != CLERK_DECISION_CONDITION:
                decision.condition = yes_flow.condition
            decision.no = chain[index + 1].id if index + 1 < len(chain) else branches[-1][1]
        if len(chain) > 1:
            self.notice("converted_element", gateway.id, gateway.name, what=f"Gateway dengan {len(branches)} cabang",
                        effect=f"dipecah menjadi {len(chain)} keputusan Ya/Tidak berurutan")
        for extra_step in chain[1:]:
            self.number_of_step[extra_step.id] = 0
        return chain[1:]

    @staticmethod
    def _order_branches(branches: list[tuple[_Flow, str]], default_flow: str) -> list[tuple[_Flow, str]]:
        """Ya-like branches first, the default or Tidak-like branch last."""

        def rank(item: tuple[_Flow, str]) -> int:
            flow = item[0]
            word = flow.name.lower().strip(" ?.!")
            if flow.id == default_flow or word in _NO_WORDS:
                return 2
            if word in _YES_WORDS:
                return 0
            return 1

        return sorted(branches, key=rank)

    def _step(self, node: _Node, step_id: str, actor: str) -> Step:
        kind = StepKind.ACTIVITY
        if node.tag == "startEvent":
            kind = StepKind.START
        elif node.tag == "endEvent":
            kind = StepKind.END
        elif node.tag == "exclusiveGateway":
            kind = StepKind.DECISION
        if not node.handover:
            kind = events_read.step_kind(node) or kind
        if node.step_kind in {k.value for k in StepKind}:
            kind = StepKind(node.step_kind)
        if node.handover == "step":  # a message event of a collaboration worked as a step (send or receive)
            kind = StepKind.ACTIVITY
        activity = node.name
        if not activity:
            activity = {StepKind.START: "Mulai", StepKind.END: "Selesai", StepKind.DECISION: "Keputusan"}.get(kind, "")
            if not activity:
                activity = f"Kegiatan {step_id}"
                self.notice("unnamed_task", node.id, "", label=activity)
        step = Step(id=step_id, kind=kind, activity=activity, actor=actor)
        ext = node.element.find(f"{bpmn('extensionElements')}/{sop('step')}")
        if ext is not None:
            items = ext.findall(f"{sop('kelengkapan')}/{sop('item')}")
            step.requirements = [_clean(item.text) for item in items]
            step.documents = [_clean(item.text) for item in items if item.get("document") == "true"]
            step.duration = _clean(ext.findtext(sop("waktu")))
            step.output = _clean(ext.findtext(sop("output")))
            step.output_document = ext.find(f"{sop('output')}[@document='true']") is not None
            step.remarks = (ext.findtext(sop("keterangan")) or "").strip()
            step.join = ext.get("join") == "true"
            step.record = read_record(node.element)
        else:
            notes = [_clean(doc.text) for doc in node.element.findall(bpmn("documentation")) if _clean(doc.text)]
            notes += self.annotation_of.get(node.id, [])
            step.remarks = " ".join(notes)
            documentation.apply(self, node.id, step)
        if not node.handover and events_read.read_step(self, node, step):
            self.events_from_extension.add(node.id)
        if node.tag in structure_read.STRUCTURED_TAGS or node.scope or ext is not None:
            step.structure, to_choose = structure_read.structure_of(node.element, node.tag, node.scope)
            actor = structure_read.subprocess_actor(node.element)
            if actor:
                step.actor = actor
            if to_choose and step.structure.call is not None:
                self.notice("st_call_to_choose", node.id, node.name, element=step.structure.call.called_element)
            if node.tag == "callActivity" and step.structure.subprocess:
                self.notice("st_call_inlined", node.id, node.name, element=node.element.get("calledElement", ""))
            if node.tag == "subProcess" and step.structure.subprocess and \
                    not structure_read.has_content(node.element):
                # a collapsed sub-process whose content the file does not hold: one step of its lane
                step.structure.subprocess = False
                self.notice("st_subprocess_collapsed", node.id, node.name)
        if node.tag in TASK_TAGS and not structure_read.has_alur_structure(node.element):
            reading = structure_read.foreign_loop(node.element)
            if reading is not None and reading.maximum:
                step.structure.loop = StandardLoop("", reading.maximum)
        return step

    # ------------------------------------------------------------------------------------------
    def _order(self, steps: list[Step]) -> list[Step]:
        by_id = {step.id: step for step in steps}
        numbers = self.number_of_step
        if steps and all(numbers.get(step.id) for step in steps):
            return sorted(steps, key=lambda step: numbers[step.id])
        starts = [step for step in steps if step.kind is StepKind.START]
        order: list[str] = []
        seen: set[str] = set()
        for start in starts:
            # Iterative DFS; successors pushed so Ya (first) is explored last and ends up first.
            postorder: list[str] = []
            stack: list[tuple[str, int]] = [(start.id, 0)]
            seen.add(start.id)
            while stack:
                current, index = stack.pop()
                successors = [t for t in reversed(by_id[current].successors()) if t in by_id]
                if index < len(successors):
                    stack.append((current, index + 1))
                    target = successors[index]
                    if target not in seen:
                        seen.add(target)
                        stack.append((target, 0))
                else:
                    postorder.append(current)
            order += reversed(postorder)
        order += [step.id for step in steps if step.id not in seen]
        return [by_id[step_id] for step_id in order]

    def _identity(self, process: etree._Element, participant_name: str) -> Identity:
        identity = Identity()
        element = process.find(f"{bpmn('extensionElements')}/{sop('identity')}")
        if element is None:
            identity.nama = _clean(process.get("name")) or participant_name or self.filename.rsplit("/", 1)[-1]
            return identity
        for attribute, tag in IDENTITY_TEXT_TAGS.items():
            setattr(identity, attribute, _clean(element.findtext(sop(tag))))
        for attribute, tag in IDENTITY_DATE_TAGS.items():
            text = _clean(element.findtext(sop(tag)))
            try:
                setattr(identity, attribute, dt.date.fromisoformat(text) if text else None)
            except ValueError:
                self.notice("converted_element", "", "", what=f"Tanggal '{text}' pada {tag}",
                            effect="tidak dikenali dan dikosongkan")
        approval = element.find(sop("disahkanOleh"))
        if approval is not None:
            acting = approval.get("pelaksana", "").strip().lower()
            identity.disahkan_oleh = Approval(approval.get("jabatan", ""), approval.get("nama", ""),
                                              approval.get("nip", ""), acting if acting in ("plh", "plt") else "")
        for attribute, tag in IDENTITY_LIST_TAGS.items():
            setattr(identity, attribute, [_clean(item.text) for item in element.findall(f"{sop(tag)}/{sop('item')}")])
        identity.pola_nomor_registrasi = _clean(element.findtext(sop("polaNomorRegistrasi")))
        identity.retensi_tahun = _clean(element.findtext(sop("retensiTahun")))
        return identity


class _StepIds:
    """Step ids from BPMN ids: kept when they are valid, made valid and unique otherwise."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, node_id: str) -> str:
        candidate = node_id if STEP_ID_PATTERN.match(node_id) else slugify(node_id, "langkah")
        base, counter = candidate, 2
        while candidate in self.used:
            candidate, counter = f"{base}_{counter}", counter + 1
        self.used.add(candidate)
        return candidate


__all__ = ["ImportResult", "SOP_NS", "process_choices", "read_bpmn"]
