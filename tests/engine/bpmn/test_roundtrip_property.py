"""Random valid SOPs survive SOP -> BPMN -> SOP and SOP -> sheet -> SOP unchanged."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.formats.sheet import dump_sheet, load_sheet
from engine.sop.model import Approval, Identity, Sop, Step, StepKind
from engine.sop.validate import validate
from engine.sop.fields import Field, FieldType
from tests.engine.bpmn.di_geometry import defects

# Text as people type it: letters incl. non-ASCII, digits, punctuation; normalised whitespace.
_raw_text = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40)
text = _raw_text.map(lambda s: " ".join(s.split())).filter(bool)
optional_text = st.one_of(st.just(""), text)
durations = st.sampled_from(["15 menit", "2 jam", "1 hari", "3 hari kerja", "1 minggu", "PT2H", "1,5 jam"])
dates = st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))


@st.composite
def sops(draw: st.DrawFn) -> Sop:
    actors = draw(st.lists(text, min_size=1, max_size=5, unique=True))
    count = draw(st.integers(3, 14))
    ids = [f"l{index}" for index in range(count)]
    steps: list[Step] = []
    for index, step_id in enumerate(ids):
        kind = StepKind.ACTIVITY
        if index == 0:
            kind = StepKind.START
        elif index == count - 1:
            kind = StepKind.END
        elif draw(st.booleans()) and index < count - 1:
            kind = StepKind.DECISION
        step = Step(
            id=step_id, kind=kind, activity=draw(text), actor=draw(st.sampled_from(actors)),
            requirements=draw(st.lists(text, max_size=3)),
            duration=draw(durations) if kind is not StepKind.END or draw(st.booleans()) else "",
            output=draw(optional_text), remarks=draw(optional_text),
        )
        steps.append(step)
    for index, step in enumerate(steps[:-1]):
        following = steps[index + 1].id
        if step.kind is StepKind.DECISION:
            step.yes = following
            others = [s.id for s in steps[1:] if s.id not in (step.id, following)]
            step.no = draw(st.sampled_from(others)) if others else steps[-1].id
            if step.no == step.yes:
                step.kind, step.yes, step.no = StepKind.ACTIVITY, "", ""
                step.next = [following]
            elif draw(st.booleans()):
                step.condition = draw(st.sampled_from(["jumlah > 3", "status == 'lengkap'", "not ditolak",
                                                       "hari_kerja <= 14 and nilai in [1, 2, 3]"]))
        else:
            step.next = [following]
    # a parallel block: a -> [b, c] -> d (join), all activities
    for index in range(0, count - 4):
        a, b, c, d = steps[index:index + 4]
        if (a.kind in (StepKind.START, StepKind.ACTIVITY) and b.kind is c.kind is StepKind.ACTIVITY
                and d.kind in (StepKind.ACTIVITY, StepKind.END) and draw(st.booleans())):
            a.next, b.next, c.next, d.join = [b.id, c.id], [d.id], [d.id], True
            break
    identity = Identity(
        nomor=draw(optional_text), nama=draw(text), pemerintah=draw(optional_text), unit=draw(optional_text),
        tanggal_pembuatan=draw(dates), tanggal_revisi=draw(dates), tanggal_efektif=draw(dates),
        disahkan_oleh=Approval(draw(optional_text), draw(optional_text), draw(optional_text)),
        dasar_hukum=draw(st.lists(text, max_size=3)), kualifikasi_pelaksana=draw(st.lists(text, max_size=3)),
        keterkaitan=draw(st.lists(text, max_size=2)), peralatan_perlengkapan=draw(st.lists(text, max_size=2)),
        peringatan=draw(st.lists(text, max_size=2)), pencatatan_pendataan=draw(st.lists(text, max_size=2)),
    )
    # the names the conditions read are declared case fields (a syarat reads declared fields only)
    fields = (Field("jumlah", FieldType.INTEGER, draw(optional_text), required=True),
              Field("status", FieldType.CHOICE, required=True, options=("lengkap", "kurang"), personal=draw(st.booleans())),
              Field("ditolak", FieldType.YES_NO, required=True, label_en=draw(optional_text)),
              Field("hari_kerja", FieldType.INTEGER, required=True),
              Field("nilai", draw(st.sampled_from([FieldType.INTEGER, FieldType.MONEY, FieldType.DECIMAL])), required=True))
    sop = Sop(identity=identity, actors=actors, steps=steps, fields=fields)
    sop.process_id = sop.default_process_id()
    return sop


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sops())
def test_random_valid_sop_round_trips(sop: Sop) -> None:
    assert [p for p in validate(sop) if p.severity == "error"] == []
    exported = write_bpmn(sop)
    assert defects(exported) == []
    assert read_bpmn(exported).sop == sop
    assert load_sheet(dump_sheet(sop)) == sop


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sops())
def test_random_valid_sop_export_parses_in_spiffworkflow(sop: Sop) -> None:
    result = parse_spec(write_bpmn(sop))
    assert result.problems == []
    assert result.spec is not None
