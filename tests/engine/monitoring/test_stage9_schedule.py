"""Stage 9: the six-monthly monitoring schedule per SOP (PermenPANRB 35/2012) and the reminders to
its pemantau through the notify outbox, written by the worker only when notifications are on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sqlalchemy import select

from engine.access.accounts import add_account
from engine.access.policy import pemantau_of_sop
from engine.monitoring.schedule import MonitoringReminders, add_months, monitoring_due
from engine.notify.channels import WebhookChannel
from engine.notify.settings import NotifySettings
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.migrate import upgrade_database
from engine.store.models import outbox
from tests.engine.monitoring.conftest import KEY, SOP_FILE

UTC = dt.timezone.utc
SETTINGS = NotifySettings((WebhookChannel("http://127.0.0.1:9/kirim", "rahasia"),))


def test_six_months_later_keeps_to_the_month_s_last_day() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 3, 2), 6) == dt.date(2026, 9, 2)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)


def _runtime(tmp_path: Path, moment: dt.datetime, notify: NotifySettings) -> tuple[Runtime, ManualClock]:
    url = f"sqlite:///{tmp_path / 'schedule.db'}"
    upgrade_database(url)
    clock = ManualClock(moment)
    return Runtime(url, clock=clock, notify=notify), clock


def test_the_next_monitoring_is_due_six_months_after_the_last_and_its_pemantau_are_reminded(tmp_path: Path) -> None:
    # published at 20:00 UTC on 1 March: 03:00 WIB on 2 March, the day the schedule counts from
    runtime, clock = _runtime(tmp_path, dt.datetime(2026, 3, 1, 20, 0, tzinfo=UTC), SETTINGS)
    try:
        runtime.add_user("atasan", nama="Atasan", jabatan=[("Kepala Bagian", "Bagian Umum")])
        add_account(runtime, "inspektur", "inspektur-uji-1", ["pemantau"], "Inspektur", "", [],
                    phone="+6281200000001")
        add_account(runtime, "pemantau-unit", "pemantau-uji-1", ["pemantau"], "Pemantau Unit", "",
                    [("Auditor", "Bagian Perizinan")], phone="+6281200000002")
        add_account(runtime, "pemantau-lain", "pemantau-uji-2", ["pemantau"], "Pemantau Lain", "",
                    [("Auditor", "Bagian Keuangan")], phone="+6281200000003")
        runtime.publish(SOP_FILE, KEY)
        due = monitoring_due(runtime, KEY)
        assert (due.last, due.basis, due.due) == (dt.date(2026, 3, 2), "pengesahan", dt.date(2026, 9, 2))
        assert not due.remind and not due.overdue
        with runtime.db.read() as connection:
            # the Inspektorat's (no unit: every SOP) and the owner unit's pemantau, not another unit's
            assert pemantau_of_sop(connection, KEY) == ["inspektur", "pemantau-unit"]
        clock.current = dt.datetime(2026, 8, 25, 2, 0, tzinfo=UTC)
        assert monitoring_due(runtime, KEY).remind and monitoring_due(runtime, KEY).days_left == 8
        worker = MonitoringReminders(runtime)  # what `alur worker` ticks
        worker.tick()
        with runtime.db.read() as connection:
            rows = connection.execute(select(outbox.c.kind, outbox.c.username, outbox.c.subject, outbox.c.item_id)
                                      .order_by(outbox.c.username)).all()
        assert [(row.kind, row.username, row.item_id) for row in rows] == [
            ("monitoring", "inspektur", None), ("monitoring", "pemantau-unit", None)]
        assert rows[0].subject == "Monitoring SOP Uji Izin Monitoring jatuh tempo 02-09-2026"
        clock.current += dt.timedelta(hours=2)
        worker.tick()
        assert worker.remind() == 0  # looked at once an hour
        assert MonitoringReminders(runtime).remind() == 0  # and the same due date is never written twice
        with runtime.db.read() as connection:
            assert len(connection.execute(select(outbox.c.id)).all()) == 2
    finally:
        runtime.close()


def test_no_reminder_is_written_while_notifications_are_off(tmp_path: Path) -> None:
    runtime, clock = _runtime(tmp_path, dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC), NotifySettings())
    try:
        add_account(runtime, "inspektur", "inspektur-uji-1", ["pemantau"], "Inspektur", "", [],
                    phone="+6281200000001")
        runtime.publish(SOP_FILE, KEY)
        clock.current = dt.datetime(2026, 10, 1, 2, 0, tzinfo=UTC)
        assert monitoring_due(runtime, KEY).overdue
        MonitoringReminders(runtime).tick()
        with runtime.db.read() as connection:
            assert connection.execute(select(outbox.c.id)).all() == []
    finally:
        runtime.close()


def test_a_saved_evaluation_restarts_the_six_months(tmp_path: Path) -> None:
    from engine.monitoring.evaluation import save_evaluation
    from engine.monitoring.workbook import EvaluationAnswer, EvaluationForm

    runtime, clock = _runtime(tmp_path, dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC), NotifySettings())
    try:
        runtime.publish(SOP_FILE, KEY)
        clock.current = dt.datetime(2026, 7, 14, 18, 0, tzinfo=UTC)  # 01:00 WIB on 15 July
        form = EvaluationForm("", "", "", dt.date(2026, 7, 15), "Inspektur", outcome="tetap",
                              answers=[EvaluationAnswer(True, "") for _ in range(7)])
        save_evaluation(runtime, KEY, form, "inspektur")
        due = monitoring_due(runtime, KEY)
        assert (due.last, due.basis, due.due) == (dt.date(2026, 7, 15), "evaluasi", dt.date(2027, 1, 15))
    finally:
        runtime.close()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_migration_0011m_down_and_up(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import sqlalchemy

    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, head_revision, upgrade
    from tests.engine.runtime.conftest import fresh_url

    database = Database(fresh_url(kind, tmp_path, request))

    def nullable() -> dict[str, bool]:
        with database.engine.connect() as connection:
            return {column["name"]: column["nullable"] for column in sqlalchemy.inspect(connection).get_columns("outbox")
                    if column["name"] in ("item_id", "instance_id")}

    try:
        assert current_revision(database) == head_revision() and nullable() == {"item_id": True, "instance_id": True}
        downgrade(database, "0010r")
        assert nullable() == {"item_id": False, "instance_id": False}
        upgrade(database)
        assert current_revision(database) == head_revision() and nullable() == {"item_id": True, "instance_id": True}
    finally:
        database.dispose()
