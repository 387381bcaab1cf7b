"""Evaluation of a checked condition tree, and the limits shared with the checker.

:mod:`engine.sop.conditions.language` parses and checks a condition against the whitelist; this module walks
the checked tree against the task data. Nothing here compiles or runs Python.
"""

from __future__ import annotations

import ast
import difflib
import math
import operator
from collections.abc import Callable, Mapping
from typing import Any

from engine.errors import ConditionError

#: Longest condition text accepted, in characters.
MAX_LENGTH = 2_000
#: Most expression nodes (names, literals, operators applied, calls ...) in one condition.
MAX_NODES = 200
#: Deepest nesting of expression nodes in one condition.
MAX_DEPTH = 50
#: Largest absolute integer a literal or a computed result may have.
MAX_INT = 10**18
#: Longest str, list or tuple a computed result may have.
MAX_SEQUENCE = 10_000
#: Largest absolute ``ndigits`` accepted by ``round``.
MAX_ROUND_DIGITS = 18

#: The functions a condition may call, with how many positional arguments each takes
#: (minimum, maximum; ``None`` for no maximum).
ALLOWED_FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "abs": (1, 1),
    "float": (1, 1),
    "int": (1, 1),
    "len": (1, 1),
    "max": (1, None),
    "min": (1, None),
    "round": (1, 2),
    "str": (1, 1),
}

HINT = "Gunakan perbandingan sederhana seperti jumlah_hari > 12."
_SHOWN_SOURCE = 80
SHOWN_VALUE = 40

COMPARISONS: dict[type[ast.cmpop], tuple[str, Callable[[Any, Any], Any]]] = {
    ast.Eq: ("==", operator.eq),
    ast.NotEq: ("!=", operator.ne),
    ast.Lt: ("<", operator.lt),
    ast.LtE: ("<=", operator.le),
    ast.Gt: (">", operator.gt),
    ast.GtE: (">=", operator.ge),
    ast.In: ("in", lambda left, right: left in right),
    ast.NotIn: ("not in", lambda left, right: left not in right),
}

ARITHMETIC: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
}

FORBIDDEN_OPERATORS: dict[type[ast.AST], str] = {
    ast.Pow: "**",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.Invert: "~",
}


def arity_text(low: int, high: int | None) -> str:
    if high is None:
        return f"sedikitnya {low} argumen"
    if low == high:
        return f"{low} argumen"
    return f"{low} sampai {high} argumen"


