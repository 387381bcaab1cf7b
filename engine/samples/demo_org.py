"""The demo's organisation: OPDs and their units as a tree, and one person per jabatan in the unit the
SOP's routing rule sends that column to, so each SOP's history is worked by three or more people in two
or more units (the cuti of a pegawai of the Dinas Pendidikan is weighed by its atasan there and signed
by the Kepala BKPSDM in the BKPSDM)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.access.linking import place_unit
from engine.lifecycle.tim import KOORDINATOR_JABATAN, TIM_JABATAN
from engine.runtime.facade import Runtime
from engine.runtime.structure import units_for
from engine.sop import routing
from engine.sop.model import Sop

PEMDA = "Pemerintah Kabupaten Sukamaju"
#: Where a case of the SOP starts when that is not the SOP's own unit: the applicant's unit.
START_UNITS = {
    "permohonan-cuti-pegawai": "Dinas Pendidikan dan Kebudayaan - Bidang Pembinaan SD",
    "penerbitan-surat-keterangan": "Kecamatan Sukamaju Kota - Kelurahan Sukamaju - Seksi Kesejahteraan Sosial",
    "tahapan-penyusunan-sop": "Sekretariat Daerah",  # the Sekda instructs; the Bagian Organisasi drafts
    # a bidang asks another office for data; the Kepala Badan signs the letter
    "permintaan-data-antar-perangkat-daerah":
        "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah - Bidang Perencanaan Perekonomian dan Infrastruktur",
}
#: The bidang of the OPDs whose SOPs have a row done by every unit below the case's unit (paraf
#: koordinasi of every Kepala Bidang); the demo places them below the OPD.
UNITS_BELOW = {
    "Dinas Pekerjaan Umum dan Penataan Ruang": ("Bidang Bina Marga", "Bidang Cipta Karya", "Bidang Penataan Ruang",
                                                "Bidang Sumber Daya Air"),
}
#: Units that are offices (kind ``opd``) though they sit below another: a kelurahan below its kecamatan.
_OFFICES = frozenset({"Kecamatan Sukamaju Kota - Kelurahan Sukamaju"})
_NAMES = ("Siti Rahmawati", "Agus Setiawan", "Nur Aini", "Bambang Hartono", "Dewi Anggraini", "Rudi Hermawan",
          "Lestari Wulandari", "Yusuf Maulana", "Fitri Handayani", "Hendra Saputra", "Rina Kusuma", "Joko Susilo",
          "Maya Sari", "Teguh Prasetyo", "Indah Permata", "Wahyu Nugroho", "Sri Mulyani", "Dedi Kurniawan",
          "Ayu Lestari", "Eko Purnomo", "Ratna Dewi", "Fajar Ramadhan", "Wulan Safitri", "Andi Pratama")


@dataclass
class DemoStaff:
    """Who works what: ``(jabatan, unit) -> username``, and each SOP's starter."""

    holders: dict[tuple[str, str], str] = field(default_factory=dict)
    starters: dict[str, str] = field(default_factory=dict)
    #: ``unit -> username`` of the koordinator of each SKPD: not given the koordinator's jabatan by hand,
    #: they hold it by being named in the Pemda's Tim (:func:`engine.samples.demo_stages.seed_tim`).
    koordinators: dict[str, str] = field(default_factory=dict)
    #: ``unit -> username`` of an anggota of the Tim of that unit, who works the Tim's lane (``tim_penyusun``)
    #: by that membership alone: named in the SK a case's step gives, or in the Pemda's Tim.
    tim_anggota: dict[str, str] = field(default_factory=dict)

    def holder(self, jabatan: str, unit: str) -> str:
        return self.holders[(jabatan, unit)]


def _chain(unit: str) -> list[str]:
    """``unit`` and the units above it, top first: "A - B - C" is C below "A - B" below "A"."""
    parts = unit.split(" - ")
    return [" - ".join(parts[:count]) for count in range(1, len(parts) + 1)]


def _place(runtime: Runtime, unit: str) -> None:
    """``unit`` with the units above it; the top one and :data:`_OFFICES` are OPDs, below the Pemda."""
    with runtime.db.write() as connection:
        place_unit(connection, PEMDA, kind="pemda")
        parent = PEMDA
        for index, code in enumerate(_chain(unit)):
            place_unit(connection, code, kind="opd" if index == 0 or code in _OFFICES else "unit", parent=parent)
            parent = code


def _opd(unit: str) -> str:
    chain = _chain(unit)
    return next(code for code in reversed(chain) if code in _OFFICES or code == chain[0])


def target_unit(sop: Sop, jabatan: str, start_unit: str) -> str:
    """The unit the SOP's rule for ``jabatan`` sends its steps to, for a case started in ``start_unit``."""
    rule = routing.rule_of(sop.routing, jabatan)
    if rule.kind == routing.NAMED_UNIT:
        return rule.argument
    if rule.kind == routing.PARENT_OPD:
        return _opd(start_unit)
    if rule.kind == routing.SERVING_TIM:
        # the Tim a case sets up by its SK step is of the unit that step lands in; else the Pemda's Tim serves
        sk = next((step for step in sop.steps if step.record is not None and step.record.kind == "tim"), None)
        if sk is None or routing.rule_of(sop.routing, sk.actor).kind == routing.SERVING_TIM:
            return PEMDA
        return target_unit(sop, sk.actor, start_unit)
    return start_unit  # the instance's unit; the starter's atasan (heading it); a choice: the starter's unit


def staff(runtime: Runtime, sops: dict[str, Sop]) -> DemoStaff:
    """Create the organisation and one person per (jabatan, unit) the SOPs route to."""
    found = DemoStaff()
    names = iter(_NAMES * 4)

    def hold(jabatan: str, unit: str) -> None:
        if (jabatan, unit) in found.holders:
            return
        _place(runtime, unit)
        username = re.sub(r"[^a-z0-9]+", "-", jabatan.lower()).strip("-")[:40] + f"-{len(found.holders) + 1}"
        by_the_tim = jabatan in (KOORDINATOR_JABATAN, TIM_JABATAN)
        runtime.add_user(username, nama=next(names), nip=f"19900101201501{len(found.holders) + 1:04d}",
                         jabatan=[] if by_the_tim else [(jabatan, unit)])
        found.holders[(jabatan, unit)] = username
        if jabatan == KOORDINATOR_JABATAN:
            found.koordinators[unit] = username
        elif by_the_tim:
            found.tim_anggota[unit] = username

    spread: list[tuple[str, str, str]] = []  # (jabatan, over, the case's unit) of rows done by every unit
    for key, sop in sops.items():
        start_unit = START_UNITS.get(key, sop.identity.unit)
        for jabatan in sop.actors:
            hold(jabatan, target_unit(sop, jabatan, start_unit))
        if sop.start is not None:
            found.starters[key] = found.holder(sop.start.actor, start_unit)
        spread += [(step.actor, step.structure.multi.over, start_unit) for step in sop.steps
                   if step.structure.multi is not None and step.structure.multi.over_units]
    # after every SOP's units are placed: a row over the units below the case's unit (or every OPD)
    # has one holder of its jabatan in each of them
    for jabatan, over, start_unit in spread:
        for unit in UNITS_BELOW.get(start_unit, ()):
            _place(runtime, f"{start_unit} - {unit}")
        with runtime.db.read() as connection:
            units = units_for(connection, over, start_unit)
        for unit in units:
            hold(jabatan, unit)
    return found
