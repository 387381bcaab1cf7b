"""Step records at run time: completing a step that declares ``catat`` writes its stage record in the same
transaction (Tim, inventarisasi, sosialisasi plan, distribusi, pelatihan), linked to the case; a refused
record refuses the completion and leaves nothing behind; ujicoba runs write nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterator

import pytest
from sqlalchemy import func, insert, select, update

from engine.access.accounts import add_account
from engine.errors import DataError
from engine.lifecycle.pelatihan import sessions_of
from engine.lifecycle.sosialisasi import acknowledge, coverage, distributions_of, plan_of
from engine.lifecycle.step_records import made_by, records_of_instance
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.models import (org_units, sop_inventory, sop_team_briefings, sop_team_members, sop_teams,
                                 step_records, work_items)
from tests.conftest import DATA
from tests.engine.runtime.conftest import fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture

UTC = dt.timezone.utc
MORNING = dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
OPD = "Dinas Contoh"
UMUM = "Bagian Umum"
KEY = "alur-tahapan-mini"
TARGET = "uji-surat"

SHEET = """\
alur: 1
sop:
  nomor: 001/SOP/TAHAP/2026
  nama: Tahapan Mini
  unit: Dinas Contoh
  disahkan_oleh: {jabatan: Kepala Dinas, nama: Budi, nip: "19700512 199503 1 002"}
pelaksana: [Sekretaris]
isian:
  - {nama: nama_tim, jenis: teks, wajib: true, langkah: mulai}
  - {nama: nomor_sk, jenis: teks, wajib: true, langkah: mulai}
  - {nama: tanggal_sk, jenis: tanggal, wajib: true, langkah: mulai}
  - {nama: judul, jenis: teks_panjang, wajib: true, langkah: inventaris}
  - {nama: sop_target, jenis: teks, wajib: true, langkah: rencana}
  - {nama: jadwal, jenis: tanggal, wajib: true, langkah: rencana}
  - {nama: pejabat, jenis: teks, wajib: true, langkah: rencana}
  - {nama: tanggal_latih, jenis: tanggal, wajib: true, langkah: latih}
  - {nama: bentuk, jenis: pilihan, pilihan: [rapat, bimtek, pendampingan, simulasi], wajib: true, langkah: latih}
  - {nama: peserta, jenis: teks, wajib: true, langkah: latih}
  - {nama: peserta_bekal, jenis: teks, wajib: true, langkah: bekal}
langkah:
  - {id: mulai, jenis: mulai, kegiatan: Menyiapkan SK, pelaksana: Sekretaris, waktu: 1 jam}
  - id: tetapkan
    kegiatan: Menetapkan Tim
    pelaksana: Sekretaris
    waktu: 1 jam
    catat: {jenis: tim, aksi: tetapkan, isian: {nama: nama_tim, nomor_sk: nomor_sk, tanggal_sk: tanggal_sk}}
  - id: inventaris
    kegiatan: Mendaftar SOP yang diperlukan
    pelaksana: Sekretaris
    waktu: 1 jam
    catat: {jenis: inventarisasi, aksi: buat, isian: {judul: judul}}
  - id: rencana
    kegiatan: Menyusun rencana sosialisasi
    pelaksana: Sekretaris
    waktu: 1 jam
    catat:
      jenis: sosialisasi
      aksi: rencana
      isian: {sop: sop_target, jadwal_mulai: jadwal, pejabat: pejabat, sasaran: pejabat, pemantauan: pejabat}
  - id: bagikan
    kegiatan: Mendistribusikan SOP
    pelaksana: Sekretaris
    waktu: 1 jam
    catat: {jenis: distribusi, aksi: bagikan, isian: {sop: sop_target}}
  - id: latih
    kegiatan: Melatih pelaksana
    pelaksana: Sekretaris
    waktu: 1 jam
    catat: {jenis: pelatihan, aksi: catat, isian: {sop: sop_target, tanggal: tanggal_latih, jenis: bentuk, peserta: peserta}}
  - id: bekal
    kegiatan: Membekali Tim
    pelaksana: Sekretaris
    waktu: 1 jam
    catat: {jenis: pembekalan, aksi: catat, isian: {tanggal: tanggal_latih, topik: nama_tim, peserta: peserta_bekal}}
  - {id: selesai, jenis: selesai, kegiatan: Selesai, pelaksana: Sekretaris}
