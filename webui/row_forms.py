"""The table editor's row sub-forms: a call to another SOP, a wait, a timeout on a step.

Each row posts these cells beside its events cell (``step_<column>`` lists, one value per row). They
are only another way to write the sheet keys ``panggil``, ``tunggu`` and ``batas``
(docs/sheet-format.md): this module turns the cells into those keys and back, and what the cells
cannot hold (an event-based choice's two triggers, a message boundary, a second timeout...) stays
in the events cell as YAML. Every rule (what a trigger needs, which SOP may be called) stays in the
engine's checks.
"""

from __future__ import annotations

from typing import Any

#: The row's special kind: "" (an ordinary row), a call or a wait.
SPECIAL_CALL = "panggil"
SPECIAL_WAIT = "tunggu"
SPECIALS = ("", SPECIAL_CALL, SPECIAL_WAIT)
#: What a wait row waits for: the sheet key of its trigger.
WAIT_KINDS = ("waktu", "tanggal", "pesan")
#: ``batas_menyela`` of a timeout that leaves the step open (non-interrupting).
KEEP_OPEN = "tidak"
#: Units offered beside the duration's number (the WAKTU words :mod:`engine.sop.durations` reads).
DURATION_UNITS = ("menit", "jam", "hari kerja", "hari kalender")

ROW_FORM_COLUMNS = ("khusus", "panggil_sop", "panggil_versi", "panggil_nama", "panggil_elemen", "tunggu_jenis",
                    "tunggu_waktu", "tunggu_tanggal", "tunggu_pesan", "tunggu_korelasi", "batas_waktu", "batas_ke",
                    "batas_menyela")
_LATEST = "terbaru"
#: The trigger keys a wait sub-form holds, per kind (anything else stays in the events cell).
_WAIT_SHAPES = ({"waktu"}, {"tanggal"}, {"pesan"}, {"pesan", "korelasi"})
_TIMEOUT_SHAPES = ({"waktu", "ke"}, {"waktu", "ke", "menyela"})


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def row_form_values(step: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """The sub-form cells of a sheet row, and the row without what they hold (for the events cell)."""
    values = {column: "" for column in ROW_FORM_COLUMNS}
    rest = dict(step)
    call = step.get("panggil")
    if isinstance(call, dict):
        version = call.get("versi", _LATEST)
        values.update(khusus=SPECIAL_CALL, panggil_sop=_text(call.get("sop")),
                      panggil_versi="" if _text(version).strip().lower() in ("", _LATEST) else _text(version),
                      panggil_nama=_text(call.get("nama")), panggil_elemen=_text(call.get("elemen")))
        rest.pop("panggil")
    wait = step.get("tunggu")
    if (values["khusus"] == "" and step.get("jenis", "kegiatan") == "kegiatan" and isinstance(wait, dict)
            and set(wait) in _WAIT_SHAPES and all(isinstance(item, str) for item in wait.values())):
        kind = next(key for key in WAIT_KINDS if key in wait)
        values.update(khusus=SPECIAL_WAIT, tunggu_jenis=kind, tunggu_korelasi=wait.get("korelasi", ""))
        values[f"tunggu_{kind}"] = wait[kind]
        rest.pop("tunggu")
    boundaries = step.get("batas")
    if isinstance(boundaries, list) and boundaries and isinstance(boundaries[0], dict):
        first = boundaries[0]
        if (set(first) in _TIMEOUT_SHAPES and first.get("menyela", False) is False
                and isinstance(first["waktu"], str) and isinstance(first["ke"], str)):
            values.update(batas_waktu=first["waktu"], batas_ke=first["ke"],
                          batas_menyela=KEEP_OPEN if "menyela" in first else "")
            if boundaries[1:]:
                rest["batas"] = boundaries[1:]
            else:
                rest.pop("batas")
    return values, rest


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


def row_form_keys(cells: dict[str, str], events: dict[str, Any]) -> dict[str, Any]:
    """The sheet keys of a row from its sub-form ``cells`` and the keys of its events cell.

    A sub-form's trigger comes before the events cell's ones of the same key, so the engine's checks
    see (and name) a row that got two waits.
    """
    keys = dict(events)
    special = cells.get("khusus", "")
    if special == SPECIAL_CALL:
        version = cells.get("panggil_versi", "").strip()
        block: dict[str, Any] = {"sop": cells.get("panggil_sop", ""),
                                 "versi": int(version) if version.isdigit() else version or _LATEST}
        for key in ("nama", "elemen"):
            if cells.get(f"panggil_{key}"):
                block[key] = cells[f"panggil_{key}"]
        keys["panggil"] = block
    elif special == SPECIAL_WAIT:
        kind = cells.get("tunggu_jenis", "") or WAIT_KINDS[0]
        trigger: dict[str, Any] = {kind: cells.get(f"tunggu_{kind}", "")} if kind in WAIT_KINDS else {kind: ""}
        if kind == "pesan" and cells.get("tunggu_korelasi"):
            trigger["korelasi"] = cells["tunggu_korelasi"]
        keys["tunggu"] = [trigger, *_listed(events["tunggu"])] if "tunggu" in events else trigger
    elif special:  # not a kind the form offers: the sheet reader names the key and its value
        keys["khusus"] = special
    if cells.get("batas_waktu") or cells.get("batas_ke"):
        timeout: dict[str, Any] = {"waktu": cells.get("batas_waktu", ""), "ke": cells.get("batas_ke", "")}
        if cells.get("batas_menyela") == KEEP_OPEN:
            timeout["menyela"] = False
        keys["batas"] = [timeout, *_listed(events["batas"])] if "batas" in events else [timeout]
    return keys
