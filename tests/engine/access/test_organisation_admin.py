"""Governance of the organisation: the CSV import (good, bad rows named, re-import), holdings with dates,
mutasi releasing claims, acting officials (Plh/Plt) completing steps, logins, and the OPD admin's scope."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import func, select

from engine import (
    Account,
    ManualClock,
    OrgImportError,
    Runtime,
    account,
    acting_list,
    add_acting,
    add_account,
    add_holding,
    admin_log_rows,
    admin_people,
    admin_person,
    admin_reset_password,
    admin_revoke_tokens,
    admin_unit,
    admin_units,

    end_acting,
    end_holding,
    export_organisation,
    import_organisation,
    issue_token,
    may_item,
    mutasi,
    read_org_files,
    set_account_disabled,
    step_of_item,
    token_account,
)
from engine.access.accounts import authenticate
from engine.errors import AccessDeniedError, DataError
from engine.runtime.trace import trace_from_events
from engine.store.models import admin_log, holdings, org_jabatan, org_units, users
from tests.conftest import DATA, PROCESSES, SURAT_MASUK_DATA
from tests.engine.runtime.conftest import fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture

FILES = DATA / "organisation"
UNIT = "Subbag Umum Disdik"
OTHER = "Subbag Umum Dinkes"
SURAT = PROCESSES / "pengelolaan-surat-masuk.bpmn"
START = {"kelengkapan": [], "alasan": "uji", "data": SURAT_MASUK_DATA}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """The organisation of tests/data/organisation imported by an admin, on SQLite and PostgreSQL (2 March 2026)."""
    found = Runtime(fresh_url(request.param, tmp_path, request), clock=ManualClock())
    add_account(found, "admin", "admin-rahasia-1", ["admin"])
    import_organisation(found, account(found, "admin"), read_org_files([FILES]), "muatan awal")
    for who in ("budi", "citra", "dedi", "kadis"):  # logins for the imported people (ani gets hers in a test)
        add_account(found, who, f"{who}-rahasia-1", ["pelaksana"])
    yield found
    found.close()

def _form(runtime: Runtime, who: str, item_id: int, alasan: str) -> dict[str, object]:
    """A completion form for the item (with "Ya" where the step is a decision)."""
    from engine.formats.files import load_file
    from engine.samples.case_values import sample_values

    step = step_of_item(runtime, account(runtime, who), item_id)
    data = sample_values(load_file(PROCESSES / "pengelolaan-surat-masuk.bpmn").sop, step.id)
    return {"alasan": alasan, **({"keputusan": "Ya"} if step.clerk_decides else {}), **({"data": data} if data else {})}


def _admin(runtime: Runtime) -> Account:
    return account(runtime, "admin")

def _counts(runtime: Runtime) -> tuple[int, ...]:
    with runtime.db.read() as connection:
        return tuple(int(connection.execute(select(func.count()).select_from(table)).scalar_one())
                     for table in (org_units, org_jabatan, users, holdings, admin_log))

def _files(**changes: str) -> dict[str, bytes]:
    files = read_org_files([FILES])
    files.update({name.replace("_", ".", 1): text.encode() for name, text in changes.items()})
    return files

def test_the_import_builds_the_tree_the_heads_and_dated_holdings(runtime: Runtime) -> None:
    tree = admin_units(runtime, _admin(runtime))
    assert [(row.code, row.kind, row.depth) for row in tree] == [
        ("Kab Contoh", "pemda", 0), ("Dinkes", "opd", 1), ("Subbag Umum Dinkes", "unit", 2),
        ("Disdik", "opd", 1), ("Subbag Umum Disdik", "unit", 2)]
    found, jabatan = admin_unit(runtime, _admin(runtime), UNIT)
    assert found.name == "Subbagian Umum dan Kepegawaian"
    heads = {row.code: row.kepala for row in jabatan}
    assert heads["Kepala Subbagian Umum dan Kepegawaian"] is True and heads["Sekretaris"] is False
    holders = {row.code: row.holders for row in jabatan}
    # budi starts in April, citra ended in February: only ani holds it on 2 March 2026
    assert holders["Pengadministrasi Perkantoran"] == ("ani",)
    budi = admin_person(runtime, _admin(runtime), "budi")
    assert [(row.first_day, row.last_day, row.active) for row in budi.holdings] == [(dt.date(2026, 4, 1), None, False)]
    assert budi.row.nip == "198502022010011002"
    citra = admin_person(runtime, _admin(runtime), "citra")
    assert citra.holdings[0].last_day == dt.date(2026, 2, 28) and not citra.holdings[0].active
    assert admin_log_rows(runtime, _admin(runtime))[0].action == "import"

def test_export_gives_back_what_was_imported(runtime: Runtime) -> None:
    exported = export_organisation(runtime, _admin(runtime))
    for name in ("units.csv", "jabatan.csv", "people.csv"):
        given = sorted((FILES / name).read_text().splitlines()[1:])
        back = exported[name].splitlines()
        assert back[0] == (FILES / name).read_text().splitlines()[0]
        # the admin's own user (no holding) is exported too, as a person without a jabatan
        assert sorted(line for line in back[1:] if line != "admin,,,,,,,") == given, name
    assert "admin,,,,,,," in exported["people.csv"].splitlines()
    # and importing the export again changes nothing
    before = _counts(runtime)
    import_organisation(runtime, _admin(runtime), {name: text.encode() for name, text in exported.items()})
    assert _counts(runtime)[:4] == before[:4]

def test_every_bad_row_is_named_and_nothing_is_imported(runtime: Runtime) -> None:
    before = _counts(runtime)
    units = (FILES / "units.csv").read_text() + "Bidang Baru,Bidang Baru,bidang,Disdik\nSubbag Lepas,Lepas,unit,Tidak Ada\n"
    jabatan = (FILES / "jabatan.csv").read_text() + "Subbag Umum Disdik,Kasubbag Lain,Kepala Lain,ya\n"
    people = (FILES / "people.csv").read_text() + (
        "eko,Eko,12ab,bukan-email,Subbag Umum Disdik,Tidak Ada,2026-13-01,\n"
        "fani,Fani,1,,Subbag Umum Disdik,Sekretaris,2026-05-01,2026-04-01\n")
    with pytest.raises(OrgImportError) as refused:
        import_organisation(runtime, _admin(runtime), _files(units_csv=units, jabatan_csv=jabatan, people_csv=people))
    where = {(problem.file, problem.line, problem.column) for problem in refused.value.problems}
    assert where == {("units.csv", 7, "kind"), ("units.csv", 8, "parent_code"), ("jabatan.csv", 9, "kepala"),
                     ("people.csv", 9, "nip"), ("people.csv", 9, "email"), ("people.csv", 9, "jabatan_code"),
                     ("people.csv", 10, "to")}
    text = refused.value.render("en")
    assert "units.csv line 7 column kind" in text and "nothing was imported" in text
    assert "people.csv baris 10 kolom to" in str(refused.value)
    assert refused.value.field == "files"
    assert _counts(runtime) == before

def test_a_bad_header_and_an_unknown_file_are_refused(runtime: Runtime) -> None:
    with pytest.raises(OrgImportError) as refused:
        import_organisation(runtime, _admin(runtime), {"units.csv": b"kode,nama\nA,B\n"})
    assert [(p.file, p.line, p.code) for p in refused.value.problems] == [("units.csv", 1, "org_import_header")]
    with pytest.raises(DataError) as unknown:
        import_organisation(runtime, _admin(runtime), {"orang.csv": b""})
    assert unknown.value.code == "org_import_unknown_file"

def test_a_reimport_updates_by_code(runtime: Runtime) -> None:
    units = (FILES / "units.csv").read_text().replace("Dinas Kesehatan,opd", "Dinas Kesehatan Daerah,opd")
    people = (FILES / "people.csv").read_text().replace(
        "budi,Budi Santoso,198502022010011002,,Subbag Umum Disdik,Pengadministrasi Perkantoran,2026-04-01,",
        "budi,Budi Santoso S.Kom,198502022010011002,,Subbag Umum Disdik,Pengadministrasi Perkantoran,2026-03-01,")
    before = _counts(runtime)
    import_organisation(runtime, _admin(runtime), _files(units_csv=units, people_csv=people))
    assert _counts(runtime)[:4] == before[:4]  # updated in place, nothing added
    assert {row.code: row.name for row in admin_units(runtime, _admin(runtime))}["Dinkes"] == "Dinas Kesehatan Daerah"
    budi = admin_person(runtime, _admin(runtime), "budi")
    assert budi.row.nama == "Budi Santoso S.Kom" and budi.holdings[0].active

def test_a_holding_outside_its_dates_does_not_count(runtime: Runtime) -> None:
    runtime.publish(SURAT, "surat-masuk")
    add_account(runtime, "ani", "ani-rahasia-1", ["pelaksana"])
    runtime.start("surat-masuk", "ani", START, unit=UNIT)
    item = runtime.worklist("ani")[0]
    assert item.jabatan == "Pengadministrasi Perkantoran"
    add_holding(runtime, _admin(runtime), "budi", UNIT, item.jabatan, dt.date(2026, 3, 10), None, "mulai 10 Maret")
    add_holding(runtime, _admin(runtime), "citra", UNIT, item.jabatan, dt.date(2026, 1, 1), dt.date(2026, 3, 1),
                "sampai 1 Maret")
    for who in ("budi", "citra"):
        assert runtime.worklist(who) == [] and runtime.work_counts(who) == (0, 0)
        with runtime.db.read() as connection:
            assert not may_item(connection, account(runtime, who), item, "claim")
        with pytest.raises(AccessDeniedError):
            runtime.claim(item.id, who)
    runtime.clock.advance(dt.timedelta(days=8))  # 10 March: budi's holding has begun
    assert [found.id for found in runtime.worklist("budi")] == [item.id]
    assert runtime.claim(item.id, "budi").claimed_by == "budi"

def test_a_mutasi_releases_the_claims_of_the_old_place_with_an_event(runtime: Runtime) -> None:
    runtime.publish(SURAT, "surat-masuk")
    add_account(runtime, "ani", "ani-rahasia-1", ["pelaksana"])
    instance, _ = runtime.start("surat-masuk", "ani", START, unit=UNIT)
    item = runtime.worklist("ani")[0]
    runtime.claim(item.id, "ani")
    ani = admin_person(runtime, _admin(runtime), "ani")
    old = next(row for row in ani.holdings if row.jabatan == item.jabatan)
    with pytest.raises(DataError) as early:
        mutasi(runtime, _admin(runtime), old.id, OTHER, "Kepala Dinas", dt.date(2026, 3, 20), "pindah")
    assert early.value.field == "tanggal"
    with pytest.raises(DataError) as no_reason:
        mutasi(runtime, _admin(runtime), old.id, OTHER, "Kepala Dinas", dt.date(2026, 3, 2), " ")
    assert no_reason.value.field == "alasan"
    assert runtime.item(item.id).claimed_by == "ani"
    new, released = mutasi(runtime, _admin(runtime), old.id, OTHER, "Kepala Dinas", dt.date(2026, 3, 2),
                           "SK mutasi 800/12")
    assert released == [item.id]
    assert runtime.item(item.id).claimed_by is None
    _, events = runtime.trace(instance.id)
    last = events[-1]
    assert (last.kind, last.actor, last.item_id) == ("unclaimed", "admin", item.id)
    assert last.data == {"claimed_by": "ani", "reason": "SK mutasi 800/12", "released": "mutasi"}
    assert runtime.verify_audit()[2] is None
    assert item.id not in [found.id for found in runtime.worklist("ani")]
    moved = admin_person(runtime, _admin(runtime), "ani")
    assert {(row.unit, row.jabatan, row.active) for row in moved.holdings} >= {
        (UNIT, item.jabatan, False), (OTHER, "Kepala Dinas", True)}
    entry = admin_log_rows(runtime, _admin(runtime))[0]
    assert (entry.action, entry.actor, entry.target, entry.reason) == ("mutasi", "admin", "ani", "SK mutasi 800/12")
    assert entry.detail["released"] == [item.id] and entry.detail["new"] if "new" in entry.detail else True
    assert new in {row.id for row in moved.holdings}

def test_ending_a_holding_releases_its_claims_too(runtime: Runtime) -> None:
    runtime.publish(SURAT, "surat-masuk")
    add_account(runtime, "ani", "ani-rahasia-1", ["pelaksana"])
    runtime.start("surat-masuk", "ani", START, unit=UNIT)
    item = runtime.worklist("ani")[0]
    runtime.claim(item.id, "ani")
    held = next(row for row in admin_person(runtime, _admin(runtime), "ani").holdings if row.jabatan == item.jabatan)
    assert end_holding(runtime, _admin(runtime), held.id, dt.date(2026, 3, 2), "pensiun") == [item.id]
    assert runtime.item(item.id).claimed_by is None
    with pytest.raises(AccessDeniedError):
        runtime.complete(item.id, "ani", {"alasan": "x"})

def test_a_plh_completes_a_step_and_the_capacity_is_recorded(runtime: Runtime) -> None:
    runtime.publish(SURAT, "surat-masuk")
    add_account(runtime, "ani", "ani-rahasia-1", ["pelaksana"])
    instance, _ = runtime.start("surat-masuk", "ani", START, unit=UNIT)
    item = runtime.worklist("ani")[0]
    assert runtime.worklist("dedi") == []
    assignment = add_acting(runtime, _admin(runtime), "dedi", UNIT, item.jabatan, "Plh", "800/45/2026",
                            dt.date(2026, 3, 2), dt.date(2026, 3, 6))
    assert [found.id for found in runtime.worklist("dedi")] == [item.id]
    dedi = account(runtime, "dedi")
    assert [(held.jabatan, held.acting) for held in dedi.holdings if held.acting] == [(item.jabatan, "plh")]
    assert (item.jabatan, UNIT) not in dedi.jabatan
    with runtime.db.read() as connection:
        assert may_item(connection, dedi, item, "complete")
    runtime.complete(item.id, "dedi", _form(runtime, "dedi", item.id, "sebagai Plh"))
    _, events = runtime.trace(instance.id)
    done = next(event for event in events if event.kind == "completed" and event.item_id == item.id)
    assert done.actor == "dedi" and done.data["acting"] == f"Plh. {item.jabatan}"
    entry = next(entry for entry in trace_from_events(events) if entry.user == "dedi")
    assert entry.acting == f"Plh. {item.jabatan}"
    _, printed, _ = runtime.trace_print(instance.id)
    assert next(row for row in printed if row.user == "dedi").jabatan == f"Plh. {item.jabatan}"
    # ani (the holder) completes without any capacity recorded
    following = runtime.worklist("ani")[0]
    runtime.complete(following.id, "ani", _form(runtime, "ani", following.id, "sendiri"))
    _, events = runtime.trace(instance.id)
    assert "acting" not in next(event for event in events if event.item_id == following.id
                                and event.kind == "completed").data
    rows = acting_list(runtime, _admin(runtime), running_only=True)
    assert [(row.id, row.capacity, row.sk_number) for row in rows] == [
        (assignment, f"Plh. {item.jabatan}", "800/45/2026")]

def test_an_acting_assignment_counts_only_inside_its_dates_and_until_ended(runtime: Runtime) -> None:
    runtime.publish(SURAT, "surat-masuk")
    add_account(runtime, "ani", "ani-rahasia-1", ["pelaksana"])
    runtime.start("surat-masuk", "ani", START, unit=UNIT)
    item = runtime.worklist("ani")[0]
    later = add_acting(runtime, _admin(runtime), "dedi", UNIT, item.jabatan, "plt", "SK 2", dt.date(2026, 3, 3), None)
    assert runtime.worklist("dedi") == []
    runtime.clock.advance(dt.timedelta(days=1))
    assert [found.id for found in runtime.worklist("dedi")] == [item.id]
    runtime.claim(item.id, "dedi")
    assert end_acting(runtime, _admin(runtime), later, dt.date(2026, 3, 3), "pejabat definitif dilantik") == [item.id]
    assert runtime.worklist("dedi") == [] and runtime.item(item.id).claimed_by is None
    with pytest.raises(DataError) as kind:
        add_acting(runtime, _admin(runtime), "dedi", UNIT, item.jabatan, "pj", "SK 3", dt.date(2026, 3, 3), None)
    assert kind.value.field == "jenis"
    with pytest.raises(DataError) as sk:
        add_acting(runtime, _admin(runtime), "dedi", UNIT, item.jabatan, "plh", " ", dt.date(2026, 3, 3), None)
    assert sk.value.field == "sk"

def test_logins_disable_enable_reset_and_revoke(runtime: Runtime) -> None:
    admin = _admin(runtime)
    temporary = admin_reset_password(runtime, admin, "ani", "akun baru")  # ani had no login: one is made
    assert authenticate(runtime, "ani", temporary).roles == frozenset({"pelaksana"})
    token = issue_token(runtime, "ani")
    assert admin_person(runtime, admin, "ani").tokens == 1
    assert admin_revoke_tokens(runtime, admin, "ani", "token bocor") == 1
    with pytest.raises(AccessDeniedError):
        token_account(runtime, token)
    set_account_disabled(runtime, admin, "ani", True, "cuti panjang")
    assert admin_person(runtime, admin, "ani").row.disabled
    with pytest.raises(AccessDeniedError):
        authenticate(runtime, "ani", temporary)
    set_account_disabled(runtime, admin, "ani", False, "kembali")
    token = issue_token(runtime, "ani")
    again = admin_reset_password(runtime, admin, "ani", "lupa kata sandi")
    assert again != temporary
    with pytest.raises(AccessDeniedError):
        authenticate(runtime, "ani", temporary)
    with pytest.raises(AccessDeniedError):
        token_account(runtime, token)  # the reset revoked the tokens
    assert authenticate(runtime, "ani", again).username == "ani"
    with pytest.raises(AccessDeniedError):
        set_account_disabled(runtime, admin, "admin", True, "sendiri")
    assert [row.action for row in admin_log_rows(runtime, admin, "ani")] == [
        "password_reset", "enable", "disable", "tokens_revoke", "password_reset"]

def test_an_opd_admin_administers_only_its_opd(runtime: Runtime) -> None:
    add_account(runtime, "admin-disdik", "admin-disdik-rahasia", ["admin_opd"], jabatan=[("Sekretaris", UNIT)])
    opd = account(runtime, "admin-disdik")
    assert [row.code for row in admin_units(runtime, opd)] == ["Disdik", UNIT]
    assert {row.username for row in admin_people(runtime, opd)[0]} == {"admin-disdik", "ani", "budi", "citra",
                                                                       "kadis"}
    assert admin_people(runtime, opd, "ani")[1] == 1
    with pytest.raises(AccessDeniedError):
        admin_unit(runtime, opd, OTHER)
    with pytest.raises(AccessDeniedError):
        admin_person(runtime, opd, "dedi")
    with pytest.raises(AccessDeniedError):
        add_holding(runtime, opd, "ani", OTHER, "Kepala Dinas", dt.date(2026, 3, 2), None, "x")
    with pytest.raises(AccessDeniedError):
        admin_reset_password(runtime, opd, "dedi", "x")
    with pytest.raises(AccessDeniedError):
        admin_reset_password(runtime, opd, "admin", "x")
    with pytest.raises(AccessDeniedError):
        import_organisation(runtime, opd, read_org_files([FILES]))
    with pytest.raises(AccessDeniedError):
        admin_log_rows(runtime, opd)
    # inside its OPD it may
    add_holding(runtime, opd, "budi", UNIT, "Sekretaris", dt.date(2026, 3, 2), None, "penugasan")
    assert admin_reset_password(runtime, opd, "budi", "akun baru")
    exported = export_organisation(runtime, opd)
    assert "Dinkes" not in exported["units.csv"] and "dedi" not in exported["people.csv"]
    # a clerk administers nothing
    with pytest.raises(AccessDeniedError):
        admin_units(runtime, account(runtime, "admin-disdik").__class__(
            "x", "", "", frozenset({"pelaksana"}), ()))

def test_the_admin_log_is_json_and_keeps_every_change(runtime: Runtime) -> None:
    add_holding(runtime, _admin(runtime), "dedi", OTHER, "Kepala Dinas", dt.date(2026, 3, 2), None, "alasan uji")
    with runtime.db.read() as connection:
        row = connection.execute(select(admin_log).order_by(admin_log.c.id.desc())).first()
    assert row.actor == "admin" and row.reason == "alasan uji" and row.target == "dedi"
    assert json.loads(row.detail)["unit"] == OTHER


def test_the_export_neutralises_formulas_and_the_import_reads_them_back(runtime: Runtime) -> None:
    units = (FILES / "units.csv").read_text() + "=HYPERLINK(1),=Unit jahat,unit,Disdik\n"
    import_organisation(runtime, _admin(runtime), _files(units_csv=units))
    exported = export_organisation(runtime, _admin(runtime))
    assert "'=HYPERLINK(1),'=Unit jahat,unit,Disdik" in exported["units.csv"]
    before = _counts(runtime)
    import_organisation(runtime, _admin(runtime), {"units.csv": exported["units.csv"].encode()})
    assert _counts(runtime)[:4] == before[:4]
    assert "=HYPERLINK(1)" in {row.code for row in admin_units(runtime, _admin(runtime))}


def test_starting_an_sop_needs_a_holding_that_counts_today(runtime: Runtime) -> None:
    runtime.publish(SURAT, "surat-masuk")
    with pytest.raises(AccessDeniedError):  # budi's holding of the start step's jabatan begins in April
        runtime.start("surat-masuk", "budi", START, unit=UNIT)
    with pytest.raises(AccessDeniedError):  # citra's ended in February
        runtime.start("surat-masuk", "citra", START, unit=UNIT)
    add_acting(runtime, _admin(runtime), "dedi", UNIT, "Pengadministrasi Perkantoran", "plt", "SK 5",
               dt.date(2026, 3, 2), None)
    instance, _ = runtime.start("surat-masuk", "dedi", START, unit=UNIT)  # acting there (and holding it in Dinkes)
    assert instance.unit == UNIT


def test_duplicate_rows_and_people_whose_rows_differ_are_named(runtime: Runtime) -> None:
    units = (FILES / "units.csv").read_text() + "Disdik,Lagi,opd,Kab Contoh\n"
    people = (FILES / "people.csv").read_text() + (
        "ani,Ani L.,198001012005012001,ani@pemda.go.id,Subbag Umum Disdik,Sekretaris,2026-01-01,\n")
    with pytest.raises(OrgImportError) as refused:
        import_organisation(runtime, _admin(runtime), _files(units_csv=units, people_csv=people))
    problems = {(p.file, p.line, p.column): p.render("en") for p in refused.value.problems}
    assert set(problems) == {("units.csv", 7, "code"), ("people.csv", 9, "nama"), ("people.csv", 9, "jabatan_code")}
    assert "'Disdik' already appears on line 3" in problems[("units.csv", 7, "code")]
    assert "differs from line 2" in problems[("people.csv", 9, "nama")]


def test_migration_0008o_goes_down_and_up_keeping_holdings(runtime: Runtime) -> None:
    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, upgrade

    url = str(runtime.db.url)
    runtime.close()
    database = Database(url)
    try:
        downgrade(database, "0008s")
        assert current_revision(database) == "0008s"
        upgrade(database)
    finally:
        database.dispose()
    again = Runtime(url, clock=ManualClock())
    try:
        assert ("Pengadministrasi Perkantoran", UNIT) in again.user("ani").jabatan
        # the dates went with the columns: every holding counts again, until an import sets them
        assert again.worklist("budi") == []
        citra = admin_person(again, account(again, "admin"), "citra")
        assert citra.holdings[0].active and citra.holdings[0].last_day is None
    finally:
        again.close()
