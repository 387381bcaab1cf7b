"""The safe expression language for conditions, and the SpiffWorkflow script engine that uses it.

SpiffWorkflow evaluates gateway conditions, timer expressions and scripts with Python's ``eval``
and ``exec``. An empty ``__builtins__`` is no sandbox (``().__class__.__base__.__subclasses__()``
reaches every class in the interpreter), so Alur never hands model text to Python. A condition is
parsed with :mod:`ast` (``mode="eval"``), checked against a whitelist of node types, and evaluated
by walking the tree here. Nothing is ever compiled or run.

The language:

* literals: ``int``, ``float``, ``str``, ``True``, ``False``, ``None``; list, tuple and set
  literals of allowed expressions;
* names, looked up in the task data (a name that is not there is an error, never a default);
* comparisons ``== != < <= > >= in`` and ``not in``, also chained (``1 < x <= 10``);
* ``and``, ``or`` (short-circuit, Python semantics), ``not``;
* arithmetic ``+ - * / // %`` and unary ``-``/``+``; no ``**``;
* subscripts ``data["key"]`` and ``x[0]`` on dict, list, tuple and str values (no slices);
* calls of ``abs``, ``float``, ``int``, ``len``, ``max``, ``min``, ``round`` and ``str`` only,
  with positional arguments;
* ``a if c else b``.

Everything else (attributes, other calls, lambdas, comprehensions, f-strings, ``:=``, starred
arguments, names starting with ``_``) is rejected when the condition is parsed. Size limits
(:data:`MAX_LENGTH`, :data:`MAX_NODES`, :data:`MAX_DEPTH`) and result limits (:data:`MAX_INT`,
:data:`MAX_SEQUENCE`) keep a condition from eating memory or time.

What a caller sees when a condition fails inside SpiffWorkflow (with :func:`safe_script_engine`):
a :class:`SpiffWorkflow.bpmn.exceptions.WorkflowTaskException` whose message is the Indonesian
message, whose ``task`` is the gateway task (left in state ``ERROR``), whose ``error_type`` is
``"ConditionError"`` and whose ``__cause__`` is the :class:`~engine.errors.ConditionError`.
:func:`find_condition_error` digs it out of any exception chain.
"""

from __future__ import annotations

import ast
import difflib
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.script_engine.python_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.script_engine.python_environment import BasePythonScriptEngineEnvironment
from SpiffWorkflow.exceptions import SpiffWorkflowException

from .errors import ConditionError

__all__ = [
    "ALLOWED_FUNCTIONS",
    "MAX_DEPTH",
    "MAX_INT",
    "MAX_LENGTH",
    "MAX_NODES",
    "MAX_SEQUENCE",
    "Condition",
    "SafeEnvironment",
    "SafeScriptEngine",
    "check_condition",
    "evaluate_condition",
    "find_condition_error",
    "parse_condition",
    "safe_script_engine",
]

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

_HINT = "Gunakan perbandingan sederhana seperti jumlah_hari > 12."
_SHOWN_SOURCE = 80
_SHOWN_VALUE = 40

_COMPARISONS: dict[type[ast.cmpop], tuple[str, Callable[[Any, Any], Any]]] = {
    ast.Eq: ("==", operator.eq),
    ast.NotEq: ("!=", operator.ne),
    ast.Lt: ("<", operator.lt),
    ast.LtE: ("<=", operator.le),
    ast.Gt: (">", operator.gt),
    ast.GtE: (">=", operator.ge),
    ast.In: ("in", lambda left, right: left in right),
    ast.NotIn: ("not in", lambda left, right: left not in right),
}

_ARITHMETIC: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
}

_FORBIDDEN_OPERATORS: dict[type[ast.AST], str] = {
    ast.Pow: "**",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.Invert: "~",
}

