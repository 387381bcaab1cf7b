"""Event logs as XES (IEEE 1849-2016) with the concept, time, org and lifecycle extensions.

Reading goes through :func:`engine.formats.xmlsafe.parse_xml` (no DTD, no entities, bounded size and
depth). Elements are matched by local name, so logs with or without the XES namespace read alike;
attributes Alur does not use (other keys, nested attributes, globals, classifiers) are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import tzinfo
from typing import BinaryIO

from lxml import etree

from engine.errors import AlurError, InputError
from engine.formats.xmlsafe import parse_xml
from engine.eventlog.model import (
    ACTIVITY_KEY,
    COMPLETE,
    LIFECYCLE_KEY,
    RESOURCE_KEY,
    REGISTRATION_KEY,
    ROLE_KEY,
    STATUS_KEY,
    STEP_KEY,
    TIMESTAMP_KEY,
    CASE_STATUSES,
    CHILDREN_KEY,
    PARENT_KEY,
    LogEvent,
    EventLog,
    LogTrace,
    case_list,
    case_status,
    grouped_by_case,
)
from engine.eventlog.timestamps import DEFAULT_ZONE, EXAMPLE, format_xes_timestamp, parse_timestamp, zone

XES_NS = "http://www.xes-standard.org/"
#: The standard extensions Alur writes: (name, prefix, uri).
EXTENSIONS: tuple[tuple[str, str, str], ...] = (
    ("Concept", "concept", "http://www.xes-standard.org/concept.xesext"),
    ("Time", "time", "http://www.xes-standard.org/time.xesext"),
    ("Organizational", "org", "http://www.xes-standard.org/org.xesext"),
    ("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext"),
)
#: Largest XES log accepted, in bytes, and most elements (about 250,000 events).
MAX_XES_BYTES = 128 * 1024 * 1024
MAX_XES_ELEMENTS = 2_000_000


#: The document's first lines: the children below are written without a namespace and so fall
#: into the XES default namespace declared here.
_HEADER = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">\n')


def _attribute(parent: etree._Element, kind: str, key: str, value: str) -> None:
    """Add ``<kind key=... value=...>``.

    :raises AlurError: for a value XML cannot hold (control characters).
    """
    try:
        etree.SubElement(parent, kind, key=key, value=value)
    except ValueError as exc:
        raise AlurError.from_code("xes_control_characters", key=key, value=repr(value)) from exc


def _write(stream: BinaryIO, element: etree._Element) -> None:
    etree.indent(element, "  ", level=1)
    stream.write(b"  " + etree.tostring(element, encoding="UTF-8") + b"\n")


def _preamble(name: str) -> list[etree._Element]:
    """Extensions, globals, the classifier and the log's name."""
    elements = [etree.Element("extension", name=extension_name, prefix=prefix, uri=uri)
                for extension_name, prefix, uri in EXTENSIONS]
    trace_global = etree.Element("global", scope="trace")
    _attribute(trace_global, "string", ACTIVITY_KEY, "__INVALID__")
    event_global = etree.Element("global", scope="event")
    _attribute(event_global, "string", ACTIVITY_KEY, "__INVALID__")
    _attribute(event_global, "date", TIMESTAMP_KEY, "1970-01-01T00:00:00.000+00:00")
    _attribute(event_global, "string", LIFECYCLE_KEY, COMPLETE)
    elements += [trace_global, event_global, etree.Element("classifier", name="Kegiatan", keys=ACTIVITY_KEY)]
    if name:
        elements.append(etree.Element("string", key=ACTIVITY_KEY, value=name))
    return elements


def write_xes(events: Iterable[LogEvent], stream: BinaryIO, name: str = "") -> int:
    """Write ``events`` (grouped by case) as an XES document, streaming trace by trace.

    :param stream: a binary stream; the document is UTF-8.
    :param name: the log's ``concept:name`` (e.g. the SOP's name).
    :return: how many events were written.
    """
    stream.write(_HEADER)
    for element in _preamble(name):
        _write(stream, element)
    count = 0
    for case_id, case_events in grouped_by_case(events):
        trace = etree.Element("trace")
        _attribute(trace, "string", ACTIVITY_KEY, case_id)
        if case_events[0].registration:
            _attribute(trace, "string", REGISTRATION_KEY, case_events[0].registration)
        if case_events[0].case_status:
            _attribute(trace, "string", STATUS_KEY, case_events[0].case_status)
        if case_events[0].parent_case:
            _attribute(trace, "string", PARENT_KEY, case_events[0].parent_case)
        if case_events[0].child_cases:
            _attribute(trace, "string", CHILDREN_KEY, " ".join(case_events[0].child_cases))
        for event in case_events:
            element = etree.SubElement(trace, "event")
            _attribute(element, "string", ACTIVITY_KEY, event.activity)
            _attribute(element, "date", TIMESTAMP_KEY, format_xes_timestamp(event.timestamp))
            if event.resource:
                _attribute(element, "string", RESOURCE_KEY, event.resource)
            if event.role:
                _attribute(element, "string", ROLE_KEY, event.role)
            _attribute(element, "string", LIFECYCLE_KEY, event.lifecycle)
            if event.step:
                _attribute(element, "string", STEP_KEY, event.step)
        _write(stream, trace)
        count += len(case_events)
    stream.write(b"</log>\n")
    return count


