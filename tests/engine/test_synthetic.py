from __future__ import annotations

import pytest

from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.sop.model import StepKind
from engine.samples.synthetic import synthetic_sop
from engine.sop.validate import validate
from tests.engine.bpmn.di_geometry import defects


@pytest.mark.parametrize("seed", range(8))
def test_synthetic_sop_has_the_requested_shape_and_is_valid(seed: int) -> None:
    sop = synthetic_sop(steps=60, actors=8, decisions=10, loops=3, seed=seed)
    assert len(sop.steps) == 60 and len(sop.actors) == 8
    decisions = [s for s in sop.steps if s.kind is StepKind.DECISION]
    assert len(decisions) == 10
    numbers = {s.id: i for i, s in enumerate(sop.steps)}
    assert sum(1 for d in decisions if numbers[d.no] < numbers[d.id]) == 3
    assert sum(1 for s in sop.steps if len(s.next) > 1) == 1 and sum(s.join for s in sop.steps) == 1
    assert [p for p in validate(sop) if p.severity == "error"] == []
    xml = write_bpmn(sop)
    assert read_bpmn(xml).sop == sop
    assert defects(xml) == []
    assert parse_spec(xml).problems == []
