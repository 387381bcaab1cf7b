from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import AlurError, InputError
from engine.eventlog import EventLog, LogEvent, LogTrace, dump_csv, read_csv, read_log, read_xes, write_log, write_xes
from engine.eventlog.model import grouped_by_case
from tests.conftest import DATA
from tests.engine.pm4py_helpers import pm4py, quiet

HOSTILE = DATA / "hostile"
WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 3, 2, 8, 15, tzinfo=WIB)


def _events() -> list[LogEvent]:
    """Three cases with the awkward parts: separators, quotes, markup, accents, sub-second times, zones."""
    events = []
    for case in range(3):
        for index, activity in enumerate(["terima", 'Memeriksa berkas, "lengkap" & <sah>?', "Arsip; selesai"]):
            events.append(LogEvent(
                f"kasus-{case}", activity, T0 + timedelta(minutes=37 * index + case, milliseconds=250 * index),
                resource=f"pegawai {case}", role="Kepala Seksi Kesejahteraan Sosial" if index else "Petugas Pelayanan",
                lifecycle="complete", step=f"langkah_{index}"))
    events.insert(1, LogEvent("kasus-0", "terima", T0 - timedelta(minutes=5), "pegawai 0", "Petugas Pelayanan", "start"))
    events.append(LogEvent("kasus-Ω é", "terima", datetime(2026, 3, 3, 1, 0, tzinfo=timezone.utc)))
    events.append(LogEvent("kasus-Ω é", "arsip", datetime(2026, 3, 3, 9, 30, tzinfo=ZoneInfo("Asia/Makassar"))))
    return events


def _as_read(events: list[LogEvent]) -> list[LogEvent]:
    """What a reader gives back: events of a case in time order."""
    return list(EventLog.from_events(events).events())


def test_csv_round_trip_keeps_every_field(tmp_path: Path) -> None:
    events = _events()
    assert write_log(events, tmp_path / "log.csv") == len(events)
    log = read_log(tmp_path / "log.csv")
    assert list(log.events()) == _as_read(events)
    assert [trace.case_id for trace in log.traces] == ["kasus-0", "kasus-1", "kasus-2", "kasus-Ω é"]
    assert log.traces[0].events[0].lifecycle == "start" and log.traces[0].events[0].line == 2
    header = (tmp_path / "log.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ("case:concept:name,concept:name,time:timestamp,org:resource,org:role,lifecycle:transition,"
                      "alur:step")


def test_xes_round_trip_keeps_every_field(tmp_path: Path) -> None:
    events = _events()
    assert write_log(events, tmp_path / "log.xes", name="SOP Uji") == len(events)
    log = read_log(tmp_path / "log.xes")
    assert list(log.events()) == _as_read(events)
    assert log.name == "SOP Uji"
    text = (tmp_path / "log.xes").read_text(encoding="utf-8")
    assert 'xes.version="1849-2016"' in text and 'xmlns="http://www.xes-standard.org/"' in text
    for prefix in ("concept", "time", "org", "lifecycle"):
        assert f'prefix="{prefix}" uri="http://www.xes-standard.org/{prefix}.xesext"' in text


def test_xes_written_by_alur_reads_back_in_pm4py_with_the_same_cases_and_events(tmp_path: Path) -> None:
    events = _as_read(_events())
    write_log(events, tmp_path / "log.xes")
    with quiet():
        frame = pm4py().read_xes(str(tmp_path / "log.xes"), return_legacy_log_object=False)
    frame = frame.sort_values(["case:concept:name", "time:timestamp"], kind="stable")
    assert _rows(frame) == sorted(_expected_rows(events), key=lambda row: (row[0], row[2]))


def test_csv_written_by_alur_reads_back_in_pm4py_with_the_same_cases_and_events(tmp_path: Path) -> None:
    import pandas as pd

    events = _as_read(_events())
    write_log(events, tmp_path / "log.csv")
    with quiet():
        frame = pm4py().format_dataframe(pd.read_csv(tmp_path / "log.csv", dtype=str, keep_default_na=False))
    assert _rows(frame) == sorted(_expected_rows(events), key=lambda row: (row[0], row[2]))


def _rows(frame: object) -> list[tuple[str, str, datetime, str, str, str]]:
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    return [(str(row["case:concept:name"]), str(row["concept:name"]),
             pd.Timestamp(row["time:timestamp"]).to_pydatetime(), _text(row.get("org:resource")),
             _text(row.get("org:role")), str(row["lifecycle:transition"]))
            for _, row in frame.iterrows()]


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value)  # NaN for a missing attribute


def _expected_rows(events: list[LogEvent]) -> list[tuple[str, str, datetime, str, str, str]]:
    return [(e.case_id, e.activity, e.timestamp.astimezone(timezone.utc), e.resource, e.role, e.lifecycle)
            for e in events]