_FORBIDDEN_NODES: dict[type[ast.AST], str] = {
    ast.Attribute: "akses atribut",
    ast.Lambda: "fungsi lambda ('lambda')",
    ast.ListComp: "comprehension ('[... for ... in ...]')",
    ast.SetComp: "comprehension ('{... for ... in ...}')",
    ast.DictComp: "comprehension ('{...: ... for ... in ...}')",
    ast.GeneratorExp: "generator ('(... for ... in ...)')",
    ast.JoinedStr: "f-string (f'...')",
    ast.FormattedValue: "f-string (f'...')",
    ast.NamedExpr: "walrus (':=')",
    ast.Starred: "argumen bintang ('*x')",
    ast.Dict: "kamus ('{kunci: nilai}')",
    ast.Slice: "potongan ('x[a:b]')",
    ast.Await: "'await'",
    ast.Yield: "'yield'",
    ast.YieldFrom: "'yield from'",
}


@dataclass(frozen=True)
class Condition:
    """A condition that passed the whitelist; build it with :func:`parse_condition`.

    Evaluation walks :attr:`tree` and handles only whitelisted node types, so even a hand-built
    instance cannot run anything outside the language.
    """

    #: The condition text as written in the model.
    source: str
    #: The checked syntax tree (``mode="eval"``). Never mutated.
    tree: ast.Expression = field(compare=False, repr=False)
    #: Names the condition reads from the task data (function names are not included).
    names: frozenset[str] = field(default=frozenset(), compare=False)

    def evaluate(self, data: Mapping[str, object]) -> object:
        """Evaluate the condition against ``data`` (the task data) and return its value.

        :param data: the values the condition's names refer to.
        :raises ConditionError: a name is missing from ``data``, or an operation fails (types
            that cannot be compared, division by zero, a result too large ...).
        """
        if not isinstance(data, Mapping):
            raise ConditionError(
                f"Syarat {_quote(self.source)} gagal dievaluasi: data formulir harus berupa kamus "
                f"(nama: nilai), bukan {_kind(data)}.",
                expression=self.source,
            )
        evaluator = _Evaluator(self.source, data)
        try:
            return evaluator.run(self.tree.body)
        except ConditionError:
            raise
        except ZeroDivisionError as exc:
            raise evaluator.failure("pembagian dengan nol") from exc
        except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
            raise evaluator.failure(f"operasi tidak dapat dilakukan ({type(exc).__name__})") from exc
        except (RecursionError, MemoryError) as exc:
            raise evaluator.failure("data terlalu besar atau terlalu dalam untuk diperiksa") from exc


def parse_condition(source: str) -> Condition:
    """Parse and check ``source``; the result is cached per text.

    :raises ConditionError: ``source`` is not text, is empty, too long, too complex, not a valid
        expression, or uses a construct outside the language. The message names the construct.
    """
    if not isinstance(source, str):
        raise ConditionError(f"Syarat harus berupa teks, bukan {_kind(source)}.", expression=str(source))
    return _parse_cached(source)


def check_condition(source: str) -> list[str]:
    """Every problem of ``source`` as a reason, without the condition text; empty when fine.

    Meant for the model checker, which shows each reason as "syarat '...' ditolak: <reason>".
    """
    if not isinstance(source, str):
        return [f"syarat harus berupa teks, bukan {_kind(source)}."]
    try:
        tree = _parse_tree(source)
    except _Unparsable as exc:
        return [exc.reason]
    checker = _Checker()
    checker.check(tree)
    reasons = [f"{reason}." for reason in checker.problems]
    if reasons:
        reasons[-1] = f"{reasons[-1]} {_HINT}"
    return reasons


def evaluate_condition(source: str, data: Mapping[str, object]) -> object:
    """Parse ``source`` (cached) and evaluate it against ``data``.

    :raises ConditionError: when the condition is rejected or fails.
    """
    return parse_condition(source).evaluate(data)


