"""Plausible case field values for the demo seed, simulations and tests: what a clerk would type.

:func:`sample_values` gives, for every field an SOP asks at a step, text as a clerk types it at
the counter (``"Rp 15.000.000"``, ``"0812 3456 7890"``, a NIK with a real birth date part), so
what it gives goes through the same parsing and checks as a real form. The values are the same
on every call unless a :class:`random.Random` is given.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from engine.sop.fields import Field, FieldType, fields_at
from engine.sop.model import Sop

_PEOPLE = ("Siti Aminah", "Budi Santoso", "Dewi Lestari", "Agus Salim", "Rina Marlina", "Joko Prasetyo")
#: What a clerk types for a ``nama_<noun>`` field whose noun is not a person (``nama_ketua_tim`` is).
_NAMED_THINGS = {"paket": "Pengadaan Laptop Kantor", "penyedia": "CV Maju Bersama", "barang": "Laptop 14 inci",
                 "tim": "Tim Penyusun SOP Kabupaten", "kegiatan": "Rapat Koordinasi Pelayanan Publik",
                 "instansi": "Dinas Komunikasi dan Informatika", "perusahaan": "PT Sinar Jaya Abadi",
                 "usaha": "Toko Berkah Jaya", "sekolah": "SD Negeri 1 Sukamaju", "desa": "Desa Sukamaju",
                 "jalan": "Jl. Merdeka"}
_NIK = ("3201014502800001", "3273021208750003", "3507105911900002", "3171030101850004")
_NIP = ("198503302010011002", "197712152005012003", "199001012015031001")


def _text(item: Field, chance: random.Random) -> str:
    name = item.name
    if "nama" in name or name == "pemohon":
        # what is named decides the value: a nama_barang is a thing, not a person
        words = name.split("_")
        noun = words[words.index("nama") + 1] if "nama" in words[:-1] else ""
        return _NAMED_THINGS.get(noun) or chance.choice(_PEOPLE)
    if name.startswith(("nomor", "kode", "no_")):
        return f"{chance.randint(1, 999):03d}/{name.split('_')[-1].upper()[:6]}/2026"
    if "tempat" in name:
        return "Bandung"
    return f"{item.label('id')} {chance.randint(1, 99)}"


def _long_text(item: Field, chance: random.Random) -> str:
    if "alamat" in item.name:
        return f"Jl. Merdeka No. {chance.randint(1, 120)}, RT 003/RW 005, Kel. Sukamaju"
    return f"{item.label('id')}: sesuai berkas yang diterima."


def _integer(item: Field, chance: random.Random) -> str:
    if "tahun" in item.name:
        return "2026"
    if "sisa" in item.name:
        return "12"
    return str(chance.randint(1, 5))


def sample_value(item: Field, chance: random.Random | None = None) -> Any:
    """One raw value for ``item`` as a clerk would type it (a list of row objects for a table)."""
    chance = chance or random.Random(item.name)
    kind = item.type
    if kind is FieldType.TABLE:
        return [{column.name: sample_value(column, chance) for column in item.columns}]
    if kind is FieldType.TEXT:
        return _text(item, chance)
    if kind is FieldType.LONG_TEXT:
        return _long_text(item, chance)
    if kind is FieldType.INTEGER:
        return _integer(item, chance)
    simple: dict[FieldType, Callable[[], str]] = {
        FieldType.DECIMAL: lambda: f"{chance.randint(1, 9)},5",
        FieldType.DATE: lambda: f"{chance.randint(2, 27)} Maret 2026",
        FieldType.CHOICE: lambda: item.options[0] if item.options else "",
        FieldType.YES_NO: lambda: "ya",
        FieldType.NIK: lambda: chance.choice(_NIK),
        FieldType.NIP: lambda: chance.choice(_NIP),
        FieldType.PHONE: lambda: f"0812 {chance.randint(1000, 9999)} {chance.randint(1000, 9999)}",
        FieldType.EMAIL: lambda: "pemohon@example.go.id",
        FieldType.MONEY: lambda: f"Rp {chance.randint(5, 150)}.000.000",
    }
    return simple[kind]()


def sample_values(sop: Sop, step_id: str, overrides: dict[str, Any] | None = None,
                  chance: random.Random | None = None) -> dict[str, Any]:
    """Raw values for every field ``sop`` first asks at ``step_id`` (the start step for a start), with
    ``overrides`` on top (a field changed again at a revisi step is only given when overridden)."""
    start_id = sop.start.id if sop.start else ""
    is_start = step_id in ("start", start_id)
    values: dict[str, Any] = {}
    for item in fields_at(sop.fields, step_id, start_id):
        first_asked_here = item.step == step_id or (is_start and item.step in ("start", start_id))
        if first_asked_here:
            values[item.name] = sample_value(item, chance)
    values.update(overrides or {})
    return values


__all__ = ["sample_value", "sample_values"]
