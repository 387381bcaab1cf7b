"""THE access policy: what an account may see and do, decided over the organisation's ids.

The web UI, the API and the CLI ask these functions; none of them compares roles, units or jabatan
itself (a test reads the web UI package and fails when it does). Routes still declare the roles that may call
them (the web UI's ``allow`` declarations); everything that depends on *which* unit, jabatan or item is here.

Work items (``action``)::

    open      admin; whoever claimed or completed it; a holder of its jabatan in its unit
    claim     a holder of its jabatan in its unit
    complete  whoever claimed it; a holder of its jabatan in its unit
    release   whoever claimed it

(the runtime still refuses a claim taken by someone else, a finished step and the like: state, not
access). Units: admin and a pemantau without any jabatan (Inspektorat-wide) see every unit; a
pemantau holding a jabatan in an OPD (or the Pemda) that unit and those below it; anyone else the
units where they hold a jabatan (:func:`monitor_units`). SOPs: see :data:`SOP_ACTIONS`.

Cases spanning units (routing rules send steps to other units): an instance is seen by whoever sees
its own unit or the unit of one of its work items (:func:`instance_units`). Running work is
administered (suspend, resume, cancel, retry; release and reassign claims) by admin and by the role
``supervisor`` in the units it holds a jabatan in and those below an OPD it holds one in
(:func:`supervised_units`): an instance by its own unit's supervisor, an item by its unit's.

Monitoring (reports, forms, exports, ujicoba, evaluations, conformance) is read per SOP over the units
:func:`monitor_scope` gives: those units (the ``org_units`` parent chain for an OPD's pemantau) among
the SOP's own (its owner unit, the units its instances ran in). An SOP none of whose units is among
them is refused, not shown empty.

"Holds" means today: a holding counts inside its dates (from/to), and an acting official (Plh/Plt)
holds the jabatan they act for while the assignment runs. Administration of the organisation: see
:func:`admin_unit_ids` (``admin`` everywhere, ``admin_opd`` inside its OPD).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, select

from engine.access.accounts import Account
from engine.access.organisation import Holding, place_of, unit_id, units_of_person
from engine.bpmn.reader import read_bpmn
from engine.errors import AccessDeniedError
from engine.lifecycle.pelatihan import PelatihanSession, record_session, sessions_of
from engine.lifecycle.sosialisasi import (Assignment, Coverage, Distribution, SosialisasiPlan, approved_version,
                                          assign, assigned_keys, assignments_of, coverage, distribute, distributions_of, plan_of,
                                          save_plan, unassign)
from engine.runtime.documents import CaseDocument
from engine.runtime.casefile import CaseFile, instance_jabatan, log_access
from engine.runtime.administration import OverdueGroup, administered_instances, item_holders, open_items, overdue_groups
from engine.runtime.events import MessageDelivery
from engine.runtime.facade import Runtime
from engine.runtime.work import Instance, WorkItem
from engine.store.models import (accounts, definitions, holdings, instances, org_jabatan, org_units, sop_team_members,
                                 versions, work_items)

ITEM_ACTIONS = ("open", "claim", "complete", "release")
#: ``action -> (roles that may, lifecycle statuses it applies in)`` for SOPs (admin always may).
SOP_ACTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "change": (("penyusun",), ("draft", "verifikasi", "ujicoba", "revisi")),  # lifecycle.EDITABLE
    "submit": (("penyusun",), ("draft", "revisi")),
    "trial": (("penyusun",), ("verifikasi",)),
    "approve": (("pengesah",), ("verifikasi", "ujicoba")),
    "revise": (("penyusun",), ("disahkan",)),
}
#: Roles that read monitoring reports, forms and evaluations (routes narrow it further).
MONITOR_ROLES = ("pemantau", "penyusun", "pengesah")


def require(account: Any) -> Account:
    """``account`` itself; listing and reading functions call this first.

    :raises TypeError: not an :class:`~engine.access.accounts.Account` (a reader needs to know who asks).
    """
    if not isinstance(account, Account):
        raise TypeError(f"an Account is required, not {type(account).__name__}")
    return account


def visible_unit_ids(account: Account) -> frozenset[int] | None:
    """Ids of the units whose instances, items and monitoring data ``account`` sees (``None``: every unit)."""
    require(account)
    return None if account.sees_every_unit else account.unit_ids


def sees_unit(connection: Connection, account: Account, unit: str) -> bool:
    """True when ``account`` may see the data of the unit ``unit`` names (its instances: see :func:`monitor_units`)."""
    visible = monitor_units(connection, account)
    if visible is None:
        return True
    found = unit_id(connection, unit)
    return found is not None and found in visible


def _holds(account: Account, place: tuple[int | None, int | None]) -> bool:
    unit, jabatan = place
    return unit is not None and jabatan is not None and any(
        held.unit_id == unit and held.jabatan_id == jabatan for held in account.holdings)


def may_item(connection: Connection, account: Account, item: WorkItem, action: str,
             places: dict[tuple[str, str], tuple[int | None, int | None]] | None = None) -> bool:
    """True when ``account`` may ``action`` (one of :data:`ITEM_ACTIONS`) the work item ``item``.

    :param places: ``(unit, jabatan) -> ids`` already looked up in this transaction (filled here), so a
        list asking every action of every item looks each place up once.
    """
    require(account)
    if action not in ITEM_ACTIONS:
        raise ValueError(f"unknown work-item action {action!r}")
    mine = item.claimed_by == account.username
    if action == "release":
        return mine
    if action == "open" and ("admin" in account.roles or mine or item.completed_by == account.username):
        return True
    if action == "complete" and mine:
        return True
    if item.jabatan_id is not None:  # the SOP's column names an organisation jabatan: match by its id
        return any(held.jabatan_id == item.jabatan_id for held in account.holdings)
    if places is None:
        return _holds(account, place_of(connection, item.unit, item.jabatan))
    if (item.unit, item.jabatan) not in places:
        places[item.unit, item.jabatan] = place_of(connection, item.unit, item.jabatan)
    return _holds(account, places[item.unit, item.jabatan])


def item_actions(runtime: Runtime, account: Account, items: Sequence[WorkItem]) -> dict[int, frozenset[str]]:
    """``item id -> actions`` ``account`` may take on each of ``items`` (for the buttons of a list)."""
    places: dict[tuple[str, str], tuple[int | None, int | None]] = {}
    with runtime.db.read() as connection:
        return {item.id: frozenset(action for action in ITEM_ACTIONS
                                   if may_item(connection, account, item, action, places))
                for item in items}


def item_for(runtime: Runtime, account: Account, item_id: int, action: str = "open") -> WorkItem:
    """The work item, when ``account`` may ``action`` it.

    :raises NotFoundError: no such work item.
    :raises AccessDeniedError: not for this account.
    """
    item = runtime.item(item_id)
    with runtime.db.read() as connection:
        allowed = may_item(connection, account, item, action)
    if not allowed:
        code = "access_not_claimed_by_you" if action == "release" else "access_not_your_task"
        raise AccessDeniedError.from_code(code, item=item_id, jabatan=item.jabatan, unit=item.unit)
    return item


def instance_units(connection: Connection, instance_id: int, owner: str) -> list[str]:
    """The units a case spans: its own (``owner``) and those holding one of its work items (routing rules
    send steps to other units), owner first."""
    held = connection.execute(select(work_items.c.unit).distinct().where(work_items.c.instance_id == instance_id)
                              .order_by(work_items.c.unit)).scalars()
    return list(dict.fromkeys([owner, *(str(unit) for unit in held)]))


def check_instance(connection: Connection, account: Account, instance: Instance) -> Instance:
    """``instance`` when ``account`` sees its unit or the unit of one of its work items.

    :raises AccessDeniedError: the case spans no unit the account sees.
    """
    if _assigned(connection, account, instance.key, "penanggung_jawab"):
        return instance  # the SOP's penanggung jawab sees its cases, in whichever unit they run
    if not any(sees_unit(connection, account, unit) for unit in instance_units(connection, instance.id, instance.unit)):
        raise AccessDeniedError.from_code("access_not_your_unit", instance=instance.id)
    return instance


def instance_for(runtime: Runtime, account: Account, instance_id: int) -> Instance:
    """The instance, when ``account`` sees its unit.

    :raises NotFoundError: no such instance.
    :raises AccessDeniedError: outside the account's units.
    """
    found = runtime.instance(instance_id)
    with runtime.db.read() as connection:
        return check_instance(connection, account, found)


def document_for(runtime: Runtime, account: Account, instance_id: int, sha256: str) -> tuple[CaseDocument, bytes]:
    """A document attached to the instance and its content, when ``account`` sees the instance;
    each download is written to ``access_log`` (action ``unduh``).

    :raises NotFoundError: no such instance, or no such document attached to it.
    :raises AccessDeniedError: the instance runs in a unit the account does not see (nothing is logged).
    :raises StoreError: the file no longer matches its hash.
    """
    instance = instance_for(runtime, account, instance_id)
    return runtime.open_document(instance.id, sha256, account.username)


def start_holdings(connection: Connection, account: Account, pelaksana: str, code: str = "") -> list[Holding]:
    """The holdings of ``account`` from which it may start an SOP whose first step belongs to ``pelaksana``.

    :param code: the organisation jabatan code the column names (``Sop.actor_jabatan``): a holding of
        the jabatan with that code counts (whatever it is called); in a unit without one, the name does.
    """
    require(account)
    # the jabatan ids of every holding's unit, for the code and the name, in one statement
    units = sorted({held.unit_id for held in account.holdings if held.unit_id is not None})
    codes = sorted({name for name in (code.strip(), pelaksana) if name})
    ids = {(int(row.unit_id), str(row.code)): int(row.id) for row in connection.execute(
        select(org_jabatan.c.unit_id, org_jabatan.c.code, org_jabatan.c.id)
        .where(org_jabatan.c.unit_id.in_(units), org_jabatan.c.code.in_(codes)))} if units and codes else {}
    found = []
    for held in account.holdings:
        by_code = ids.get((held.unit_id, code.strip())) if code.strip() and held.unit_id is not None else None
        by_name = ids.get((held.unit_id, pelaksana)) if held.unit_id is not None else None
        if held.jabatan_id == (by_code if by_code is not None else by_name):
            found.append(held)
    return found


def may_sop(account: Account, action: str, status: str | None = None) -> bool:
    """True when ``account`` may ``action`` an SOP (see :data:`SOP_ACTIONS`) in lifecycle ``status``.

    Without ``status`` only the role is asked (the route's own question).
    """
    require(account)
    roles, statuses = SOP_ACTIONS[action]
    return account.has(*roles) and (status is None or status in statuses)


def sop_actions(account: Account, status: str) -> frozenset[str]:
    """The lifecycle actions ``account`` may take on an SOP in ``status`` (for its buttons)."""
    return frozenset(action for action in SOP_ACTIONS if may_sop(account, action, status))


def check_sop_action(account: Account, action: str) -> None:
    """:raises AccessDeniedError: ``account`` may not ``action`` SOPs."""
    if not may_sop(account, action):
        raise AccessDeniedError.from_code("access_sop_action", action=action)


def may_monitor(account: Account) -> bool:
    """True when ``account`` reads monitoring data (report, forms, ujicoba, evaluations)."""
    return require(account).has(*MONITOR_ROLES)


def check_monitor(account: Account) -> None:
    """:raises AccessDeniedError: ``account`` does not read monitoring data."""
    if not may_monitor(account):
        raise AccessDeniedError.from_code("access_monitoring")


#: Roles that look pegawai up by NIP while typing a case (the clerks, and who administers them).
EMPLOYEE_LOOKUP_ROLES = ("pelaksana", "admin", "admin_opd")


def check_employee_lookup(account: Account) -> None:
    """:raises AccessDeniedError: ``account`` may not look pegawai up by NIP (:mod:`engine.access.directory`)."""
    require(account)
    if not set(account.roles) & set(EMPLOYEE_LOOKUP_ROLES):
        raise AccessDeniedError.from_code("access_employee_lookup")


def may_unmask(connection: Connection, account: Account, instance: Instance) -> bool:
    """True when ``account`` may see the personal values of ``instance`` unmasked (UU 27/2022).

    Admin may; so may a holder, in the instance's unit, of a jabatan (pelaksana) of the SOP version
    the instance runs, who works the case. A pemantau (monitoring) sees masks.
    """
    require(account)
    if "admin" in account.roles:
        return True
    names = instance_jabatan(connection, instance.id)  # read once, not again for every unit
    return any(_holds(account, place_of(connection, unit, name))
               for unit in instance_units(connection, instance.id, instance.unit)
               for name in names)


def case_file_for(runtime: Runtime, account: Account, instance_id: int, unmask: bool = False) -> CaseFile:
    """The case file of an instance ``account`` sees; unmasked only when asked and :func:`may_unmask`
    (its :attr:`~engine.runtime.casefile.CaseFile.may_unmask` says whether asking would unmask).

    Every unmasked view writes an ``access_log`` row (action ``lihat``) in the same transaction.

    :raises NotFoundError: no such instance.
    :raises AccessDeniedError: outside the account's units.
    """
    instance = instance_for(runtime, account, instance_id)
    if not unmask:
        with runtime.db.read() as connection:
            allowed = may_unmask(connection, account, instance)
        return replace(runtime.case_file(instance_id), may_unmask=allowed)
    with runtime.db.write() as connection:
        allowed = may_unmask(connection, account, instance)
        if allowed:
            log_access(connection, runtime.clock.now(), account.username, "lihat", instance_id,
                       f"berkas kasus {instance.registration}".strip())
    return replace(runtime.case_file(instance_id, unmask=allowed), may_unmask=allowed)


#: Kinds of unit whose pemantau audits every unit below it (an OPD's, or the Pemda's, Inspektorat).
_AUDITED_BELOW = ("opd", "pemda")


def monitor_units(connection: Connection, account: Account) -> frozenset[int] | None:
    """Ids of the units whose instances and monitoring data ``account`` reads (``None``: every unit).

    A pemantau holding a jabatan in an OPD (or the Pemda) reads that unit and every unit below it;
    anyone else the units where they hold a jabatan.
    """
    visible = visible_unit_ids(account)
    if visible is None or "pemantau" not in account.roles or not visible:
        return visible
    return _with_units_below(connection, visible)


def _with_units_below(connection: Connection, visible: frozenset[int]) -> frozenset[int]:
    """``visible`` and, for each OPD (or the Pemda) among them, every unit below it."""
    rows = connection.execute(select(org_units.c.id, org_units.c.parent_id, org_units.c.kind)).all()
    children: dict[int, list[int]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(int(row.parent_id), []).append(int(row.id))
    found = set(visible)
    waiting = [int(row.id) for row in rows if int(row.id) in visible and row.kind in _AUDITED_BELOW]
    while waiting:  # the tree's own ids: a cycle in bad data stops at units already found
        for child in children.get(waiting.pop(), ()):
            if child not in found:
                found.add(child)
                waiting.append(child)
    return frozenset(found)


def sop_unit_ids(connection: Connection, key: str) -> frozenset[int]:
    """Ids of the units of SOP ``key``: its owner unit (the newest version's identity) and the units its
    instances ran in (units nobody holds a jabatan in have no id and are left out).

    :raises NotFoundError: no such SOP.
    """
    from engine.runtime.versions import definition_id

    found = definition_id(connection, key)
    names = {str(unit) for unit in connection.execute(
        select(instances.c.unit).distinct().join(versions, versions.c.id == instances.c.version_id)
        .where(versions.c.definition_id == found)).scalars()}
    newest = connection.execute(select(versions.c.bpmn).where(versions.c.definition_id == found)
                                .order_by(versions.c.number.desc()).limit(1)).scalar()
    if newest is not None:
        names.add(read_bpmn(bytes(newest)).sop.identity.unit)
    from engine.access.organisation import unit_ids

    return frozenset(unit_ids(connection, names).values())


def monitor_scope(connection: Connection, account: Account, key: str) -> frozenset[int] | None:
    """The units of SOP ``key`` whose monitoring data ``account`` reads (``None``: every unit): what
    every monitoring query of the SOP is narrowed to. A person assigned pemantau of the SOP
    (:func:`engine.lifecycle.sosialisasi.assign`) reads it in every unit.

    :raises AccessDeniedError: ``account`` reads no monitoring data, or none of the SOP's units.
    :raises NotFoundError: no such SOP.
    """
    if _assigned(connection, account, key, "pemantau"):
        sop_unit_ids(connection, key)  # an unknown SOP is still a 404
        return None  # the SOP's own pemantau reads its monitoring in every unit
    check_monitor(account)
    visible = monitor_units(connection, account)
    if visible is None:
        sop_unit_ids(connection, key)  # an unknown SOP is still a 404
        return None
    mine = sop_unit_ids(connection, key) & visible
    if not mine:
        raise AccessDeniedError.from_code("access_not_your_sop_unit", sop=key)
    return mine


def monitored_keys(connection: Connection, account: Account, owners: dict[str, str]) -> frozenset[str] | None:
    """Of the SOPs ``owners`` (``key -> owner unit``), those whose monitoring data ``account`` reads
    (``None``: every one): owned by, or run in, one of its units (as :func:`monitor_scope` decides)."""
    check_monitor(account)
    visible = monitor_units(connection, account)
    if visible is None:
        return None
    codes = set(connection.execute(select(org_units.c.code).where(org_units.c.id.in_(sorted(visible)))).scalars())
    ran = set(connection.execute(
        select(definitions.c.key).distinct().join(versions, versions.c.definition_id == definitions.c.id)
        .join(instances, instances.c.version_id == versions.c.id).where(instances.c.unit.in_(sorted(codes))))
        .scalars())
    assigned = assigned_keys(connection, account.username, "pemantau")
    return frozenset(key for key, unit in owners.items() if unit in codes or key in ran or key in assigned)
# -- administration of the organisation ------------------------------------------------------------
# ``admin`` administers everything. ``admin_opd`` administers the OPD(s) above the units where it holds
# a jabatan today: those OPDs and every unit under them. Importing the whole organisation and reading
# the admin log are for ``admin`` only.

def may_administer(account: Account) -> bool:
    """True when ``account`` administers (some of) the organisation."""
    return require(account).has("admin_opd")


def check_administer(account: Account) -> None:
    """:raises AccessDeniedError: ``account`` administers nothing."""
    if not may_administer(account):
        raise AccessDeniedError.from_code("access_not_admin")


def check_full_admin(account: Account) -> None:
    """:raises AccessDeniedError: ``account`` is not an ``admin`` (an OPD admin is not enough)."""
    if "admin" not in require(account).roles:
        raise AccessDeniedError.from_code("access_not_full_admin")


def admin_unit_ids(connection: Connection, account: Account) -> frozenset[int] | None:
    """Ids of the units ``account`` administers (``None``: every unit)."""
    require(account)
    if "admin" in account.roles:
        return None
    if "admin_opd" not in account.roles:
        return frozenset()
    rows = connection.execute(select(org_units.c.id, org_units.c.parent_id, org_units.c.kind)).all()
    parent = {row.id: row.parent_id for row in rows}
    kind = {row.id: row.kind for row in rows}
    opds: set[int] = set()
    for held in account.holdings:
        if held.acting:
            continue
        current: int | None = held.unit_id
        seen: set[int] = set()
        while current is not None and current not in seen and kind.get(current) != "opd":
            seen.add(current)
            current = parent.get(current)
        if current is not None and kind.get(current) == "opd":
            opds.add(current)
    children: dict[int | None, list[int]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row.id)
    scope: set[int] = set()
    todo = list(opds)
    while todo:
        found = todo.pop()
        if found not in scope:
            scope.add(found)
            todo.extend(children.get(found, []))
    return frozenset(scope)


def may_admin_unit(connection: Connection, account: Account, unit: int) -> bool:
    """True when ``account`` administers the unit with id ``unit``."""
    scope = admin_unit_ids(connection, account)
    return may_administer(account) and (scope is None or unit in scope)


def check_admin_unit(connection: Connection, account: Account, unit: int) -> None:
    """:raises AccessDeniedError: the unit is outside what ``account`` administers."""
    if not may_admin_unit(connection, account, unit):
        raise AccessDeniedError.from_code("access_not_your_opd")


def check_admin_calendar(connection: Connection, account: Account, unit: str) -> None:
    """:raises AccessDeniedError: ``account`` may not change the working calendar of ``unit``.

    The deployment's calendar (``unit == ""``) and the calendar of a unit the organisation does not know
    (a free-string unit of a calendar file) are changed by an ``admin`` only; a unit's by whoever
    administers that unit (an OPD admin: the units of its OPD).
    """
    check_administer(account)
    found = unit_id(connection, unit) if unit else None
    if found is None:
        check_full_admin(account)
        return
    check_admin_unit(connection, account, found)


def may_see_calendar(connection: Connection, account: Account, unit: str) -> bool:
    """True when ``account`` sees the working calendar of ``unit`` on the admin pages: the deployment's
    (which its units follow) for every administrator, a unit's for whoever administers it."""
    if not may_administer(account):
        return False
    if not unit:
        return True
    scope = admin_unit_ids(connection, account)
    if scope is None:
        return True
    found = unit_id(connection, unit)
    return found is not None and found in scope


def check_admin_person(connection: Connection, account: Account, username: str, *, new_unit: int | None = None,
                       login: bool = False) -> None:
    """:raises AccessDeniedError: ``account`` does not administer the person ``username``.

    An OPD admin administers the people who hold (or held, or act for) a jabatan in its units; a person
    without any holding yet may be given one (``new_unit``) in its units. A login with the ``admin`` role
    is changed by an ``admin`` only (``login``), and nobody disables or resets their own login here.
    """
    check_administer(account)
    if login and username == account.username:
        raise AccessDeniedError.from_code("access_not_yourself")
    scope = admin_unit_ids(connection, account)
    if scope is None:
        return
    if login:
        row = connection.execute(select(accounts.c.roles).where(accounts.c.username == username)).first()
        if row is not None and "admin" in row.roles.split():
            raise AccessDeniedError.from_code("access_not_your_opd")
    places = units_of_person(connection, username)
    if places & scope or (not places and new_unit is not None and new_unit in scope):
        return
    raise AccessDeniedError.from_code("access_not_your_opd")




# -- administering running work (supervisor) ---------------------------------------------------------
#: The role of a supervisor: it administers the instances and work items of the units where it holds a
#: jabatan (and, holding one in an OPD or the Pemda, of every unit below), as admin does everywhere.
SUPERVISOR_ROLE = "supervisor"


def supervised_units(connection: Connection, account: Account) -> frozenset[int] | None:
    """Ids of the units whose running work ``account`` administers (``None``: every unit; empty: none)."""
    require(account)
    if "admin" in account.roles:
        return None
    if SUPERVISOR_ROLE not in account.roles or not account.unit_ids:
        return frozenset()
    return _with_units_below(connection, account.unit_ids)


def supervises_unit(connection: Connection, account: Account, unit: str) -> bool:
    """True when ``account`` administers the running work of the unit ``unit`` names."""
    scope = supervised_units(connection, account)
    if scope is None:
        return True
    found = unit_id(connection, unit)
    return found is not None and found in scope


def may_administer_instance(connection: Connection, account: Account, instance: Instance) -> bool:
    """True when ``account`` may suspend, resume, cancel or retry ``instance``: admin, or a supervisor of
    the instance's own unit (a unit holding only some of its steps does not decide the whole case)."""
    return supervises_unit(connection, account, instance.unit)


def may_supervise_item(connection: Connection, account: Account, item: WorkItem) -> bool:
    """True when ``account`` may release or reassign ``item``: admin, or a supervisor of the item's unit."""
    return supervises_unit(connection, account, item.unit)


def check_supervisor(account: Account) -> None:
    """:raises AccessDeniedError: ``account`` is neither admin nor supervisor (the pages' own question)."""
    if not require(account).has(SUPERVISOR_ROLE):
        raise AccessDeniedError.from_code("routing_not_supervisor", user=account.username, unit="-")


def administer_instance(runtime: Runtime, account: Account, instance_id: int, action: str, reason: str) -> Instance:
    """Suspend, resume, cancel or retry an instance (``action``) with a reason, when ``account`` may.

    :raises NotFoundError: no such instance.
    :raises AccessDeniedError: not admin, nor a supervisor of the instance's unit.
    :raises DataError: an unknown action or no reason; :raises TaskError: the status does not allow it.
    """
    instance = runtime.instance(instance_id)
    with runtime.db.read() as connection:
        allowed = may_administer_instance(connection, account, instance)
    if not allowed:
        raise AccessDeniedError.from_code("routing_not_supervisor", user=account.username, unit=instance.unit)
    return runtime.administer(instance_id, account.username, action, reason)


def administered_instance(runtime: Runtime, account: Account, instance_id: int) -> Instance:
    """The instance, when ``account`` may administer it (its page).

    :raises NotFoundError: no such instance. :raises AccessDeniedError: not for this account.
    """
    instance = runtime.instance(instance_id)
    with runtime.db.read() as connection:
        allowed = may_administer_instance(connection, account, instance)
    if not allowed:
        raise AccessDeniedError.from_code("routing_not_supervisor", user=account.username, unit=instance.unit)
    return instance


def supervised_item(runtime: Runtime, account: Account, item_id: int) -> tuple[WorkItem, list[str]]:
    """The item, when ``account`` supervises its unit, and the usernames it may be reassigned to.

    :raises NotFoundError: no such item. :raises AccessDeniedError: not for this account.
    """
    item = _supervised_item(runtime, account, item_id)
    with runtime.db.read() as connection:
        return item, item_holders(connection, item.jabatan, item.unit, item.jabatan_id)


def supervised_items(runtime: Runtime, account: Account, instance_id: int) -> list[tuple[WorkItem, list[str]]]:
    """The open items of an instance ``account`` administers that lie in units it supervises, each with
    the usernames it may be reassigned to.

    :raises NotFoundError: no such instance. :raises AccessDeniedError: not for this account.
    """
    administered_instance(runtime, account, instance_id)
    with runtime.db.read() as connection:
        return [(item, item_holders(connection, item.jabatan, item.unit, item.jabatan_id))
                for item in open_items(connection, instance_id, runtime.clock.now())
                if may_supervise_item(connection, account, item)]


def _supervised_item(runtime: Runtime, account: Account, item_id: int) -> WorkItem:
    item = runtime.item(item_id)
    with runtime.db.read() as connection:
        allowed = may_supervise_item(connection, account, item)
    if not allowed:
        raise AccessDeniedError.from_code("routing_not_supervisor", user=account.username, unit=item.unit)
    return item


def release_item(runtime: Runtime, account: Account, item_id: int, reason: str) -> WorkItem:
    """Release the claim on an item of a unit ``account`` supervises, with a reason.

    :raises AccessDeniedError: not admin, nor a supervisor of the item's unit.
    """
    _supervised_item(runtime, account, item_id)
    return runtime.release(item_id, account.username, reason)


def reassign_item(runtime: Runtime, account: Account, item_id: int, to: str, reason: str) -> WorkItem:
    """Hand an item of a unit ``account`` supervises to ``to`` (a holder of its jabatan there), with a reason.

    :raises AccessDeniedError: not admin, nor a supervisor of the item's unit; ``to`` holds no such jabatan.
    """
    _supervised_item(runtime, account, item_id)
    return runtime.reassign(item_id, account.username, to, reason)


def supervised_work(runtime: Runtime, account: Account) -> tuple[list[Instance], list[OverdueGroup]]:
    """The instances ``account`` administers that are not finished, and its overdue open items grouped by
    unit and jabatan (the supervisor's page).

    :raises AccessDeniedError: neither admin nor supervisor.
    """
    check_supervisor(account)
    with runtime.db.read() as connection:
        scope = supervised_units(connection, account)
        codes = None if scope is None else [str(code) for code in connection.execute(
            select(org_units.c.code).where(org_units.c.id.in_(sorted(scope)))).scalars()]
        return (administered_instances(connection, codes),
                overdue_groups(connection, runtime.clock.now(), codes))


# -- the seed's stages 1-3: the Tim penyusun and the daftar inventarisasi ---------------------------
# A member of a Tim penyusun (engine.lifecycle.tim) holds the penyusun role for the SKPD it is a member
# for (``Account.drafting_unit_ids``: that unit and, for an OPD or the Pemda, every unit below it): it
# drafts, edits, submits, trials and revises the SOPs of those units and keeps their inventarisasi
# entries. An account with the role ``penyusun`` itself (and admin) drafts for every unit, as before.
# The Tim is set up, and the Kepala Daerah's decision on the inventarisasi recorded, by the Bagian
# Organisasi (role ``verifikator``) or admin; a Tim's ketua and sekretaris also keep their own Tim's
# members and pembekalan.
#
# Step records (``catat``, engine.lifecycle.step_records): a step of an approved SOP that declares a
# stage record writes it when the step is completed, on the authority of the step itself: whoever may
# complete it (a holder of its jabatan in the item's unit, or its claimant: engine.runtime.completion)
# writes the record it names, without the roles above; the pengesah who approved the SOP decided
# that its holders do this. Only real cases write records (never a ujicoba or a simulasi).

#: Roles that set up Tims and record the Kepala Daerah's decisions (admin always may).
STAGE_MANAGERS = ("verifikator",)
#: Tim roles that keep their own Tim's members and pembekalan.
TIM_LEADS = ("ketua", "sekretaris")
#: Roles that read the Tims and the daftar inventarisasi (a Tim member has ``penyusun``).
STAGE_READERS = ("penyusun", "verifikator", "pengesah")


def drafting_units(connection: Connection, account: Account) -> frozenset[int] | None:
    """Ids of the units whose SOPs and inventarisasi entries ``account`` drafts (``None``: every unit).

    Admin and the role ``penyusun``: every unit. A Tim member: the SKPD units of its memberships and
    the units below an OPD (or the Pemda) among them. Anyone else: none.
    """
    require(account)
    if "admin" in account.roles or "penyusun" in account.roles:
        return None
    if not account.drafting_unit_ids:
        return frozenset()
    return _with_units_below(connection, account.drafting_unit_ids)


def may_draft_unit(connection: Connection, account: Account, unit: str) -> bool:
    """True when ``account`` drafts the SOPs of the unit ``unit`` names (see :func:`drafting_units`)."""
    scope = drafting_units(connection, account)
    if scope is None:
        return True
    found = unit_id(connection, unit.strip())
    return found is not None and found in scope


def check_draft_unit(connection: Connection, account: Account, unit: str) -> None:
    """:raises AccessDeniedError: ``account`` does not draft SOPs of ``unit`` (not a penyusun, or a Tim
    member of another SKPD)."""
    if not may_draft_unit(connection, account, unit):
        raise AccessDeniedError.from_code("tahap_not_your_skpd", user=account.username, unit=unit or "-")


def sop_actions_for(runtime: Runtime, account: Account, status: str, unit: str) -> frozenset[str]:
    """The lifecycle actions ``account`` may take on an SOP of ``unit`` in ``status`` (its buttons): those
    of :func:`sop_actions`, without the penyusun's ones for a unit it does not draft."""
    with runtime.db.read() as connection:
        drafts = may_draft_unit(connection, account, unit)
    return frozenset(action for action in sop_actions(account, status)
                     if drafts or "penyusun" not in SOP_ACTIONS[action][0])


def may_read_stages(account: Account) -> bool:
    """True when ``account`` reads the Tims and the daftar inventarisasi."""
    return require(account).has(*STAGE_READERS)


def check_read_stages(account: Account) -> None:
    """:raises AccessDeniedError: ``account`` does not read the Tims and the inventarisasi."""
    if not may_read_stages(account):
        raise AccessDeniedError.from_code("tahap_not_reader", user=account.username)


def may_manage_stages(account: Account) -> bool:
    """True when ``account`` sets up Tims and records the Kepala Daerah's decisions."""
    return require(account).has(*STAGE_MANAGERS)


def check_manage_stages(account: Account) -> None:
    """:raises AccessDeniedError: ``account`` neither is admin nor has a role of :data:`STAGE_MANAGERS`."""
    if not may_manage_stages(account):
        raise AccessDeniedError.from_code("tahap_not_manager", user=account.username)


def may_manage_tim(connection: Connection, account: Account, team_id: int) -> bool:
    """True when ``account`` keeps the members and pembekalan of Tim ``team_id``: a stage manager, or
    the Tim's own ketua or sekretaris (an active member)."""
    if may_manage_stages(account):
        return True
    return connection.execute(select(sop_team_members.c.id).where(
        sop_team_members.c.team_id == team_id, sop_team_members.c.username == account.username,
        sop_team_members.c.role.in_(TIM_LEADS), sop_team_members.c.ended_at.is_(None))).first() is not None


def check_manage_tim(connection: Connection, account: Account, team_id: int) -> None:
    """:raises AccessDeniedError: ``account`` may not keep Tim ``team_id`` (:func:`may_manage_tim`)."""
    if not may_manage_tim(connection, account, team_id):
        raise AccessDeniedError.from_code("tahap_not_tim_manager", user=account.username, team=team_id)

# -- sosialisasi and pelatihan (Permendagri 52/2011 stages 6-8) --------------------------------------
# The penyusun of the units that see an SOP's own unit plan its sosialisasi, distribute it, name its
# penanggung jawab and pemantau and record its pelatihan (admin everywhere). Its page is read by the
# roles of the register and by pemantau; the distribution list there shows only the units the reader
# sees. The tanda terima is the recipient's own. A per-SOP pemantau reads the SOP's monitoring in every
# unit (:func:`monitor_scope`); a per-SOP penanggung jawab sees the SOP's cases (:func:`check_instance`).

#: Roles that manage an SOP's sosialisasi and pelatihan (admin always may).
SOSIALISASI_ROLES = ("penyusun",)
#: Roles that read an SOP's sosialisasi page.
SOSIALISASI_READERS = ("penyusun", "verifikator", "pengesah", "pemantau")


def _assigned(connection: Connection, account: Account, key: str, role: str) -> bool:
    return key in assigned_keys(connection, require(account).username, role)


def is_sop_pemantau(connection: Connection, account: Account, key: str) -> bool:
    """True when ``account`` stands assigned pemantau of SOP ``key`` (stage 7c): it opens that SOP's
    monitoring pages (report, forms, log, conformance, evaluation) in every unit, without a monitoring
    role. Only that SOP's: the assignment opens nothing of another SOP, and a role it lacks stays lacking
    everywhere else."""
    return _assigned(connection, account, key, "pemantau")


def check_monitor_sop(connection: Connection, account: Account, key: str) -> None:
    """:raises AccessDeniedError: ``account`` reads no monitoring data and is not the pemantau of ``key``."""
    if not is_sop_pemantau(connection, account, key):
        check_monitor(account)


def responsible_keys(connection: Connection, account: Account) -> frozenset[str]:
    """The SOPs ``account`` is penanggung jawab of: it sees their cases in every unit (:func:`check_instance`)."""
    return assigned_keys(connection, require(account).username, "penanggung_jawab")


def check_sosialisasi(connection: Connection, account: Account, key: str, unit: str | None = None) -> None:
    """:raises AccessDeniedError: ``account`` may not manage the sosialisasi of ``key`` (in ``unit``, the unit
    it is handed to; the SOP's own unit when not given).
    :raises NotFoundError: no such SOP or approved version."""
    require(account)
    target = unit or approved_version(connection, key).unit
    if not account.has(*SOSIALISASI_ROLES) or not sees_unit(connection, account, target):
        raise AccessDeniedError.from_code("sos_not_yours", sop=key, unit=target)


def check_manage_sosialisasi(runtime: Runtime, account: Account, key: str, unit: str | None = None) -> None:
    """:func:`check_sosialisasi` in its own read (the API asks it before reading a body)."""
    with runtime.db.read() as connection:
        check_sosialisasi(connection, account, key, unit)


@dataclass(frozen=True)
class SosialisasiView:
    """What an SOP's sosialisasi page shows to one account."""

    key: str
    nama: str
    version: int
    unit: str
    jabatan: tuple[str, ...]
    plan: SosialisasiPlan | None
    #: Only those in units the account sees.
    distributions: tuple[Distribution, ...]
    coverage: Coverage | None
    assignments: tuple[Assignment, ...]
    sessions: tuple[PelatihanSession, ...]
    #: True when the account may plan, distribute, assign and record pelatihan.
    may_manage: bool
    #: How many people the version was given to in units the account does not see (their names stay
    #: hidden; the coverage badge counts them already), so the page does not say "not distributed".
    hidden_distributions: int = 0


def sosialisasi_view(runtime: Runtime, account: Account, key: str) -> SosialisasiView:
    """The sosialisasi page of the newest approved version of ``key`` as ``account`` may see it.

    :raises AccessDeniedError: not a reader of sosialisasi pages.
    :raises NotFoundError: no such SOP or no approved version.
    """
    require(account)
    if not account.has(*SOSIALISASI_READERS):
        raise AccessDeniedError.from_code("sos_not_reader")
    with runtime.db.read() as connection:
        found = approved_version(connection, key)
        visible = monitor_units(connection, account)
        codes = None if visible is None else frozenset(str(code) for code in connection.execute(
            select(org_units.c.code).where(org_units.c.id.in_(sorted(visible)))).scalars())
        try:
            check_sosialisasi(connection, account, key)
            manages = True
        except AccessDeniedError:
            manages = False
    shown = tuple(distributions_of(runtime, key, units=codes))
    hidden = 0 if codes is None else len(distributions_of(runtime, key)) - len(shown)
    return SosialisasiView(key, found.nama, found.number, found.unit, found.jabatan, plan_of(runtime, key),
                           shown, coverage(runtime, [key]).get(key),
                           tuple(assignments_of(runtime, key)), tuple(sessions_of(runtime, key)), manages, hidden)


def plan_sosialisasi(runtime: Runtime, account: Account, key: str, **plan: Any) -> SosialisasiPlan:
    """Save the sosialisasi plan of the newest approved version, when ``account`` manages it
    (``plan``: the fields of :func:`engine.lifecycle.sosialisasi.save_plan`)."""
    check_manage_sosialisasi(runtime, account, key)
    return save_plan(runtime, key, account.username, **plan)


def distribute_sop(runtime: Runtime, account: Account, key: str, unit: str | None = None,
                   whole_unit: bool = False) -> list[Distribution]:
    """Hand the newest approved version to the pelaksana of ``unit`` (the SOP's own by default), when
    ``account`` manages the SOP's sosialisasi there."""
    check_manage_sosialisasi(runtime, account, key, (unit or "").strip() or None)
    return distribute(runtime, key, account.username, unit=unit, whole_unit=whole_unit)


def assign_sop_role(runtime: Runtime, account: Account, key: str, username: str, role: str,
                    lift: bool = False) -> Assignment | None:
    """Name (or, with ``lift``, lift) ``username`` as penanggung jawab or pemantau of ``key``.

    :return: the assignment; ``None`` when lifting.
    """
    check_manage_sosialisasi(runtime, account, key)
    if lift:
        unassign(runtime, key, username, role, account.username)
        return None
    return assign(runtime, key, username, role, account.username)


def record_pelatihan(runtime: Runtime, account: Account, key: str, *, held_on: dt.date | None, kind: str,
                     attendees: Any, notes: str = "") -> PelatihanSession:
    """Record a pelatihan session on the newest approved version of ``key``, when ``account`` manages it."""
    check_manage_sosialisasi(runtime, account, key)
    return record_session(runtime, key, account.username, held_on=held_on, kind=kind, attendees=attendees,
                          notes=notes)
# -- stage 9: who monitors an SOP -----------------------------------------------------------------


def pemantau_of_sop(connection: Connection, key: str) -> list[str]:
    """The usernames of the pemantau of SOP ``key``: who monitors it and is reminded when its
    six-monthly monitoring is due (:mod:`engine.monitoring.schedule`), in name order.

    Today that is every enabled account with the ``pemantau`` role that reads the monitoring data of
    the SOP's owner unit, as :func:`monitor_units` decides: one holding a jabatan in that unit or in
    an OPD (or the Pemda) above it, or one holding none (the Inspektorat's, which sees every unit).
    This is the one place to answer it: per-SOP pemantau assignments belong here.

    :raises NotFoundError: no such SOP.
    """
    from engine.access.organisation import unit_ids
    from engine.runtime.versions import definition_id
    from engine.store.models import account_sessions, users

    found = definition_id(connection, key)
    newest = connection.execute(select(versions.c.bpmn).where(versions.c.definition_id == found)
                                .order_by(versions.c.number.desc()).limit(1)).scalar()
    owner = read_bpmn(bytes(newest)).sop.identity.unit if newest is not None else ""
    owner_id = unit_ids(connection, {owner}).get(owner) if owner else None
    rows = connection.execute(
        select(accounts.c.username, accounts.c.roles)
        .outerjoin(account_sessions, account_sessions.c.username == accounts.c.username)
        .where(accounts.c.roles.like("%pemantau%"),
               (account_sessions.c.disabled.is_(None)) | (account_sessions.c.disabled.is_(False)))
        .order_by(accounts.c.username)).all()
    chosen: list[str] = []
    for row in rows:
        if "pemantau" not in row.roles.split():
            continue
        held = frozenset(int(value) for value in connection.execute(
            select(holdings.c.unit_id).join(users, users.c.id == holdings.c.user_id)
            .where(users.c.username == row.username, holdings.c.unit_id.is_not(None))).scalars())
        any_holding = connection.execute(select(holdings.c.id).join(users, users.c.id == holdings.c.user_id)
                                         .where(users.c.username == row.username).limit(1)).first() is not None
        if not any_holding or (owner_id is not None and owner_id in _with_units_below(connection, held)):
            chosen.append(row.username)
    return chosen
# -- events (engine.runtime.events): who may deliver a message, who may report a step's error ---------
#: Roles that may deliver a message to a waiting case besides admin: a clerk records the applicant's
#: reply or a payment (a system sending messages gets an account with this role in its unit).
MESSAGE_ROLES = ("pelaksana",)


def may_deliver_message(connection: Connection, account: Account, instance: Instance) -> bool:
    """Admin; a pelaksana holding a jabatan in the case's unit or in the unit of one of its work items."""
    require(account)
    if "admin" in account.roles:
        return True
    if not set(MESSAGE_ROLES) & set(account.roles):
        return False
    held = account.unit_ids
    return any(unit_id(connection, unit) in held for unit in instance_units(connection, instance.id, instance.unit))


def deliver_message(runtime: Runtime, account: Account, message: str, correlation: str,
                    key: str = "") -> MessageDelivery:
    """Deliver ``message`` (with its correlation value) to the waiting case ``account`` may reach.

    :raises AccessDeniedError: the account's roles may not deliver messages at all.
    :raises NotFoundError: no case the account may reach waits for it: the same answer as when none
        waits, so nobody learns whether another unit's case has that value.
    """
    require(account)
    if not account.has(*MESSAGE_ROLES):
        raise AccessDeniedError.from_code("ev_message_not_allowed", user=account.username)
    instances_waiting = [runtime.instance(found) for found in runtime.waiting_for_message(message, correlation)]
    with runtime.db.read() as connection:
        allowed = frozenset(found.id for found in instances_waiting
                            if may_deliver_message(connection, account, found))
    return runtime.deliver_message(message, correlation, account.username, key, allowed)


def report_step_error(runtime: Runtime, account: Account, item_id: int, code: str) -> list[str]:
    """The clerk who may complete an item reports error ``code``; the step's error path takes over.

    :raises AccessDeniedError: the account may not complete the item.
    """
    item = item_for(runtime, account, item_id, "complete")
    return runtime.report_error(item.id, account.username, code)
