"""The event log is append-only and hash-chained; ``alur audit verify`` names the first break."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update

from engine.runtime.audit import GENESIS, chain_hash
from engine.errors import StoreError
from engine.runtime.facade import Runtime
from engine.store.models import events, instances
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT


def two_instances(runtime: Runtime) -> list[int]:
    runtime.add_user("ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.publish(DATA / "surat_kecil.yaml")
    ids = []
    for answer in ("Ya", "Tidak"):
        instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
        runtime.complete(ready[0].id, "budi", {"keputusan": answer})
        ids.append(instance.id)
    return ids


def without_guard(runtime: Runtime, statement: object) -> None:
    """Run a tampering statement the way an attacker with database access would (triggers off)."""
    with runtime.db.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER events_no_update"))
            connection.execute(text("DROP TRIGGER events_no_delete"))
        else:
            connection.execute(text("ALTER TABLE events DISABLE TRIGGER events_no_change"))
        connection.execute(statement)  # type: ignore[call-overload]


def test_a_clean_log_verifies(runtime: Runtime) -> None:
    ids = two_instances(runtime)
    checked, counted, broken = runtime.verify_audit()
    assert broken is None
    assert checked == len(ids)
    with runtime.db.read() as connection:
        first = connection.execute(select(events).where(events.c.seq == 1).limit(1)).one()
    assert first.prev_hash == GENESIS and first.hash == chain_hash(GENESIS, first.body)


@pytest.mark.parametrize("statement", ["UPDATE events SET actor = 'x'", "DELETE FROM events"])
def test_the_database_refuses_to_change_or_delete_events(runtime: Runtime, statement: str) -> None:
    two_instances(runtime)
    with pytest.raises(StoreError):
        with runtime.db.write() as connection:
            connection.execute(text(statement))
    assert runtime.verify_audit()[2] is None


def test_an_edited_event_is_named(runtime: Runtime) -> None:
    ids = two_instances(runtime)
    with runtime.db.read() as connection:
        body = connection.execute(select(events.c.body).where(events.c.instance_id == ids[1], events.c.seq == 3)).scalar_one()
    forged = body.replace('"Tidak"', '"Ya"')
    assert forged != body
    without_guard(runtime, update(events).where(events.c.instance_id == ids[1], events.c.seq == 3).values(body=forged))
    broken = runtime.verify_audit()[2]
    assert broken is not None and (broken.instance_id, broken.seq) == (ids[1], 3)
    assert "diubah" in str(broken)


def test_a_removed_event_and_a_cut_tail_are_named(runtime: Runtime) -> None:
    ids = two_instances(runtime)
    without_guard(runtime, events.delete().where(events.c.instance_id == ids[0], events.c.seq == 2))
    broken = runtime.verify_audit()[2]
    assert broken is not None and (broken.instance_id, broken.seq) == (ids[0], 2)
    with runtime.db.engine.begin() as connection:
        last = connection.execute(select(instances.c.last_seq).where(instances.c.id == ids[1])).scalar_one()
        connection.execute(events.delete().where(events.c.instance_id == ids[1], events.c.seq == last))
        connection.execute(events.delete().where(events.c.instance_id == ids[0]))
        connection.execute(update(instances).where(instances.c.id == ids[0]).values(last_seq=0, last_hash=GENESIS))
    broken = runtime.verify_audit()[2]
    assert broken is not None and broken.instance_id == ids[1] and "berakhir" in str(broken)