def find_condition_error(exc: BaseException) -> ConditionError | None:
    """The :class:`ConditionError` in ``exc``'s chain (``exc`` itself, causes, contexts), if any.

    Use it on what SpiffWorkflow raises to show the user the Indonesian message.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ConditionError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


@lru_cache(maxsize=1024)
def _parse_cached(source: str) -> Condition:
    try:
        tree = _parse_tree(source)
    except _Unparsable as exc:
        raise ConditionError(exc.message, expression=source) from exc.__cause__
    checker = _Checker()
    checker.check(tree)
    if checker.problems:
        raise ConditionError(
            f"Syarat {_quote(source)} tidak diizinkan: {checker.problems[0]}. {_HINT}", expression=source
        )
    return Condition(source=source, tree=tree, names=frozenset(checker.names))


class _Unparsable(Exception):
    """``source`` cannot be parsed within the limits; internal, turned into ConditionError.

    :param message: the full user message, naming the condition.
    :param reason: the same without the condition text, for :func:`check_condition`.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


def _parse_tree(source: str) -> ast.Expression:
    """Parse ``source`` into an expression tree within the size limits (no whitelist yet).

    :raises _Unparsable: empty, too long, not an expression, too complex or too deep.
    """
    text = source.strip()
    if not text:
        raise _Unparsable(f"Syarat kosong. {_HINT}", f"syarat kosong. {_HINT}")
    if len(text) > MAX_LENGTH:
        reason = f"terlalu panjang ({len(text)} karakter; batas {MAX_LENGTH}). {_HINT}"
        raise _Unparsable(f"Syarat {reason}", reason)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        reason = f"tidak dapat dibaca: {_syntax_reason(text, exc)}. {_HINT}"
        raise _Unparsable(f"Syarat {_quote(source)} {reason}", reason) from exc
    except (ValueError, RecursionError, MemoryError) as exc:
        # ValueError: null bytes; RecursionError/MemoryError: nesting too deep for the parser.
        reason = f"tidak dapat dibaca: penulisan tidak sah atau terlalu rumit. {_HINT}"
        raise _Unparsable(f"Syarat {_quote(source)} {reason}", reason) from exc
    nodes, depth = _measure(tree)
    if nodes > MAX_NODES:
        reason = f"terlalu rumit ({nodes} bagian; batas {MAX_NODES}); pecah menjadi beberapa keputusan."
        raise _Unparsable(f"Syarat {_quote(source)} {reason}", reason)
    if depth > MAX_DEPTH:
        reason = (f"terlalu dalam bersarang (kedalaman {depth}; batas {MAX_DEPTH}); "
                  "pecah menjadi beberapa keputusan.")
        raise _Unparsable(f"Syarat {_quote(source)} {reason}", reason)
    return tree


def _measure(tree: ast.AST) -> tuple[int, int]:
    """Count expression nodes and their deepest nesting, without recursion."""
    count = 0
    deepest = 0
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, ast.expr):
            count += 1
            depth += 1
            deepest = max(deepest, depth)
        stack.extend((child, depth) for child in ast.iter_child_nodes(node))
    return count, deepest


def _syntax_reason(text: str, exc: SyntaxError) -> str:
    detail = str(exc.msg or "")
    if "too many nested parentheses" in detail or "too many nested" in detail:
        return "terlalu banyak tanda kurung bersarang"
    if "null bytes" in detail:
        return "berisi karakter nol (null)"
    reason = "bukan ekspresi yang sah"
    if exc.offset:
        reason += f" (kolom {exc.offset})"
    if _has_single_equals(text):
        reason += "; untuk membandingkan gunakan '==', bukan '='"
    return reason


def _has_single_equals(text: str) -> bool:
    for index, char in enumerate(text):
        if char != "=":
            continue
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if before not in "=!<>:" and after != "=":
            return True
    return False