def test_xes_written_by_pm4py_reads_in_alur(tmp_path: Path) -> None:
    import pandas as pd

    frame = pd.DataFrame({
        "case:concept:name": ["a", "a", "b"],
        "concept:name": ["terima", "arsip", "terima"],
        "time:timestamp": pd.to_datetime(["2026-03-02 01:00", "2026-03-02 02:00", "2026-03-02 03:00"], utc=True),
        "org:resource": ["budi", "siti", "budi"],
    })
    with quiet():
        pm4py().write_xes(frame, str(tmp_path / "pm4py.xes"))
    log = read_log(tmp_path / "pm4py.xes")
    assert [(e.case_id, e.activity, e.timestamp, e.resource) for e in log.events()] == [
        ("a", "terima", datetime(2026, 3, 2, 1, tzinfo=timezone.utc), "budi"),
        ("a", "arsip", datetime(2026, 3, 2, 2, tzinfo=timezone.utc), "siti"),
        ("b", "terima", datetime(2026, 3, 2, 3, tzinfo=timezone.utc), "budi"),
    ]


def test_spreadsheet_csv_with_semicolons_indonesian_columns_and_local_times() -> None:
    data = ("\ufeffKasus;Kegiatan;Waktu;Jabatan;Catatan\n"
            "K-1;Menerima berkas;02/03/2026 08:15;Petugas Pelayanan;-\n"
            "K-1;Memeriksa berkas;2026-03-02 09:00;Petugas Pelayanan;\n"
            "\n"
            "K-2;Menerima berkas;2026-03-02T10:00:00Z;;\n").encode("utf-8")
    log = read_csv(data, "uji.csv")
    first, second = log.traces[0].events
    assert first.timestamp == datetime(2026, 3, 2, 8, 15, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert (first.activity, first.role, first.lifecycle, first.resource) == ("Menerima berkas", "Petugas Pelayanan",
                                                                             "complete", "")
    assert second.timestamp == datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc)
    assert log.traces[1].events[0].timestamp == datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    assert read_csv(data, "uji.csv", tz="Asia/Jayapura").traces[0].events[0].timestamp.utcoffset() == timedelta(hours=9)


def test_csv_events_of_a_case_are_sorted_by_time_stably() -> None:
    data = (b"case:concept:name,concept:name,time:timestamp\n"
            b"a,kedua,2026-03-02T09:00:00+07:00\nb,x,2026-03-02T07:00:00+07:00\n"
            b"a,pertama,2026-03-02T08:00:00+07:00\na,ketiga,2026-03-02T09:00:00+07:00\n")
    log = read_csv(data)
    assert [e.activity for e in log.traces[0].events] == ["pertama", "kedua", "ketiga"]
    assert [trace.case_id for trace in log.traces] == ["a", "b"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"kasus,waktu\nK-1,2026-03-02\n", ["baris 1", "concept:name", "kasus, waktu"]),
        (b"", ["berkas kosong", "case:concept:name"]),
        (b"kasus,kegiatan,waktu\nK-1,terima,2026-13-45 08:00\n", ["baris 2", "time:timestamp", "2026-13-45 08:00"]),
        (b"kasus,kegiatan,waktu\nK-1,terima,besok pagi\n", ["baris 2", "time:timestamp", "besok pagi"]),
        (b"kasus,kegiatan,waktu\nK-1,,2026-03-02\n", ["baris 2", "concept:name kosong"]),
        (b"kasus,kegiatan,waktu\n\nK-1,terima\n", ["baris 3", "2 kolom", "3"]),
        (b"kasus,kegiatan,kegiatan,waktu\n", ["baris 1", "dua kali"]),
        (b"kasus,kegiatan,waktu\nK-1,\"terima,2026-03-02\n", ["baris"]),
        ("kasus,kegiatan,waktu\nK-1,terima,2026-03-02\n".encode("utf-16"), ["byte nol"]),
        (b"kasus,kegiatan,waktu\nK-1,\xff,2026-03-02\n", ["UTF-8"]),
    ],
)
def test_unreadable_csv_is_refused_naming_line_and_column(data: bytes, expected: list[str]) -> None:
    with pytest.raises(InputError) as caught:
        read_csv(data, "log.csv")
    for text in expected:
        assert text in str(caught.value)
    assert str(caught.value).startswith("log.csv")


def test_a_huge_csv_field_is_refused() -> None:
    data = b"kasus,kegiatan,waktu\nK-1," + b"x" * 70_000 + b",2026-03-02\n"
    with pytest.raises(InputError) as caught:
        read_csv(data, "besar.csv")
    assert "baris 2" in str(caught.value)


