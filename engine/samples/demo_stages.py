"""The demo's stages 1-3: the Pemda's Tim penyusun (SK, ketua, sekretaris, a koordinator of every SKPD,
who work the Tahapan's koordinator lane by that membership alone, one pembekalan), the anggota a case's
SK names, who work its Tim lane by that membership alone, and the daftar
inventarisasi: an entry per shipped SOP, linked to it, and two SOPs still needed, numbered from the
pattern (not fixed yet: the demo leaves the Kepala Daerah's decision to do)."""

from __future__ import annotations

import datetime as dt

from engine.access.accounts import account
from engine.lifecycle.inventory import add_entry, assign_numbers, link_sop
from engine.lifecycle.tim import add_member, create_tim, record_briefing
from engine.runtime.facade import Runtime
from engine.samples import demo_org
from engine.sop.model import Sop

#: Procedures the demo's Pemda still needs an SOP for (titles only, as stage 2 lists them first).
NEEDED = ("Pelayanan Pengaduan Masyarakat", "Penyusunan Rencana Kerja Perangkat Daerah")
#: The shipped SOP a demo case of an SOP with step records socialises, distributes and trains on.
SOCIALISED = "permohonan-cuti-pegawai"
#: What a demo clerk types into the case fields a step's record reads (``record field -> value``), where a
#: sample value would not make a valid record (a login, an SOP key, a title list).
_RECORD_VALUES = {
    "sop": SOCIALISED,
    "peserta": "pelaksana",
    # the SK's susunan: the demo's pelaksana login is a koordinator of the Tim (its pembekalan's attendee)
    "anggota": "pelaksana, koordinator",
    "judul": "Pengelolaan Arsip Dinamis\nPenyusunan Laporan Kinerja Perangkat Daerah",
    "nama": "Tim Penyusun SOP Sekretariat Daerah",
    "pejabat": "Kepala Bagian Organisasi dan Kepala Badan Kepegawaian",
    "sasaran": "Seluruh pegawai yang mengajukan dan memproses cuti",
    "pemantauan": "Observasi pelaksanaan dan wawancara pelaksana setiap 6 bulan",
}


def record_overrides(sop: Sop, step_id: str, staff: demo_org.DemoStaff | None = None) -> dict[str, str]:
    """Values for the case fields this step asks that a step's record (``catat``) reads, this one's or a
    later one's (a verifikasi row reads the SOP key its previous row asked), so a demo case writes valid
    records; the other fields keep their sample values. An SK's susunan also names the Tim-lane anggota
    of ``staff`` (:func:`susunan`)."""
    asked = {item.name for item in sop.fields if item.step == step_id}
    values = {**_RECORD_VALUES, "anggota": susunan(staff)}
    found: dict[str, str] = {}
    for step in sop.steps:
        if step.record is None:
            continue
        for name, source in step.record.fields.items():
            if source in asked and name in values:
                found.setdefault(source, values[name])
    return found


def susunan(staff: demo_org.DemoStaff | None) -> str:
    """The susunan a demo case's SK names: the demo's pelaksana as koordinator, and an anggota of its unit
    for each Tim-lane holder the demo made (``staff.tim_anggota``), who works that lane by it alone."""
    lines = [_RECORD_VALUES["anggota"]]
    if staff is not None:
        lines += [f"{username}, anggota" for _unit, username in sorted(staff.tim_anggota.items())
                  if _unit != demo_org.PEMDA]  # the Pemda's own are named in its Tim (seed_tim)
    return "\n".join(lines)


def seed_tim(runtime: Runtime, staff: demo_org.DemoStaff, today: dt.date) -> int:
    """The Tim of :data:`engine.samples.demo_org.PEMDA` under its SK: the ketua, the sekretaris and the
    koordinator of every SKPD (``staff.koordinators``), who hold the koordinator's jabatan from then on
    because the Tim names them (:func:`engine.lifecycle.tim.grant_jabatan`); the Tim's id."""
    manager = account(runtime, "verifikator")
    team = create_tim(runtime, manager, demo_org.PEMDA, "Tim Penyusun SOP Administrasi Pemerintahan",
                      "188.45/071/2026", today - dt.timedelta(days=60))
    add_member(runtime, manager, team.id, "pengesah", "ketua", demo_org.PEMDA)
    add_member(runtime, manager, team.id, "penyusun", "sekretaris", demo_org.PEMDA)
    for unit, username in sorted(staff.koordinators.items()):
        add_member(runtime, manager, team.id, username, "koordinator", unit)
    if demo_org.PEMDA in staff.tim_anggota:  # a Tim lane no case's SK sets up works in the Pemda's Tim
        add_member(runtime, manager, team.id, staff.tim_anggota[demo_org.PEMDA], "anggota", demo_org.PEMDA)
    return team.id


def seed_stages(runtime: Runtime, sops: dict[str, Sop], today: dt.date, team: int) -> None:
    """The demo's pelaksana as a koordinator of Tim ``team`` (:func:`seed_tim`), its pembekalan and the
    inventarisasi of the shipped ``sops``."""
    manager = account(runtime, "verifikator")
    first = next(iter(sops.values()))
    opd = demo_org._opd(first.identity.unit)
    add_member(runtime, manager, team, "pelaksana", "koordinator", opd)
    record_briefing(runtime, manager, team, today - dt.timedelta(days=55),
                    "Format SOP AP (Permendagri 52/2011) dan penulisan mutu baku", ["penyusun", "pelaksana"])
    writer = account(runtime, "penyusun")
    for key, sop in sops.items():
        entry = add_entry(runtime, writer, sop.identity.unit, sop.identity.nama,
                          ["rutin", "tahapan_jelas", "output_jelas", "banyak_pihak"])
        link_sop(runtime, writer, entry.id, key)
    for title in NEEDED:
        add_entry(runtime, writer, opd, title, ["rutin"])
    assign_numbers(runtime, writer, opd, code="ORG", when=today)
