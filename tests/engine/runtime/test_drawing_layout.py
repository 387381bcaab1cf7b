"""The drawing view's layout (engine.bpmn.drawing) and its migration (0011d)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from engine import drawing_layout, load_file, read_bpmn, with_layout, write_bpmn
from engine.sop.model import Step, StepKind
from tests.conftest import shipped_processes


def _bounds(text: str, element_id: str) -> tuple[float, ...]:
    found = re.search(rf'bpmnElement="{re.escape(element_id)}"[^>]*>\s*<dc:Bounds x="([^"]+)" y="([^"]+)"', text)
    assert found is not None, element_id
    return tuple(float(value) for value in found.groups())


def _moved(text: str, element_id: str, x: float) -> str:
    return re.sub(rf'(bpmnElement="{re.escape(element_id)}"[^>]*>\s*<dc:Bounds x=")[^"]+', rf"\g<1>{x:g}", text,
                  count=1)


def test_positions_set_in_the_drawing_survive_a_new_row_and_the_model_is_unchanged() -> None:
    sop = load_file(shipped_processes()[1]).sop
    moved = sop.steps[2].id
    drawing = _moved(write_bpmn(sop).decode(), moved, 1234)
    layout = drawing_layout(drawing.encode())
    assert json.loads(layout)["shapes"][moved][0] == 1234
    # a row added in the table: the moved shape keeps its place, the new row gets a generated one
    extra = Step(id="tambahan", kind=StepKind.ACTIVITY, activity="Mencatat tambahan", actor=sop.steps[1].actor)
    grown = dataclasses.replace(sop, steps=[*sop.steps[:2], extra, *sop.steps[2:]])
    laid = with_layout(write_bpmn(grown), layout).decode()
    assert _bounds(laid, moved)[0] == 1234
    assert 'bpmnElement="tambahan"' in laid
    assert read_bpmn(laid.encode()).sop == read_bpmn(write_bpmn(grown)).sop  # positions never change the model
    # no kept layout: the generated drawing as it is
    assert with_layout(write_bpmn(sop), "") == write_bpmn(sop)
    assert with_layout(write_bpmn(sop), "not json") == write_bpmn(sop)


def test_an_arrow_whose_end_moved_is_redrawn_to_the_new_place() -> None:
    sop = load_file(shipped_processes()[1]).sop
    moved = sop.steps[2].id
    layout = drawing_layout(_moved(write_bpmn(sop).decode(), moved, 1500).encode())
    laid = with_layout(write_bpmn(sop), layout).decode()
    box = _bounds(laid, moved)
    into = re.findall(rf'bpmnElement="Alur_[^"]*_ke_{re.escape(moved)}"[^>]*>\s*((?:<di:waypoint[^>]*>\s*)+)', laid)
    assert into
    last_x = float(re.findall(r'x="([^"]+)"', into[0])[-1])
    assert abs(last_x - box[0]) < 1


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_migration_0011d_down_and_up(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import sqlalchemy

    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, head_revision, upgrade
    from tests.engine.runtime.conftest import fresh_url

    database = Database(fresh_url(kind, tmp_path, request))

    def columns() -> set[str]:
        with database.engine.connect() as connection:
            return {column["name"] for column in sqlalchemy.inspect(connection).get_columns("sop_lifecycle")}

    try:
        assert current_revision(database) == head_revision() and "layout" in columns()
        downgrade(database, "0010r")
        assert "layout" not in columns()
        upgrade(database)
        assert current_revision(database) == head_revision() and "layout" in columns()
    finally:
        database.dispose()
