"""The database tables (SQLAlchemy Core), created and changed only by the Alembic migrations beside them.

::

    users ──< holdings (jabatan per unit)
    definitions ──< versions (BPMN + parsed spec once per version; draft = ujicoba)
    versions ──< instances ──< work_items (one per READY user task)
                          ├──< timers     (one per waiting BPMN timer)
                          └──< events     (append-only, hash-chained per instance)

Instants are stored as naive UTC (``UtcDateTime`` gives them back aware). A work item without a
WAKTU has :data:`NO_DEADLINE` as its due time, so the worklist index orders every row.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

UTC = timezone.utc
#: Due time of a work item whose step has no WAKTU.
NO_DEADLINE = datetime(9999, 12, 31, tzinfo=UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime, stored naive in UTC (SQLite has no zones; PostgreSQL keeps it exact)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC)


metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("nama", String(200), nullable=False, default=""),
    Column("nip", String(32), nullable=False, default=""),
    Column("created_at", UtcDateTime, nullable=False),
)

holdings = Table(
    "holdings", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("jabatan", String(200), nullable=False),
    Column("unit", String(200), nullable=False),
    UniqueConstraint("user_id", "jabatan", "unit"),
    Index(None, "jabatan", "unit"),
)

definitions = Table(
    "definitions", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False, unique=True),
    Column("process_id", String(200), nullable=False),
    Column("nama", String(300), nullable=False, default=""),
    Column("created_at", UtcDateTime, nullable=False),
)

versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("definition_id", Integer, ForeignKey("definitions.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("draft", Boolean, nullable=False),
    Column("escalation", Boolean, nullable=False, default=False),
    Column("has_timers", Boolean, nullable=False, default=False),
    Column("bpmn", LargeBinary, nullable=False),
    Column("spec", Text, nullable=False),
    Column("steps", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("published_at", UtcDateTime, nullable=False),
    Column("published_by", String(64), nullable=False, default=""),
    UniqueConstraint("definition_id", "number"),
)

instances = Table(
    "instances", metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False),
    Column("unit", String(200), nullable=False),
    Column("status", String(16), nullable=False),
    Column("state", Text, nullable=False),
    Column("state_format", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("started_by", String(64), nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime),
    Column("reason", Text, nullable=False, default=""),
    Column("last_seq", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
    # --- case identity (0007c) ---
    #: The registration number given at start (:mod:`engine.runtime.registration`).
    Column("registration", String(200), nullable=False, server_default=""),
    #: The applicant's name or the declared title field (masked when personal).
    Column("subject", String(200), nullable=False, server_default=""),
    #: The subject as lists show it (masked when its field is personal).
    Column("subject_masked", String(200), nullable=False, server_default=""),
    #: When the retention rule erased the case values (``alur kasus hapus-kedaluwarsa``).
    Column("erased_at", UtcDateTime),
    # --- parent/child instances (0011c): a call row's child instance (engine.runtime.structure) ---
    #: The instance whose call row started this one (NULL when a clerk started it).
    Column("parent_id", Integer),
    #: The SpiffWorkflow task of that call row, completed when this instance finishes.
    Column("parent_task", String(64), nullable=False, server_default=""),
    Index(None, "parent_id"),
    Index(None, "status"),
    Index(None, "version_id"),
    Index(None, "registration"),
)

work_items = Table(
    "work_items", metadata,
    Column("id", Integer, primary_key=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("task_id", String(36), nullable=False, unique=True),
    Column("sop_key", String(100), nullable=False),
    Column("step_id", String(200), nullable=False),
    Column("name", String(500), nullable=False),
    Column("jabatan", String(200), nullable=False),
    Column("unit", String(200), nullable=False),
    Column("trial", Boolean, nullable=False),
    Column("status", String(12), nullable=False),
    Column("ready_at", UtcDateTime, nullable=False),
    Column("due_at", UtcDateTime, nullable=False),
    Column("claimed_by", String(64)),
    Column("claimed_at", UtcDateTime),
    Column("completed_by", String(64)),
    Column("completed_at", UtcDateTime),
    Column("overdue_at", UtcDateTime),
    Index("ix_work_items_worklist", "status", "jabatan", "unit", "due_at", "id"),
    Index("ix_work_items_sla", "status", "overdue_at", "due_at"),
    Index(None, "instance_id", "status"),
)

timers = Table(
    "timers", metadata,
    Column("id", Integer, primary_key=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("task_id", String(36), nullable=False, unique=True),
    Column("event_id", String(200), nullable=False),
    Column("step_id", String(200), nullable=False, default=""),
    Column("escalation", Boolean, nullable=False),
    Column("status", String(12), nullable=False),
    Column("fire_at", UtcDateTime, nullable=False),
    Column("fired_at", UtcDateTime),
    Index(None, "status", "fire_at"),
    Index(None, "instance_id", "status"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("step", String(200), nullable=False),
    Column("item_id", Integer),
    Column("body", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("instance_id", "seq"),
)

# -- monitoring, ujicoba and evaluation (migration 0002m) ------------------------------------------
# work_items gains ``working_minutes`` (WorkCalendar time from ready to completed), ``kelengkapan_missing``
# ``keputusan`` (the clerk's Ya/Tidak) and ``visit`` (1 for the first run of the step in the instance, 2
# for its first repeat...), written when the item completes; instances gain
# ``working_minutes`` (the cycle time), written when the instance finishes.
work_items.append_column(Column("working_minutes", Float))
work_items.append_column(Column("kelengkapan_missing", Boolean))
work_items.append_column(Column("keputusan", String(8)))
work_items.append_column(Column("visit", Integer))
#: Covers the monitoring report's per-step pass and percentiles (sorted working minutes per step).
Index("ix_work_items_monitor", work_items.c.sop_key, work_items.c.trial, work_items.c.status, work_items.c.step_id,
      work_items.c.working_minutes, work_items.c.ready_at, work_items.c.visit, work_items.c.kelengkapan_missing,
      work_items.c.keputusan)
instances.append_column(Column("working_minutes", Float))

#: Per-step feedback of the clerk who completed a step of a trial (ujicoba) instance.
feedback = Table(
    "ujicoba_feedback", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("work_items.id"), nullable=False, unique=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False),
    Column("step_id", String(200), nullable=False),
    Column("username", String(64), nullable=False),
    Column("kemudahan", Integer, nullable=False),
    Column("kesesuaian", Integer, nullable=False),
    Column("ketepatan", Integer, nullable=False),
    Column("komentar", Text, nullable=False, default=""),
    Column("given_at", UtcDateTime, nullable=False),
    Index(None, "version_id", "step_id"),
)

#: Saved monitoring forms: every save is a new revision; earlier ones stay.
monitoring_forms = Table(
    "monitoring_forms", metadata,
    Column("id", Integer, primary_key=True),
    Column("definition_id", Integer, ForeignKey("definitions.id"), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("trial", Boolean, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("form", Text, nullable=False),
    Column("saved_by", String(64), nullable=False),
    Column("saved_at", UtcDateTime, nullable=False),
    UniqueConstraint("definition_id", "period_start", "period_end", "trial", "revision", name="uq_monitoring_forms_revision"),
    #: The units the form was filled for: sorted ids, comma-separated; "" for every unit (migration 0008s).
    Column("units", Text, nullable=False, default="", server_default=""),
)

#: Evaluations (seven questions + outcome); ``draft_version_id`` is the draft a "revisi" opened.
evaluations = Table(
    "evaluations", metadata,
    Column("id", Integer, primary_key=True),
    Column("definition_id", Integer, ForeignKey("definitions.id"), nullable=False),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False),
    Column("form", Text, nullable=False),
    Column("outcome", String(12), nullable=False),
    Column("draft_version_id", Integer, ForeignKey("versions.id")),
    Column("saved_by", String(64), nullable=False),
    Column("saved_at", UtcDateTime, nullable=False),
    Index(None, "definition_id"),
)

accounts = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(300), nullable=False),
    #: Space-separated roles: admin penyusun pengesah pelaksana pemantau.
    Column("roles", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False),
    #: SHA-256 of the token; the token itself is shown once and never stored.
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
)

sop_lifecycle = Table(
    "sop_lifecycle", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False, unique=True),
    Column("status", String(16), nullable=False),
    #: The working draft as an SOP sheet (YAML).
    Column("sheet", Text, nullable=False),
    Column("nama", String(300), nullable=False, default=""),
    Column("nomor", String(200), nullable=False, default=""),
    Column("unit", String(200), nullable=False, default=""),
    Column("updated_by", String(64), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    #: JSON list of {"status", "by", "at"}.
    Column("history", Text, nullable=False),
)

# --- runtime shapes (0004r) ---
#: How an instance runs: ``real``, ``ujicoba`` (a draft version on trial) or ``simulasi``; replaces ``trial``.
instances.append_column(Column("mode", String(12), nullable=False, server_default="real"))
#: Case data apart from SpiffWorkflow's state: the newest value of each process value (``data`` of
#: a start or completion form) per instance, with the step that set it. The history stays in the events.
case_values = Table(
    "case_values", metadata,
    Column("id", Integer, primary_key=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("name", String(64), nullable=False),
    #: The value as canonical JSON.
    Column("value", Text, nullable=False),
    Column("step", String(200), nullable=False),
    Column("set_at", UtcDateTime, nullable=False),
    UniqueConstraint("instance_id", "name"),
    Index(None, "name"),
)

# --- organisation (0004a) ---
# Units (Pemda > OPD > unit) and the jabatan of each unit, with ids the access policy compares; a
# holding gains ``unit_id``/``jabatan_id`` (filled from its strings on first use, see
# :mod:`engine.access.organisation`). The strings stay: work items and instances still name their unit.
org_units = Table(
    "org_units", metadata,
    Column("id", Integer, primary_key=True),
    #: The unit's text as SOPs, holdings and instances name it today.
    Column("code", String(200), nullable=False, unique=True),
    Column("name", String(300), nullable=False, default=""),
    Column("parent_id", Integer, ForeignKey("org_units.id")),
    #: ``pemda``, ``opd`` or ``unit``.
    Column("kind", String(8), nullable=False, default="unit"),
)

org_jabatan = Table(
    "org_jabatan", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("org_units.id"), nullable=False),
    #: The jabatan's text as SOP lanes name it.
    Column("code", String(200), nullable=False),
    Column("name", String(300), nullable=False, default=""),
    UniqueConstraint("unit_id", "code"),
)

# --- routing, calendars and links (0010r) ---
#: Organisation ids of the unit and jabatan texts, filled by ``alur org tautkan`` (engine.access.linking).
instances.append_column(Column("unit_id", Integer))
work_items.append_column(Column("unit_id", Integer))
work_items.append_column(Column("jabatan_id", Integer))
#: A working calendar (engine.sop.worktime) per unit; unit "" is the deployment's own.
work_calendars = Table(
    "work_calendars", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit", String(200), nullable=False, unique=True),
    #: The calendar as canonical JSON (:func:`engine.runtime.calendars.calendar_spec`).
    Column("spec", Text, nullable=False),
    Column("imported_at", UtcDateTime, nullable=False),
    Column("imported_by", String(64), nullable=False),
)

holdings.append_column(Column("unit_id", Integer, ForeignKey("org_units.id")))
holdings.append_column(Column("jabatan_id", Integer, ForeignKey("org_jabatan.id")))

# --- sessions and throttling (0004s) ---

account_sessions = Table(
    "account_sessions", metadata,
    Column("username", String(64), primary_key=True),
    #: Raised by logout, a password change and disabling: every session cookie and API token that
    #: carries an older version is refused.
    Column("version", Integer, nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
)

login_failures = Table(
    "login_failures", metadata,
    #: ``account:<sha256 of the name>``, ``address:<sha256 of the client address>`` or ``pair:<both>``:
    #: fixed size whatever the client sends.
    Column("key", String(80), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_at", UtcDateTime, nullable=False),
    Index(None, "last_at"),
)

# --- lifecycle roles (0004l) ---
#: One drafting round of an SOP, from opening the draft to approval: who verified and approved it.
lifecycle_rounds = Table(
    "lifecycle_rounds", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("opened_by", String(64), nullable=False),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("verified_by", String(64)),
    Column("verified_at", UtcDateTime),
    Column("approved_by", String(64)),
    Column("approved_at", UtcDateTime),
    #: The approved version this round became.
    Column("version", Integer),
    Index(None, "key"),
)

#: Who did what to an SOP and why (append-only): save, submit, accept, return, trial, approve, revise...
lifecycle_events = Table(
    "lifecycle_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("round_id", Integer, ForeignKey("lifecycle_rounds.id")),
    Column("action", String(20), nullable=False),
    #: The status after the action.
    Column("status", String(16), nullable=False),
    Column("username", String(64), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("version", Integer),
    Index(None, "key", "id"),
)

#: Notes per row of a return (verifikasi or pengesahan); ``step_id`` "" is about the whole SOP.
lifecycle_notes = Table(
    "lifecycle_notes", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("lifecycle_events.id"), nullable=False),
    Column("step_id", String(200), nullable=False),
    Column("note", Text, nullable=False),
    Index(None, "event_id"),
)

#: The answer to one overlap finding in a round: ``bukan`` (not an overlap), ``digabung`` (merged), ``diterima``.
overlap_answers = Table(
    "overlap_answers", metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("lifecycle_rounds.id"), nullable=False),
    Column("finding", String(500), nullable=False),
    Column("answer", String(12), nullable=False),
    Column("reason", Text, nullable=False),
    Column("answered_by", String(64), nullable=False),
    Column("answered_at", UtcDateTime, nullable=False),
    UniqueConstraint("round_id", "finding", name="uq_overlap_answers_finding"),
)

#: A request to revise an SOP (from an evaluation's "revisi"), for the owner unit's penyusun.
revision_requests = Table(
    "revision_requests", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("evaluation_id", Integer, ForeignKey("evaluations.id")),
    Column("unit", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("requested_by", String(64), nullable=False),
    Column("requested_at", UtcDateTime, nullable=False),
    #: ``terbuka`` (open) or ``ditindaklanjuti`` (a revisi was started).
    Column("status", String(16), nullable=False),
    Column("closed_by", String(64)),
    Column("closed_at", UtcDateTime),
    Index(None, "key", "status"),
)

# --- elapsed kinds (0004p) ---
# work_items gains ``calendar_minutes``: the minutes on the clock (nights and days off included) from
# ready to completed, written beside ``working_minutes`` when the item completes, so a step whose
# WAKTU counts calendar days or 24-hour clock time ("14 hari kalender", "1 x 24 jam") is measured in
# its own kind.
work_items.append_column(Column("calendar_minutes", Float))

# --- notifications (0007n) ---
# A user gains an optional ``email``, ``phone`` and ``language`` (``id``/``en``; empty: Indonesian),
# the contacts notifications are sent to (see :mod:`engine.notify`).
users.append_column(Column("email", String(254), nullable=False, server_default=""))
users.append_column(Column("phone", String(20), nullable=False, server_default=""))
users.append_column(Column("language", String(2), nullable=False, server_default=""))

#: Messages to send, written in the same transaction as the change that causes them and sent by
#: ``alur worker``. A row is never deleted: ``pending`` until sent (``sent``) or out of attempts (``failed``).
outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True),
    #: ``<kind>:<item id>:<channel>:<username>``: one message per item, recipient and channel, ever.
    Column("dedupe_key", String(200), nullable=False, unique=True),
    #: ``ready`` (the item waits for the recipient's jabatan), ``overdue`` or ``monitoring``.
    Column("kind", String(12), nullable=False),
    #: Empty for a message about no work item (kind ``monitoring``: an SOP's monitoring is due; 0011m).
    Column("item_id", Integer, ForeignKey("work_items.id"), nullable=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=True),
    Column("username", String(64), nullable=False),
    #: The channel's name (``email``, ``webhook``) and the address it sends to (e-mail address, phone).
    Column("channel", String(16), nullable=False),
    Column("address", String(254), nullable=False),
    Column("subject", String(300), nullable=False),
    Column("body", Text, nullable=False),
    #: JSON facts of the message (SOP, step, case, due time) for channels that send data (the webhook).
    Column("facts", Text, nullable=False),
    Column("status", String(8), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("sent_at", UtcDateTime),
    Column("last_error", Text, nullable=False, server_default=""),
    Index(None, "status", "next_attempt_at"),
    Index(None, "item_id"),
)

# --- case data: registration, personal data (0007c) ---
registration_counters = Table(
    "registration_counters", metadata,
    Column("definition_id", Integer, ForeignKey("definitions.id"), primary_key=True),
    Column("year", Integer, primary_key=True),
    #: Trials (ujicoba, simulasi) count apart, so they never use up real numbers.
    Column("trial", Boolean, primary_key=True),
    Column("last", Integer, nullable=False),
)

case_registrations = Table(
    "case_registrations", metadata,
    Column("instance_id", Integer, ForeignKey("instances.id"), primary_key=True),
    Column("definition_id", Integer, ForeignKey("definitions.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("trial", Boolean, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("number", String(200), nullable=False),
    UniqueConstraint("definition_id", "year", "trial", "seq"),
    UniqueConstraint("definition_id", "trial", "number"),
)

case_salts = Table(
    "case_salts", metadata,
    Column("instance_id", Integer, ForeignKey("instances.id"), primary_key=True),
    #: Random per instance: the digests of personal values in events cannot be guessed without it.
    Column("salt", String(64), nullable=False),
)

# --- documents of a case (0007d) ---
#: A document (kelengkapan scan, the signed letter) attached to a work item; the file itself lives in
#: the storage folder under its SHA-256 (:mod:`engine.runtime.documents`), events carry the hash.
case_documents = Table(
    "case_documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    #: The work item; NULL for a document handed in with the start form (the start step has no item).
    Column("item_id", Integer, ForeignKey("work_items.id")),
    Column("step_id", String(200), nullable=False),
    #: The kelengkapan item; "" for the step's output document.
    Column("requirement", Text, nullable=False),
    Column("output", Boolean, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("media_type", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("attached_by", String(64), nullable=False),
    Column("attached_at", UtcDateTime, nullable=False),
    Index(None, "instance_id", "sha256"),
    Index(None, "item_id"),
    Index(None, "sha256"),
)

#: Who read what personal or case material (a document download, an unmasked view): append-only.
#: Shared with the case-data migration (0007c), which creates the same table.
access_log = Table(
    "access_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("account", String(64), nullable=False),
    #: What was done: "lihat" (an unmasked view), "unduh" (a document download) ...
    Column("action", String(32), nullable=False),
    Column("instance_id", Integer),
    Column("detail", Text, nullable=False, server_default=""),
    Index(None, "instance_id"),
    Index(None, "at"),
)

# --- governance: organisation as data, dated holdings, acting officials, the admin log (0008o) ---
# A jabatan may be its unit's head (``kepala``: who "atasan" resolves to). A holding counts from
# ``starts_at`` (inclusive) until ``ends_at`` (exclusive); ``NULL`` is open on that side, so the
# holdings made before dates existed count always. Both are instants: the first moment of the day
# in the deployment's zone.
org_jabatan.append_column(Column("kepala", Boolean, nullable=False, server_default="0"))
holdings.append_column(Column("starts_at", UtcDateTime))
holdings.append_column(Column("ends_at", UtcDateTime))

#: A Plh/Plt assignment: while active the policy and the runtime treat the person as a holder of the jabatan.
acting_assignments = Table(
    "acting_assignments", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("unit_id", Integer, ForeignKey("org_units.id"), nullable=False),
    Column("jabatan_id", Integer, ForeignKey("org_jabatan.id"), nullable=False),
    #: ``plh`` (pelaksana harian) or ``plt`` (pelaksana tugas).
    Column("kind", String(3), nullable=False),
    Column("sk_number", String(200), nullable=False),
    Column("starts_at", UtcDateTime, nullable=False),
    Column("ends_at", UtcDateTime),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index(None, "user_id"),
    Index(None, "unit_id", "jabatan_id"),
)

#: Every administrative change (append-only): who, when, what, on what, why.
admin_log = Table(
    "admin_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    #: ``import``, ``holding_add``, ``holding_end``, ``mutasi``, ``acting_add``, ``acting_end``, ``disable``...
    Column("action", String(20), nullable=False),
    #: What it was done to: a user name, a unit code.
    Column("target", String(200), nullable=False),
    #: JSON facts of the change.
    Column("detail", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Index(None, "target"),
)

# --- the seed's stages 1-3: the Tim penyusun, pembekalan, the daftar inventarisasi (0011i) ---
#: The Tim penyusun SOP of a Pemda or an OPD (``unit_id``), set up by an SK (Permendagri 52/2011 stage 1).
sop_teams = Table(
    "sop_teams", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("org_units.id"), nullable=False),
    Column("name", String(300), nullable=False),
    Column("sk_number", String(200), nullable=False),
    Column("sk_date", Date, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("unit_id"),
)

#: A member of a Tim: its role (ketua, koordinator, sekretaris, anggota) and the SKPD it drafts for.
#: A member who left keeps the row with ``ended_at`` (who was in the Tim when stays readable).
sop_team_members = Table(
    "sop_team_members", metadata,
    Column("id", Integer, primary_key=True),
    Column("team_id", Integer, ForeignKey("sop_teams.id"), nullable=False),
    Column("username", String(64), nullable=False),
    Column("role", String(16), nullable=False),
    Column("unit_id", Integer, ForeignKey("org_units.id"), nullable=False),
    Column("added_by", String(64), nullable=False),
    Column("added_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime),
    Index(None, "username"),
    Index(None, "team_id"),
)

#: A pembekalan (briefing or training of the Tim): when, on what, who attended (JSON list of user names).
sop_team_briefings = Table(
    "sop_team_briefings", metadata,
    Column("id", Integer, primary_key=True),
    Column("team_id", Integer, ForeignKey("sop_teams.id"), nullable=False),
    Column("held_on", Date, nullable=False),
    Column("topic", Text, nullable=False),
    Column("attendees", Text, nullable=False),
    Column("recorded_by", String(64), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Index(None, "team_id"),
)

#: The Kepala Daerah's decision fixing the names and numbers of a set of inventarisasi entries.
sop_inventory_decisions = Table(
    "sop_inventory_decisions", metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(200), nullable=False),
    Column("decided_on", Date, nullable=False),
    Column("recorded_by", String(64), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
)

#: One row of the daftar inventarisasi: an SOP that is needed (title and unit are enough), the
#: seed's criteria as a checklist, analysis notes, its number (fixed by a decision) and the SOP it became.
sop_inventory = Table(
    "sop_inventory", metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("org_units.id"), nullable=False),
    Column("title", String(300), nullable=False),
    Column("routine", Boolean, nullable=False, server_default="0"),
    Column("clear_stages", Boolean, nullable=False, server_default="0"),
    Column("clear_output", Boolean, nullable=False, server_default="0"),
    Column("several_parties", Boolean, nullable=False, server_default="0"),
    Column("analysis", Text, nullable=False, server_default=""),
    Column("number", String(200), nullable=False, server_default=""),
    Column("decision_id", Integer, ForeignKey("sop_inventory_decisions.id")),
    #: The register key of the SOP written from this entry (``sop_lifecycle.key``), once writing starts.
    Column("sop_key", String(100)),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_by", String(64), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index(None, "unit_id"),
    UniqueConstraint("sop_key"),
)

# --- sosialisasi, distribution, per-SOP assignments and pelatihan (0011k) ---
#: The sosialisasi plan of one approved SOP version (Permendagri 52/2011 Lampiran I, stages 6-7):
#: schedule, officials, targets, what is told and how its use is monitored. Saving again replaces it.
sosialisasi_plans = Table(
    "sosialisasi_plans", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("version", Integer, nullable=False),
    Column("jadwal_mulai", Date, nullable=False),
    Column("jadwal_selesai", Date),
    Column("tempat", Text, nullable=False, default=""),
    #: The officials who give the sosialisasi.
    Column("pejabat", Text, nullable=False),
    #: Who must apply the SOP (the target).
    Column("sasaran", Text, nullable=False),
    #: The information given to the target.
    Column("materi", Text, nullable=False, default=""),
    #: How its use is monitored.
    Column("pemantauan", Text, nullable=False),
    Column("saved_by", String(64), nullable=False),
    Column("saved_at", UtcDateTime, nullable=False),
    UniqueConstraint("key", "version"),
)

#: One copy of an SOP version handed to one person (a holder of its jabatan, or a unit's staff), and
#: their tanda terima (``acknowledged_at``: NULL until they acknowledge it).
sop_distributions = Table(
    "sop_distributions", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("version", Integer, nullable=False),
    Column("username", String(64), nullable=False),
    #: The unit and jabatan they were given it for ("" jabatan: as staff of the unit).
    Column("unit", String(200), nullable=False),
    Column("jabatan", String(200), nullable=False),
    Column("distributed_by", String(64), nullable=False),
    Column("distributed_at", UtcDateTime, nullable=False),
    Column("acknowledged_at", UtcDateTime),
    UniqueConstraint("key", "version", "username"),
    Index(None, "username", "acknowledged_at"),
)

#: A person named penanggung jawab or pemantau of one SOP (every version); ``ended_at`` set when lifted.
sop_assignments = Table(
    "sop_assignments", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("username", String(64), nullable=False),
    #: ``penanggung_jawab`` or ``pemantau``.
    Column("role", String(20), nullable=False),
    Column("assigned_by", String(64), nullable=False),
    Column("assigned_at", UtcDateTime, nullable=False),
    Column("ended_by", String(64)),
    Column("ended_at", UtcDateTime),
    Index(None, "username", "role"),
    Index(None, "key"),
)

#: A pelatihan pemahaman session (stage 8): rapat, bimtek, pendampingan or simulasi.
pelatihan_sessions = Table(
    "pelatihan_sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("version", Integer, nullable=False),
    Column("held_on", Date, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("recorded_by", String(64), nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Index(None, "key"),
)

pelatihan_attendees = Table(
    "pelatihan_attendees", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("pelatihan_sessions.id"), nullable=False),
    Column("username", String(64), nullable=False),
    UniqueConstraint("session_id", "username"),
)

#: A stage record a step's completion wrote (engine.lifecycle.step_records): which case and step made it.
step_records = Table(
    "step_records", metadata,
    Column("id", Integer, primary_key=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("registration", String(200), nullable=False, default=""),
    Column("step_id", String(200), nullable=False),
    #: The step's KEGIATAN when it was completed (what the record's page names).
    Column("step_name", Text, nullable=False, default=""),
    Column("kind", String(32), nullable=False),
    #: The record: its id, or ``key:version`` for a sosialisasi plan or distribution.
    Column("ref", String(200), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index(None, "kind", "ref"),
    Index(None, "instance_id"),
)

# -- events (engine.runtime.events): messages an instance waits for, and the deliveries seen --------
#: One row per WAITING message catch task: which message, and the digest of its correlation value.
message_waits = Table(
    "message_waits", metadata,
    Column("id", Integer, primary_key=True),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("task_id", String(36), nullable=False, unique=True),
    Column("event_id", String(200), nullable=False),
    Column("step_id", String(200), nullable=False),
    Column("message", String(100), nullable=False),
    #: sha256 of the message name and the correlation value (the case field's value is personal data).
    Column("correlation", String(64), nullable=False),
    #: ``waiting``, ``delivered`` or ``cancelled``.
    Column("status", String(12), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("delivered_at", UtcDateTime),
    Index(None, "message", "correlation", "status"),
    Index(None, "instance_id", "status"),
)

#: Every delivered message by its dedupe key: a second delivery with the same key changes nothing.
message_deliveries = Table(
    "message_deliveries", metadata,
    Column("id", Integer, primary_key=True),
    Column("message", String(100), nullable=False),
    Column("dedupe_key", String(64), nullable=False),
    Column("instance_id", Integer, ForeignKey("instances.id"), nullable=False),
    Column("delivered_at", UtcDateTime, nullable=False),
    Column("delivered_by", String(64), nullable=False),
    UniqueConstraint("message", "dedupe_key"),
)

# --- the drawing view's layout (0011d) ---
#: The BPMN DI the modeler set in the drawing view (JSON: shape bounds and edge waypoints by element
#: id); saving from the table keeps it, so positions set in the drawing survive. Empty: generated.
sop_lifecycle.append_column(Column("layout", Text, nullable=False, server_default=""))

# --- verification records (0014v) ---
#: Stage 5's catatan hasil verifikasi of an SOP draft of the register (engine.lifecycle.verifikasi): the
#: result, notes, who verified and when; the lifecycle status the draft had then.
sop_verifications = Table(
    "sop_verifications", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(100), nullable=False),
    Column("sop_status", String(16), nullable=False),
    #: ``lolos`` or ``tidak_lolos``.
    Column("result", String(16), nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("verified_by", String(64), nullable=False),
    Column("verified_at", UtcDateTime, nullable=False),
    Index(None, "key"),
)

# --- jabatan a Tim membership grants (0015t) ---
#: The Tim membership (``sop_team_members.id``) that made this holding (engine.lifecycle.tim: a member holds
#: the Tim's lane jabatan); ``None`` for a holding an admin, an import or ``alur user add`` made. Ending the
#: membership ends only the holdings it made. No foreign key: SQLite adds a plain column in place, and a
#: batch copy of holdings would break the keys other tables have on its neighbours.
holdings.append_column(Column("tim_member_id", Integer))
Index(None, holdings.c.tim_member_id)
