"""Case fields an SOP declares: the data a clerk types in, typed, and the step that asks for it.

A :class:`Field` is one input of the case form (the pemohon's name, a NIK, the number of days of
leave, the value of a purchase). Conditions (``syarat``) read only declared fields, so the model
checker (:mod:`engine.sop.validate`) can tell an undeclared name or a type that does not fit before
anything runs. Values typed by people are turned into typed values by :mod:`engine.sop.values`.

The types, with their sheet word (``jenis``) and the value a parsed field holds:

==============  ================  ===========================================================
FieldType       sheet word        value
==============  ================  ===========================================================
TEXT            ``teks``          ``str``, one line
LONG_TEXT       ``teks_panjang``  ``str``, several lines
INTEGER         ``bilangan``      ``int``
DECIMAL         ``desimal``       ``float`` (``2,5`` and ``2.5`` both read)
DATE            ``tanggal``       :class:`datetime.date` (ISO text in task data)
CHOICE          ``pilihan``       ``str``, one of :attr:`Field.options`
YES_NO          ``ya_tidak``      ``bool``
NIK             ``nik``           ``str`` of 16 digits
NIP             ``nip``           ``str`` of 18 digits
PHONE           ``telepon``       ``str`` in international form (``+628123456789``)
EMAIL           ``email``         ``str``
MONEY           ``uang``          ``int`` rupiah (``Rp 1.500.000`` reads as 1500000)
TABLE           ``tabel``         ``list`` of rows, each a ``dict`` of :attr:`Field.columns`
==============  ================  ===========================================================
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from enum import Enum


class FieldType(str, Enum):
    """What kind of value a field holds; the value is the sheet word."""

    TEXT = "teks"
    LONG_TEXT = "teks_panjang"
    INTEGER = "bilangan"
    DECIMAL = "desimal"
    DATE = "tanggal"
    CHOICE = "pilihan"
    YES_NO = "ya_tidak"
    NIK = "nik"
    NIP = "nip"
    PHONE = "telepon"
    EMAIL = "email"
    MONEY = "uang"
    TABLE = "tabel"


#: Types whose values are numbers in conditions.
NUMBER_TYPES = frozenset({FieldType.INTEGER, FieldType.DECIMAL, FieldType.MONEY})
#: Types whose values are text in conditions.
TEXT_TYPES = frozenset({FieldType.TEXT, FieldType.LONG_TEXT, FieldType.CHOICE, FieldType.NIK, FieldType.NIP,
                        FieldType.PHONE, FieldType.EMAIL})

#: The step value of a field asked when the instance is started ("Mulai layanan").
START = "start"
#: Sheet words accepted for :data:`START`.
START_WORDS = frozenset({"start", "mulai"})

#: A field name: lower-case letters, digits and underscores, starting with a letter.
FIELD_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
#: Names a field may not take: the clerk's decision, Spiff's reserved key, the condition functions.
RESERVED_NAMES = frozenset({"keputusan", "typename", "abs", "float", "int", "len", "max", "min", "round", "str",
                            "true", "false", "none"}) | frozenset(keyword.kwlist)
#: Most options of a choice field, and most columns of a table.
MAX_OPTIONS = 100
MAX_COLUMNS = 30


@dataclass(frozen=True)
class Field:
    """One case field declared by an SOP.

    :param name: the name conditions and the API use (``jumlah_hari``).
    :param type: what kind of value it holds.
    :param label_id: the label shown in Bahasa Indonesia; the name when empty.
    :param label_en: the English label; the Indonesian one when empty.
    :param required: the step cannot be completed without a value.
    :param personal: personal data under UU 27/2022 (NIK, alamat ...): masked in lists and exports.
    :param step: where it is asked: :data:`START` or a step id.
    :param revised_at: later steps where the value may be changed (a revisi step).
    :param options: the choices of a :attr:`FieldType.CHOICE` field.
    :param columns: the columns of a :attr:`FieldType.TABLE` field (no table inside a table).
    """

    name: str
    type: FieldType = FieldType.TEXT
    label_id: str = ""
    label_en: str = ""
    required: bool = False
    personal: bool = False
    step: str = START
    revised_at: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    columns: tuple[Field, ...] = ()

    def label(self, lang: str = "id") -> str:
        """The label in ``lang`` ("id" or "en"), falling back to the other language and then the name."""
        if lang == "en":
            return self.label_en or self.label_id or self.name
        return self.label_id or self.label_en or self.name

    def asked_at(self, step_id: str, start_id: str = "") -> bool:
        """Whether the step ``step_id`` asks for (or may change) this field.

        :param start_id: the id of the SOP's start step, which is the same as :data:`START`.
        """
        steps = {self.step, *self.revised_at}
        if step_id in steps:
            return True
        is_start = step_id == START or (bool(start_id) and step_id == start_id)
        return is_start and (START in steps or (bool(start_id) and start_id in steps))

    @property
    def asked_at_start(self) -> bool:
        """Asked when the instance is started."""
        return self.step == START


@dataclass(frozen=True)
class Requirement:
    """One kelengkapan item of a step, with whether it is a document the clerk attaches or sees."""

    text: str
    document: bool = False


def fields_at(fields: tuple[Field, ...], step_id: str, start_id: str = "") -> tuple[Field, ...]:
    """The fields asked (or changeable) at ``step_id``, in declaration order."""
    return tuple(item for item in fields if item.asked_at(step_id, start_id))


def field_named(fields: tuple[Field, ...], name: str) -> Field | None:
    """The field called ``name``, if declared."""
    for item in fields:
        if item.name == name:
            return item
    return None


__all__ = [
    "FIELD_NAME_PATTERN",
    "NUMBER_TYPES",
    "RESERVED_NAMES",
    "START",
    "START_WORDS",
    "TEXT_TYPES",
    "Field",
    "FieldType",
    "Requirement",
    "field_named",
    "fields_at",
]
