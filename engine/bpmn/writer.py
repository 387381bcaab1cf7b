"""Write an SOP as BPMN 2.0 XML: one lane per pelaksana, full DI, every SOP field in ``sop:``.

Mapping of a step to BPMN elements:

- ``mulai``: a startEvent (starting the instance is doing this step);
- ``kegiatan``: a userTask;
- ``keputusan``: a userTask where the clerk answers Ya/Tidak, then an exclusive gateway whose "Ya"
  flow has the condition ``keputusan == "Ya"`` and whose "Tidak" flow is the default; with a
  ``syarat`` the gateway alone decides with that condition;
- ``selesai``: an endEvent, preceded by a userTask when the row still holds work (has a WAKTU);
- several successors: a parallel split gateway; ``tunggu_semua``: a parallel join gateway before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from engine.sop.model import Sop, Step, StepKind, slugify
from engine.bpmn.case_fields import write_fields
from engine.bpmn.step_records import write_record
from engine.bpmn import events_write, structure_write
from engine.bpmn.layout import Edge, Shape, layout
from engine.bpmn.names import (
    BPMNDI_NS,
    BPMN_NS,
    CLERK_DECISION_CONDITION,
    IDENTITY_DATE_TAGS,
    IDENTITY_LIST_TAGS,
    IDENTITY_TEXT_TAGS,
    NO,
    NSMAP,
    XSI_NS,
    YES,
    bpmn,
    decision_gateway_id,
    end_event_id,
    join_gateway_id,
    sop,
    split_gateway_id,
)


@dataclass
class Node:
    """One BPMN flow node to write."""

    id: str
    tag: str
    name: str
    lane: int
    step: Step
    #: "" for the step's own element; decision/split/join/end for elements added for it.
    role: str = ""
    default_flow: str = ""
    #: The sub-process row this node is nested in ("" at the top level; engine.bpmn.structure_write).
    scope: str = ""


@dataclass
class Flow:
    id: str
    source: str
    target: str
    name: str = ""
    condition: str = ""


@dataclass
class _Graph:
    nodes: list[Node] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)
    #: Per step: the node an incoming arrow enters, and the node its outgoing arrows leave.
    entry: dict[str, str] = field(default_factory=dict)
    exit: dict[str, str] = field(default_factory=dict)


def process_id_for(sop_model: Sop) -> str:
    """The BPMN process id: the stored one, or one made from the nomor or nama."""
    return sop_model.process_id or sop_model.default_process_id()


def write_bpmn(sop_model: Sop) -> bytes:
    """Return ``sop_model`` as a BPMN 2.0 document (UTF-8 bytes with XML declaration)."""
    graph = _build_graph(sop_model)
    process_id = process_id_for(sop_model)
    root = etree.Element(bpmn("definitions"), nsmap=NSMAP)
    root.set("id", f"Definitions_{process_id}")
    root.set("targetNamespace", "urn:alur:sop:definitions")
    root.set("exporter", "Alur")
    root.set("exporterVersion", "1")

    collaboration = etree.SubElement(root, bpmn("collaboration"), id=f"Kolaborasi_{process_id}")
    participant = etree.SubElement(collaboration, bpmn("participant"), id=f"Pool_{process_id}",
                                   name=sop_model.identity.nama or process_id, processRef=process_id)
    process = etree.SubElement(root, bpmn("process"), id=process_id, isExecutable="true")
    if sop_model.identity.nama:
        process.set("name", sop_model.identity.nama)
    _write_identity(process, sop_model)
    structure_write.write_properties(process, sop_model.steps)  # the lists multi-instance rows run over

    lane_ids = _lane_ids(sop_model.actors)
    containers = {"": process}
    _write_lanes(process, f"LaneSet_{process_id}", sop_model.actors, lane_ids, graph, "", sop_model.actor_jabatan)

    incoming: dict[str, list[str]] = {node.id: [] for node in graph.nodes}
    outgoing: dict[str, list[str]] = {node.id: [] for node in graph.nodes}
    for flow in graph.flows:
        outgoing[flow.source].append(flow.id)
        incoming[flow.target].append(flow.id)
    numbers = {step.id: index + 1 for index, step in enumerate(sop_model.steps)}
    for node in graph.nodes:
        element = etree.SubElement(containers[node.scope], bpmn(node.tag), id=node.id)
        if node.name:
            element.set("name", node.name)
        if node.default_flow:
            element.set("default", node.default_flow)
        extensions = etree.SubElement(element, bpmn("extensionElements"))
        if node.role:
            etree.SubElement(extensions, sop("generated"), step=node.step.id, role=node.role)
        else:
            _write_step(extensions, node.step, numbers[node.step.id])
            write_record(extensions, node.step)
            structure_write.write_structure(element, extensions, node.step)
        for flow_id in incoming[node.id]:
            etree.SubElement(element, bpmn("incoming")).text = flow_id
        for flow_id in outgoing[node.id]:
            etree.SubElement(element, bpmn("outgoing")).text = flow_id
        events_write.finish_event_element(element, node.step, node.id, node.tag)
        if not node.role:
            structure_write.write_loop_characteristics(element, node.step)
            if node.step.structure.subprocess:  # its rows go inside it, with lanes of its own
                containers[node.step.id] = element
                _write_lanes(element, f"LaneSet_{node.id}", sop_model.actors,
                             [f"{lane_id}_{node.id}" for lane_id in lane_ids], graph, node.step.id)
    scope_of_node = {node.id: node.scope for node in graph.nodes}
    for flow in graph.flows:
        element = etree.SubElement(containers[scope_of_node[flow.source]], bpmn("sequenceFlow"), id=flow.id,
                                   sourceRef=flow.source, targetRef=flow.target)
        if flow.name:
            element.set("name", flow.name)
        if flow.condition:
            expression = etree.SubElement(element, bpmn("conditionExpression"))
            expression.set(f"{{{XSI_NS}}}type", "bpmn:tFormalExpression")
            expression.text = flow.condition

    events_write.write_root_elements(root, sop_model)
    for scope in [""] + [step.id for step in sop_model.steps if step.structure.subprocess]:
        shapes = [Shape(node.id, _drawn_tag(node), node.lane, node.name,
                        node.step.id if node.role == events_write.BOUNDARY_ROLE else "")
                  for node in graph.nodes if node.scope == scope]
        boundaries = {shape.id for shape in shapes if shape.attached_to}
        edges = [Edge(flow.id, flow.source, flow.target, flow.name,
                      downwards=flow.name == NO or flow.source in boundaries)
                 for flow in graph.flows if scope_of_node[flow.source] == scope]
        if not scope:
            layout(root, collaboration.get("id", ""), participant.get("id", ""), process_id, sop_model.actors,
                   lane_ids, shapes, edges)
        elif shapes:  # the drill-down plane of a sub-process: its own lanes, no pool
            layout(root, scope, "", scope, sop_model.actors, [f"{lane_id}_{scope}" for lane_id in lane_ids],
                   shapes, edges)
    for node in graph.nodes:
        if node.tag in ("subProcess", "callActivity"):
            for shape in root.iter(f"{{{BPMNDI_NS}}}BPMNShape"):
                if shape.get("bpmnElement") == node.id and node.tag == "subProcess":
                    shape.set("isExpanded", "false")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _drawn_tag(node: Node) -> str:
    """The layout's size class of a node: a sub-process or call is drawn the size of a task."""
    return "userTask" if node.tag in ("subProcess", "callActivity") else node.tag