@pytest.mark.parametrize("name", ["xxe.xes", "billion_laughs.xes"])
def test_hostile_xes_is_refused(name: str) -> None:
    with pytest.raises(InputError) as caught:
        read_log(HOSTILE / name)
    assert "DOCTYPE" in str(caught.value) and "XES" in str(caught.value)
    assert "root:" not in str(caught.value)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<trace><event><string key="concept:name" value="a"/></event></trace>', ["baris 3", "trace tanpa concept:name"]),
        ('<trace><string key="concept:name" value="k"/>\n<event><date key="time:timestamp" value="2026-03-02"/>'
         '</event></trace>', ["baris 4", "tanpa concept:name"]),
        ('<trace><string key="concept:name" value="k"/>\n<event><string key="concept:name" value="a"/></event></trace>',
         ["baris 4", "tanpa time:timestamp"]),
        ('<trace><string key="concept:name" value="k"/><event><string key="concept:name" value="a"/>\n'
         '<date key="time:timestamp" value="kemarin"/></event></trace>', ["baris 4", "kemarin"]),
        ('<trace><string key="concept:name" value="k"/></trace>\n<trace><string key="concept:name" value="k"/></trace>',
         ["baris 4", "dua kali"]),
    ],
)
def test_malformed_xes_is_refused_naming_the_line(body: str, expected: list[str]) -> None:
    data = f'<?xml version="1.0"?>\n<log xmlns="http://www.xes-standard.org/">\n{body}\n</log>'.encode()
    with pytest.raises(InputError) as caught:
        read_xes(data, "log.xes")
    for text in expected:
        assert text in str(caught.value)


def test_xes_that_is_not_a_log_or_not_xml_is_refused() -> None:
    with pytest.raises(InputError, match="bukan log XES"):
        read_xes(b"<definitions/>", "x.xes")
    with pytest.raises(InputError, match="bukan XML"):
        read_xes(b"kasus,kegiatan\n", "x.xes")


def test_xes_without_namespace_and_unknown_attributes_reads() -> None:
    data = b"""<log><string key="concept:name" value="L"/><global scope="event"><string key="x" value="y"/></global>
      <trace><string key="concept:name" value="k"/><int key="biaya" value="3"/>
        <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2026-03-02T08:00:00"/>
          <list key="l"><values><string key="concept:name" value="bukan ini"/></values></list></event>
      </trace></log>"""
    log = read_xes(data)
    assert log.name == "L"
    assert log.traces[0].events[0] == LogEvent("k", "a", datetime(2026, 3, 2, 8, tzinfo=ZoneInfo("Asia/Jakarta")))


def test_log_files_need_a_known_extension_and_must_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=".csv atau .xes"):
        read_log(tmp_path / "log.txt")
    with pytest.raises(InputError, match="tidak dapat dibaca"):
        read_log(tmp_path / "hilang.csv")
    with pytest.raises(InputError, match=".csv atau .xes"):
        write_log(_events(), tmp_path / "log.json")
    assert list(tmp_path.iterdir()) == []


def test_an_event_needs_an_aware_timestamp() -> None:
    with pytest.raises(InputError, match="zona waktu"):
        LogEvent("k", "a", datetime(2026, 3, 2, 8, 0))


def test_writers_stream_cases_and_refuse_interleaved_cases() -> None:
    events = [LogEvent("a", "x", T0), LogEvent("b", "x", T0), LogEvent("a", "y", T0)]
    assert [case for case, _ in grouped_by_case(events[:2])] == ["a", "b"]
    with pytest.raises(AlurError, match="tidak berurutan"):
        dump_csv(events)
    with pytest.raises(AlurError, match="tidak berurutan"):
        write_xes(events, io.BytesIO())
    assert dump_csv(EventLog.from_events(events).events()).count(b"\n") == 4


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20).filter(
    lambda text: text == text.strip() and text.strip())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["k1", "k2", "k 3"]), _TEXT, st.integers(0, 10**9), _TEXT,
                          st.sampled_from(["complete", "start"])), min_size=1, max_size=12))
def test_any_log_survives_csv_and_xes_round_trips(rows: list[tuple[str, str, int, str, str]]) -> None:
    events = [LogEvent(case, activity, T0 + timedelta(microseconds=offset * 997), role=role, lifecycle=lifecycle)
              for case, activity, offset, role, lifecycle in rows]
    log = EventLog.from_events(events)
    assert list(read_csv(dump_csv(log.events())).events()) == list(log.events())
    buffer = io.BytesIO()
    write_xes(log.events(), buffer)
    assert list(read_xes(buffer.getvalue()).events()) == list(log.events())
    assert read_xes(buffer.getvalue()).traces == [LogTrace(t.case_id, t.events) for t in log.traces]


def test_xes_writer_refuses_text_xml_cannot_hold() -> None:
    with pytest.raises(AlurError, match="karakter kendali"):
        write_xes([LogEvent("k", "a\x01b", T0)], io.BytesIO())
