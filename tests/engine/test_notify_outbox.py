"""The outbox: written in the change's transaction, one row per item, recipient and channel, off by default."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Iterator

import pytest
from sqlalchemy import func, select

import engine.runtime.session as session_module
from engine import NotifySettings, Runtime, SmtpChannel, WebhookChannel
from engine.access.accounts import add_account, disable_account
from engine.errors import DataError
from engine.notify.outbox import queue
from engine.runtime.timers import ManualClock
from engine.store.models import instances, outbox, work_items
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT, clock, postgres_database, store_url  # noqa: F401

#: Channels that point nowhere: these tests look at the rows, not at delivery.
SETTINGS = NotifySettings((SmtpChannel("127.0.0.1", 9, "alur@sukamaju.go.id"),
                           WebhookChannel("http://127.0.0.1:9/kirim", "rahasia")))


@pytest.fixture
def runtime(store_url: str, clock: ManualClock) -> Iterator[Runtime]:  # noqa: F811
    found = Runtime(store_url, clock=clock, notify=SETTINGS)
    yield found
    found.close()


def people(runtime: Runtime) -> None:
    runtime.add_user("ani", "Ani", jabatan=[("Pengadministrasi", UNIT)], email="ani@sukamaju.go.id")
    runtime.add_user("budi", "Budi Santoso", jabatan=[("Kepala Subbagian", UNIT)], email="budi@sukamaju.go.id",
                     phone="+62 812-3456-7890")
    runtime.add_user("dewi", "Dewi", jabatan=[("Kepala Subbagian", UNIT)], email="dewi@sukamaju.go.id",
                     language="en")
    runtime.add_user("eko", "Eko", jabatan=[("Kepala Subbagian", UNIT)])  # no contact: nothing to send
    runtime.add_user("fajar", "Fajar", jabatan=[("Kepala Subbagian", "Bagian Lain")], email="fajar@sukamaju.go.id")
    add_account(runtime, "gita", "kunci-gita-2026", ["pelaksana"], "Gita", jabatan=[("Kepala Subbagian", UNIT)],
                email="gita@sukamaju.go.id")
    disable_account(runtime, "gita")  # a disabled account gets nothing
    runtime.add_user("citra", "Citra", jabatan=[("Kepala Bagian", UNIT)], email="citra@sukamaju.go.id")
    runtime.publish(DATA / "surat_kecil.yaml")


def rows(runtime: Runtime) -> list[Any]:
    with runtime.db.read() as connection:
        return connection.execute(select(outbox).order_by(outbox.c.id)).all()


def start(runtime: Runtime) -> int:
    instance, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    return instance.id


def test_notifications_are_off_by_default(store_url: str, clock: ManualClock,  # noqa: F811
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ALUR_SMTP_HOST", "ALUR_WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)
    runtime = Runtime(store_url, clock=clock)
    try:
        assert not runtime.context.notify.enabled
        people(runtime)
        start(runtime)
        clock.advance(timedelta(hours=1))
        assert runtime.tick().overdue_marked == 1
        assert rows(runtime) == []
    finally:
        runtime.close()


def test_a_ready_item_writes_one_message_per_holder_and_channel_in_their_language(runtime: Runtime) -> None:
    people(runtime)
    instance_id = start(runtime)
    written = rows(runtime)
    assert [(row.username, row.channel, row.address, row.kind, row.status) for row in written] == [
        ("budi", "email", "budi@sukamaju.go.id", "ready", "pending"),
        ("budi", "webhook", "+6281234567890", "ready", "pending"),
        ("dewi", "email", "dewi@sukamaju.go.id", "ready", "pending"),
    ]
    item = runtime.worklist("budi")[0]
    assert {row.dedupe_key for row in written} == {
        f"ready:{item.id}:email:budi", f"ready:{item.id}:webhook:budi", f"ready:{item.id}:email:dewi"}
    budi = written[0]
    assert budi.subject == "[Alur] Tugas baru: Apakah perlu disposisi? (Uji Surat)"
    # 08:00 WIB + 15 working minutes; the case is named by its instance
    assert "Yth. Budi Santoso," in budi.body and "Kasus: instans #%d" % instance_id in budi.body
    assert "Batas waktu: 2026-03-02 08:15 WIB" in budi.body and "jabatan Kepala Subbagian di Bagian Uji" in budi.body
    dewi = written[2]
    assert dewi.subject == "[Alur] New work item: Apakah perlu disposisi? (Uji Surat)"
    assert "Dear Dewi," in dewi.body and "Due: 2026-03-02 08:15 WIB" in dewi.body
    facts = json.loads(written[1].facts)
    assert facts == {"item": item.id, "instance": instance_id, "sop": "Uji Surat", "sop_key": "surat_kecil",
                     "step": "Apakah perlu disposisi?", "step_id": "periksa", "jabatan": "Kepala Subbagian",
                     "unit": UNIT, "username": "budi", "due": "2026-03-02T01:15:00+00:00", "url": None}


def test_a_rolled_back_change_leaves_no_message(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    people(runtime)
    real_queue = session_module.queue_notices

    def queue_then_fail(*args: Any, **kwargs: Any) -> int:
        real_queue(*args, **kwargs)
        raise RuntimeError("the database went away after the outbox rows were written")

    monkeypatch.setattr(session_module, "queue_notices", queue_then_fail)
    with pytest.raises(RuntimeError):
        start(runtime)
    monkeypatch.setattr(session_module, "queue_notices", real_queue)
    assert rows(runtime) == []
    with runtime.db.read() as connection:
        assert connection.execute(select(func.count()).select_from(instances)).scalar_one() == 0
    start(runtime)
    assert len(rows(runtime)) == 3


def test_a_refused_completion_writes_nothing(runtime: Runtime) -> None:
    people(runtime)
    start(runtime)
    before = rows(runtime)
    item = runtime.worklist("budi")[0]
    with pytest.raises(DataError):
        runtime.complete(item.id, "budi", {"keputusan": "Mungkin"})
    assert rows(runtime) == before


def test_the_next_step_notifies_its_own_jabatan(runtime: Runtime) -> None:
    people(runtime)
    start(runtime)
    item = runtime.worklist("budi")[0]
    runtime.complete(item.id, "budi", {"keputusan": "Ya"})
    citra = [row for row in rows(runtime) if row.username == "citra"]
    assert [(row.kind, row.subject) for row in citra] == [("ready", "[Alur] Tugas baru: Memberi disposisi (Uji Surat)")]


def test_an_overdue_item_notifies_the_clerk_who_claimed_it_once(runtime: Runtime, clock: ManualClock) -> None:  # noqa: F811
    people(runtime)
    start(runtime)
    item = runtime.worklist("budi")[0]
    runtime.claim(item.id, "dewi")
    clock.advance(timedelta(minutes=16))
    assert runtime.tick().overdue_marked == 1
    assert runtime.tick().overdue_marked == 0
    late = [row for row in rows(runtime) if row.kind == "overdue"]
    assert [(row.username, row.channel) for row in late] == [("dewi", "email")]
    assert late[0].subject == "[Alur] Overdue work item: Apakah perlu disposisi? (Uji Surat)"
    assert "is past its due time" in late[0].body and "Due: 2026-03-02 08:15 WIB" in late[0].body


def test_an_unclaimed_overdue_item_notifies_every_holder(runtime: Runtime, clock: ManualClock) -> None:  # noqa: F811
    people(runtime)
    start(runtime)
    clock.advance(timedelta(minutes=16))
    runtime.tick()
    assert sorted((row.username, row.channel) for row in rows(runtime) if row.kind == "overdue") == [
        ("budi", "email"), ("budi", "webhook"), ("dewi", "email")]


def test_a_burst_of_items_is_one_row_each_and_a_key_is_never_written_twice(runtime: Runtime) -> None:
    runtime.add_user("ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", jabatan=[("Kepala Subbagian", UNIT)], email="budi@sukamaju.go.id")
    runtime.publish(DATA / "surat_kecil.yaml")
    for _ in range(100):
        start(runtime)
    written = rows(runtime)
    assert len(written) == 100 and len({row.item_id for row in written}) == 100
    with runtime.db.write() as connection:
        ids = [row.id for row in connection.execute(select(work_items.c.id))]
        assert queue(connection, SETTINGS, runtime.calendar.tz, "ready", ids, runtime.clock.now()) == 0
    assert len(rows(runtime)) == 100


def test_items_of_a_simulation_are_not_notified(runtime: Runtime) -> None:
    people(runtime)
    start(runtime)
    with runtime.db.write() as connection:
        connection.execute(instances.update().values(mode="simulasi"))
        ids = [row.id for row in connection.execute(select(work_items.c.id))]
        connection.execute(outbox.delete())
        assert queue(connection, SETTINGS, runtime.calendar.tz, "ready", ids, runtime.clock.now()) == 0


def test_migration_0007n_goes_down_and_up_keeping_users(store_url: str) -> None:  # noqa: F811
    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, upgrade

    runtime = Runtime(store_url, notify=SETTINGS)
    runtime.add_user("budi", "Budi", jabatan=[("Kepala Subbagian", UNIT)], email="budi@sukamaju.go.id")
    runtime.close()
    database = Database(store_url)
    try:
        downgrade(database, "0004p")
        assert current_revision(database) == "0004p"
        upgrade(database)
    finally:
        database.dispose()
    runtime = Runtime(store_url, notify=SETTINGS)
    try:
        user = runtime.user("budi")
        assert (user.nama, user.jabatan, user.email) == ("Budi", (("Kepala Subbagian", UNIT),), "")
    finally:
        runtime.close()
