"""Type inference over a condition's syntax tree, against the case fields the SOP declares.

The condition language (:mod:`engine.sop.conditions.language`) is dynamically typed: ``tanggal_mulai
> 12`` parses, and fails only when a clerk's case reaches the decision. This module walks the same
whitelisted tree with the declared :class:`~engine.sop.fields.Field` types instead of values and
reports, before anything runs, every name no field declares and every operation whose types do
not fit (a date compared with a number, a text ordered against a number, a ``pilihan`` compared with
a word that is not one of its options, arithmetic on dates). Nothing is evaluated.

Kinds a value can have: ``number`` (bilangan, desimal, uang), ``text`` (teks, pilihan, NIK, NIP,
telepon, email), ``date`` (ISO text at run time, so it also compares with a quoted ISO date),
``bool`` (ya/tidak), ``list`` (tabel rows, list literals), ``none`` and ``any`` (a table cell, the
result of a mixed expression: checked no further).
"""

from __future__ import annotations

import ast
import difflib
import re
from dataclasses import dataclass

from engine.sop.conditions.language import ALLOWED_FUNCTIONS, parse_tree, Unparsable
from engine.sop.fields import NUMBER_TYPES, TEXT_TYPES, Field, FieldType

NUMBER, TEXT, DATE, BOOL, LIST, NONE, ANY = "number", "text", "date", "bool", "list", "none", "any"
#: Indonesian names of the kinds, for messages.
KIND_WORDS = {NUMBER: "bilangan", TEXT: "teks", DATE: "tanggal", BOOL: "ya/tidak", LIST: "daftar",
              NONE: "kosong (None)", ANY: "nilai"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_SYMBOLS: dict[type[ast.AST], str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.In: "in",
    ast.NotIn: "not in", ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
}


@dataclass(frozen=True)
class TypeProblem:
    """One thing wrong with a condition's names or types: a catalogue code and its parameters."""

    code: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Type:
    kind: str
    #: The field a name refers to, for messages and option checks.
    field: Field | None = None
    #: The value of a literal (str, number ...), or the literal elements of a list literal.
    literal: object = None
    elements: tuple[_Type, ...] = ()

    def describe(self) -> str:
        if self.field is not None:
            return f"{self.field.name} ({KIND_WORDS[self.kind]})"
        if self.literal is not None:
            return f"{KIND_WORDS[self.kind]} {self.literal!r}"
        return KIND_WORDS[self.kind]


def field_kind(item: Field) -> str:
    """The kind a field's value has in a condition."""
    if item.type in NUMBER_TYPES:
        return NUMBER
    if item.type in TEXT_TYPES:
        return TEXT
    if item.type is FieldType.DATE:
        return DATE
    if item.type is FieldType.YES_NO:
        return BOOL
    return LIST


def check_condition_types(source: str, fields: tuple[Field, ...]) -> list[TypeProblem]:
    """Every undeclared name and type mismatch of ``source`` against ``fields``; empty when fine.

    A condition that does not parse gives no problem here: the language check reports it.
    """
    try:
        tree = parse_tree(source)
    except Unparsable:
        return []
    checker = _TypeChecker({item.name: item for item in fields})
    checker.infer(tree.body)
    return checker.problems


class _TypeChecker:
    def __init__(self, fields: dict[str, Field]) -> None:
        self.fields = fields
        self.problems: list[TypeProblem] = []

    def _report(self, code: str, **params: str) -> None:
        found = TypeProblem(code, tuple(sorted(params.items())))
        if found not in self.problems:
            self.problems.append(found)

    def infer(self, node: ast.AST) -> _Type:  # noqa: C901 - one branch per node type
        if isinstance(node, ast.Constant):
            return self._constant(node.value)
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            elements = tuple(self.infer(element) for element in node.elts)
            return _Type(LIST, elements=elements)
        if isinstance(node, ast.Compare):
            left = self.infer(node.left)
            for op, comparator in zip(node.ops, node.comparators):
                right = self.infer(comparator)
                self._compare(op, left, right)
                left = right
            return _Type(BOOL)
        if isinstance(node, ast.BoolOp):
            kinds = {self.infer(value).kind for value in node.values}
            return _Type(BOOL if kinds == {BOOL} else ANY)
        if isinstance(node, ast.UnaryOp):
            operand = self.infer(node.operand)
            if isinstance(node.op, ast.Not):
                return _Type(BOOL)
            if operand.kind not in (NUMBER, ANY):
                self._report("condition_sign_needs_number", operand=operand.describe())
            return _Type(NUMBER)
        if isinstance(node, ast.BinOp):
            return self._binary(node)
        if isinstance(node, ast.Subscript):
            container = self.infer(node.value)
            self.infer(node.slice)
            if container.kind == TEXT:
                return _Type(TEXT)
            if container.kind not in (LIST, ANY):
                self._report("condition_bad_subscript", operand=container.describe())
            return _Type(ANY)
        if isinstance(node, ast.IfExp):
            self.infer(node.test)
            body, orelse = self.infer(node.body), self.infer(node.orelse)
            return _Type(body.kind) if body.kind == orelse.kind else _Type(ANY)
        if isinstance(node, ast.Call):
            return self._call(node)
        return _Type(ANY)

    @staticmethod
    def _constant(value: object) -> _Type:
        if value is None:
            return _Type(NONE)
        if isinstance(value, bool):
            return _Type(BOOL, literal=value)
        if isinstance(value, (int, float)):
            return _Type(NUMBER, literal=value)
        if isinstance(value, str):
            return _Type(TEXT, literal=value)
        return _Type(ANY)

    def _name(self, name: str) -> _Type:
        item = self.fields.get(name)
        if item is None:
            declared = ", ".join(sorted(self.fields)) or "-"
            close = difflib.get_close_matches(name, list(self.fields), n=1, cutoff=0.5)
            if close:
                self._report("condition_unknown_name_close", name=name, declared=declared, close=close[0])
            else:
                self._report("condition_unknown_name", name=name, declared=declared)
            return _Type(ANY)
        return _Type(field_kind(item), field=item)

    def _fits(self, left: _Type, right: _Type, symbol: str) -> bool:
        """Whether ``left`` and ``right`` may meet in ``symbol``; reports what does not fit."""
        kinds = {left.kind, right.kind}
        if ANY in kinds:
            return True
        if DATE in kinds and TEXT in kinds:
            text = right if right.kind == TEXT else left
            if isinstance(text.literal, str) and _ISO_DATE.match(text.literal):
                return True
            if isinstance(text.literal, str):
                self._report("condition_date_literal", symbol=symbol, value=text.literal)
                return False
        if len(kinds) == 2:
            self._report("condition_type_mismatch", symbol=symbol, left=left.describe(), right=right.describe())
            return False
        return True

    def _option(self, side: _Type, other: _Type) -> None:
        """A ``pilihan`` field compared with a quoted word that is not one of its options."""
        item = side.field
        if item is None or item.type is not FieldType.CHOICE or not isinstance(other.literal, str):
            return
        if other.literal not in item.options:
            self._report("condition_not_an_option", field=item.name, value=other.literal,
                         options=", ".join(item.options))

    def _compare(self, op: ast.cmpop, left: _Type, right: _Type) -> None:
        symbol = _SYMBOLS.get(type(op), "?")
        if isinstance(op, (ast.In, ast.NotIn)):
            if right.kind == LIST:
                for element in right.elements:
                    if element.kind == NONE:
                        continue
                    if not self._fits(left, element, symbol):
                        break  # one message for the list
                    self._option(left, element)
                return
            if right.kind == TEXT:
                self._fits(left, right, symbol)
                return
            if right.kind != ANY:
                self._report("condition_in_needs_list", symbol=symbol, right=right.describe())
            return
        if NONE in (left.kind, right.kind) and not isinstance(op, _ORDERING):
            return
        if isinstance(op, _ORDERING):
            for side in (left, right):
                if side.kind in (BOOL, LIST, NONE):
                    self._report("condition_cannot_order", symbol=symbol, operand=side.describe())
                    return
        if self._fits(left, right, symbol):
            self._option(left, right)
            self._option(right, left)

    def _binary(self, node: ast.BinOp) -> _Type:
        left, right = self.infer(node.left), self.infer(node.right)
        symbol = _SYMBOLS.get(type(node.op), "?")
        kinds = {left.kind, right.kind}
        if kinds == {NUMBER}:
            return _Type(NUMBER)
        if DATE in kinds:
            self._report("condition_date_arithmetic", symbol=symbol)
            return _Type(ANY)
        if ANY in kinds:
            return _Type(ANY)
        if symbol == "+" and len(kinds) == 1 and left.kind in (TEXT, LIST):
            return _Type(left.kind)
        if symbol == "*" and kinds in ({TEXT, NUMBER}, {LIST, NUMBER}):
            return _Type(TEXT if TEXT in kinds else LIST)
        self._report("condition_bad_arithmetic", symbol=symbol, left=left.describe(), right=right.describe())
        return _Type(ANY)

    def _call(self, node: ast.Call) -> _Type:
        arguments = [self.infer(argument) for argument in node.args]
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        wanted = {"len": (TEXT, LIST), "abs": (NUMBER,), "round": (NUMBER,), "int": (NUMBER, TEXT),
                  "float": (NUMBER, TEXT)}.get(name)
        if wanted and arguments and arguments[0].kind not in (*wanted, ANY):
            self._report("condition_bad_argument", function=name, operand=arguments[0].describe(),
                         expected=" atau ".join(KIND_WORDS[kind] for kind in wanted))
        if name == "str":
            return _Type(TEXT)
        if name in ("min", "max"):
            kinds = {argument.kind for argument in arguments}
            if len(arguments) == 1:
                return _Type(ANY)
            return _Type(kinds.pop()) if len(kinds) == 1 else _Type(ANY)
        return _Type(NUMBER) if name in ("len", "abs", "round", "int", "float") else _Type(ANY)


def guess_field_types(source: str) -> dict[str, FieldType]:
    """The field types the names of ``source`` seem to have, for declaring fields of a foreign BPMN file.

    A name compared with a quoted text is text, with a number a number (decimal for ``2.5``), with
    ``True``/``False`` or used alone as a test yes/no; a name ordered or used in arithmetic
    without a literal is a whole number; anything else is text. Names are in the order they are written.
    """
    try:
        tree = parse_tree(source)
    except Unparsable:
        return {}
    guesses: dict[str, FieldType] = {}
    order: list[str] = []

    def guess(name: str, kind: FieldType, strong: bool) -> None:
        if name not in order:
            order.append(name)
        if strong or name not in guesses:
            guesses[name] = kind

    def literal_kind(node: ast.AST) -> FieldType | None:
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and node.elts:
            return literal_kind(node.elts[0])
        if isinstance(node, ast.Constant) and node.value is not None:
            value = node.value
            if isinstance(value, bool):
                return FieldType.YES_NO
            if isinstance(value, int):
                return FieldType.INTEGER
            if isinstance(value, float):
                return FieldType.DECIMAL
            if isinstance(value, str):
                return FieldType.DATE if _ISO_DATE.match(value) else FieldType.TEXT
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            for index, op in enumerate(node.ops):
                pair = (sides[index], sides[index + 1])
                for this, other in (pair, pair[::-1]):
                    if isinstance(this, ast.Name):
                        kind = literal_kind(other)
                        if kind is not None:
                            guess(this.id, kind, True)
                        elif isinstance(op, _ORDERING):
                            guess(this.id, FieldType.INTEGER, False)
        elif isinstance(node, ast.BinOp):
            for side in (node.left, node.right):
                if isinstance(side, ast.Name):
                    guess(side.id, FieldType.INTEGER, False)
        elif isinstance(node, (ast.BoolOp, ast.UnaryOp)) or node is tree.body:
            operands = node.values if isinstance(node, ast.BoolOp) else [getattr(node, "operand", node)]
            for operand in operands:
                if isinstance(operand, ast.Name):
                    guess(operand.id, FieldType.YES_NO, False)
        if isinstance(node, ast.Name) and node.id not in ALLOWED_FUNCTIONS:
            guess(node.id, FieldType.TEXT, False)
    positions: dict[str, tuple[int, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            place = (node.lineno, node.col_offset)
            positions[node.id] = min(positions.get(node.id, place), place)
    return {name: guesses[name] for name in sorted(order, key=lambda name: positions.get(name, (0, 0)))}


__all__ = ["KIND_WORDS", "TypeProblem", "check_condition_types", "field_kind", "guess_field_types"]
