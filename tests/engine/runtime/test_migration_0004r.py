"""Migration 0004r turns the trial flag of existing instances into their mode, and back on downgrade."""

from __future__ import annotations

from sqlalchemy import text

from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.db import Database
from engine.store.migrate import downgrade, upgrade
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT


def test_existing_instances_keep_their_kind_across_0004r(store_url: str, clock: ManualClock) -> None:
    runtime = Runtime(store_url, clock=clock)
    runtime.add_user("ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.publish(DATA / "surat_kecil.yaml")
    runtime.publish(DATA / "surat_kecil.yaml", draft=True, escalation=True)
    real, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"], "data": {"jumlah_hari": 2}})
    trial, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]}, trial=True)
    runtime.close()
    database = Database(store_url)
    try:
        downgrade(database, "0003")
        with database.engine.connect() as connection:
            flags = dict(connection.execute(text("SELECT id, trial FROM instances")).all())
            tables = set(database.engine.dialect.get_table_names(connection))
        assert {key: bool(value) for key, value in flags.items()} == {real.id: False, trial.id: True}
        assert "case_values" not in tables
        upgrade(database)
        with database.engine.connect() as connection:
            modes = dict(connection.execute(text("SELECT id, mode FROM instances")).all())
        assert modes == {real.id: "real", trial.id: "ujicoba"}
    finally:
        database.dispose()
    runtime = Runtime(store_url, clock=clock)
    try:
        assert (runtime.instance(real.id).trial, runtime.instance(trial.id).trial) == (False, True)
        done = runtime.complete(runtime.worklist("budi")[0].id, "budi", {"keputusan": "Tidak"})
        assert done.instance.mode == "real"
        assert runtime.verify_audit()[2] is None
    finally:
        runtime.close()