class _Checker:
    """Walks a parsed tree and records every construct outside the language."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.names: set[str] = set()

    def check(self, tree: ast.Expression) -> None:
        self._visit(tree.body)

    def _reject(self, reason: str) -> None:
        if reason not in self.problems:
            self.problems.append(reason)

    def _visit(self, node: ast.AST) -> None:  # noqa: C901 - one branch per node type
        if isinstance(node, ast.Constant):
            self._constant(node.value)
        elif isinstance(node, ast.Name):
            if self._name_allowed(node.id):
                self.names.add(node.id)
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            for element in node.elts:
                self._visit(element)
        elif isinstance(node, ast.Compare):
            for op in node.ops:
                if type(op) not in _COMPARISONS:
                    self._reject(_comparison_reason(op))
            self._visit(node.left)
            for comparator in node.comparators:
                self._visit(comparator)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                self._visit(value)
        elif isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Invert):
                self._reject("operator '~' tidak didukung")
            self._visit(node.operand)
        elif isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Pow):
                self._reject("pangkat ('**') tidak didukung; tulis perkaliannya, misalnya x * x")
            elif type(node.op) not in _ARITHMETIC:
                symbol = _FORBIDDEN_OPERATORS.get(type(node.op), type(node.op).__name__)
                self._reject(f"operator '{symbol}' tidak didukung")
            self._visit(node.left)
            self._visit(node.right)
        elif isinstance(node, ast.Subscript):
            self._visit(node.value)
            self._visit(node.slice)
        elif isinstance(node, ast.IfExp):
            self._visit(node.test)
            self._visit(node.body)
            self._visit(node.orelse)
        elif isinstance(node, ast.Call):
            self._call(node)
        elif isinstance(node, ast.Attribute):
            self._reject(f"akses atribut ('.{node.attr}') tidak didukung")
            self._visit(node.value)
        else:
            construct = _FORBIDDEN_NODES.get(type(node), f"bentuk '{type(node).__name__}'")
            self._reject(f"{construct} tidak didukung")
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self._visit(child)

    def _constant(self, value: object) -> None:
        if value is None or isinstance(value, (bool, str)):
            return
        if isinstance(value, int):
            if abs(value) > MAX_INT:
                self._reject(f"bilangan {_shorten(str(value), _SHOWN_VALUE)} terlalu besar (batas 10**18)")
        elif isinstance(value, float):
            if not math.isfinite(value):
                self._reject(f"bilangan {value!r} tidak terhingga")
        elif isinstance(value, bytes):
            self._reject("bytes (b'...') tidak didukung")
        elif isinstance(value, complex):
            self._reject("bilangan kompleks tidak didukung")
        else:
            self._reject(f"nilai {value!r} tidak didukung")

    def _name_allowed(self, name: str) -> bool:
        if name.startswith("_"):
            self._reject(
                f"nama '{name}' tidak didukung: nama yang diawali garis bawah ('_') tidak boleh dipakai"
            )
            return False
        return True

    def _call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name):
            name = func.id
            if name not in ALLOWED_FUNCTIONS:
                allowed = ", ".join(sorted(ALLOWED_FUNCTIONS))
                self._reject(f"pemanggilan fungsi '{name}' tidak didukung (yang boleh: {allowed})")
            else:
                low, high = ALLOWED_FUNCTIONS[name]
                count = len(node.args)
                if count < low or (high is not None and count > high):
                    self._reject(f"fungsi '{name}' menerima {_arity(low, high)}, bukan {count}")
        elif isinstance(func, ast.Attribute):
            self._visit(func)
        else:
            self._reject("hanya fungsi bernama yang boleh dipanggil")
            self._visit(func)
        for keyword in node.keywords:
            label = f"{keyword.arg}=" if keyword.arg else "**"
            self._reject(f"argumen bernama ('{label}') tidak didukung")
            self._visit(keyword.value)
        for argument in node.args:
            self._visit(argument)


def _comparison_reason(op: ast.cmpop) -> str:
    if isinstance(op, ast.Is):
        return "operator 'is' tidak didukung; gunakan '=='"
    if isinstance(op, ast.IsNot):
        return "operator 'is not' tidak didukung; gunakan '!='"
    return f"perbandingan '{type(op).__name__}' tidak didukung"


def _arity(low: int, high: int | None) -> str:
    if high is None:
        return f"sedikitnya {low} argumen"
    if low == high:
        return f"{low} argumen"
    return f"{low} sampai {high} argumen"


class _Evaluator:
    """Evaluates a checked tree against the task data; handles whitelisted node types only."""

    def __init__(self, source: str, data: Mapping[str, object]) -> None:
        self.source = source
        self.data = data

    def failure(self, reason: str) -> ConditionError:
        return ConditionError(
            f"Syarat {_quote(self.source)} gagal dievaluasi: {reason}.", expression=self.source
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
            message = f"Nama '{name}' tidak ada di data formulir (syarat {_quote(self.source)})."
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
            symbol, function = _COMPARISONS.get(type(op), ("?", None))
            if function is None:
                raise self.failure(f"perbandingan '{type(op).__name__}' tidak didukung")
            try:
                outcome = function(left, right)
            except TypeError as exc:
                if symbol in ("in", "not in"):
                    reason = f"tidak dapat memeriksa {_kind(left)} '{symbol}' {_kind(right)}"
                else:
                    reason = f"tidak dapat membandingkan {_kind(left)} dengan {_kind(right)} ('{symbol}')"
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
                raise self.failure(f"tanda '{symbol}' hanya untuk bilangan, bukan {_kind(value)}")
            return self._limited(-value if symbol == "-" else +value)
        raise self.failure(f"operator '{type(node.op).__name__}' tidak didukung")

    def _binary(self, node: ast.BinOp) -> Any:
        symbol = _ARITHMETIC.get(type(node.op))
        if symbol is None:
            raise self.failure(f"operator '{_FORBIDDEN_OPERATORS.get(type(node.op), '?')}' tidak didukung")
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
        raise self.failure(f"operator '{symbol}' tidak dapat dipakai pada {_kind(left)} dan {_kind(right)}")

    def _subscript(self, node: ast.Subscript) -> Any:
        container = self.run(node.value)
        key = self.run(node.slice)
        if isinstance(container, Mapping):
            try:
                return container[key]
            except KeyError as exc:
                raise self.failure(f"kunci {_shorten(repr(key), _SHOWN_VALUE)} tidak ada") from exc
            except TypeError as exc:
                raise self.failure(f"{_kind(key)} tidak dapat dipakai sebagai kunci") from exc
        if isinstance(container, (list, tuple, str)):
            if not isinstance(key, int):
                raise self.failure(f"indeks harus bilangan bulat, bukan {_kind(key)}")
            if not -len(container) <= key < len(container):
                raise self.failure(f"indeks {key} di luar jangkauan (panjang {len(container)})")
            return container[key]
        raise self.failure(f"tidak dapat mengambil [...] dari {_kind(container)}")

    def _call(self, node: ast.Call) -> Any:
        if not isinstance(node.func, ast.Name) or node.func.id not in _FUNCTIONS or node.keywords:
            raise self.failure("pemanggilan fungsi ini tidak didukung")
        name = node.func.id
        low, high = ALLOWED_FUNCTIONS[name]
        if len(node.args) < low or (high is not None and len(node.args) > high):
            raise self.failure(f"fungsi '{name}' menerima {_arity(low, high)}")
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


def _fn_len(evaluator: _Evaluator, args: list[Any]) -> int:
    (value,) = args
    if not isinstance(value, (str, list, tuple, set, frozenset, Mapping)):
        raise evaluator.failure(f"len() butuh teks atau daftar, bukan {_kind(value)}")
    return len(value)


def _fn_abs(evaluator: _Evaluator, args: list[Any]) -> int | float:
    (value,) = args
    if not _is_number(value):
        raise evaluator.failure(f"abs() butuh bilangan, bukan {_kind(value)}")
    result: int | float = abs(value)
    return result


def _extreme(evaluator: _Evaluator, name: str, args: list[Any]) -> Any:
    function: Callable[..., Any] = min if name == "min" else max
    if len(args) == 1:
        (items,) = args
        if not isinstance(items, (str, list, tuple, set, frozenset)):
            raise evaluator.failure(f"{name}() dengan satu argumen butuh daftar, bukan {_kind(items)}")
        if not items:
            raise evaluator.failure(f"{name}() dari daftar kosong")
        candidates = list(items)
    else:
        candidates = args
    try:
        return function(candidates)
    except TypeError as exc:
        kinds = ", ".join(sorted({_kind(item) for item in candidates}))
        raise evaluator.failure(f"{name}() tidak dapat membandingkan {kinds}") from exc


def _fn_min(evaluator: _Evaluator, args: list[Any]) -> Any:
    return _extreme(evaluator, "min", args)


def _fn_max(evaluator: _Evaluator, args: list[Any]) -> Any:
    return _extreme(evaluator, "max", args)


def _fn_round(evaluator: _Evaluator, args: list[Any]) -> int | float:
    value = args[0]
    if not _is_number(value):
        raise evaluator.failure(f"round() butuh bilangan, bukan {_kind(value)}")
    if len(args) == 1:
        try:
            rounded: int | float = round(value)
            return rounded
        except (OverflowError, ValueError) as exc:
            raise evaluator.failure("round() gagal: bilangan tidak terhingga") from exc
    digits = args[1]
    if not isinstance(digits, int) or isinstance(digits, bool):
        raise evaluator.failure(f"jumlah angka di round() harus bilangan bulat, bukan {_kind(digits)}")
    if abs(digits) > MAX_ROUND_DIGITS:
        raise evaluator.failure(
            f"jumlah angka di round() harus antara -{MAX_ROUND_DIGITS} dan {MAX_ROUND_DIGITS}"
        )
    rounded_to: int | float = round(value, digits)
    return rounded_to


def _fn_int(evaluator: _Evaluator, args: list[Any]) -> int:
    (value,) = args
    if isinstance(value, str):
        if len(value.strip()) > 40:
            raise evaluator.failure("teks terlalu panjang untuk int()")
        try:
            return int(value)
        except ValueError as exc:
            shown = _shorten(repr(value), _SHOWN_VALUE)
            raise evaluator.failure(f"teks {shown} bukan bilangan bulat") from exc
    if not _is_number(value):
        raise evaluator.failure(f"int() butuh bilangan atau teks, bukan {_kind(value)}")
    try:
        return int(value)
    except (OverflowError, ValueError) as exc:
        raise evaluator.failure("int() gagal: bilangan tidak terhingga") from exc


def _fn_float(evaluator: _Evaluator, args: list[Any]) -> float:
    (value,) = args
    if isinstance(value, str):
        if len(value.strip()) > 40:
            raise evaluator.failure("teks terlalu panjang untuk float()")
        try:
            return float(value)
        except ValueError as exc:
            raise evaluator.failure(f"teks {_shorten(repr(value), _SHOWN_VALUE)} bukan bilangan") from exc
    if not _is_number(value):
        raise evaluator.failure(f"float() butuh bilangan atau teks, bukan {_kind(value)}")
    try:
        return float(value)
    except OverflowError as exc:
        raise evaluator.failure("float() gagal: bilangan terlalu besar") from exc


def _fn_str(evaluator: _Evaluator, args: list[Any]) -> str:
    (value,) = args
    if isinstance(value, (str, int, float)) or value is None:
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset, Mapping)):
        if len(value) > MAX_SEQUENCE:
            raise evaluator.failure(f"str() dari daftar terlalu panjang (batas {MAX_SEQUENCE})")
        return str(value)
    raise evaluator.failure(f"str() tidak dapat dipakai pada {_kind(value)}")


_FUNCTIONS: dict[str, Callable[[_Evaluator, list[Any]], Any]] = {
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


def _kind(value: object) -> str:
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


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(source: str) -> str:
    printable = "".join(char if char.isprintable() else " " for char in source)
    return "'" + _shorten(" ".join(printable.split()), _SHOWN_SOURCE) + "'"


class SafeEnvironment(BasePythonScriptEngineEnvironment):
    """A SpiffWorkflow script-engine environment that evaluates only the safe language.

    Expressions (gateway conditions, timer expressions, ...) go through :func:`parse_condition`;
    scripts and service calls are always refused: Alur never runs code from a model.
    """

    def __init__(self) -> None:
        super().__init__({})

    def evaluate(self, expression: str, context: Mapping[str, Any],
                 external_context: Mapping[str, Any] | None = None) -> object:
        """Evaluate ``expression`` against the data objects overlaid with the task data.

        :raises ConditionError: the expression is rejected or fails.
        """
        return parse_condition(expression).evaluate({**(external_context or {}), **context})

    def execute(self, script: str, context: dict[str, Any],
                external_context: Mapping[str, Any] | None = None) -> bool:
        """Refuse ``script``.

        :raises ConditionError: always.
        """
        raise ConditionError(
            "Skrip tidak dijalankan oleh Alur: model berisi skrip (scriptTask, pre-script atau "
            "post-script), dan Alur tidak pernah menjalankan kode dari model. Hapus skrip itu; "
            "untuk memilih cabang gunakan syarat pada gerbang keputusan.",
            expression=script if isinstance(script, str) else "",
        )

    def call_service(self, context: dict[str, Any], **kwargs: Any) -> Any:
        """Refuse the service call.

        :raises ConditionError: always.
        """
        raise ConditionError(
            "Tugas layanan (serviceTask) tidak dijalankan oleh Alur: Alur tidak memanggil layanan "
            "dari model. Ganti dengan kegiatan yang dikerjakan petugas."
        )


class SafeScriptEngine(PythonScriptEngine):
    """:class:`PythonScriptEngine` on :class:`SafeEnvironment`, with the error raised chained.

    SpiffWorkflow's own engine wraps a non-Spiff error with ``raise`` inside ``except`` (so the
    original is only the implicit ``__context__``) and an English message, and its
    ``call_service`` raises ``NameError`` while reporting. This engine raises
    ``WorkflowTaskException(<Indonesian message>, task=task) from <ConditionError>``.
    """

    def __init__(self) -> None:
        super().__init__(environment=SafeEnvironment())

    def validate(self, expression: str) -> None:
        """Check ``expression`` against the safe language (SpiffWorkflow calls this for DMN).

        :raises ConditionError: the expression is rejected.
        """
        parse_condition(expression)

    def evaluate(self, task: Any, expression: str,
                 external_context: Mapping[str, Any] | None = None) -> object:
        """Evaluate ``expression`` on ``task``'s data.

        :raises WorkflowTaskException: caused by the :class:`ConditionError`.
        """
        try:
            return self.environment.evaluate(expression, task.data, external_context)
        except SpiffWorkflowException as exc:
            exc.add_note(f"Error evaluating expression '{expression}'")
            raise
        except ConditionError as exc:
            raise _task_exception(task, exc) from exc
        except Exception as exc:
            raise WorkflowTaskException(f"Error evaluating expression '{expression}'", task=task,
                                        exception=exc) from exc

    def execute(self, task: Any, script: str, external_context: Mapping[str, Any] | None = None) -> bool:
        """Refuse ``script``.

        :raises WorkflowTaskException: always, caused by the :class:`ConditionError`.
        """
        try:
            return bool(self.environment.execute(script, task.data, external_context or {}))
        except ConditionError as exc:
            raise _task_exception(task, exc) from exc

    def call_service(self, task: Any, **kwargs: Any) -> Any:
        """Refuse the service call.

        :raises WorkflowTaskException: always, caused by the :class:`ConditionError`.
        """
        try:
            return self.environment.call_service(task.data, **kwargs)
        except ConditionError as exc:
            raise _task_exception(task, exc) from exc


def _task_exception(task: Any, exc: ConditionError) -> WorkflowTaskException:
    # SpiffWorkflowException.__str__ appends ". " and its notes, so drop our final period.
    return WorkflowTaskException(exc.message.rstrip("."), task=task, exception=exc)


def safe_script_engine() -> PythonScriptEngine:
    """A script engine for ``BpmnWorkflow(spec, script_engine=...)`` that never runs model code."""
    return SafeScriptEngine()
