from __future__ import annotations

from pathlib import Path

from lxml import etree

from engine.monitoring.process_map import END_NODE, START_NODE, follows_counts, process_map_svg
from engine.monitoring.export import export_log, store_log_events
from tests.engine.monitoring.conftest import KEY, Driven
from tests.engine.pm4py_helpers import pm4py, quiet


def test_the_exported_log_reads_back_in_pm4py(driven: Driven, tmp_path: Path) -> None:
    events = list(store_log_events(driven.runtime, KEY))
    # 5 starts, 17 work items each with a start and a complete event
    assert len(events) == 5 + 2 * 17 and {event.case_id for event in events} == {str(i) for i in driven.instances}
    first = [event for event in events if event.case_id == str(driven.instances[0])]
    assert [(event.step, event.lifecycle) for event in first[:3]] == [
        ("terima", "complete"), ("periksa", "start"), ("periksa", "complete")]
    assert first[2].resource == driven.people["Pengadministrasi"] and first[2].role == "Pengadministrasi"
    assert first[2].activity == "Memeriksa kelengkapan berkas"
    assert export_log(driven.runtime, KEY, tmp_path / "izin.xes") == len(events)
    assert export_log(driven.runtime, KEY, tmp_path / "izin.csv") == len(events)
    with quiet():
        frame = pm4py().read_xes(str(tmp_path / "izin.xes"), return_legacy_log_object=False)
    assert len(frame) == len(events)
    assert set(frame["case:concept:name"]) == {str(i) for i in driven.instances}
    assert sorted(frame["lifecycle:transition"]) == sorted(event.lifecycle for event in events)
    import pandas as pd

    with quiet():
        table = pm4py().format_dataframe(pd.read_csv(tmp_path / "izin.csv", dtype=str, keep_default_na=False))
    assert len(table) == len(events)
    assert list(store_log_events(driven.runtime, KEY, trial=True))[0].case_id == str(driven.trial_instance)


def test_the_process_map_counts_what_followed_what(driven: Driven) -> None:
    counts = follows_counts(driven.runtime, KEY)
    assert counts[(START_NODE, "periksa")] == 5 and counts[("periksa", "setujui")] == 6
    assert counts[("setujui", "periksa")] == 1 and counts[("setujui", "arsip")] == 5
    assert counts[("arsip", END_NODE)] == 5
    svg = etree.fromstring(process_map_svg(driven.runtime, KEY))
    texts = [(node.text or "").strip() for node in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "3. Apakah permohonan disetujui?" in texts and "6" in texts
