"""The sheet keys of events (:mod:`engine.sop.events`): ``tunggu``, ``batas``, ``akhir``.

::

    - id: tunggu_jawaban            # an event-based choice: whichever comes first
      jenis: keputusan
      kegiatan: Jawaban pemohon diterima?
      tunggu:
        - pesan: jawaban-pemohon    # Ya: the message, for the instance whose case field
          korelasi: nomor_permohonan  # nomor_permohonan equals the delivered value
        - waktu: 14 hari kalender   # Tidak: the timeout
      ya: periksa
      tidak: gugur
    - id: lengkapi
      kegiatan: Melengkapi berkas
      batas:                        # ways out while the step is worked
        - waktu: 14 hari kalender
          ke: gugur
        - galat: BERKAS_PALSU
          ke: tolak
        - waktu: 3 hari kerja
          ke: ingatkan
          menyela: false            # non-interrupting: the step stays open
    - id: gugur
      jenis: selesai
      akhir: hentikan               # or: galat (with kode: ...)

A trigger is one of ``waktu: <WAKTU>``, ``tanggal: <case field>``, ``pesan: <name>`` (with an
optional ``korelasi: <case field>``), ``sinyal: <name>`` or, on a boundary, ``galat: <code>``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.sop.events import Boundary, EndEvent, EndKind, Trigger, TriggerKind
from engine.sop.model import Step

_TRIGGER_KEYS = {"waktu", "tanggal", "pesan", "korelasi", "sinyal", "galat"}
_BOUNDARY_KEYS = _TRIGGER_KEYS | {"ke", "menyela"}
_END_WORDS = {"hentikan": EndKind.TERMINATE, "terminate": EndKind.TERMINATE, "galat": EndKind.ERROR,
              "error": EndKind.ERROR, "biasa": EndKind.PLAIN, "": EndKind.PLAIN}
#: The keys this module reads on a step row.
EVENT_STEP_KEYS = {"tunggu", "batas", "akhir", "kode_galat"}

Add = Callable[..., None]
Text = Callable[[Any, str], str]


def read_step_events(raw: dict[Any, Any], step: Step, add: Add, text: Text) -> None:
    """Fill ``step.wait``, ``step.boundaries`` and ``step.end`` from a sheet row, reporting bad keys."""
    waits = raw.get("tunggu")
    if waits is not None:
        for item in waits if isinstance(waits, list) else [waits]:
            trigger = _trigger(item, step.id, _TRIGGER_KEYS, add, text)
            if trigger is not None:
                step.wait.append(trigger)
    boundaries = raw.get("batas")
    if boundaries is not None:
        for item in boundaries if isinstance(boundaries, list) else [boundaries]:
            trigger = _trigger(item, step.id, _BOUNDARY_KEYS, add, text)
            if trigger is None:
                continue
            interrupting = item.get("menyela", True)
            if not isinstance(interrupting, bool):
                add("sheet_wrong_type", step.id, key="batas.menyela", expected="true atau false")
                interrupting = True
            step.boundaries.append(Boundary(trigger, text(item.get("ke", ""), "batas.ke"), interrupting))
    word = text(raw.get("akhir", ""), "akhir").lower()
    if word not in _END_WORDS:
        add("ev_sheet_bad_end", step.id, value=word)
    else:
        step.end = EndEvent(_END_WORDS[word], text(raw.get("kode_galat", ""), "kode_galat"))


def _trigger(item: Any, step_id: str, known: set[str], add: Add, text: Text) -> Trigger | None:
    if not isinstance(item, dict):
        add("sheet_wrong_type", step_id, key="tunggu/batas", expected="pasangan kunci (waktu, pesan, ...)")
        return None
    for key in item:
        if key not in known:
            add("sheet_unknown_key", step_id, key=key, known=", ".join(sorted(known)))
    present = [key for key in ("waktu", "tanggal", "pesan", "sinyal", "galat") if key in item]
    if len(present) != 1:
        add("ev_sheet_one_trigger", step_id)
        return None
    key = present[0]
    value = text(item[key], key)
    if key == "waktu":
        return Trigger(TriggerKind.TIMER, duration=value)
    if key == "tanggal":
        return Trigger(TriggerKind.TIMER, date_field=value)
    if key == "pesan":
        return Trigger(TriggerKind.MESSAGE, name=value, correlation=text(item.get("korelasi", ""), "korelasi"))
    if key == "sinyal":
        return Trigger(TriggerKind.SIGNAL, name=value)
    return Trigger(TriggerKind.ERROR, name=value)


def trigger_mapping(trigger: Trigger) -> dict[str, Any]:
    """A trigger as sheet data."""
    if trigger.kind is TriggerKind.TIMER:
        return {"tanggal": trigger.date_field} if trigger.date_field else {"waktu": trigger.duration}
    if trigger.kind is TriggerKind.MESSAGE:
        row: dict[str, Any] = {"pesan": trigger.name}
        if trigger.correlation:
            row["korelasi"] = trigger.correlation
        return row
    return {"sinyal" if trigger.kind is TriggerKind.SIGNAL else "galat": trigger.name}


def step_events_mapping(step: Step, row: dict[str, Any]) -> None:
    """Add the event keys of ``step`` to its sheet ``row`` (nothing for a step without events)."""
    if step.wait:
        waits = [trigger_mapping(trigger) for trigger in step.wait]
        row["tunggu"] = waits[0] if len(waits) == 1 else waits
    if step.boundaries:
        rows = []
        for boundary in step.boundaries:
            item = {**trigger_mapping(boundary.trigger), "ke": boundary.target}
            if not boundary.interrupting:
                item["menyela"] = False
            rows.append(item)
        row["batas"] = rows
    if step.end.kind is EndKind.TERMINATE:
        row["akhir"] = "hentikan"
    elif step.end.kind is EndKind.ERROR:
        row["akhir"] = "galat"
        if step.end.code:
            row["kode_galat"] = step.end.code
