"""Events at run time, on SQLite and PostgreSQL: boundary timers on the working calendar, messages
with correlation (a duplicate is harmless), the event-based choice both ways, errors and ends."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from engine.errors import DataError, NotFoundError, TaskError
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.models import message_deliveries, message_waits, timers
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

UTC = timezone.utc
KEY = "permohonan"


def setup(runtime: Runtime) -> None:
    runtime.add_user("ani", jabatan=[("Petugas", UNIT)])
    runtime.add_user("kasi", jabatan=[("Kepala Seksi", UNIT)])
    runtime.publish(DATA / "events" / "permohonan_peristiwa.yaml", key=KEY)


def start(runtime: Runtime, nomor: str = "P-001") -> tuple[int, int]:
    instance, ready = runtime.start(KEY, "ani", {"data": {"nomor_permohonan": nomor}})
    return instance.id, ready[0].id


def kinds(runtime: Runtime, instance_id: int) -> list[str]:
    return [event.kind for event in runtime.trace(instance_id)[1]]


def waiting_timers(runtime: Runtime, instance_id: int) -> dict[str, datetime]:
    with runtime.db.read() as connection:
        rows = connection.execute(select(timers.c.event_id, timers.c.fire_at).where(
            timers.c.instance_id == instance_id, timers.c.status == "waiting")).all()
    return dict(rows)


def open_steps(runtime: Runtime, instance_id: int) -> list[str]:
    return sorted(item.step_id for user in ("ani", "kasi") for item in runtime.worklist(user)
                  if item.instance_id == instance_id)


def test_boundary_timer_fires_on_the_working_calendar_and_takes_its_path(runtime: Runtime,
                                                                          clock: ManualClock) -> None:
    setup(runtime)
    # Thursday 14:00 WIB: "3 hari kerja" skips the weekend and ends Tuesday 14:00 WIB
    clock.current = datetime(2026, 3, 5, 7, 0, tzinfo=UTC)
    instance_id, _ = start(runtime)
    timeout = waiting_timers(runtime, instance_id)["periksa__batas_1"]
    assert timeout == runtime.calendar.due(clock.current, "3 hari kerja")
    assert timeout.astimezone(runtime.calendar.tz).date() == date(2026, 3, 10)
    assert timeout - clock.current > timedelta(days=4)  # a calendar count would have ended on Sunday
    clock.current = datetime(2026, 3, 8, 7, 0, tzinfo=UTC)  # Sunday: 3 calendar days have passed
    runtime.clear_caches()
    report = runtime.tick()
    assert report.timers_fired == 1  # only the non-interrupting 2-hour reminder
    assert open_steps(runtime, instance_id) == ["ingatkan", "periksa"]  # the reminder, and the step stays
    clock.current = timeout + timedelta(minutes=1)
    runtime.clear_caches()
    assert runtime.tick().timers_fired == 1
    assert runtime.tick().timers_fired == 0
    instance = runtime.instance(instance_id)
    assert instance.status == "completed"  # gugur is a terminate end: the reminder branch stopped too
    assert open_steps(runtime, instance_id) == []
    events = runtime.trace(instance_id)[1]
    fired = [event for event in events if event.kind == "timer_fired"]
    assert [event.data["pewaktu"] for event in fired] == ["periksa__batas_3", "periksa__batas_1"]
    assert kinds(runtime, instance_id)[-1] == "finished"
    assert runtime.verify_audit()[2] is None


def test_message_with_correlation_continues_the_right_instance_and_a_duplicate_is_harmless(
        runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime)
    first, first_item = start(runtime, "P-001")
    second, second_item = start(runtime, "P-002")
    runtime.complete(first_item, "ani", {})
    runtime.complete(second_item, "ani", {})
    with pytest.raises(NotFoundError):
        runtime.deliver_message("jawaban-pemohon", "P-999", "ani")
    delivered = runtime.deliver_message("jawaban-pemohon", "P-002", "ani")
    assert (delivered.instance_id, delivered.step_id, delivered.duplicate) == (second, "jawaban", False)
    runtime.clear_caches()
    again = runtime.deliver_message("jawaban-pemohon", "P-002", "ani")
    assert (again.instance_id, again.duplicate) == (second, True)
    assert kinds(runtime, second).count("message_received") == 1
    assert kinds(runtime, first).count("message_received") == 0
    # the first instance still waits for its reply and its timeout; the second waits for payment
    assert "jawaban__tunggu_2" in waiting_timers(runtime, first)
    assert waiting_timers(runtime, second) == {}
    with runtime.db.read() as connection:
        waits = connection.execute(select(message_waits.c.instance_id, message_waits.c.event_id,
                                          message_waits.c.status)).all()
        stored = connection.execute(select(message_deliveries.c.dedupe_key)).scalars().all()
    assert (second, "bayar", "waiting") in waits and (first, "jawaban__tunggu_1", "waiting") in waits
    assert "P-002" not in " ".join(stored)  # keys and correlations are digests, not the case value
    # a message without korelasi field correlates on the registration number
    registration = runtime.instance(second).registration
    paid = runtime.deliver_message("pembayaran", registration, "ani", key="bukti-123")
    assert paid.step_id == "bayar" and not paid.duplicate
    assert runtime.deliver_message("pembayaran", registration, "ani", key="bukti-123").duplicate
    assert open_steps(runtime, second) == ["terbit"]
    assert runtime.verify_audit()[2] is None


def test_the_same_correlation_value_in_two_sops_is_no_duplicate_but_a_senders_key_counts_everywhere(
        runtime: Runtime) -> None:
    setup(runtime)
    runtime.publish(DATA / "events" / "permohonan_peristiwa.yaml", key="permohonan-lain")

    def waiting_case(key: str, nomor: str) -> int:
        instance, ready = runtime.start(key, "ani", {"data": {"nomor_permohonan": nomor}})
        runtime.complete(ready[0].id, "ani", {})
        return instance.id

    first = waiting_case(KEY, "P-001")
    assert runtime.deliver_message("jawaban-pemohon", "P-001", "ani").instance_id == first
    # a case of another SOP numbered alike gets its own reply: not a duplicate of the first SOP's
    other = waiting_case("permohonan-lain", "P-001")
    delivered = runtime.deliver_message("jawaban-pemohon", "P-001", "ani")
    assert (delivered.instance_id, delivered.step_id, delivered.duplicate) == (other, "jawaban", False)
    assert kinds(runtime, other).count("message_received") == 1
    # sent again when nobody waits: harmless, and still no new event anywhere
    again = runtime.deliver_message("jawaban-pemohon", "P-001", "ani")
    assert again.duplicate and again.instance_id in (first, other)
    assert kinds(runtime, first).count("message_received") == kinds(runtime, other).count("message_received") == 1
    # the same SOP, the same value again: the dedupe key is the SOP's and the value, so it is a duplicate
    third = waiting_case(KEY, "P-001")
    assert runtime.deliver_message("jawaban-pemohon", "P-001", "ani").duplicate
    assert kinds(runtime, third).count("message_received") == 0
    # an explicit kunci is the sender's and counts across SOPs
    fourth = waiting_case("permohonan-lain", "P-004")
    runtime.deliver_message("jawaban-pemohon", "P-004", "ani", key="surat-77")
    assert kinds(runtime, fourth).count("message_received") == 1
    runtime.cancel(third, "ani", "uji")
    fifth = waiting_case(KEY, "P-005")
    repeated = runtime.deliver_message("jawaban-pemohon", "P-005", "ani", key="surat-77")
    assert (repeated.instance_id, repeated.duplicate) == (fourth, True)
    assert kinds(runtime, fifth).count("message_received") == 0
    assert runtime.verify_audit()[2] is None


def test_event_based_choice_reply_way(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime)
    instance_id, item = start(runtime)
    runtime.complete(item, "ani", {})
    assert open_steps(runtime, instance_id) == []  # waiting: nobody's work
    runtime.deliver_message("jawaban-pemohon", "P-001", "ani")
    clock.advance(timedelta(days=20))
    runtime.clear_caches()
    assert runtime.tick().timers_fired == 0  # the timeout went with the choice
    runtime.deliver_message("pembayaran", runtime.instance(instance_id).registration, "ani")
    terbit = runtime.worklist("kasi")[0]
    runtime.complete(terbit.id, "kasi", {})
    instance = runtime.instance(instance_id)
    assert instance.status == "completed"
    assert "timer_fired" not in kinds(runtime, instance_id)


def test_event_based_choice_timeout_way(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime)
    instance_id, item = start(runtime)
    runtime.complete(item, "ani", {})
    fire_at = waiting_timers(runtime, instance_id)["jawaban__tunggu_2"]
    assert fire_at == clock.current + timedelta(days=14)  # "14 hari kalender": weekends count
    clock.current = fire_at - timedelta(minutes=1)
    assert runtime.tick().timers_fired == 0
    clock.current = fire_at
    runtime.clear_caches()
    assert runtime.tick().timers_fired == 1
    assert runtime.instance(instance_id).status == "completed"
    with pytest.raises(NotFoundError):  # the reply comes too late: nobody waits for it any more
        runtime.deliver_message("jawaban-pemohon", "P-001", "ani")
    fired = [event for event in runtime.trace(instance_id)[1] if event.kind == "timer_fired"]
    assert fired[0].step == "jawaban"


def test_reported_error_takes_the_error_path_and_ends_with_its_code(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime)
    instance_id, item = start(runtime)
    with pytest.raises(TaskError):
        runtime.report_error(item, "ani", "TIDAK_ADA")
    assert runtime.report_error(item, "ani", "BERKAS_PALSU") == []
    instance = runtime.instance(instance_id)
    assert (instance.status, instance.reason) == ("completed", "BERKAS_PALSU")
    assert "error_reported" in kinds(runtime, instance_id) and "error_end" in kinds(runtime, instance_id)
    assert waiting_timers(runtime, instance_id) == {}
    with pytest.raises(TaskError):
        runtime.report_error(item, "ani", "BERKAS_PALSU")


def test_cancelling_stops_the_waits(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime)
    instance_id, item = start(runtime)
    runtime.complete(item, "ani", {})
    runtime.cancel(instance_id, "ani", "dicabut pemohon")
    with pytest.raises(NotFoundError):
        runtime.deliver_message("jawaban-pemohon", "P-001", "ani")
    assert waiting_timers(runtime, instance_id) == {}


def test_bad_delivery_values_name_the_field(runtime: Runtime) -> None:
    setup(runtime)
    with pytest.raises(DataError) as caught:
        runtime.deliver_message("jawaban-pemohon", "  ", "ani")
    assert caught.value.field == "korelasi"
    with pytest.raises(DataError) as caught:
        runtime.deliver_message("jawaban-pemohon", "P-1", "ani", key="x" * 300)
    assert caught.value.field == "kunci"


SIDANG = """
alur: 1
sop: {nama: Sidang Contoh, unit: Bagian Uji}
pelaksana: [Petugas, Pemohon]
isian:
  - {nama: nomor, jenis: teks, wajib: true, langkah: mulai}
  - {nama: tanggal_sidang, jenis: tanggal, wajib: true, langkah: mulai}
