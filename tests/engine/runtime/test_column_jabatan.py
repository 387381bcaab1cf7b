"""Pelaksana columns naming organisation jabatan by code (``Sop.actor_jabatan``): stored in the BPMN
lane extension and the sheet, matched by id at run time (a renamed jabatan still routes), by name
without a code; ``alur org tautkan`` writes unambiguous codes into drafts; ``alur check --organisasi``
warns of codes the organisation lacks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from engine.access import policy
from engine.access.accounts import account, add_account
from engine.access.linking import column_jabatan_problems, place_unit
from engine.access.organisation import jabatan_id, unit_id
from engine.bpmn.reader import read_bpmn
from engine.bpmn.writer import write_bpmn
from engine.errors import AccessDeniedError
from engine.formats.files import load_file
from engine.formats.sheet import dump_sheet, load_sheet
from engine.lifecycle.columns import link_draft_columns
from engine.lifecycle.transitions import save_draft, working_sop
from engine.runtime.facade import Runtime
from engine.sop.model import Sop
from engine.sop.validate import validate
from engine.store.models import org_jabatan
from tests.conftest import DATA
from tests.engine.runtime.helpers import form_for

UNIT = "Bagian Umum"
SURAT = DATA / "surat_kecil.yaml"
#: Organisation codes of the three columns of surat_kecil.yaml (none of them the column's name).
CODES = {"Pengadministrasi": "PENGADM", "Kepala Subbagian": "KASUBBAG", "Kepala Bagian": "KABAG"}


def _coded() -> Sop:
    sop = load_file(SURAT).sop
    return replace(sop, actor_jabatan=dict(CODES))


def test_bpmn_and_sheet_keep_the_column_codes_and_old_files_read_without_them(tmp_path: Path) -> None:
    sop = _coded()
    again = read_bpmn(write_bpmn(sop)).sop
    assert again.actor_jabatan == CODES and again.actors == sop.actors
    written = write_bpmn(sop)
    assert b'jabatanOrg="KASUBBAG"' in written and b"<sop:jabatanOrg>KASUBBAG</sop:jabatanOrg>" in written
    # a modeler that keeps only the lanes' own extensions still gives the codes back
    from lxml import etree

    root = etree.fromstring(written)
    for column in root.iter("{*}jabatan"):
        column.attrib.pop("jabatanOrg", None)
    assert read_bpmn(etree.tostring(root)).sop.actor_jabatan == CODES
    assert load_sheet(dump_sheet(sop)).actor_jabatan == CODES
    assert "jabatan_org:" in dump_sheet(sop)
    plain = load_file(SURAT).sop  # a file written before codes existed
    assert read_bpmn(write_bpmn(plain)).sop.actor_jabatan == {}
    assert "jabatan_org" not in dump_sheet(plain)
    shipped = load_file(Path("processes/pengelolaan-surat-masuk.bpmn")).sop
    assert shipped.actor_jabatan == {} and shipped.actors


def test_a_code_for_a_column_the_sop_lacks_is_an_error() -> None:
    sop = replace(load_file(SURAT).sop, actor_jabatan={"Kepala Dinas": "KADIS"})
    found = [p for p in validate(sop) if p.code == "gov_column_jabatan_unknown_column"]
    assert found and found[0].severity == "error"
    assert "Kepala Dinas" in found[0].render("id") and "Pengadministrasi" in found[0].render("en")
    assert not [p for p in validate(_coded()) if p.code.startswith("gov_")]


def _organisation(runtime: Runtime) -> None:
    """Bagian Umum with the three jabatan by code, named as people call them."""
    with runtime.db.write() as connection:
        place_unit(connection, UNIT, kind="opd")
        found_unit = unit_id(connection, UNIT)
        assert found_unit is not None
        for name, code in CODES.items():
            jabatan = jabatan_id(connection, found_unit, code, create=True)
            connection.execute(update(org_jabatan).where(org_jabatan.c.id == jabatan).values(name=name))


def _rename(runtime: Runtime, code: str, name: str) -> None:
    with runtime.db.write() as connection:
        connection.execute(update(org_jabatan).where(org_jabatan.c.code == code).values(name=name))


def test_a_renamed_jabatan_still_routes_by_its_code(runtime: Runtime) -> None:
    _organisation(runtime)
    for username, code in (("ani", "PENGADM"), ("sari", "KASUBBAG"), ("budi", "KABAG")):
        add_account(runtime, username, f"{username}-rahasia-panjang", ["pelaksana"], jabatan=[(code, UNIT)])
    add_account(runtime, "nama", "nama-rahasia-panjang", ["pelaksana"], jabatan=[("Kepala Subbagian", UNIT)])
    _rename(runtime, "KASUBBAG", "Kepala Subbagian Tata Usaha dan Persuratan")  # the organisation renames it
    sop = _coded()
    runtime.publish(sop, "surat")
    assert sop.start is not None
    instance, ready = runtime.start("surat", "ani", form_for(sop.start, data={"perihal": "Undangan"}))
    assert instance.unit == UNIT
    [item] = ready
    assert item.jabatan == "Kepala Subbagian" and item.jabatan_id is not None  # the lane's text stays
    holder, by_name = account(runtime, "sari"), account(runtime, "nama")
    with runtime.db.read() as connection:
        assert policy.may_item(connection, holder, item, "claim")
        assert not policy.may_item(connection, by_name, item, "claim")  # the column's name no longer decides
    assert [found.id for found in runtime.worklist("sari")] == [item.id]
    assert runtime.worklist("nama") == []
    assert [found.id for found in runtime.worklist_page(holder).items] == [item.id]
    assert runtime.work_counts("sari") == (1, 0)
    with pytest.raises(AccessDeniedError):
        runtime.claim(item.id, "nama")
    runtime.claim(item.id, "sari")
    done = runtime.complete(item.id, "sari", form_for(sop.step(item.step_id), "Ya"))
    assert [(ready.jabatan, ready.jabatan_id is not None) for ready in done.ready] == [("Kepala Bagian", True)]
    with runtime.db.read() as connection:
        assert policy.start_holdings(connection, account(runtime, "ani"), "Pengadministrasi", "PENGADM")


def test_without_a_code_holders_are_matched_by_the_column_name(runtime: Runtime) -> None:
    _organisation(runtime)
    add_account(runtime, "ani", "ani-rahasia-panjang", ["pelaksana"], jabatan=[("Pengadministrasi", UNIT)])
    add_account(runtime, "kode", "kode-rahasia-panjang", ["pelaksana"], jabatan=[("KASUBBAG", UNIT)])
    add_account(runtime, "nama", "nama-rahasia-panjang", ["pelaksana"], jabatan=[("Kepala Subbagian", UNIT)])
    sop = load_file(SURAT).sop
    runtime.publish(sop, "surat")
    assert sop.start is not None
    _, ready = runtime.start("surat", "ani", form_for(sop.start, data={"perihal": "Undangan"}))
    [item] = ready
    assert item.jabatan_id is None
    with runtime.db.read() as connection:
        assert policy.may_item(connection, account(runtime, "nama"), item, "claim")
        assert not policy.may_item(connection, account(runtime, "kode"), item, "claim")
    assert [found.id for found in runtime.worklist("nama")] == [item.id]
    # a code the item's unit has no jabatan for: the name decides there too
    runtime.publish(replace(sop, actor_jabatan={"Kepala Subbagian": "TIDAK-ADA"}), "surat-b")
    _, ready = runtime.start("surat-b", "ani", form_for(sop.start, data={"perihal": "Undangan"}))
    assert ready[0].jabatan_id is None and [found.id for found in runtime.worklist("nama")] == [
        item.id, ready[0].id]


def test_linking_writes_unambiguous_codes_into_drafts_and_check_warns(runtime: Runtime) -> None:
    _organisation(runtime)
    with runtime.db.write() as connection:  # "Kepala Bagian" is a second code's name too: ambiguous
        other = unit_id(connection, "Bagian Lain", create=True)
        assert other is not None
        jabatan = jabatan_id(connection, other, "KABAG-2", create=True)
        connection.execute(update(org_jabatan).where(org_jabatan.c.id == jabatan).values(name="Kepala Bagian"))
    add_account(runtime, "rina", "rina-rahasia-panjang", ["penyusun"])
    save_draft(runtime, "surat", replace(load_file(SURAT).sop, actor_jabatan={"Pengadministrasi": "PENGADM"}),
               "rina")
    with runtime.db.write() as connection:
        report = link_draft_columns(connection)
    assert (report.drafts, report.columns) == (1, 1)
    assert [(miss.actor, miss.codes) for miss in report.missed] == [("Kepala Bagian", ("KABAG", "KABAG-2"))]
    assert working_sop(runtime, "surat").actor_jabatan == {"Pengadministrasi": "PENGADM",
                                                           "Kepala Subbagian": "KASUBBAG"}
    with runtime.db.read() as connection:
        assert column_jabatan_problems(connection, _coded()) == []
        [warning] = column_jabatan_problems(connection, replace(_coded(), actor_jabatan={"Kepala Bagian": "KADIS"}))
    assert warning.severity == "warning" and "'KADIS'" in warning.render("id")


def test_alur_check_with_the_organisation_warns_of_unknown_codes(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.cli.main import main

    url = f"sqlite:///{tmp_path / 'org.db'}"
    monkeypatch.setenv("ALUR_DATABASE_URL", url)
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    stored = Runtime(url)
    try:
        _organisation(stored)
    finally:
        stored.close()
    sheet = tmp_path / "surat.yaml"
    sheet.write_text(dump_sheet(replace(_coded(), actor_jabatan={**CODES, "Kepala Bagian": "KADIS"})),
                     encoding="utf-8")
    checked = runner.invoke(main, ["check", "--organisasi", str(sheet)])
    assert checked.exit_code == 0, checked.output
    assert "'KADIS'" in checked.output and "KASUBBAG" not in checked.output
    assert "KADIS" not in runner.invoke(main, ["check", str(sheet)]).output  # without the organisation
    english = runner.invoke(main, ["--lang", "en", "check", "--organisasi", str(sheet)])
    assert "names organisation jabatan 'KADIS', which no unit has" in english.output


def test_an_item_linked_by_tautkan_still_reaches_a_holding_not_linked_yet(runtime: Runtime) -> None:
    from engine.access.linking import link_organisation

    add_account(runtime, "ani", "ani-rahasia-panjang", ["pelaksana"], jabatan=[("Pengadministrasi", UNIT)])
    add_account(runtime, "sari", "sari-rahasia-panjang", ["pelaksana"], jabatan=[("Kepala Subbagian", UNIT)])
    sop = load_file(SURAT).sop
    runtime.publish(sop, "surat")
    assert sop.start is not None
    _, [item] = runtime.start("surat", "ani", form_for(sop.start, data={"perihal": "Undangan"}))
    with runtime.db.write() as connection:
        assert link_organisation(connection).work_items == 1  # the item gets its jabatan's id
    assert runtime.item(item.id).jabatan_id is not None
    runtime.add_user("baru", "Pegawai Baru", jabatan=[("Kepala Subbagian", UNIT)])  # no ids until it logs in
    assert [found.id for found in runtime.worklist("baru")] == [item.id]
    runtime.claim(item.id, "baru")


def test_alur_org_tautkan_reports_the_columns_it_wrote_and_those_it_could_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.cli.main import main

    url = f"sqlite:///{tmp_path / 'tautkan.db'}"
    monkeypatch.setenv("ALUR_DATABASE_URL", url)
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    stored = Runtime(url)
    try:
        _organisation(stored)
        add_account(stored, "rina", "rina-rahasia-panjang", ["penyusun"])
        save_draft(stored, "surat", load_file(SURAT).sop, "rina")
        with stored.db.write() as connection:  # a column name no jabatan has
            connection.execute(update(org_jabatan).where(org_jabatan.c.code == "KABAG").values(name="Kabag"))
    finally:
        stored.close()
    done = runner.invoke(main, ["org", "tautkan", "--laporan"])
    assert "ke 2 kolom dari 1 draf SOP" in done.output, done.output
    assert "kolom 'Kepala Bagian' SOP surat: tidak ada jabatan organisasi bernama demikian" in done.output
    again = Runtime(url)
    try:
        assert working_sop(again, "surat").actor_jabatan == {"Pengadministrasi": "PENGADM",
                                                             "Kepala Subbagian": "KASUBBAG"}
    finally:
        again.close()
