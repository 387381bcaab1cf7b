"""PM4Py (AGPL, test-only) as the reference for event logs and alignments.

:func:`bpmn_petri_net` builds the reference Petri net from Alur's *exported BPMN*, element by
element, with the usual BPMN-to-Petri-net mapping (a place per sequence flow, silent transitions
for gateways, merges and generated end events) and not from :mod:`engine.conformance.net`, so the
agreement tests also check that Alur's own, compact net has the same behaviour. PM4Py's own BPMN
import is not used: it makes start events and gateway-only decisions silent, while in an SOP the
start row and every decision are steps a clerk does and a log records.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from lxml import etree

from engine.bpmn.names import BPMN_NS
from engine.bpmn.writer import write_bpmn
from engine.conformance import SopNet
from engine.eventlog import EventLog
from engine.sop.model import Sop


def pm4py() -> Any:
    """PM4Py, imported quietly; the test is skipped when it is not installed."""
    with contextlib.redirect_stdout(io.StringIO()), quiet():  # the licence banner
        module = pytest.importorskip("pm4py")
    return module


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence the warnings PM4Py's dependencies raise (numpy.matrix, pandas), which the test
    configuration turns into errors: PM4Py's soundness check reads any exception as "not sound"."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def bpmn_petri_net(sop: Sop) -> tuple[Any, Any, Any]:
    """The Petri net (net, initial marking, final marking) of the BPMN Alur exports for ``sop``.

    Visible transitions (labelled with the step id) are the BPMN elements whose id is a step id;
    an end event row without WAKTU is visible or silent (a log may or may not record it), and so are a
    decision with a ``syarat`` (the engine decides it; Alur's own log has no event for it), an
    event-based choice and a wait row (nobody works them); a multi-instance task happens one or more times.
    """
    pm4py()
    from pm4py.objects.petri_net.obj import Marking, PetriNet
    from pm4py.objects.petri_net.utils import petri_utils

    root = etree.fromstring(write_bpmn(sop))
    process = root.find(f"{{{BPMN_NS}}}process")
    assert process is not None
    steps = {step.id: step for step in sop.steps}
    net = PetriNet("bpmn")
    counter = iter(range(10**6))

    def place(name: str) -> Any:
        item = PetriNet.Place(f"{name}#{next(counter)}")
        net.places.add(item)
        return item

    def transition(label: str | None, consumes: list[Any], produces: list[Any]) -> None:
        item = PetriNet.Transition(f"t{next(counter)}", label)
        net.transitions.add(item)
        for source in consumes:
            petri_utils.add_arc_from_to(source, item, net)
        for target in produces:
            petri_utils.add_arc_from_to(item, target, net)

    flows = {flow.get("id"): (flow.get("sourceRef"), flow.get("targetRef"))
             for flow in process.iter(f"{{{BPMN_NS}}}sequenceFlow")}
    flow_place = {flow_id: place(f"flow:{flow_id}") for flow_id in flows}
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for flow_id, (source, target) in flows.items():
        outgoing.setdefault(str(source), []).append(str(flow_id))
        incoming.setdefault(str(target), []).append(str(flow_id))
    source_place, sink = place("source"), place("sink")
    for element in process:
        tag = etree.QName(element).localname
        if tag not in {"startEvent", "userTask", "endEvent", "exclusiveGateway", "parallelGateway",
                       "eventBasedGateway", "intermediateCatchEvent"}:
            continue
        node = str(element.get("id"))
        ins = [flow_place[flow] for flow in incoming.get(node, [])]
        outs = [flow_place[flow] for flow in outgoing.get(node, [])]
        label = node if node in steps else None
        if tag == "parallelGateway":  # split or join
            transition(None, ins, outs)
            continue
        if not ins:
            ins = [source_place]
        if len(ins) > 1:  # implicit XOR-merge in front of a task or event
            merged = place(f"merge:{node}")
            for flow in ins:
                transition(None, [flow], [merged])
            ins = [merged]
        if tag in ("exclusiveGateway", "eventBasedGateway"):
            choice = ins[0]
            if label is not None:  # a decision with a condition or a reply-vs-timeout choice: the step, then the choice
                choice = place(f"choice:{node}")
                transition(label, ins, [choice])
                if steps[node].condition.strip() or tag == "eventBasedGateway":  # nobody's work: may be unlogged
                    transition(None, ins, [choice])
            for flow in outs:
                transition(None, [choice], [flow])
        elif tag == "intermediateCatchEvent":  # a branch of a choice (silent), or a wait row (visible or not)
            if label is not None:
                transition(label, ins, outs)
            transition(None, ins, outs)
        elif element.find(f"{{{BPMN_NS}}}multiInstanceLoopCharacteristics") is not None:
            again = place(f"setiap:{node}")  # done once per unit or item: one or more events
            transition(label, ins, [again])
            transition(label, [again], [again])
            transition(None, [again], outs)
        elif tag == "endEvent":
            transition(label, ins, [sink])
            if label is not None and not steps[node].is_working_end:
                transition(None, ins, [sink])
        else:
            transition(label, ins, outs)
    assert sop.start is not None
    return net, Marking({source_place: 1}), Marking({sink: 1})


def sop_petri_net(net: SopNet) -> tuple[Any, Any, Any]:
    """Alur's own SOP net as PM4Py objects (the same net both tools align on in the benchmark)."""
    pm4py()
    from pm4py.objects.petri_net.obj import Marking, PetriNet
    from pm4py.objects.petri_net.utils import petri_utils

    petri = PetriNet("sop")
    places = [PetriNet.Place(name) for name in net.places]
    for item in places:
        petri.places.add(item)
    for transition in net.transitions:
        item = PetriNet.Transition(f"t{transition.index}", net.labels[transition.label] if transition.label >= 0 else None)
        petri.transitions.add(item)
        for index in transition.consumes:
            petri_utils.add_arc_from_to(places[index], item, petri)
        for index in transition.produces:
            petri_utils.add_arc_from_to(item, places[index], petri)
    initial = Marking()
    for index in net.initial:
        initial[places[index]] += 1
    return petri, initial, Marking({places[net.sink]: 1})


def dataframe(log: EventLog, activities: dict[str, str] | None = None) -> Any:
    """``log`` as a PM4Py DataFrame; ``activities`` renames activities (e.g. kegiatan -> step id)."""
    import pandas as pd

    rename = activities or {}
    rows = [(event.case_id, rename.get(event.activity, event.activity), event.timestamp) for event in log.events()]
    frame = pd.DataFrame(rows, columns=["case:concept:name", "concept:name", "time:timestamp"])
    frame["time:timestamp"] = pd.to_datetime(frame["time:timestamp"], utc=True)
    return frame


def alignments_by_case(frame: Any, net: Any, initial: Any, final: Any) -> dict[str, dict[str, Any]]:
    """PM4Py's alignment of each case (it returns them in the order of the sorted case ids)."""
    with quiet():
        results = pm4py().conformance_diagnostics_alignments(frame, net, initial, final)
    cases = sorted(set(frame["case:concept:name"]))
    assert len(cases) == len(results)
    return dict(zip(cases, results))


__all__ = ["alignments_by_case", "bpmn_petri_net", "dataframe", "pm4py", "quiet", "sop_petri_net"]