"""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """The mini Tahapan SOP for an OPD and the small surat SOP whose pelaksana get it."""
    found = Runtime(fresh_url(request.param, tmp_path, request), clock=ManualClock(MORNING))
    people = {"sekretaris": [("Sekretaris", OPD)], "admin-umum": [("Pengadministrasi", UMUM)],
              "kasubag": [("Kepala Subbagian", UMUM)]}
    for username, jabatan in people.items():
        add_account(found, username, f"{username}-rahasia", ["pelaksana"], nama=f"Nama {username}", nip="1980",
                    jabatan=jabatan)
    with found.db.write() as connection:
        connection.execute(update(org_units).where(org_units.c.code == OPD).values(kind="opd"))
    sheet = tmp_path / "tahapan-mini.yaml"
    sheet.write_text(SHEET, encoding="utf-8")
    found.publish(sheet, KEY)
    found.publish(DATA / "surat_kecil.yaml", TARGET)
    yield found
    found.close()


def _form(data: dict[str, Any]) -> dict[str, Any]:
    return {"data": data, "output": ""}


def _start(runtime: Runtime, sk: str = "800/1/2026") -> tuple[int, int]:
    instance, ready = runtime.start(KEY, "sekretaris", {"data": {
        "nama_tim": "Tim Penyusun SOP Dinas Contoh", "nomor_sk": sk, "tanggal_sk": "2026-02-27"}})
    return instance.id, ready[0].id


def _count(runtime: Runtime, table: Any) -> int:
    with runtime.db.read() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def test_each_record_kind_is_written_when_its_step_is_completed(runtime: Runtime) -> None:
    instance_id, item = _start(runtime)
    assert _count(runtime, sop_teams) == 0  # the start step declares nothing
    done = runtime.complete(item, "sekretaris", _form({}))
    with runtime.db.read() as connection:
        team = connection.execute(select(sop_teams)).one()
        assert (team.name, team.sk_number, team.sk_date) == ("Tim Penyusun SOP Dinas Contoh", "800/1/2026",
                                                             dt.date(2026, 2, 27))
        link = made_by(connection, "tim", team.id)
    assert link is not None and link.instance_id == instance_id and link.step_id == "tetapkan"
    assert link.registration == done.instance.registration and link.created_by == "sekretaris"
    # one entry per line of the long text, in the item's unit
    done = runtime.complete(done.ready[0].id, "sekretaris",
                            _form({"judul": "Pelayanan Pengaduan\nPenyusunan Renja\n\nPelayanan Pengaduan"}))
    with runtime.db.read() as connection:
        titles = sorted(connection.execute(select(sop_inventory.c.title)).scalars())
    assert titles == ["Pelayanan Pengaduan", "Penyusunan Renja"]
    done = runtime.complete(done.ready[0].id, "sekretaris", _form(
        {"sop_target": TARGET, "jadwal": "2026-03-09", "pejabat": "Kepala Bagian Umum"}))
    plan = plan_of(runtime, TARGET)
    assert plan is not None and (plan.jadwal_mulai, plan.pejabat, plan.saved_by) == (
        dt.date(2026, 3, 9), "Kepala Bagian Umum", "sekretaris")
    done = runtime.complete(done.ready[0].id, "sekretaris", _form({}))
    given = distributions_of(runtime, TARGET)
    assert sorted(item.username for item in given) == ["admin-umum", "kasubag"]
    acknowledge(runtime, TARGET, "kasubag")
    assert (coverage(runtime)[TARGET].acknowledged, coverage(runtime)[TARGET].distributed) == (1, 2)
    done = runtime.complete(done.ready[0].id, "sekretaris", _form(
        {"tanggal_latih": "2026-03-10", "bentuk": "bimtek", "peserta": "admin-umum, kasubag"}))
    [session] = sessions_of(runtime, TARGET)
    assert (session.kind, session.attendees, session.held_on) == ("bimtek", ("admin-umum", "kasubag"),
                                                                  dt.date(2026, 3, 10))
    # a pembekalan names the unit's Tim members only
    with pytest.raises(DataError) as stranger:
        runtime.complete(done.ready[0].id, "sekretaris", _form({"peserta_bekal": "sekretaris"}))
    assert stranger.value.code == "rec_refused" and stranger.value.field == "peserta_bekal"
    with runtime.db.write() as connection:
        team_id = connection.execute(select(sop_teams.c.id)).scalar_one()
        unit = connection.execute(select(sop_teams.c.unit_id)).scalar_one()
        connection.execute(insert(sop_team_members), {"team_id": team_id, "username": "sekretaris", "role": "ketua",
                                                      "unit_id": unit, "added_by": "uji", "added_at": MORNING})
    runtime.complete(done.ready[0].id, "sekretaris", _form({"peserta_bekal": "sekretaris"}))
    with runtime.db.read() as connection:
        briefing = connection.execute(select(sop_team_briefings)).one()
        kinds = [link.kind for link in records_of_instance(connection, instance_id)]
    assert (briefing.topic, briefing.held_on, briefing.recorded_by) == ("Tim Penyusun SOP Dinas Contoh",
                                                                        dt.date(2026, 3, 10), "sekretaris")
    assert kinds == ["tim", "inventarisasi", "inventarisasi", "sosialisasi", "distribusi", "pelatihan", "pembekalan"]


def test_a_second_case_sets_the_tims_new_sk_and_does_not_list_a_title_twice(runtime: Runtime) -> None:
    for sk in ("800/1/2026", "800/9/2027"):
        _, item = _start(runtime, sk)
        done = runtime.complete(item, "sekretaris", _form({}))
        runtime.complete(done.ready[0].id, "sekretaris", _form({"judul": "Pelayanan Pengaduan"}))
    with runtime.db.read() as connection:
        assert list(connection.execute(select(sop_teams.c.sk_number)).scalars()) == ["800/9/2027"]
    assert _count(runtime, sop_inventory) == 1


def test_a_refused_record_refuses_the_completion_and_changes_nothing(runtime: Runtime) -> None:
    instance_id, item = _start(runtime)
    done = runtime.complete(item, "sekretaris", _form({}))
    done = runtime.complete(done.ready[0].id, "sekretaris", _form({"judul": "Pelayanan Pengaduan"}))
    before = _count(runtime, step_records)
    with pytest.raises(DataError) as refused:  # no approved SOP of that key
        runtime.complete(done.ready[0].id, "sekretaris", _form(
            {"sop_target": "tidak-ada", "jadwal": "2026-03-09", "pejabat": "Kepala Bagian Umum"}))
    message = str(refused.value)
    assert "Menyusun rencana sosialisasi" in message and "tidak-ada" in message and "Tidak ada yang diubah" in message
    assert refused.value.code == "rec_refused"
    english = refused.value.render("en")
    assert english.startswith("Step 'Menyusun rencana sosialisasi' cannot be completed") and "Nothing was changed" in english
    assert "tidak" not in english.replace("tidak-ada", "")  # the reason is in English too
    with runtime.db.read() as connection:
        status = connection.execute(select(work_items.c.status).where(
            work_items.c.id == done.ready[0].id)).scalar_one()
        values = connection.execute(select(func.count()).select_from(step_records)).scalar_one()
    assert status == "open" and values == before  # the item is still open; no record, no link
    with pytest.raises(DataError) as late:  # the step's own required case field keeps its own message
        runtime.complete(done.ready[0].id, "sekretaris", _form({"sop_target": TARGET, "jadwal": "kemarin",
                                                                "pejabat": "x"}))
    assert late.value.field == "jadwal"
    # the same step completes once the value is right
    runtime.complete(done.ready[0].id, "sekretaris", _form(
        {"sop_target": TARGET, "jadwal": "2026-03-09", "pejabat": "Kepala Bagian Umum"}))
    assert plan_of(runtime, TARGET) is not None


def test_a_refused_tim_names_the_case_field(runtime: Runtime) -> None:
    with runtime.db.write() as connection:
        connection.execute(update(org_units).where(org_units.c.code == OPD).values(kind="unit"))
    _, item = _start(runtime)
    with pytest.raises(DataError) as refused:  # a Tim serves a Pemda or an OPD only
        runtime.complete(item, "sekretaris", _form({}))
    assert refused.value.code == "rec_refused" and "Menetapkan Tim" in str(refused.value)
    assert _count(runtime, sop_teams) == 0 and _count(runtime, step_records) == 0


def test_a_ujicoba_run_writes_no_record(runtime: Runtime, tmp_path: Path) -> None:
    sheet = tmp_path / "tahapan-mini.yaml"
    runtime.publish(sheet, KEY, draft=True)
    _, ready = runtime.start(KEY, "sekretaris", {"data": {
        "nama_tim": "Tim Uji", "nomor_sk": "1", "tanggal_sk": "2026-02-27"}}, trial=True)
    runtime.complete(ready[0].id, "sekretaris", _form({}))
    assert _count(runtime, sop_teams) == 0 and _count(runtime, step_records) == 0
