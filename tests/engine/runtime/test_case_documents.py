"""Documents of a case: attached to a work item, named by kelengkapan states, hashed into the audit chain,
downloaded only by accounts that see the case (each download logged); kelengkapan never pre-ticked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engine import Attachment, add_account, document_for, monitoring_report, recorded_states
from engine.errors import AccessDeniedError, AlreadyCompletedError, DataError, NotFoundError, StoreError, TaskError
from engine.runtime.documents import DocumentStore
from engine.runtime.facade import Runtime
from engine.runtime.kelengkapan import KERTAS, TIDAK_ADA, RequirementState
from engine.store.models import access_log, case_documents, events, instances, work_items
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

KEY = "berkas_kecil"
KTP, KK, REGISTER = "KTP-el pemohon", "Kartu Keluarga", "Buku register"
FORMULIR, PENGANTAR = "Formulir permohonan", "Surat pengantar RT"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PDF_KK = PDF.replace(b"Catalog", b"Catalog /Lang (id)")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17 + b"\x00\x00\x00\x00IEND\xaeB`\x82"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.fixture
def files(runtime: Runtime, tmp_path: Path) -> DocumentStore:
    store = DocumentStore(tmp_path / "berkas", max_bytes=64 * 1024)
    runtime.files = store
    return store


def setup(runtime: Runtime) -> None:
    add_account(runtime, "ani", "ani-rahasia-1", ["pelaksana"], "Ani", jabatan=[("Pengadministrasi", UNIT)])
    add_account(runtime, "budi", "budi-rahasia-1", ["pelaksana"], "Budi", jabatan=[("Kepala Subbagian", UNIT)])
    add_account(runtime, "bayu", "bayu-rahasia-1", ["pelaksana"], "Bayu", jabatan=[("Kepala Subbagian", UNIT)])
    add_account(runtime, "citra", "citra-rahasia-1", ["pelaksana"], "Citra", jabatan=[("Kepala Bagian", UNIT)])
    add_account(runtime, "dodi", "dodi-rahasia-1", ["pelaksana"], "Dodi",
                jabatan=[("Kepala Subbagian", "Bagian Lain")])
    add_account(runtime, "inspektur", "inspektur-rahasia-1", ["pemantau"], "Inspektur")
    runtime.publish(DATA / f"{KEY}.yaml")


def started(runtime: Runtime) -> int:
    """The id of the ``periksa`` item of a new instance (its start form deals with the paper form)."""
    _, ready = runtime.start(KEY, "ani", {"kelengkapan": {FORMULIR: {"cara": "kertas"}, PENGANTAR: {"cara": "kertas"}}})
    assert [item.step_id for item in ready] == ["periksa"]
    return ready[0].id


def snapshot(runtime: Runtime, files: DocumentStore) -> tuple[object, ...]:
    with runtime.db.read() as connection:
        stored = (connection.execute(select(instances.c.revision, instances.c.last_seq, instances.c.last_hash)).all(),
                  connection.execute(select(work_items.c.id, work_items.c.status)).all(),
                  connection.execute(select(func.count()).select_from(case_documents)).scalar_one(),
                  connection.execute(select(func.count()).select_from(events)).scalar_one())
    on_disk = sorted(str(path) for path in files.root.rglob("*") if path.is_file()) if files.root.exists() else []
    return stored, on_disk


def test_attached_documents_are_named_by_their_states_and_chained_into_the_audit(
        runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    item = started(runtime)
    ktp = runtime.attach(item, "budi", KTP, PDF, "ktp siti.pdf")
    assert ktp.sha256 == hashlib.sha256(PDF).hexdigest() and ktp.media_type == "application/pdf"
    assert files.path_of(ktp.sha256).read_bytes() == PDF
    assert runtime.attach(item, "budi", KTP, PDF, "lagi.pdf") == ktp  # once per item and requirement
    result = runtime.complete(item, "budi", {"kelengkapan": {
        KTP: {"cara": "berkas", "berkas": ktp.sha256}, KK: {"cara": "kertas"},
        REGISTER: {"cara": "tidak_ada", "alasan": "Buku register dipinjam bagian lain"}}})
    instance_id = result.instance.id
    _, trail = runtime.trace(instance_id)
    attached = [event for event in trail if event.kind == "attached"]
    assert len(attached) == 1 and attached[0].data["berkas"] == ktp.sha256 and attached[0].data["kelengkapan"] == KTP
    completed = next(event for event in trail if event.kind == "completed")
    assert completed.data["kelengkapan"] == {
        KTP: {"cara": "berkas", "berkas": ktp.sha256}, KK: {"cara": "kertas"},
        REGISTER: {"cara": "tidak_ada", "alasan": "Buku register dipinjam bagian lain"}}
    with runtime.db.read() as connection:
        body = connection.execute(select(events.c.body).where(events.c.instance_id == instance_id,
                                                               events.c.kind == "completed")).scalar_one()
    assert f'"documents":[{{"name":"{KTP}","sha256":"{ktp.sha256}"}}]' in body
    assert "ktp siti" not in body  # the file name (a person's name) stays out of the exported events
    assert runtime.verify_audit() == (1, len(trail), None)
    documents = runtime.documents(instance_id)
    assert [(doc.requirement, doc.sha256, doc.name, doc.attached_by, doc.output) for doc in documents] == [
        (KTP, ktp.sha256, "ktp siti.pdf", "budi", False)]
    _, entries, _ = runtime.trace_print(instance_id)
    checked = next(entry for entry in entries if entry.step_id == "periksa")
    assert [(doc.requirement, doc.short_hash) for doc in checked.documents] == [(KTP, ktp.sha256[:12])]
    assert recorded_states(completed.data["kelengkapan"])[REGISTER] == RequirementState(
        TIDAK_ADA, alasan="Buku register dipinjam bagian lain")


def test_the_signed_letter_is_the_output_document(runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    item = started(runtime)
    after = runtime.complete(item, "budi", {"kelengkapan": {KTP: {"cara": "kertas"}, KK: {"cara": "kertas"},
                                                             REGISTER: {"cara": "kertas"}}})
    signing = after.ready[0]
    assert signing.step_id == "tanda_tangan"
    letter = runtime.attach(signing.id, "citra", "", PNG, "surat.png", output=True)
    with pytest.raises(DataError) as not_attached:
        runtime.complete(signing.id, "citra", {"output": {"berkas": hashlib.sha256(PDF).hexdigest()}})
    assert not_attached.value.field == "output" and not_attached.value.code == "runtime_output_not_attached"
    runtime.complete(signing.id, "citra", {"output": {"berkas": letter.sha256}})
    _, trail = runtime.trace(after.instance.id)
    completed = [event for event in trail if event.kind == "completed"][-1]
    assert completed.data["output"] == {"berkas": letter.sha256}
    _, entries = runtime.document(after.instance.id)
    signed = next(entry for entry in entries if entry.step_id == "tanda_tangan")
    assert [(doc.output, doc.sha256) for doc in signed.documents] == [(True, letter.sha256)]


def test_a_periksa_output_is_not_a_document(runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    item = started(runtime)
    before = snapshot(runtime, files)
    with pytest.raises(DataError) as refused:
        runtime.attach(item, "budi", "", PDF, "surat.pdf", output=True)
    assert refused.value.field == "output" and refused.value.code == "runtime_attach_no_output_document"
    with pytest.raises(DataError) as text_output:
        runtime.complete(item, "budi", {"kelengkapan": [KTP, KK, REGISTER], "output": {"berkas": "ab" * 32}})
    assert text_output.value.field == "output" and text_output.value.code == "runtime_output_not_document"
    assert snapshot(runtime, files) == before


@pytest.mark.parametrize(("requirement", "data", "name", "field", "code"), [
    (KTP, HTML, "ktp.pdf", "berkas", "document_unknown_type"),        # a .pdf that is really HTML
    (KTP, PNG, "ktp.pdf", "berkas", "document_name_mismatch"),
    (KTP, b"", "ktp.pdf", "berkas", "document_empty"),
    (KTP, b"%PDF-1.4\n" + b"0" * (64 * 1024) + b"\n%%EOF", "besar.pdf", "berkas", "document_too_large"),
    ("Akta kelahiran", PDF, "akta.pdf", "requirement", "runtime_attach_unknown_requirement"),
    (REGISTER, PDF, "register.pdf", "requirement", "runtime_attach_not_document"),
    (KTP, PDF, 12, "name", "runtime_attach_bad_name"),
])
def test_a_refused_attachment_changes_nothing(runtime: Runtime, files: DocumentStore, requirement: str, data: bytes,
                                              name: str, field: str, code: str) -> None:
    setup(runtime)
    item = started(runtime)
    before = snapshot(runtime, files)
    with pytest.raises(DataError) as refused:
        runtime.attach(item, "budi", requirement, data, name)
    assert (refused.value.field, refused.value.code) == (field, code)
    assert refused.value.render("en") != refused.value.message
    assert snapshot(runtime, files) == before
    assert not files.root.exists() or not any(path.is_file() for path in files.root.rglob("*"))


def test_only_who_may_complete_an_open_item_attaches(runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    item = started(runtime)
    before = snapshot(runtime, files)
    for user in ("ani", "citra", "dodi"):  # wrong jabatan, wrong jabatan, right jabatan in another unit
        with pytest.raises(AccessDeniedError):
            runtime.attach(item, user, KTP, PDF, "ktp.pdf")
    runtime.claim(item, "bayu")
    claimed = snapshot(runtime, files)
    with pytest.raises(AccessDeniedError) as taken:
        runtime.attach(item, "budi", KTP, PDF, "ktp.pdf")
    assert "bayu" in str(taken.value)
    assert snapshot(runtime, files) == claimed and before[1] == claimed[1] == []
    runtime.attach(item, "bayu", KTP, PDF, "ktp.pdf")
    runtime.complete(item, "bayu", {"kelengkapan": [KTP, KK, REGISTER]})
    done = snapshot(runtime, files)
    with pytest.raises(AlreadyCompletedError):
        runtime.attach(item, "bayu", KK, PDF_KK, "kk.pdf")
    assert snapshot(runtime, files) == done


def test_a_suspended_instance_takes_no_documents(runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    item = started(runtime)
    runtime.suspend(runtime.item(item).instance_id, "ani", "menunggu pemohon")
    with pytest.raises(TaskError):
        runtime.attach(item, "budi", KTP, PDF, "ktp.pdf")
    assert not files.root.exists()


@pytest.mark.parametrize(("kelengkapan", "code"), [
    ({KTP: {"cara": "kertas"}, KK: {"cara": "kertas"}}, "runtime_kelengkapan_no_state"),
    ({KTP: {"cara": "kertas"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "tidak_ada"}}, "runtime_kelengkapan_no_reason"),
    ({KTP: {"cara": "kertas"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "tidak_ada", "alasan": "  "}},
     "runtime_kelengkapan_no_reason"),
    ({KTP: {"cara": "dicentang"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}}, "runtime_kelengkapan_bad_way"),
    ({KTP: {"cara": "kertas", "nilai": "x"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}},
     "runtime_kelengkapan_bad_keys"),
    ({KTP: {"cara": "kertas"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "berkas", "berkas": "ab" * 32}},
     "runtime_kelengkapan_not_document"),
    ({KTP: {"cara": "berkas"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}}, "runtime_kelengkapan_berkas_needed"),
    ({KTP: {"cara": "berkas", "berkas": "ab" * 32}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}},
     "runtime_kelengkapan_not_attached"),
    ({KTP: {"cara": "kertas", "berkas": "ab" * 32}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}},
     "runtime_kelengkapan_berkas_unused"),
    ({KTP: {"cara": 1}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}}, "runtime_kelengkapan_not_text"),
    ({KTP: "ya"}, "runtime_form_bad_checklist"),
])
def test_every_requirement_needs_a_proper_state(runtime: Runtime, files: DocumentStore, kelengkapan: object,
                                                code: str) -> None:
    setup(runtime)
    item = started(runtime)
    before = snapshot(runtime, files)
    with pytest.raises(DataError) as refused:
        runtime.complete(item, "budi", {"kelengkapan": kelengkapan})
    assert (refused.value.field, refused.value.code) == ("kelengkapan", code)
    assert snapshot(runtime, files) == before


def test_a_berkas_state_names_a_document_attached_here_for_that_requirement(
        runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    first, second = started(runtime), started(runtime)
    ktp = runtime.attach(first, "budi", KTP, PDF, "ktp.pdf")
    for item, requirement in ((second, KTP), (first, KK)):  # another item's document; another requirement's
        states = {KTP: {"cara": "kertas"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}}
        states[requirement] = {"cara": "berkas", "berkas": ktp.sha256}
        with pytest.raises(DataError) as refused:
            runtime.complete(item, "budi", {"kelengkapan": states})
        assert refused.value.code == "runtime_kelengkapan_not_attached" and requirement in str(refused.value)
    # at the start the documents come with the form: another case's document is not one of them
    with pytest.raises(DataError) as at_start:
        runtime.start(KEY, "ani", {"kelengkapan": {FORMULIR: {"cara": "kertas"},
                                                   PENGANTAR: {"cara": "berkas", "berkas": ktp.sha256}}})
    assert at_start.value.code == "runtime_kelengkapan_not_attached" and PENGANTAR in str(at_start.value)


def test_documents_handed_in_at_the_start(runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    before = snapshot(runtime, files)
    form = {"kelengkapan": {FORMULIR: {"cara": "kertas"}, PENGANTAR: {"cara": "berkas"}}}
    for attachments, code in (([Attachment(PENGANTAR, HTML, "pengantar.pdf")], "document_unknown_type"),
                              ([Attachment(FORMULIR, PDF, "formulir.pdf")], "runtime_attach_not_document"),
                              ([], "runtime_kelengkapan_berkas_needed"),
                              ([Attachment(PENGANTAR, PDF, "a.pdf"), Attachment(PENGANTAR, PNG, "b.png")],
                               "runtime_kelengkapan_berkas_ambiguous"),
                              ("pengantar.pdf", "runtime_attachments_not_list")):
        with pytest.raises(DataError) as refused:
            runtime.start(KEY, "ani", form, attachments=attachments)  # type: ignore[arg-type]
        assert refused.value.code == code
    assert snapshot(runtime, files) == before
    instance, ready = runtime.start(KEY, "ani", form, attachments=[Attachment(PENGANTAR, PDF, "pengantar rt.pdf")])
    digest = hashlib.sha256(PDF).hexdigest()
    _, trail = runtime.trace(instance.id)
    assert [event.kind for event in trail[:2]] == ["started", "attached"]
    assert trail[0].data["kelengkapan"][PENGANTAR] == {"cara": "berkas", "berkas": digest}
    assert [(doc.item_id, doc.step_id, doc.requirement, doc.name) for doc in runtime.documents(instance.id)] == [
        (None, "terima", PENGANTAR, "pengantar rt.pdf")]
    _, entries = runtime.document(instance.id)
    assert [(doc.requirement, doc.sha256) for doc in entries[0].documents] == [(PENGANTAR, digest)]
    assert runtime.verify_audit()[2] is None and ready[0].step_id == "periksa"


def test_the_older_forms_still_read_and_nothing_is_pre_ticked(runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    item = started(runtime)
    with pytest.raises(DataError) as nothing:
        runtime.complete(item, "budi", {})
    assert nothing.value.code == "runtime_form_unticked" and KTP in str(nothing.value)
    runtime.complete(item, "budi", {"kelengkapan": [KTP], "alasan": "KK dan register menyusul"})
    other = started(runtime)
    runtime.complete(other, "budi", {"kelengkapan": {KTP: True, KK: True, REGISTER: True}})
    instance_id = runtime.item(item).instance_id
    _, trail = runtime.trace(instance_id)
    completed = next(event for event in trail if event.kind == "completed")
    assert completed.data["kelengkapan"] == {KTP: {"cara": "kertas"},
                                             KK: {"cara": "tidak_ada", "alasan": "KK dan register menyusul"},
                                             REGISTER: {"cara": "tidak_ada", "alasan": "KK dan register menyusul"}}
    # events written before the states: text -> bool
    assert recorded_states({KTP: True, KK: False}) == {KTP: RequirementState(KERTAS), KK: RequirementState(TIDAK_ADA)}


def test_monitoring_counts_tidak_ada_as_kelengkapan_kurang(runtime: Runtime, files: DocumentStore) -> None:
    setup(runtime)
    all_there = {KTP: {"cara": "kertas"}, KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}}
    for index in range(4):
        item = started(runtime)
        if index == 0:
            ktp = runtime.attach(item, "budi", KTP, PDF, "ktp.pdf")
            runtime.complete(item, "budi", {"kelengkapan": {**all_there, KTP: {"cara": "berkas", "berkas": ktp.sha256}}})
        elif index == 1:
            runtime.complete(item, "budi", {"kelengkapan": {**all_there, KK: {"cara": "tidak_ada", "alasan": "hilang"}}})
        elif index == 2:
            runtime.complete(item, "budi", {"kelengkapan": [KTP, KK], "alasan": "register penuh"})  # older form
        else:
            runtime.complete(item, "budi", {"kelengkapan": all_there})
    report = monitoring_report(runtime, KEY)
    periksa = next(step for step in report.steps if step.step_id == "periksa")
    assert (periksa.count, periksa.missing_kelengkapan) == (4, 2)


def test_downloads_are_for_accounts_that_see_the_case_and_logged(runtime: Runtime, files: DocumentStore) -> None:
    from engine import account

    setup(runtime)
    item = started(runtime)
    ktp = runtime.attach(item, "budi", KTP, PDF, "ktp.pdf")
    instance_id = runtime.item(item).instance_id
    with pytest.raises(AccessDeniedError):
        document_for(runtime, account(runtime, "dodi"), instance_id, ktp.sha256)
    with pytest.raises(NotFoundError):
        document_for(runtime, account(runtime, "ani"), instance_id, hashlib.sha256(PNG).hexdigest())
    document, content = document_for(runtime, account(runtime, "ani"), instance_id, ktp.sha256)
    assert content == PDF and document.name == "ktp.pdf" and document.requirement == KTP
    document_for(runtime, account(runtime, "inspektur"), instance_id, ktp.sha256.upper())
    with runtime.db.read() as connection:
        logged = connection.execute(select(access_log.c.account, access_log.c.action, access_log.c.instance_id,
                                           access_log.c.detail).order_by(access_log.c.id)).all()
    assert [tuple(row) for row in logged] == [("ani", "unduh", instance_id, ktp.sha256),
                                              ("inspektur", "unduh", instance_id, ktp.sha256)]


def test_a_changed_file_is_refused_and_the_chain_still_holds_its_hash(runtime: Runtime, files: DocumentStore) -> None:
    from engine import account

    setup(runtime)
    item = started(runtime)
    ktp = runtime.attach(item, "budi", KTP, PDF, "ktp.pdf")
    runtime.complete(item, "budi", {"kelengkapan": {KTP: {"cara": "berkas", "berkas": ktp.sha256},
                                                     KK: {"cara": "kertas"}, REGISTER: {"cara": "kertas"}}})
    files.path_of(ktp.sha256).write_bytes(PDF.replace(b"Catalog", b"Katalog"))
    instance_id = runtime.item(item).instance_id
    with pytest.raises(StoreError) as changed:
        document_for(runtime, account(runtime, "ani"), instance_id, ktp.sha256)
    assert changed.value.code == "document_corrupted"
    with runtime.db.read() as connection:
        assert connection.execute(select(func.count()).select_from(access_log)).scalar_one() == 0
    assert runtime.verify_audit()[2] is None  # the events still hold the true hash


def test_a_failed_transaction_leaves_no_file_behind(runtime: Runtime, files: DocumentStore,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.runtime import session as session_module

    setup(runtime)
    item = started(runtime)
    before = snapshot(runtime, files)

    def broken(self: object) -> None:
        raise StoreError.from_code("runtime_concurrent_change", instance=0)

    monkeypatch.setattr(session_module.InstanceRun, "_finish_write", broken)
    with pytest.raises(StoreError):
        runtime.attach(item, "budi", KTP, PDF, "ktp.pdf")
    monkeypatch.undo()
    assert snapshot(runtime, files) == before
    assert not files.path_of(hashlib.sha256(PDF).hexdigest()).exists()


def test_the_migration_keeps_an_access_log_made_by_the_case_data_migration(tmp_path: Path) -> None:
    import sqlalchemy

    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, head_revision, upgrade

    database = Database(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        upgrade(database, "0007c")
        with database.engine.begin() as connection:  # the case-data migration made access_log; one row logged
            connection.exec_driver_sql("INSERT INTO access_log (id, at, account, action, instance_id, detail) "
                                       "VALUES (1, '2026-12-01 01:00:00', 'ani', 'buka', 1, '')")
        upgrade(database)
        assert current_revision(database) == head_revision()
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT account FROM access_log").scalars().all() == ["ani"]
            assert sqlalchemy.inspect(connection).has_table("case_documents")
        downgrade(database, "0004p")
        with database.engine.connect() as connection:
            assert not sqlalchemy.inspect(connection).has_table("case_documents")
        upgrade(database)
    finally:
        database.dispose()


def test_versions_published_before_the_migration_get_their_document_flags(tmp_path: Path) -> None:
    import json

    from engine.store.db import Database
    from engine.store.migrate import downgrade, upgrade
    from engine.store.models import versions

    url = f"sqlite:///{tmp_path / 'old.db'}"
    database = Database(url)
    try:
        upgrade(database)
        published = Runtime(url)
        published.publish(DATA / f"{KEY}.yaml")
        published.close()
        with database.engine.begin() as connection:  # the steps as versions before 0007d stored them
            steps = [{key: value for key, value in step.items() if key not in ("requirements", "output_document")}
                     for step in json.loads(connection.execute(select(versions.c.steps)).scalar_one())]
            connection.execute(versions.update().values(steps=json.dumps(steps)))
        downgrade(database, "0004p")
        upgrade(database)
    finally:
        database.dispose()
    runtime = Runtime(url)
    try:
        with runtime.db.read() as connection:
            version_id = connection.execute(select(versions.c.id)).scalar_one()
            steps = runtime.loaded_version(connection, version_id).steps
        assert [(item.text, item.document) for item in steps["periksa"].requirements] == [
            (KTP, True), (KK, True), (REGISTER, False)]
        assert steps["tanda_tangan"].output_document and not steps["periksa"].output_document
    finally:
        runtime.close()


def test_retention_erases_a_cases_documents_and_keeps_a_file_another_case_still_holds(
        runtime: Runtime, files: DocumentStore) -> None:
    import datetime as dt

    from engine.formats.files import load_file

    setup(runtime)
    sop = load_file(DATA / f"{KEY}.yaml").sop
    sop.identity.retensi_tahun = "1"
    runtime.publish(sop, KEY)
    form = {"kelengkapan": {FORMULIR: {"cara": "kertas"}, PENGANTAR: {"cara": "berkas"}}}
    shared, kept, own = (runtime.start(KEY, "ani", form, attachments=[Attachment(PENGANTAR, content, "pengantar.pdf")])[0].id
                         for content in (PDF, PDF, PDF_KK))
    for instance_id in (shared, own):
        runtime.cancel(instance_id, "ani", "Pemohon membatalkan permohonan")
    runtime.clock.advance(dt.timedelta(days=367))  # type: ignore[attr-defined]
    erased = runtime.erase_expired()
    assert [(case.instance_id, case.documents) for case in erased] == [(shared, 1), (own, 1)]
    assert runtime.documents(shared) == runtime.documents(own) == [] and len(runtime.documents(kept)) == 1
    assert files.path_of(hashlib.sha256(PDF).hexdigest()).exists()  # the running case still holds it
    assert not files.path_of(hashlib.sha256(PDF_KK).hexdigest()).exists()
    with runtime.db.read() as connection:
        logged = connection.execute(select(access_log.c.action, access_log.c.instance_id, access_log.c.detail)
                                    .where(access_log.c.action == "hapus_berkas").order_by(access_log.c.id)).all()
    assert [tuple(row) for row in logged] == [("hapus_berkas", shared, hashlib.sha256(PDF).hexdigest()),
                                              ("hapus_berkas", own, hashlib.sha256(PDF_KK).hexdigest())]
    runtime.cancel(kept, "ani", "Pemohon membatalkan permohonan")
    runtime.clock.advance(dt.timedelta(days=367))  # type: ignore[attr-defined]
    assert [case.instance_id for case in runtime.erase_expired()] == [kept]
    assert not files.path_of(hashlib.sha256(PDF).hexdigest()).exists()
    checked, _, broken = runtime.verify_audit()
    assert broken is None and checked == 3
