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

SpiffWorkflow evaluates conditions through :mod:`engine.bpmn.spiff.scripts`. What a caller sees when a
condition fails inside SpiffWorkflow (with :func:`engine.bpmn.spiff.scripts.safe_script_engine`):
a :class:`SpiffWorkflow.bpmn.exceptions.WorkflowTaskException` whose message is the Indonesian
message, whose ``task`` is the gateway task (left in state ``ERROR``), whose ``error_type`` is
``"ConditionError"`` and whose ``__cause__`` is the :class:`~engine.errors.ConditionError`.
:func:`find_condition_error` digs it out of any exception chain.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from engine.sop.conditions.evaluate import (
    ARITHMETIC,
    COMPARISONS,
    FORBIDDEN_OPERATORS,
    HINT,
    SHOWN_VALUE,
    ALLOWED_FUNCTIONS,
    MAX_DEPTH,
    MAX_INT,
    MAX_LENGTH,
    MAX_NODES,
    MAX_SEQUENCE,
    arity_text,
    Evaluator,
    kind_of,
    quote_source,
    shorten,
)
from engine.errors import ConditionError

__all__ = [
    "ALLOWED_FUNCTIONS",
    "MAX_DEPTH",
    "MAX_INT",
    "MAX_LENGTH",
    "MAX_NODES",
    "MAX_SEQUENCE",
    "Condition",
    "check_condition",
    "evaluate_condition",
    "find_condition_error",
    "parse_condition",
]

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
            raise ConditionError.from_code("condition_data_not_a_mapping", self.source,
                                           source=quote_source(self.source), data=kind_of(data))
        evaluator = Evaluator(self.source, data)
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
        raise ConditionError.from_code("condition_not_text", str(source), kind=kind_of(source))
    return _parse_cached(source)


def check_condition(source: str) -> list[str]:
    """Every problem of ``source`` as a reason, without the condition text; empty when fine.

    Meant for the model checker, which shows each reason as "syarat '...' ditolak: <reason>".
    """
    if not isinstance(source, str):
        return [f"syarat harus berupa teks, bukan {kind_of(source)}."]
    try:
        tree = parse_tree(source)
    except Unparsable as exc:
        return [exc.reason]
    checker = _Checker()
    checker.check(tree)
    reasons = [f"{reason}." for reason in checker.problems]
    if reasons:
        reasons[-1] = f"{reasons[-1]} {HINT}"
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
        tree = parse_tree(source)
    except Unparsable as exc:
        raise ConditionError(exc.message, expression=source) from exc.__cause__
    checker = _Checker()
    checker.check(tree)
    if checker.problems:
        raise ConditionError.from_code("condition_not_allowed", source, source=quote_source(source),
                                       problem=checker.problems[0], hint=HINT)
    return Condition(source=source, tree=tree, names=frozenset(checker.names))


class Unparsable(Exception):
    """``source`` cannot be parsed within the limits; internal, turned into ConditionError.

    :param message: the full user message, naming the condition.
    :param reason: the same without the condition text, for :func:`check_condition`.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


def parse_tree(source: str) -> ast.Expression:
    """Parse ``source`` into an expression tree within the size limits (no whitelist yet).

    :raises Unparsable: empty, too long, not an expression, too complex or too deep.
    """
    text = source.strip()
    if not text:
        raise Unparsable(f"Syarat kosong. {HINT}", f"syarat kosong. {HINT}")
    if len(text) > MAX_LENGTH:
        reason = f"terlalu panjang ({len(text)} karakter; batas {MAX_LENGTH}). {HINT}"
        raise Unparsable(f"Syarat {reason}", reason)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        reason = f"tidak dapat dibaca: {_syntax_reason(text, exc)}. {HINT}"
        raise Unparsable(f"Syarat {quote_source(source)} {reason}", reason) from exc
    except (ValueError, RecursionError, MemoryError) as exc:
        # ValueError: null bytes; RecursionError/MemoryError: nesting too deep for the parser.
        reason = f"tidak dapat dibaca: penulisan tidak sah atau terlalu rumit. {HINT}"
        raise Unparsable(f"Syarat {quote_source(source)} {reason}", reason) from exc
    nodes, depth = _measure(tree)
    if nodes > MAX_NODES:
        reason = f"terlalu rumit ({nodes} bagian; batas {MAX_NODES}); pecah menjadi beberapa keputusan."
        raise Unparsable(f"Syarat {quote_source(source)} {reason}", reason)
    if depth > MAX_DEPTH:
        reason = (f"terlalu dalam bersarang (kedalaman {depth}; batas {MAX_DEPTH}); "
                  "pecah menjadi beberapa keputusan.")
        raise Unparsable(f"Syarat {quote_source(source)} {reason}", reason)
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
                if type(op) not in COMPARISONS:
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
            elif type(node.op) not in ARITHMETIC:
                symbol = FORBIDDEN_OPERATORS.get(type(node.op), type(node.op).__name__)
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
                self._reject(f"bilangan {shorten(str(value), SHOWN_VALUE)} terlalu besar (batas 10**18)")
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
                    self._reject(f"fungsi '{name}' menerima {arity_text(low, high)}, bukan {count}")
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
