"""Case fields in the ``sop:isian`` extension of a BPMN process: written, read back, or guessed.

Layout (see :mod:`engine.bpmn.names`)::

    <sop:isian>
      <sop:field name="jumlah_hari" type="bilangan" required="true" personal="true" step="start"
                 revisedAt="sesuaikan">
        <sop:label lang="id">Jumlah hari cuti</sop:label> <sop:label lang="en">Days of leave</sop:label>
        <sop:option>...</sop:option>            (choice fields)
        <sop:field .../>                        (table columns)
      </sop:field>
    </sop:isian>

A file from another modeler has no ``sop:isian``; its conditions still read process variables, so
:func:`fields_from_conditions` declares those names with a guessed type and a notice for each,
for the author to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from engine.bpmn.names import bpmn, sop
from engine.sop.conditions.typecheck import guess_field_types
from engine.sop.fields import START, Field, FieldType
from engine.sop.model import Step

#: How the reader reports something it converted: ``notice(code, element_id, name, **params)``.
Notice = Callable[..., None]


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def write_fields(extensions: etree._Element, fields: tuple[Field, ...]) -> None:
    """Add ``sop:isian`` with ``fields`` to a process's extension elements (nothing when there are none)."""
    if not fields:
        return
    container = etree.SubElement(extensions, sop("isian"))
    for item in fields:
        _write_field(container, item)


def _write_field(parent: etree._Element, item: Field) -> None:
    element = etree.SubElement(parent, sop("field"), name=item.name, type=item.type.value)
    if item.required:
        element.set("required", "true")
    if item.personal:
        element.set("personal", "true")
    element.set("step", item.step)
    if item.revised_at:
        element.set("revisedAt", " ".join(item.revised_at))
    for lang, text in (("id", item.label_id), ("en", item.label_en)):
        if text:
            etree.SubElement(element, sop("label"), lang=lang).text = text
    for option in item.options:
        etree.SubElement(element, sop("option")).text = option
    for column in item.columns:
        _write_field(element, column)


def read_fields(process: etree._Element, notice: Notice) -> tuple[Field, ...]:
    """The case fields of the process's ``sop:isian``; none for a file without them.

    A field with no name or an unknown type is left out with a notice, never kept silently.
    """
    container = process.find(f"{bpmn('extensionElements')}/{sop('isian')}")
    if container is None:
        return ()
    fields = (_read_field(element, True, notice) for element in container.findall(sop("field")))
    return tuple(item for item in fields if item is not None)


def _read_field(element: etree._Element, top: bool, notice: Notice) -> Field | None:
    name = _clean(element.get("name"))
    kinds = {kind.value: kind for kind in FieldType}
    kind = kinds.get(element.get("type", ""))
    if not name or kind is None:
        notice("converted_element", "", name, what=f"Isian '{name or '?'}' berjenis '{element.get('type', '')}'",
               effect="tidak dikenali dan dilewati")
        return None
    labels = {item.get("lang", ""): _clean(item.text) for item in element.findall(sop("label"))}
    columns = [_read_field(child, False, notice) for child in element.findall(sop("field"))] if top else []
    return Field(name=name, type=kind, label_id=labels.get("id", ""), label_en=labels.get("en", ""),
                 required=element.get("required") == "true", personal=element.get("personal") == "true",
                 step=_clean(element.get("step")) or START,
                 revised_at=tuple(element.get("revisedAt", "").split()),
                 options=tuple(_clean(item.text) for item in element.findall(sop("option"))),
                 columns=tuple(column for column in columns if column is not None))


def fields_from_conditions(steps: list[Step], notice: Notice) -> tuple[Field, ...]:
    """Required fields, asked at the start, for the names the steps' conditions read; a notice for each."""
    guessed: dict[str, FieldType] = {}
    for step in steps:
        if step.condition:
            for name, kind in guess_field_types(step.condition).items():
                guessed.setdefault(name, kind)
    for name, kind in guessed.items():
        notice("converted_element", "", name, what=f"Syarat membaca '{name}'",
               effect=f"dideklarasikan sebagai isian wajib berjenis '{kind.value}' yang diminta saat mulai; "
                      "periksa jenis dan langkahnya")
    return tuple(Field(name, kind, required=True) for name, kind in guessed.items())