def _write_lanes(container: etree._Element, lane_set_id: str, actors: list[str], lane_ids: list[str],
                 graph: "_Graph", scope: str, codes: dict[str, str] | None = None) -> None:
    lane_set = etree.SubElement(container, bpmn("laneSet"), id=lane_set_id)
    lane_elements = []
    for actor, lane_id in zip(actors, lane_ids):
        lane = etree.SubElement(lane_set, bpmn("lane"), id=lane_id, name=actor)
        if codes and codes.get(actor, "").strip():  # the organisation jabatan, on the lane itself
            lane_extensions = etree.SubElement(lane, bpmn("extensionElements"))
            etree.SubElement(lane_extensions, sop("jabatanOrg")).text = codes[actor].strip()
        lane_elements.append(lane)
    for node in graph.nodes:
        # a sub-process stays out of the lanes: SpiffWorkflow 3.2 gives every task inside it the lane of the
        # sub-process, so only when it has none do its rows keep their own (its pelaksana: sop:structure)
        if node.tag == "subProcess":
            continue
        if node.scope == scope and 0 <= node.lane < len(lane_elements):
            etree.SubElement(lane_elements[node.lane], bpmn("flowNodeRef")).text = node.id


def _lane_ids(actors: list[str]) -> list[str]:
    ids: list[str] = []
    for actor in actors:
        base = "Lajur_" + slugify(actor, "pelaksana")
        candidate, counter = base, 2
        while candidate in ids:
            candidate, counter = f"{base}_{counter}", counter + 1
        ids.append(candidate)
    return ids


