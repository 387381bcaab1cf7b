"""webui and bench are shells over the public engine API; webui decides no access itself.

- every import of an engine module in webui/ and bench/ (top-level, lazy, TYPE_CHECKING) is ``engine``
  or ``engine.errors``;
- no module of webui/ compares roles, units, jabatan, holdings or claims (``==``, ``in``...), reads
  ``sees_every_unit``/``holdings``/``roles`` or calls ``Account.has`` outside the route declarations
  of webui/access.py: the engine's policy (:mod:`engine.access.policy`) answers those questions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import engine

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_ENGINE_MODULES = {"engine", "engine.errors"}
#: Names whose comparison or reading is an access decision.
ACCESS_NAMES = {"role", "roles", "unit", "units", "unit_id", "unit_ids", "jabatan", "jabatan_id", "holdings",
                "sees_every_unit", "sees_unit", "claimed_by", "completed_by"}
#: The route declarations in webui/access.py: the role each view needs, and the home page of a role.
ROUTE_DECLARATIONS = {"_enforce", "may", "home_for", "allow"}


def _consumer_files() -> list[Path]:
    return sorted([*ROOT.joinpath("webui").rglob("*.py"), *ROOT.joinpath("bench").glob("*.py")])


def engine_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """``(line, module)`` of every import of ``engine`` or below in ``tree`` (anywhere in it)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "engine"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "engine":
                found.append((node.lineno, node.module))
                if node.module == "engine":  # ``from engine import runtime`` is a submodule too
                    found += [(node.lineno, f"engine.{alias.name}") for alias in node.names
                              if alias.name not in engine.__all__ and alias.name != "errors"]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__"):
            found += [(node.lineno, arg.value) for arg in node.args[:1]
                      if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                      and arg.value.split(".")[0] == "engine"]
    return found


def test_webui_and_bench_import_only_the_public_engine_api() -> None:
    files = _consumer_files()
    assert len(files) > 10
    wrong = [f"{path.relative_to(ROOT)}:{line} imports {module}"
             for path in files for line, module in engine_imports(ast.parse(path.read_text(), str(path)))
             if module not in ALLOWED_ENGINE_MODULES]
    assert wrong == []


@pytest.mark.parametrize("source", [
    "from engine.runtime.browse import timeline",
    "def lazy():\n    from engine.store import models\n",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import engine.access.accounts\n",
    "from engine import runtime",
    "import importlib\nimportlib.import_module('engine.monitoring.report')",
])
def test_the_import_scan_sees_every_form(source: str) -> None:
    assert [module for _, module in engine_imports(ast.parse(source))
            if module not in ALLOWED_ENGINE_MODULES]


def _mentions_access(node: ast.AST) -> bool:
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute) and part.attr in ACCESS_NAMES:
            return True
        if isinstance(part, ast.Name) and part.id in ACCESS_NAMES:
            return True
        if isinstance(part, ast.Constant) and part.value in ("admin", "penyusun", "pengesah", "pelaksana",
                                                             "pemantau"):
            return True
    return False


def access_decisions(tree: ast.AST, exempt: set[str] = frozenset()) -> list[int]:  # type: ignore[assignment]
    """Lines of ``tree`` that decide access: comparisons over access names, reading the account's
    roles/holdings/unit visibility, or asking ``.has(...)``; functions named in ``exempt`` are skipped."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in exempt:
            skipped |= {id(part) for part in ast.walk(node)}
    lines = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Compare) and _mentions_access(node):
            lines.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr in {"roles", "holdings", "sees_every_unit", "unit_ids",
                                                                "sees_unit"}:
            lines.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "has":
            lines.append(node.lineno)
    return sorted(set(lines))


def test_webui_decides_no_access_itself() -> None:
    wrong = []
    for path in sorted(ROOT.joinpath("webui").rglob("*.py")):
        exempt = ROUTE_DECLARATIONS if path.name == "access.py" else set()
        wrong += [f"{path.relative_to(ROOT)}:{line}"
                  for line in access_decisions(ast.parse(path.read_text(), str(path)), exempt)]
    assert wrong == [], "ask engine.access.policy instead: " + ", ".join(wrong)


@pytest.mark.parametrize("source", [
    "if (item.jabatan, item.unit) not in account.jabatan:\n    pass",
    "if 'admin' in account.roles:\n    pass",
    "units = None if account.sees_every_unit else sorted(account.units)",
    "if not me().has('pemantau'):\n    pass",
    "ok = item.claimed_by == me().username",
    "ok = found.unit in visible",
])
def test_the_access_scan_catches_a_rule_written_in_webui(source: str) -> None:
    assert access_decisions(ast.parse(source))


def test_the_access_scan_lets_ordinary_view_code_pass() -> None:
    source = ("step = step_of_item(runtime(), me(), item_id)\n"
              "if request.method == 'POST' and fmt in ('xlsx', 'pdf'):\n    pass\n")
    assert access_decisions(ast.parse(source)) == []