def read_xes(data: bytes, name: str = "", tz: str = DEFAULT_ZONE) -> EventLog:
    """Read an XES event log.

    :param name: the file name, for messages.
    :param tz: the zone of timestamps written without one.
    :raises InputError: for hostile or malformed XML, a root other than ``log``, or a trace or event
        without ``concept:name`` or with a bad ``time:timestamp`` (the message names the line).
    """
    label = name or "XES"
    root = parse_xml(data, label, max_bytes=MAX_XES_BYTES, max_elements=MAX_XES_ELEMENTS, kind="XES")
    if etree.QName(root).localname != "log":
        raise InputError.from_code("xes_not_log", label=label, root=etree.QName(root).localname)
    local = zone(tz)
    log = EventLog()
    seen: set[str] = set()
    for child in root:
        kind = etree.QName(child).localname
        if kind == "string" and child.get("key") == ACTIVITY_KEY:
            log.name = child.get("value", "")
        elif kind == "trace":
            trace = _trace(child, label, local)
            if trace.case_id in seen:
                raise InputError.from_code("xes_case_twice", label=label, line=_line(child), case=trace.case_id)
            seen.add(trace.case_id)
            log.traces.append(trace)
    return log


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 0


def _values(element: etree._Element) -> dict[str, tuple[str, str, int]]:
    """The direct attributes of ``element``: key -> (type, value, line)."""
    values: dict[str, tuple[str, str, int]] = {}
    for child in element:
        key = child.get("key")
        if key is not None:
            values[key] = (etree.QName(child).localname, child.get("value", ""), _line(child))
    return values


def _trace(element: etree._Element, label: str, local: tzinfo) -> LogTrace:
    values = _values(element)
    case_id = values.get(ACTIVITY_KEY, ("", "", 0))[1].strip()
    if not case_id:
        raise InputError.from_code("xes_trace_without_name", label=label, line=_line(element))
    registration = values.get(REGISTRATION_KEY, ("", "", 0))[1].strip()
    _, written, status_line = values.get(STATUS_KEY, ("", "", 0))
    status = case_status(written)
    if status is None:
        raise InputError.from_code("stage9_bad_case_status", label=label, line=status_line, value=written,
                                   known=", ".join(CASE_STATUSES))
    parent = values.get(PARENT_KEY, ("", "", 0))[1].strip()
    children = case_list(values.get(CHILDREN_KEY, ("", "", 0))[1])
    events = [replace(_event(child, case_id, label, local), registration=registration, case_status=status,
                      parent_case=parent, child_cases=children)
              for child in element if etree.QName(child).localname == "event"]
    return LogTrace(case_id, sorted(events, key=lambda event: event.timestamp))


def _event(element: etree._Element, case_id: str, label: str, local: tzinfo) -> LogEvent:
    values = _values(element)
    line = _line(element)

    def text(key: str) -> str:
        return values.get(key, ("", "", 0))[1].strip()

    activity = text(ACTIVITY_KEY)
    if not activity:
        raise InputError.from_code("xes_event_without_activity", label=label, line=line, case=case_id,
                                   key=ACTIVITY_KEY)
    if TIMESTAMP_KEY not in values:
        raise InputError.from_code("xes_event_without_time", label=label, line=line, activity=activity,
                                   case=case_id, key=TIMESTAMP_KEY)
    _, stamp, stamp_line = values[TIMESTAMP_KEY]
    try:
        moment = parse_timestamp(stamp, local)
    except ValueError as exc:
        raise InputError.from_code("xes_bad_time", label=label, line=stamp_line, key=TIMESTAMP_KEY, value=stamp,
                                   example=EXAMPLE) from exc
    return LogEvent(case_id, activity, moment, text(RESOURCE_KEY), text(ROLE_KEY), text(LIFECYCLE_KEY).lower() or COMPLETE,
                 text(STEP_KEY), line)