class Evaluator:
    """Evaluates a checked tree against the task data; handles whitelisted node types only."""

    def __init__(self, source: str, data: Mapping[str, object]) -> None:
        self.source = source
        self.data = data

    def failure(self, reason: str) -> ConditionError:
        return ConditionError(
            f"Syarat {quote_source(self.source)} gagal dievaluasi: {reason}.", expression=self.source
        )

    def run(self, node: ast.AST) -> Any:  # noqa: C901 - one branch per node type
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.BoolOp):
            return self._bool_op(node)
        if isinstance(node, ast.UnaryOp):
            return self._unary(node)
        if isinstance(node, ast.BinOp):
            return self._binary(node)
        if isinstance(node, ast.Subscript):
            return self._subscript(node)
        if isinstance(node, ast.IfExp):
            return self.run(node.body) if self.run(node.test) else self.run(node.orelse)
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.List):
            return [self.run(element) for element in node.elts]
        if isinstance(node, ast.Tuple):
            return tuple(self.run(element) for element in node.elts)
        if isinstance(node, ast.Set):
            elements = [self.run(element) for element in node.elts]
            try:
                return set(elements)
            except TypeError as exc:
                raise self.failure("himpunan hanya boleh berisi teks, bilangan atau benar/salah") from exc
        raise self.failure(f"bentuk '{type(node).__name__}' tidak didukung")

    def _name(self, name: str) -> Any:
        if name.startswith("_"):
            raise self.failure(f"nama '{name}' tidak didukung")
        if name not in self.data:
            message = f"Nama '{name}' tidak ada di data formulir (syarat {quote_source(self.source)})."
            keys = [key for key in list(self.data)[:1000] if isinstance(key, str)]
            close = difflib.get_close_matches(name, keys, n=3)
            if close:
                message += " Mungkin maksudnya " + " atau ".join(f"'{key}'" for key in close) + "?"
            raise ConditionError(message, expression=self.source)
        return self.data[name]

    def _compare(self, node: ast.Compare) -> bool:
        left = self.run(node.left)
        for op, comparator in zip(node.ops, node.comparators):
            right = self.run(comparator)
            symbol, function = COMPARISONS.get(type(op), ("?", None))
            if function is None:
                raise self.failure(f"perbandingan '{type(op).__name__}' tidak didukung")
            try:
                outcome = function(left, right)
            except TypeError as exc:
                if symbol in ("in", "not in"):
                    reason = f"tidak dapat memeriksa {kind_of(left)} '{symbol}' {kind_of(right)}"
                else:
                    reason = f"tidak dapat membandingkan {kind_of(left)} dengan {kind_of(right)} ('{symbol}')"
                raise self.failure(reason) from exc
            if not outcome:
                return False
            left = right
        return True

    def _bool_op(self, node: ast.BoolOp) -> Any:
        is_and = isinstance(node.op, ast.And)
        value: Any = None
        for operand in node.values:
            value = self.run(operand)
            if is_and and not value:
                return value
            if not is_and and value:
                return value
        return value

    def _unary(self, node: ast.UnaryOp) -> Any:
        value = self.run(node.operand)
        if isinstance(node.op, ast.Not):
            return not value
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            symbol = "-" if isinstance(node.op, ast.USub) else "+"
            if not _is_number(value):
                raise self.failure(f"tanda '{symbol}' hanya untuk bilangan, bukan {kind_of(value)}")
            return self._limited(-value if symbol == "-" else +value)
        raise self.failure(f"operator '{type(node.op).__name__}' tidak didukung")

    def _binary(self, node: ast.BinOp) -> Any:
        symbol = ARITHMETIC.get(type(node.op))
        if symbol is None:
            raise self.failure(f"operator '{FORBIDDEN_OPERATORS.get(type(node.op), '?')}' tidak didukung")
        left = self.run(node.left)
        right = self.run(node.right)
        if _is_number(left) and _is_number(right):
            try:
                result = _NUMERIC[symbol](left, right)
            except ZeroDivisionError as exc:
                raise self.failure("pembagian dengan nol") from exc
            except OverflowError as exc:
                raise self.failure(f"hasil '{symbol}' terlalu besar") from exc
            return self._limited(result)
        if symbol == "+" and type(left) is type(right) and isinstance(left, (str, list, tuple)):
            if len(left) + len(right) > MAX_SEQUENCE:
                raise self.failure(f"hasil '+' terlalu panjang (batas {MAX_SEQUENCE})")
            return left + right
        if symbol == "*":
            sequence, times = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
                if times > 0 and len(sequence) * times > MAX_SEQUENCE:
                    raise self.failure(
                        f"hasil '*' terlalu panjang ({len(sequence)} × {times}; batas {MAX_SEQUENCE})"
                    )
                return sequence * times
        raise self.failure(f"operator '{symbol}' tidak dapat dipakai pada {kind_of(left)} dan {kind_of(right)}")

    def _subscript(self, node: ast.Subscript) -> Any:
        container = self.run(node.value)
        key = self.run(node.slice)
        if isinstance(container, Mapping):
            try:
                return container[key]
            except KeyError as exc:
                raise self.failure(f"kunci {shorten(repr(key), SHOWN_VALUE)} tidak ada") from exc
            except TypeError as exc:
                raise self.failure(f"{kind_of(key)} tidak dapat dipakai sebagai kunci") from exc
        if isinstance(container, (list, tuple, str)):
            if not isinstance(key, int):
                raise self.failure(f"indeks harus bilangan bulat, bukan {kind_of(key)}")
            if not -len(container) <= key < len(container):
                raise self.failure(f"indeks {key} di luar jangkauan (panjang {len(container)})")
            return container[key]
        raise self.failure(f"tidak dapat mengambil [...] dari {kind_of(container)}")

    def _call(self, node: ast.Call) -> Any:
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS or node.keywords:
            raise self.failure("pemanggilan fungsi ini tidak didukung")
        name = node.func.id
        low, high = ALLOWED_FUNCTIONS[name]
        if len(node.args) < low or (high is not None and len(node.args) > high):
            raise self.failure(f"fungsi '{name}' menerima {arity_text(low, high)}")
        arguments = [self.run(argument) for argument in node.args]
        return self._limited(_FUNCTIONS[name](self, arguments))

    def _limited(self, value: Any) -> Any:
        """Return ``value`` when it is within the result limits, else fail."""
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and abs(value) > MAX_INT:
            raise self.failure("hasil bilangan terlalu besar (batas 10**18)")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.failure("hasil bilangan tidak terhingga")
        if isinstance(value, (str, list, tuple)) and len(value) > MAX_SEQUENCE:
            raise self.failure(f"hasil terlalu panjang ({len(value)}; batas {MAX_SEQUENCE})")
        return value


_NUMERIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
}


def _fn_len(evaluator: Evaluator, args: list[Any]) -> int:
    (value,) = args
    if not isinstance(value, (str, list, tuple, set, frozenset, Mapping)):
        raise evaluator.failure(f"len() butuh teks atau daftar, bukan {kind_of(value)}")
    return len(value)


def _fn_abs(evaluator: Evaluator, args: list[Any]) -> int | float:
    (value,) = args
    if not _is_number(value):
        raise evaluator.failure(f"abs() butuh bilangan, bukan {kind_of(value)}")
    result: int | float = abs(value)
    return result