langkah:
  - {id: mulai, jenis: mulai, kegiatan: Mendaftarkan perkara, pelaksana: Petugas}
  - id: proses
    kegiatan: Memproses berkas
    pelaksana: Petugas
    waktu: 1 hari kerja
    batas:
      - {pesan: dicabut, korelasi: nomor, ke: batal}
  - {id: sidang, kegiatan: Menunggu hari sidang, pelaksana: Pemohon, tunggu: {tanggal: tanggal_sidang}}
  - {id: putus, kegiatan: Memutus perkara, pelaksana: Petugas, waktu: 1 jam, lanjut: selesai}
  - {id: selesai, jenis: selesai, kegiatan: Perkara diputus, pelaksana: Petugas}
  - {id: batal, jenis: selesai, kegiatan: Permohonan dicabut, pelaksana: Petugas, akhir: hentikan}
"""


def test_a_wait_until_a_case_date_and_a_message_boundary(runtime: Runtime, clock: ManualClock) -> None:
    from engine.formats.sheet import load_sheet

    runtime.add_user("ani", jabatan=[("Petugas", UNIT)])
    runtime.publish(load_sheet(SIDANG), key="sidang")
    first, ready = runtime.start("sidang", "ani", {"data": {"nomor": "S-1", "tanggal_sidang": "2026-03-10"}})
    runtime.complete(ready[0].id, "ani", {})
    fire_at = waiting_timers(runtime, first.id)["sidang"]
    assert fire_at == datetime(2026, 3, 10, tzinfo=runtime.calendar.tz).astimezone(UTC)  # 00:00 WIB
    clock.current = fire_at
    runtime.clear_caches()
    assert runtime.tick().timers_fired == 1
    assert [item.step_id for item in runtime.worklist("ani")] == ["putus"]
    second, ready = runtime.start("sidang", "ani", {"data": {"nomor": "S-2", "tanggal_sidang": "2026-04-01"}})
    delivered = runtime.deliver_message("dicabut", "S-2", "ani")
    assert (delivered.instance_id, delivered.step_id) == (second.id, "proses")
    assert runtime.instance(second.id).status == "completed"  # the step was interrupted, batal ended it
    assert [item.step_id for item in runtime.worklist("ani")] == ["putus"]  # only the first case's
    assert "cancelled" in kinds(runtime, second.id)
