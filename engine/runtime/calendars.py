"""Working calendars per deployment and per unit, from a file (``alur kalender import``).

A YAML file lists calendars; unit ``""`` (or a missing ``unit``) is the deployment's own::

    kalender:
      - unit: ""
        zona: Asia/Jakarta
        jam_kerja:                       # weekday -> "HH:MM-HH:MM" intervals; a missing day is closed
          senin: [07:30-12:00, 13:00-16:00]
          jumat: [07:30-11:30, 13:30-16:30]   # the Friday break
        cuti_bersama: true               # the national cuti bersama (holidays package)
        libur:                           # local days off by year
          2026: [2026-12-31]
        libur_cuti_bersama:              # cuti bersama days the Pemda declares, by year
          2026: [2026-12-24]
        masuk: [2026-12-19]              # working days on a weekend
      - unit: RSUD Sukamaju - Instalasi Gawat Darurat
        layanan_24_jam: true             # a hospital, Damkar: every hour of every day counts

A CSV file has one row per calendar with the columns ``unit, zona, senin ... minggu, cuti_bersama,
libur_nasional, libur, libur_cuti_bersama, masuk, layanan_24_jam`` (intervals and dates separated by ``;``).
:func:`calendar_file_text` writes stored calendars back in either format (what it writes reads back the same).
Each calendar is checked whole (a bad entry names the unit and the key) before anything is stored.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, time
from typing import Any, Mapping, Sequence

import yaml
from sqlalchemy import Connection, insert, select, update

from engine.errors import InputError
from engine.sop.worktime import WorkCalendar
from engine.store import hot
from engine.store.models import work_calendars

#: Sheet names of the weekdays, Monday first.
DAY_KEYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
_KEYS = {"unit", "zona", "jam_kerja", "cuti_bersama", "libur", "libur_cuti_bersama", "masuk", "layanan_24_jam",
         "libur_nasional"}
#: The CSV columns, in the order :func:`calendar_file_text` writes them.
CSV_COLUMNS = ("unit", "zona", *DAY_KEYS, "cuti_bersama", "libur_nasional", "libur", "libur_cuti_bersama", "masuk",
               "layanan_24_jam")
#: The kinds of day off one can add: a local day off, a cuti bersama day; the spec key of each.
DAY_OFF_KEYS = {"libur": "libur", "cuti_bersama": "libur_cuti_bersama"}


class _TextDates(yaml.SafeLoader):
    """YAML read safely with dates left as text, so a bad date (2026-13-01) is named with its unit and key
    instead of failing inside the YAML reader."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _fail(unit: str, key: str, detail: str) -> InputError:
    return InputError.from_code("calendar_bad_entry", unit=unit or "(deployment)", key=key, detail=detail)


