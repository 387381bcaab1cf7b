"""The demo: a SQLite store with the shipped SOPs, one login per role and weeks of real history.

Everything goes through the real :class:`~engine.runtime.facade.Runtime` on a
:class:`~engine.runtime.timers.ManualClock` that moves over the past weeks in office hours, so the
worklist has waiting and overdue steps and the auditor pages have finished, running and trial
instances with decisions both ways.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from engine.access.accounts import add_account
from engine.formats.files import load_file
from engine.lifecycle.tim import TIM_JABATAN
from engine.runtime.facade import Runtime
from engine.store.migrate import upgrade_database
from engine.runtime.timers import ManualClock
from engine.runtime.work import WorkItem
from engine.samples import demo_org
from engine.samples.demo_stages import SOCIALISED, record_overrides, seed_stages, seed_tim
from engine.samples.case_values import sample_values
from engine.samples.waking import correlation_fields
from engine.sop.keys import sop_key_for_file
from engine.sop.model import Sop

UTC = dt.timezone.utc
#: The shipped SOPs beside the package (a source checkout).
PROCESSES = Path(__file__).resolve().parents[2] / "processes"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    description: str


_ORG_UNIT = "Sekretariat Daerah - Bagian Organisasi"


def _logins() -> list[DemoLogin]:
    return [
        DemoLogin("admin", "admin-demo", "admin", "semua peran / every role"),
        DemoLogin("penyusun", "penyusun-demo", "penyusun", "menyusun SOP / writes SOPs"),
        DemoLogin("verifikator", "verifikator-demo", "verifikator", "memverifikasi SOP / verifies SOPs"),
        DemoLogin("pengesah", "pengesah-demo", "pengesah", "mengesahkan SOP / approves SOPs"),
        DemoLogin("pelaksana", "pelaksana-demo", "pelaksana", "daftar tugas / worklist"),
        DemoLogin("pemantau", "pemantau-demo", "pemantau", "memantau instans / audits instances"),
    ]


def _office_hour(moment: dt.datetime) -> dt.datetime:
    """Move ``moment`` into Monday-Friday 08:00-15:00 WIB (01:00-08:00 UTC)."""
    while moment.weekday() >= 5 or not 1 <= moment.hour < 8:
        moment = moment + dt.timedelta(hours=1)
        if moment.hour >= 8 or moment.hour < 1:
            moment = moment.replace(hour=1, minute=moment.minute) + (
                dt.timedelta(days=1) if moment.hour >= 8 else dt.timedelta())
    return moment


def _form(runtime: Runtime, item: WorkItem, chance: random.Random, tidak: float,
          staff: demo_org.DemoStaff | None = None) -> dict[str, object]:
    with runtime.db.read() as connection:
        from engine.store.models import instances

        version_id = connection.execute(instances.select().with_only_columns(instances.c.version_id)
                                        .where(instances.c.id == item.instance_id)).scalar_one()
        loaded = runtime.loaded_version(connection, version_id)
        step = loaded.steps[item.step_id]
    form: dict[str, object] = {"kelengkapan": list(step.kelengkapan), "catatan": ""}
    if loaded.sop is not None:
        overrides = {"sisa_cuti": str(chance.choice([1, 6, 12]))} if item.step_id == "periksa_sisa" else {}
        typed = {**overrides, **record_overrides(loaded.sop, item.step_id, staff)}
        data = sample_values(loaded.sop, item.step_id, typed, chance)
        for name in correlation_fields(loaded.sop) & set(data):
            data[name] = f"{item.instance_id:03d}/{data[name]}"  # a letter number is unique per case
        if item.step_id == "sesuaikan":
            data["jumlah_hari"] = "1"  # the pegawai asks for what is left
        if data:
            form["data"] = data
    if step.kelengkapan and chance.random() < 0.1:
        form["kelengkapan"] = list(step.kelengkapan)[:-1]
        form["alasan"] = "Dokumen menyusul hari berikutnya"
    if step.clerk_decides:
        form["keputusan"] = "Tidak" if chance.random() < tidak else "Ya"
    if step.output:
        form["output"] = step.output
    return form


def seed(url: str, processes: Path = PROCESSES, *, now: dt.datetime | None = None, instances_per_sop: int = 6,
         seed_value: int = 7) -> list[DemoLogin]:
    """Create the demo store at ``url``: shipped SOPs, one login per role, a history of instances.

    :return: the logins to print.
    """
    upgrade_database(url)
    end = (now or dt.datetime.now(UTC)).replace(microsecond=0)
    base = _office_hour((end - dt.timedelta(days=35)).replace(hour=1, minute=30))
    clock = ManualClock(base)
    runtime = Runtime(url, clock=clock)
    chance = random.Random(seed_value)
    try:
        paths = sorted(processes.glob("*.bpmn"))
        sops = {sop_key_for_file(path): load_file(path).sop for path in paths}
        people_at_work = demo_org.staff(runtime, sops)
        # the demo's pelaksana login holds every jabatan where the steps land, so its worklist shows them all;
        # the Tim lane's by being named in the SK (demo_stages.susunan), as a real member does
        holdings = sorted(place for place in people_at_work.holders if place[0] != TIM_JABATAN)
        # until the organisation model, the demo's one pengesah holds every jabatan the SOPs name in DISAHKAN OLEH
        signing = [(sop.identity.disahkan_oleh.jabatan, sop.identity.unit) for sop in sops.values()]
        logins = _logins()
        people = {
            "admin": ("Administrator Alur", "", []),
            "penyusun": ("Rina Marlina, S.AP", "198803122010012004", [("Analis Organisasi", _ORG_UNIT)]),
            "verifikator": ("Hendra Gunawan, S.Sos.", "198106172006041009", [("Analis Kelembagaan", _ORG_UNIT)]),
            "pengesah": ("Drs. Bambang Wicaksono, M.Si", "197205141998031007",
                         [("Kepala Bagian Organisasi", _ORG_UNIT), *signing]),
            "pelaksana": ("Ahmad Fauzi", "199001012015031002", holdings),
            "pemantau": ("Dewi Lestari, S.E., Ak.", "198507092009022003", []),
        }
        for login in logins:
            nama, nip, jabatan = people[login.username]
            add_account(runtime, login.username, login.password, [login.role], nama, nip, jabatan)
        # before any case: the SKPD koordinators work the Tahapan's stage 2 by being named in the Tim
        team = seed_tim(runtime, people_at_work, end.date())
        for key, sop in sops.items():
            _through_the_lifecycle(runtime, key, sop)
        for path in paths:
            key = sop_key_for_file(path)
            _history(runtime, clock, key, sops[key], base, end, chance, instances_per_sop, people_at_work)
        _trial(runtime, clock, end, people_at_work)
        seed_stages(runtime, sops, end.date(), team)
        for key, sop in sops.items():
            if any(step.record is not None and step.record.kind == "distribusi" for step in sop.steps):
                _socialised(runtime, clock, key, sop, end, people_at_work)
        runtime.clock = _Fixed(end)
        runtime.tick()
        return logins
    finally:
        runtime.close()


@dataclass
class _Fixed:
    moment: dt.datetime

    def now(self) -> dt.datetime:
        return self.moment


def _history(runtime: Runtime, clock: ManualClock, key: str, sop: Sop, base: dt.datetime, end: dt.datetime,
             chance: random.Random, count: int, staff: demo_org.DemoStaff) -> None:
    """Start ``count`` instances spread over the past weeks and work them; the newest stay open.

    A case that waits with nothing open (a reply from another office) gets its reply some days later,
    or, every third case, waits until its timer runs out (if that is before ``end``)."""
    span = (end - base).total_seconds()
    for index in range(count):
        start = base + dt.timedelta(seconds=span * index / count)
        moment = _office_hour(min(start, end - dt.timedelta(hours=2)))
        clock.current = moment
        first = _form_for_start(runtime, key, chance=chance)
        if key == "permohonan-cuti-pegawai":
            first["data"] = {**first["data"], "jumlah_hari": str(chance.choice([2, 3, 5, 14]))}  # type: ignore[dict-item]
        starter = staff.starters[key]
        instance, ready = runtime.start(key, starter, first)
        # the newest instances are left part-way, so worklists have waiting and overdue steps
        budget = chance.randint(1, 3) if index >= count - 2 else 60
        # one case per SOP is withdrawn by the applicant part-way
        withdrawn = index == 1
        if withdrawn:
            budget = 2
        tidak = 0.35 if index % 2 else 0.0
        while budget > 0:
            if not ready:
                ready = _woken(runtime, clock, instance.id, sop, starter, end, chance, timeout=index % 3 == 2)
                if not ready:
                    break
            item = ready[0]
            clock.current = _office_hour(clock.current + dt.timedelta(minutes=chance.choice(
                [7, 12, 25, 45, 90, 180, 600, 1500])))
            if clock.current >= end:
                break
            done = runtime.complete(item.id, staff.holder(item.jabatan, item.unit),
                                    _form(runtime, item, chance, tidak, staff))
            budget -= 1
            ready = [i for i in ready[1:]] + list(done.ready)
        if withdrawn and runtime.instance(instance.id).status == "running":
            clock.current = _office_hour(clock.current + dt.timedelta(minutes=30))
            runtime.cancel(instance.id, starter, "Pemohon mencabut permohonannya")


def _socialised(runtime: Runtime, clock: ManualClock, key: str, sop: Sop, end: dt.datetime,
                staff: demo_org.DemoStaff) -> None:
    """One case of ``key`` (an SOP whose steps record its stages) worked, every decision "Ya", until the
    step that distributes an SOP is done; two of the people it reached give their tanda terima."""
    from engine.lifecycle.sosialisasi import acknowledge, distributions_of

    clock.current = _office_hour(end - dt.timedelta(days=4))
    _, ready = runtime.start(key, staff.starters[key], _form_for_start(runtime, key))
    chance = random.Random(key)
    distributed: set[str] = set()
    steps = 0
    while ready and not distributed and steps < 60:
        item, ready = ready[0], ready[1:]
        clock.current = clock.current + dt.timedelta(minutes=20)
        done = runtime.complete(item.id, staff.holder(item.jabatan, item.unit),
                                _form(runtime, item, chance, 0.0, staff))
        ready = ready + list(done.ready)
        steps += 1
        record = sop.step(item.step_id).record
        if record is not None and record.kind == "distribusi":
            distributed.add(item.step_id)
    if distributed:
        for given in distributions_of(runtime, SOCIALISED)[:2]:
            clock.current = clock.current + dt.timedelta(minutes=45)
            acknowledge(runtime, given.key, given.username)


def _woken(runtime: Runtime, clock: ManualClock, instance_id: int, sop: Sop, sender: str, end: dt.datetime,
           chance: random.Random, *, timeout: bool) -> list[WorkItem]:
    """Wake a running case that waits (:func:`engine.samples.waking.wake`); its open work afterwards."""
    from engine.samples.waking import waiting, wake

    waits = waiting(runtime, instance_id)
    if not waits or runtime.instance(instance_id).status != "running":
        return []
    if waits.messages and not timeout:
        reply = _office_hour(clock.current + dt.timedelta(days=chance.choice([1, 2, 3, 5, 8])))
        if waits.timers and reply >= waits.timers[0][1] or reply >= end:
            return []  # the reply is not in yet: the case waits on, as it would
        clock.current = reply
    if not wake(runtime, instance_id, sop, sender, timeout=timeout, not_after=end):
        return []
    clock.current = _office_hour(clock.current)
    return [runtime.item(open_item.item_id) for open_item in runtime.case_file(instance_id).open_items]


def _through_the_lifecycle(runtime: Runtime, key: str, sop: Sop) -> None:
    """The penyusun drafts and submits, answers the overlap findings, the verifikator accepts, the pengesah approves."""
    from engine.lifecycle import review, transitions as lifecycle

    lifecycle.save_draft(runtime, key, sop, "penyusun")
    lifecycle.submit(runtime, key, "penyusun")
    for finding in review.findings(runtime, key):
        review.answer_finding(runtime, key, "penyusun", finding.id, "diterima",
                              "Kegiatan serupa pada layanan lain; tetap dipisahkan per layanan")
    review.accept(runtime, key, "verifikator")
    lifecycle.approve(runtime, key, "pengesah")


def _form_for_start(runtime: Runtime, key: str, trial: bool = False,
                    chance: random.Random | None = None) -> dict[str, object]:
    with runtime.db.read() as connection:
        from engine.runtime.versions import pick_version

        loaded = runtime.loaded_version(connection, pick_version(connection, key, trial, None))
    data = sample_values(loaded.sop, loaded.start.id, chance=chance) if loaded.sop is not None else {}
    return {"kelengkapan": list(loaded.start.kelengkapan), "catatan": "Permohonan diterima di loket", "data": data}


def _trial(runtime: Runtime, clock: ManualClock, end: dt.datetime, staff: demo_org.DemoStaff) -> None:
    """One SOP under revision and in ujicoba, with a trial instance waiting in the worklist."""
    from engine.lifecycle import transitions as lifecycle

    key = "penerbitan-surat-keterangan"
    if key not in {entry.key for entry in lifecycle.register(runtime)}:
        return
    clock.current = _office_hour(end - dt.timedelta(days=2))
    from engine.lifecycle.revision import revise

    revise(runtime, key, "penyusun", "Evaluasi: persyaratan berkas disederhanakan")
    lifecycle.submit(runtime, key, "penyusun")
    from engine.lifecycle import review

    for finding in review.findings(runtime, key):
        review.answer_finding(runtime, key, "verifikator", finding.id, "bukan")
    review.accept(runtime, key, "verifikator")
    lifecycle.start_trial(runtime, key, "penyusun")
    runtime.start(key, staff.starters[key], _form_for_start(runtime, key, trial=True), trial=True)