def _build_graph(sop_model: Sop) -> _Graph:
    graph = _Graph()
    lane_of = {actor: index for index, actor in enumerate(sop_model.actors)}
    for step in sop_model.steps:
        lane = lane_of.get(step.actor, -1)

        def add(node_id: str, tag: str, name: str, role: str = "") -> Node:
            node = Node(node_id, tag, name, lane, step, role, scope=step.structure.within)
            graph.nodes.append(node)
            return node

        if step.join:  # an inclusive join waits only for the branches taken (engine.sop.structure)
            add(join_gateway_id(step.id), "inclusiveGateway" if step.structure.inclusive_join else "parallelGateway",
                "", "join")
        if step.kind is StepKind.START:
            main = add(step.id, "startEvent", step.activity)
        elif step.kind is StepKind.END and not step.is_working_end:
            main = add(step.id, "endEvent", step.activity)
        elif step.kind is StepKind.DECISION and step.condition:
            main = add(step.id, "exclusiveGateway", step.activity)
        elif events_write.main_tag(step):
            main = add(step.id, events_write.main_tag(step), step.activity)
        elif structure_write.structured_tag(step):
            main = add(step.id, structure_write.structured_tag(step), step.activity)
        else:
            main = add(step.id, "userTask", step.activity)
        graph.entry[step.id] = join_gateway_id(step.id) if step.join else main.id
        graph.exit[step.id] = main.id
        for helper_id, helper_tag, helper_role in events_write.helper_nodes(step):
            add(helper_id, helper_tag, "", helper_role)
        if step.kind is StepKind.DECISION and not step.condition and not step.wait:
            add(decision_gateway_id(step.id), "exclusiveGateway", "", "decision")
            graph.exit[step.id] = decision_gateway_id(step.id)
        elif step.is_working_end:
            add(end_event_id(step.id), "endEvent", "", "end")
        elif len(step.next) > 1:
            add(split_gateway_id(step.id), "inclusiveGateway" if step.structure.branches else "parallelGateway",
                "", "split")
            graph.exit[step.id] = split_gateway_id(step.id)

    flow_ids: set[str] = set()

    def connect(source: str, target: str, name: str = "", condition: str = "") -> Flow:
        base = f"Alur_{source}_ke_{target}"
        flow_id, counter = base, 2
        while flow_id in flow_ids:
            flow_id, counter = f"{base}_{counter}", counter + 1
        flow_ids.add(flow_id)
        flow = Flow(flow_id, source, target, name, condition)
        graph.flows.append(flow)
        return flow

    nodes_by_id = {node.id: node for node in graph.nodes}
    ids = {step.id for step in sop_model.steps}
    for step in sop_model.steps:
        if step.join:
            connect(join_gateway_id(step.id), step.id)
        exit_id = graph.exit[step.id]
        if exit_id != step.id:
            connect(step.id, exit_id)
        if step.is_working_end:
            connect(step.id, end_event_id(step.id))
        for source, target in events_write.event_flows(step):
            if target in ids:
                connect(source, graph.entry[target])
        if step.kind is StepKind.DECISION and step.wait:
            for index in range(len(step.wait)):
                connect(exit_id, events_write.helper_nodes(step)[index][0])
        elif step.kind is StepKind.DECISION:
            if step.yes in ids:
                connect(exit_id, graph.entry[step.yes], YES, step.condition or CLERK_DECISION_CONDITION)
            if step.no in ids:
                default = connect(exit_id, graph.entry[step.no], NO)
                nodes_by_id[exit_id].default_flow = default.id
        else:
            for target in step.next:
                if target in ids:
                    branch = connect(exit_id, graph.entry[target], condition=step.structure.branches.get(target, ""))
                    if step.structure.branches and not branch.condition:  # the branch taken when none holds
                        nodes_by_id[exit_id].default_flow = branch.id
    for step in sop_model.steps:  # each sub-process: a start before its first row, an end after its last ones
        if not step.structure.subprocess:
            continue
        rows = [row for row in sop_model.steps if row.structure.within == step.id]
        lane = lane_of.get(step.actor, -1)
        if not rows:
            continue
        start = Node(structure_write.sub_start_id(step.id), "startEvent", "", lane, step, structure_write.SUB_START,
                     scope=step.id)
        end = Node(structure_write.sub_end_id(step.id), "endEvent", "", lane, step, structure_write.SUB_END,
                   scope=step.id)
        graph.nodes += [start, end]
        connect(start.id, graph.entry[rows[0].id])
        for row in rows:
            if not row.successors() and row.kind is not StepKind.END:  # a nested selesai row is an end itself
                connect(graph.exit[row.id], end.id)
    return graph