def _extreme(evaluator: Evaluator, name: str, args: list[Any]) -> Any:
    function: Callable[..., Any] = min if name == "min" else max
    if len(args) == 1:
        (items,) = args
        if not isinstance(items, (str, list, tuple, set, frozenset)):
            raise evaluator.failure(f"{name}() dengan satu argumen butuh daftar, bukan {kind_of(items)}")
        if not items:
            raise evaluator.failure(f"{name}() dari daftar kosong")
        candidates = list(items)
    else:
        candidates = args
    try:
        return function(candidates)
    except TypeError as exc:
        kinds = ", ".join(sorted({kind_of(item) for item in candidates}))
        raise evaluator.failure(f"{name}() tidak dapat membandingkan {kinds}") from exc


def _fn_min(evaluator: Evaluator, args: list[Any]) -> Any:
    return _extreme(evaluator, "min", args)


def _fn_max(evaluator: Evaluator, args: list[Any]) -> Any:
    return _extreme(evaluator, "max", args)


def _fn_round(evaluator: Evaluator, args: list[Any]) -> int | float:
    value = args[0]
    if not _is_number(value):
        raise evaluator.failure(f"round() butuh bilangan, bukan {kind_of(value)}")
    if len(args) == 1:
        try:
            rounded: int | float = round(value)
            return rounded
        except (OverflowError, ValueError) as exc:
            raise evaluator.failure("round() gagal: bilangan tidak terhingga") from exc
    digits = args[1]
    if not isinstance(digits, int) or isinstance(digits, bool):
        raise evaluator.failure(f"jumlah angka di round() harus bilangan bulat, bukan {kind_of(digits)}")
    if abs(digits) > MAX_ROUND_DIGITS:
        raise evaluator.failure(
            f"jumlah angka di round() harus antara -{MAX_ROUND_DIGITS} dan {MAX_ROUND_DIGITS}"
        )
    rounded_to: int | float = round(value, digits)
    return rounded_to


def _fn_int(evaluator: Evaluator, args: list[Any]) -> int:
    (value,) = args
    if isinstance(value, str):
        if len(value.strip()) > 40:
            raise evaluator.failure("teks terlalu panjang untuk int()")
        try:
            return int(value)
        except ValueError as exc:
            shown = shorten(repr(value), SHOWN_VALUE)
            raise evaluator.failure(f"teks {shown} bukan bilangan bulat") from exc
    if not _is_number(value):
        raise evaluator.failure(f"int() butuh bilangan atau teks, bukan {kind_of(value)}")
    try:
        return int(value)
    except (OverflowError, ValueError) as exc:
        raise evaluator.failure("int() gagal: bilangan tidak terhingga") from exc


def _fn_float(evaluator: Evaluator, args: list[Any]) -> float:
    (value,) = args
    if isinstance(value, str):
        if len(value.strip()) > 40:
            raise evaluator.failure("teks terlalu panjang untuk float()")
        try:
            return float(value)
        except ValueError as exc:
            raise evaluator.failure(f"teks {shorten(repr(value), SHOWN_VALUE)} bukan bilangan") from exc
    if not _is_number(value):
        raise evaluator.failure(f"float() butuh bilangan atau teks, bukan {kind_of(value)}")
    try:
        return float(value)
    except OverflowError as exc:
        raise evaluator.failure("float() gagal: bilangan terlalu besar") from exc


def _fn_str(evaluator: Evaluator, args: list[Any]) -> str:
    (value,) = args
    if isinstance(value, (str, int, float)) or value is None:
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset, Mapping)):
        if len(value) > MAX_SEQUENCE:
            raise evaluator.failure(f"str() dari daftar terlalu panjang (batas {MAX_SEQUENCE})")
        return str(value)
    raise evaluator.failure(f"str() tidak dapat dipakai pada {kind_of(value)}")


_FUNCTIONS: dict[str, Callable[[Evaluator, list[Any]], Any]] = {
    "abs": _fn_abs,
    "float": _fn_float,
    "int": _fn_int,
    "len": _fn_len,
    "max": _fn_max,
    "min": _fn_min,
    "round": _fn_round,
    "str": _fn_str,
}


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float))


def kind_of(value: object) -> str:
    """Name a value's type in Indonesian, for messages."""
    if value is None:
        return "kosong (None)"
    if isinstance(value, bool):
        return "benar/salah"
    if isinstance(value, int):
        return "bilangan bulat"
    if isinstance(value, float):
        return "bilangan desimal"
    if isinstance(value, str):
        return "teks"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, tuple):
        return "daftar (tuple)"
    if isinstance(value, (set, frozenset)):
        return "himpunan"
    if isinstance(value, Mapping):
        return "kamus"
    return f"nilai jenis {type(value).__name__}"


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote_source(source: str) -> str:
    printable = "".join(char if char.isprintable() else " " for char in source)
    return "'" + shorten(" ".join(printable.split()), _SHOWN_SOURCE) + "'"
