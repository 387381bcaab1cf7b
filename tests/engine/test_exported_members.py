from __future__ import annotations

import ast
import inspect
from pathlib import Path

import engine
import engine.errors
from engine.errors import AlurError
from engine.messages import LANGUAGES, _CATALOGUE, known_codes

ENGINE = Path(engine.__file__).resolve().parent


def test_all_lists_exactly_the_public_names_sorted() -> None:
    public = {name for name in vars(engine) if not name.startswith("_")}
    modules = {name for name, value in vars(engine).items() if inspect.ismodule(value)}
    assert set(engine.__all__) == public - modules - {"annotations"}
    assert engine.__all__ == sorted(engine.__all__)


def test_engine_never_imports_flask() -> None:
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.split(".")[0] in {"flask", "webui", "werkzeug"}, f"{path} imports {name}"


def test_every_error_derives_from_alur_error() -> None:
    classes = [value for value in vars(engine.errors).values()
               if inspect.isclass(value) and issubclass(value, Exception)]
    assert classes and all(issubclass(cls, AlurError) for cls in classes)


def test_every_problem_code_used_in_the_engine_has_both_languages() -> None:
    used: set[str] = set()
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            # problem("code", ...), self.error("code", ...), self.notice("code", ...), add("code", ...), self._add(...)
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in {"problem", "error", "notice", "add", "_add"} and isinstance(node.args[0].value, str):
                    used.add(node.args[0].value)
    assert len(used) > 30, sorted(used)
    missing = used - known_codes()
    assert not missing, f"codes without catalogue entries: {sorted(missing)}"
    for code in used:
        indonesian, english = _CATALOGUE[code]
        assert indonesian and english and indonesian != english or "{" in indonesian
    assert LANGUAGES == ("id", "en")