def _text_element(parent: etree._Element, tag: str, text: str) -> None:
    if text:
        etree.SubElement(parent, sop(tag)).text = text


def _items(parent: etree._Element, tag: str, items: list[str], documents: frozenset[str] = frozenset()) -> None:
    if items:
        container = etree.SubElement(parent, sop(tag))
        for item in items:
            element = etree.SubElement(container, sop("item"))
            element.text = item
            if item in documents:
                element.set("document", "true")


def _write_identity(process: etree._Element, sop_model: Sop) -> None:
    extensions = etree.SubElement(process, bpmn("extensionElements"))
    identity = etree.SubElement(extensions, sop("identity"))
    for attribute, tag in IDENTITY_TEXT_TAGS.items():
        _text_element(identity, tag, getattr(sop_model.identity, attribute))
    for attribute, tag in IDENTITY_DATE_TAGS.items():
        value = getattr(sop_model.identity, attribute)
        _text_element(identity, tag, value.isoformat() if value else "")
    approval = sop_model.identity.disahkan_oleh
    signer = etree.SubElement(identity, sop("disahkanOleh"), jabatan=approval.jabatan, nama=approval.nama,
                              nip=approval.nip)
    if approval.acting:  # a Plh/Plt signed: the jabatan stays the declared one
        signer.set("pelaksana", approval.acting)
    for attribute, tag in IDENTITY_LIST_TAGS.items():
        _items(identity, tag, getattr(sop_model.identity, attribute))
    _text_element(identity, "polaNomorRegistrasi", sop_model.identity.pola_nomor_registrasi)
    _text_element(identity, "retensiTahun", sop_model.identity.retensi_tahun)
    actors = etree.SubElement(extensions, sop("pelaksana"))
    for actor in sop_model.actors:
        column = etree.SubElement(actors, sop("jabatan"))
        column.text = actor
        if sop_model.routing.get(actor, "").strip():  # who works the column (engine.sop.routing)
            column.set("penugasan", sop_model.routing[actor].strip())
        if sop_model.actor_jabatan.get(actor, "").strip():  # the organisation jabatan the column names
            column.set("jabatanOrg", sop_model.actor_jabatan[actor].strip())
    write_fields(extensions, sop_model.fields)


def _write_step(extensions: etree._Element, step: Step, number: int) -> None:
    element = etree.SubElement(extensions, sop("step"), kind=step.kind.value, number=str(number))
    if step.join:
        element.set("join", "true")
    _items(element, "kelengkapan", step.requirements, frozenset(step.documents))
    _text_element(element, "waktu", step.duration)
    _text_element(element, "output", step.output)
    output = element.find(sop("output"))
    if step.output_document and output is not None:
        output.set("document", "true")
    _text_element(element, "keterangan", step.remarks)
    events_write.write_step_events(element, step)


__all__ = ["BPMN_NS", "process_id_for", "write_bpmn"]