def _texts(value: Any, unit: str, key: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if isinstance(value, list):
        return [str(part).strip() for part in value if str(part).strip()]
    raise _fail(unit, key, repr(value))


def _spec(raw: Any) -> dict[str, Any]:
    """One calendar entry checked and normalised to canonical data (what is stored)."""
    if not isinstance(raw, dict):
        raise _fail("", "kalender", repr(raw))
    unit = str(raw.get("unit") or "").strip()
    unknown = sorted(str(key) for key in raw if key not in _KEYS)
    if unknown:
        raise _fail(unit, unknown[0], ", ".join(sorted(_KEYS)))
    around_clock = _flag(raw.get("layanan_24_jam"), unit, "layanan_24_jam")
    hours: dict[str, list[str]] = {}
    given = raw.get("jam_kerja")
    if given is not None and not isinstance(given, dict):
        raise _fail(unit, "jam_kerja", repr(given))
    for day, intervals in (given or {}).items():
        if day not in DAY_KEYS:
            raise _fail(unit, f"jam_kerja.{day}", ", ".join(DAY_KEYS))
        hours[day] = _texts(intervals, unit, f"jam_kerja.{day}")
    spec = {"unit": unit, "zona": str(raw.get("zona") or "Asia/Jakarta").strip(), "jam_kerja": hours,
            "cuti_bersama": _flag(raw.get("cuti_bersama"), unit, "cuti_bersama"),
            "libur_nasional": not around_clock and _flag(raw.get("libur_nasional", True), unit, "libur_nasional"),
            "libur": _days_by_year(raw.get("libur"), unit, "libur"),
            "libur_cuti_bersama": _days_by_year(raw.get("libur_cuti_bersama"), unit, "libur_cuti_bersama"),
            "masuk": sorted(set(_texts(raw.get("masuk"), unit, "masuk"))),
            "layanan_24_jam": around_clock}
    calendar_from_spec(spec)  # every value readable, or the error names it
    if around_clock and hours:  # hours a 24-hour service does not use are still checked: no bad entry passes
        calendar_from_spec({**spec, "layanan_24_jam": False})
    return spec


def _days_by_year(value: Any, unit: str, key: str) -> list[str]:
    """The dates of ``key``: a list, or a mapping year -> dates (each date in its year)."""
    days: list[str] = []
    if isinstance(value, dict):
        for year, dates in value.items():
            for text in _texts(dates, unit, f"{key}.{year}"):
                if not text.startswith(f"{year}-"):
                    raise _fail(unit, f"{key}.{year}", text)
                days.append(text)
    else:
        days = _texts(value, unit, key)
    return sorted(set(days))


def _flag(value: Any, unit: str, key: str) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("ya", "yes", "true", "1"):
        return True
    if text in ("tidak", "no", "false", "0"):
        return False
    raise _fail(unit, key, repr(value))


def calendar_from_spec(spec: Mapping[str, Any]) -> WorkCalendar:
    """The :class:`WorkCalendar` a stored spec describes.

    :raises InputError: a value the calendar refuses (naming the unit and the key).
    """
    unit = str(spec.get("unit", ""))
    if spec.get("layanan_24_jam"):
        office: dict[int, list[tuple[time | str, time | str]]] = {day: [(time(0, 0), time.max)] for day in range(7)}
    elif spec.get("jam_kerja"):
        office = {}
        for day, intervals in spec["jam_kerja"].items():
            pairs: list[tuple[time | str, time | str]] = []
            for interval in intervals:
                start, dash, end = str(interval).partition("-")
                if not dash:
                    raise _fail(unit, f"jam_kerja.{day}", str(interval))
                pairs.append((start.strip(), end.strip()))
            office[DAY_KEYS.index(day)] = pairs
    else:
        office = None  # type: ignore[assignment]
    try:
        return WorkCalendar(str(spec.get("zona") or "Asia/Jakarta"), office,
                            country_holidays=bool(spec.get("libur_nasional", True)),
                            extra_days_off=[*spec.get("libur", ()), *spec.get("libur_cuti_bersama", ())],
                            extra_working_days=list(spec.get("masuk", ())),
                            cuti_bersama=bool(spec.get("cuti_bersama")))
    except InputError as exc:
        raise _fail(unit, "kalender", str(exc)) from exc


def read_calendar_file(content: str, csv_format: bool = False) -> list[dict[str, Any]]:
    """The calendars of a YAML (or CSV) file, each checked; one unit may appear once.

    :raises InputError: an unreadable file or a bad entry (naming the unit and the key).
    """
    if csv_format:
        rows: list[Any] = []
        for row in csv.DictReader(io.StringIO(content)):
            entry: dict[str, Any] = {key: value for key, value in row.items()
                                     if key in _KEYS and value not in (None, "")}
            hours = {day: row[day] for day in DAY_KEYS if row.get(day)}
            if hours:
                entry["jam_kerja"] = hours
            rows.append(entry)
    else:
        try:
            data = yaml.load(content, Loader=_TextDates)  # noqa: S506 (a SafeLoader)
        except yaml.YAMLError as exc:
            raise InputError.from_code("calendar_unreadable", detail=str(exc).splitlines()[0]) from exc
        if not isinstance(data, dict) or not isinstance(data.get("kalender"), list):
            raise InputError.from_code("calendar_unreadable", detail="kalender: [...]")
        rows = data["kalender"]
    specs = [_spec(row) for row in rows]
    seen: set[str] = set()
    for spec in specs:
        if spec["unit"] in seen:
            raise _fail(spec["unit"], "unit", "2x")
        seen.add(spec["unit"])
    return specs


def store_calendars(connection: Connection, specs: list[dict[str, Any]], by: str, now: datetime) -> int:
    """Store (replace) the calendars ``specs``; the number stored."""
    for spec in specs:
        values = {"spec": json.dumps(spec, sort_keys=True, ensure_ascii=False), "imported_at": now, "imported_by": by}
        found = connection.execute(select(work_calendars.c.id).where(work_calendars.c.unit == spec["unit"])).first()
        if found is None:
            connection.execute(insert(work_calendars), {"unit": spec["unit"], **values})
        else:
            connection.execute(update(work_calendars).where(work_calendars.c.id == found.id).values(**values))
    return len(specs)


def stored_calendars(connection: Connection) -> list[dict[str, Any]]:
    """The stored calendars (the deployment's first, then by unit), each with ``imported_at``/``imported_by``."""
    found = []
    for row in connection.execute(select(work_calendars).order_by(work_calendars.c.unit)):
        spec = json.loads(row.spec)
        spec.setdefault("libur_cuti_bersama", [])
        found.append({**spec, "imported_at": row.imported_at, "imported_by": row.imported_by})
    return found


def _by_year(days: list[str]) -> dict[int, list[str]]:
    years: dict[int, list[str]] = {}
    for day in sorted(days):
        years.setdefault(int(day[:4]), []).append(day)
    return years


def calendar_file_text(specs: Sequence[Mapping[str, Any]], csv_format: bool = False) -> str:
    """The calendars ``specs`` as the file :func:`read_calendar_file` reads (YAML, or CSV)."""
    if csv_format:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for spec in specs:
            writer.writerow({
                "unit": spec["unit"], "zona": spec.get("zona", ""),
                **{day: ";".join(spec.get("jam_kerja", {}).get(day, [])) for day in DAY_KEYS},
                **{key: "ya" if spec.get(key) else "tidak" for key in ("cuti_bersama", "libur_nasional",
                                                                        "layanan_24_jam")},
                **{key: ";".join(spec.get(key, [])) for key in ("libur", "libur_cuti_bersama", "masuk")}})
        return out.getvalue()
    entries = []
    for spec in specs:
        entry: dict[str, Any] = {"unit": spec["unit"], "zona": spec.get("zona", "Asia/Jakarta")}
        if spec.get("jam_kerja"):
            entry["jam_kerja"] = {day: list(spec["jam_kerja"][day]) for day in DAY_KEYS if day in spec["jam_kerja"]}
        entry.update(cuti_bersama=bool(spec.get("cuti_bersama")), libur_nasional=bool(spec.get("libur_nasional")),
                     layanan_24_jam=bool(spec.get("layanan_24_jam")))
        for key in ("libur", "libur_cuti_bersama"):
            if spec.get(key):
                entry[key] = _by_year(list(spec[key]))
        if spec.get("masuk"):
            entry["masuk"] = list(spec["masuk"])
        entries.append(entry)
    return yaml.safe_dump({"kalender": entries}, allow_unicode=True, sort_keys=False)


class UnitCalendars:
    """Each unit's calendar (its own row, else the deployment's row, else the runtime's), parsed once per
    stored spec."""

    def __init__(self) -> None:
        self._parsed: dict[str, WorkCalendar] = {}

    def for_unit(self, connection: Connection, unit: str, default: WorkCalendar) -> WorkCalendar:
        rows = dict(hot.fetch_all(connection, hot.UNIT_CALENDARS, {"unit": unit}))  # every new work item asks
        text = rows.get(unit) or rows.get("")
        if text is None:
            return default
        if text not in self._parsed:
            self._parsed[text] = calendar_from_spec(json.loads(text))
        return self._parsed[text]
