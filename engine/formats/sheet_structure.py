"""The sheet keys of structured rows (:mod:`engine.sop.structure`).

::

    - id: koordinasi
      jenis: subproses            # a sub-process: its rows under `langkah`, numbered 4.1, 4.2...
      kegiatan: Koordinasi teknis
      pelaksana: Sekretaris
      langkah:
        - {id: telaah, kegiatan: Telaah, pelaksana: Kepala Bidang, waktu: 1 jam}
    - id: ktp
      kegiatan: Penerbitan KTP-el
      pelaksana: Petugas
      panggil: {sop: penerbitan-ktp-el, versi: terbaru}     # or versi: 3
    - id: paraf
      kegiatan: Paraf koordinasi
      pelaksana: Kepala Bidang
      setiap: {unit: setiap_unit_bawahan, selesai: semua}   # or isian: <list field>; selesai: salah_satu | 2
      #        berurutan: true (one after another), sebagai: <name of the item in the task data>
    - id: periksa
      ulang: {selama: 'lengkap == "Tidak"', paling_banyak: 5}
"""

from __future__ import annotations

from typing import Any, Callable

from engine.sop.structure import (
    COMPLETE_ALL,
    COMPLETE_ANY,
    COMPLETE_COUNT,
    LATEST_APPROVED,
    OVER_FIELD,
    OVER_KINDS,
    CallTarget,
    MultiInstance,
    StandardLoop,
    Structure,
)

#: The sheet word of a sub-process row (``jenis``).
SUBPROCESS_WORD = "subproses"
#: ``versi`` of a call to the newest disahkan version.
LATEST_WORD = "terbaru"
STRUCTURE_KEYS = {"panggil", "setiap", "ulang", "langkah", "bila", "tunggu_cabang"}
_CALL_KEYS = {"sop", "versi", "elemen", "nama"}
_MULTI_KEYS = {"isian", "unit", "berurutan", "selesai", "sebagai"}
_LOOP_KEYS = {"selama", "paling_banyak"}

#: ``(code, element_id, params)`` reporter of the sheet reader.
Report = Callable[..., None]


def read_structure(raw: dict[Any, Any], step_id: str, report: Report) -> Structure:
    """The structure keys of one row (``langkah`` is read by the sheet reader, which nests the rows)."""
    structure = Structure(subprocess=str(raw.get("jenis", "")).strip().lower() == SUBPROCESS_WORD)
    if "panggil" in raw:
        structure.call = _call(raw["panggil"], step_id, report)
    if "setiap" in raw:
        structure.multi = _multi(raw["setiap"], step_id, report)
    if "ulang" in raw:
        structure.loop = _loop(raw["ulang"], step_id, report)
    if "bila" in raw:
        branches = _mapping(raw["bila"], "bila", {str(key) for key in raw["bila"]} if isinstance(raw["bila"], dict)
                            else set(), step_id, report)
        structure.branches = {str(target).strip(): " ".join(str(condition or "").split())
                              for target, condition in branches.items()}
    waits = raw.get("tunggu_cabang", False)
    if not isinstance(waits, bool):
        report("sheet_wrong_type", step_id, key="tunggu_cabang", expected="true atau false")
    structure.inclusive_join = waits is True
    if "langkah" in raw and not structure.subprocess:
        report("st_sheet_rows_without_subprocess", step_id)
    return structure


def _mapping(value: Any, key: str, known: set[str], step_id: str, report: Report) -> dict[Any, Any]:
    if not isinstance(value, dict):
        report("sheet_wrong_type", step_id, key=key, expected="pasangan kunci")
        return {}
    for name in value:
        if name not in known:
            report("sheet_unknown_key", step_id, key=name, known=", ".join(sorted(known)))
    return value


def _call(value: Any, step_id: str, report: Report) -> CallTarget:
    data = _mapping(value, "panggil", _CALL_KEYS, step_id, report)
    version = data.get("versi", LATEST_WORD)
    number = LATEST_APPROVED
    if isinstance(version, int) and not isinstance(version, bool) and version > 0:
        number = version
    elif str(version).strip().lower() != LATEST_WORD:
        report("st_sheet_bad_version", step_id, value=version)
    return CallTarget(str(data.get("sop", "") or "").strip(), number, str(data.get("elemen", "") or "").strip(),
                      " ".join(str(data.get("nama", "") or "").split()))


def _multi(value: Any, step_id: str, report: Report) -> MultiInstance:
    data = _mapping(value, "setiap", _MULTI_KEYS, step_id, report)
    multi = MultiInstance(item=str(data.get("sebagai", "") or "").strip())
    if "isian" in data and "unit" in data or not ("isian" in data or "unit" in data):
        report("st_sheet_multi_source", step_id)
    if "isian" in data:
        multi.over, multi.source = OVER_FIELD, str(data["isian"] or "").strip()
    elif "unit" in data:
        word = str(data["unit"] or "").strip().lower()
        if word not in OVER_KINDS or word == OVER_FIELD:
            report("st_sheet_bad_units", step_id, value=word, known=", ".join(OVER_KINDS[1:]))
        else:
            multi.over = word
    sequential = data.get("berurutan", False)
    if not isinstance(sequential, bool):
        report("sheet_wrong_type", step_id, key="berurutan", expected="true atau false")
    multi.sequential = sequential is True
    rule = data.get("selesai", COMPLETE_ALL)
    if isinstance(rule, int) and not isinstance(rule, bool):
        multi.completion, multi.count = COMPLETE_COUNT, rule
        if rule < 1:
            report("st_sheet_bad_completion", step_id, value=rule)
    elif str(rule).strip().lower() in (COMPLETE_ALL, COMPLETE_ANY):
        multi.completion = str(rule).strip().lower()
    else:
        report("st_sheet_bad_completion", step_id, value=rule)
    return multi


def _loop(value: Any, step_id: str, report: Report) -> StandardLoop:
    data = _mapping(value, "ulang", _LOOP_KEYS, step_id, report)
    maximum = data.get("paling_banyak", 0)
    if not isinstance(maximum, int) or isinstance(maximum, bool) or maximum < 0:
        report("sheet_wrong_type", step_id, key="paling_banyak", expected="bilangan bulat")
        maximum = 0
    return StandardLoop(" ".join(str(data.get("selama", "") or "").split()), maximum)


def structure_mapping(structure: Structure) -> dict[str, Any]:
    """The structure keys of a row as plain data (``langkah`` and ``jenis`` are written by the sheet)."""
    row: dict[str, Any] = {}
    call = structure.call
    if call is not None:
        block: dict[str, Any] = {"sop": call.key, "versi": call.version or LATEST_WORD}
        if call.called_element:
            block["elemen"] = call.called_element
        if call.name:
            block["nama"] = call.name
        row["panggil"] = block
    multi = structure.multi
    if multi is not None:
        multi_block: dict[str, Any] = {"isian": multi.source} if multi.over == OVER_FIELD else {"unit": multi.over}
        if multi.sequential:
            multi_block["berurutan"] = True
        multi_block["selesai"] = multi.count if multi.completion == COMPLETE_COUNT else multi.completion
        if multi.item:
            multi_block["sebagai"] = multi.item
        row["setiap"] = multi_block
    if structure.branches:
        row["bila"] = dict(structure.branches)
    if structure.inclusive_join:
        row["tunggu_cabang"] = True
    loop = structure.loop
    if loop is not None:
        loop_block: dict[str, Any] = {}
        if loop.condition:
            loop_block["selama"] = loop.condition
        if loop.maximum:
            loop_block["paling_banyak"] = loop.maximum
        row["ulang"] = loop_block
    return row
