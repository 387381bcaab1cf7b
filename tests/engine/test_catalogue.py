"""The one message catalogue: every code in both languages, defined once, and every code used exists."""

from __future__ import annotations

import ast
import builtins
import string
import types
from pathlib import Path

import pytest

import engine
import engine.messages
from engine.messages import STAGES, known_codes, merge, message
from engine.monitoring.workbook import EVALUATION_QUESTION_CODES, OUTCOME_CODES
from engine.sop.diff import STEP_FIELDS

ENGINE = Path(engine.__file__).resolve().parent
WEBUI = ENGINE.parent / "webui"
MESSAGES = ENGINE / "messages"
#: Functions whose first argument is a catalogue code.
_CODE_TAKERS = {"message", "from_code", "translate"}


def _literal_codes(node: ast.expr) -> list[str]:
    """The string constants a code argument can take: ``"a"`` or ``"a" if x else "b"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literal_codes(node.body) + _literal_codes(node.orelse)
    return []


def _codes_used(folder: Path) -> dict[str, str]:
    used: dict[str, str] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _CODE_TAKERS:
                for code in _literal_codes(node.args[0]):
                    used[code] = f"{path.relative_to(ENGINE.parent)}:{node.lineno}"
    return used


def test_every_code_has_indonesian_and_english() -> None:
    catalogue = merge(STAGES)
    assert len(catalogue) > 400 and set(catalogue) == known_codes()
    for code, texts in catalogue.items():
        assert len(texts) == 2, code
        indonesian, english = texts
        assert isinstance(indonesian, str) and indonesian.strip(), code
        assert isinstance(english, str) and english.strip(), code


def test_every_code_used_in_engine_and_webui_exists() -> None:
    used = _codes_used(ENGINE) | _codes_used(WEBUI)
    assert len(used) > 120, sorted(used)
    missing = {code: where for code, where in used.items() if code not in known_codes()}
    assert not missing, missing


def test_codes_kept_in_tables_exist() -> None:
    tables = [*EVALUATION_QUESTION_CODES, *OUTCOME_CODES.values(), *STEP_FIELDS.values()]
    assert len(tables) == 7 + 3 + 14
    assert not [code for code in tables if code not in known_codes()]


def test_every_unsupported_bpmn_element_has_its_own_code() -> None:
    from engine.bpmn.reader import _UNSUPPORTED_CODE

    assert len(set(_UNSUPPORTED_CODE.values())) == len(_UNSUPPORTED_CODE) == 13
    assert not [code for code in _UNSUPPORTED_CODE.values() if code not in known_codes()]
    assert message("unsupported_boundary_event", "en").startswith("Boundary event cannot be run by Alur; ")
    assert message("unsupported_intermediate_throw_event", "id", kind="signal") == (
        "Kejadian antara pelempar bertipe signal tidak dapat dijalankan Alur; hapus atau ganti dengan kegiatan.")


def test_every_stage_module_is_merged() -> None:
    files = {path.stem for path in MESSAGES.glob("*.py")} - {"__init__"}
    assert {module.__name__.rsplit(".", 1)[1] for module in STAGES} == files


def test_a_code_defined_in_two_stage_modules_stops_the_merge() -> None:
    first = types.ModuleType("engine.messages.first")
    first.ENTRIES = {"shared": ("satu", "one"), "only_first": ("a", "a")}  # type: ignore[attr-defined]
    second = types.ModuleType("engine.messages.second")
    second.ENTRIES = {"shared": ("dua", "two")}  # type: ignore[attr-defined]
    with pytest.raises(ValueError) as caught:
        merge([first, second])
    assert "'shared'" in str(caught.value) and "first" in str(caught.value) and "second" in str(caught.value)
    assert merge([first]) == {"shared": ("satu", "one"), "only_first": ("a", "a")}


def test_no_code_is_written_twice_inside_a_stage_module() -> None:
    """A dict literal silently keeps the last of two equal keys; the catalogue's modules must not rely on it."""
    for path in MESSAGES.glob("*.py"):
        seen: dict[str, int] = {}
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Dict):
                for key in node.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        assert key.value not in seen, f"{path.name}: {key.value!r} at lines {seen[key.value]} and {key.lineno}"
                        seen[key.value] = key.lineno


def _is_text_pair(node: ast.expr) -> bool:
    return (isinstance(node, ast.Tuple) and len(node.elts) == 2
            and all(isinstance(item, ast.Constant) and isinstance(item.value, str) for item in node.elts))


def test_no_private_text_table_outside_the_catalogue() -> None:
    """Indonesian/English pairs live in engine/messages/ (engine/render/ and engine/runtime/ have their own owners)."""
    exempt = {MESSAGES, ENGINE / "render", ENGINE / "runtime"}
    found = []
    for path in ENGINE.rglob("*.py"):
        if any(folder in path.parents for folder in exempt):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            values: list[ast.expr] = []
            if isinstance(node, ast.Dict):
                values = [value for value in node.values if value is not None]
            elif isinstance(node, ast.Tuple):
                values = list(node.elts)
            if len(values) >= 2 and sum(_is_text_pair(value) for value in values) >= 2:
                found.append(f"{path.relative_to(ENGINE.parent)}:{node.lineno}")
    assert found == []


def test_web_words_come_from_the_engine_catalogue() -> None:
    source = (WEBUI / "i18n.py").read_text()
    assert "TEXTS" not in source and "from engine import message" in source
    assert engine.message("nav_monitoring", "en") == "SOP performance"
    assert "message" in engine.__all__


def _raised_with_text(folder: Path, root: Path = ENGINE.parent) -> list[str]:
    """``raise SomeError("...")`` / ``raise SomeError(f"...")`` sites: an error whose message is not a code."""
    found = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            func = node.exc.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if (name.endswith("Error") and not hasattr(builtins, name)
                    and isinstance(node.exc.args[0], (ast.Constant, ast.JoinedStr))):
                found.append(f"{path.relative_to(root)}:{node.lineno}:{name}")
    return found


def test_no_error_is_raised_with_a_literal_message() -> None:
    """Every AlurError carries a catalogue code, so ``--lang en`` never shows an Indonesian-only error.

    Built-in errors (``ValueError``, ``TypeError``) are programming errors and not for users.
    """
    # engine/render/ is converted by the render work that owns it while this lands.
    exempt = {ENGINE / "render"}
    # PatternError is a ValueError whose first argument *is* a catalogue code ("pattern_too_long", ...),
    # turned into a coded Problem by engine.sop.registration.
    # DisconnectionError is SQLAlchemy's signal to its pool that a connection is dead (engine/store/db.py's
    # idle ping): the pool catches it and connects again, nobody is shown its text.
    not_a_text = {"PatternError", "DisconnectionError"}
    found = [site for site in _raised_with_text(ENGINE)
             if not any(folder in (ENGINE.parent / site.split(":")[0]).parents for folder in exempt)
             and site.rsplit(":", 1)[1] not in not_a_text]
    assert found == []


def test_the_literal_message_scan_finds_one(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text('def f(x):\n    raise DataError(f"Nilai {x} salah.")\n'
                                     'def g():\n    raise ValueError("programming error")\n'
                                     'def h():\n    raise InputError.from_code("worktime_hours_empty")\n'
                                     'def i():\n    raise errors.StoreError("Basis data menolak.")\n')
    assert _raised_with_text(tmp_path, tmp_path) == ["bad.py:2:DataError", "bad.py:8:StoreError"]


def test_both_languages_of_a_code_take_the_same_fields() -> None:
    """A field only one language names is lost (or shown as ``{field}``) in the other (``x_en`` in English is
    the English form of ``x``, given together with it)."""
    formatter = string.Formatter()
    differing = {}
    for code, texts in merge(STAGES).items():
        fields = [{part[1] for part in formatter.parse(text) if part[1] is not None} for text in texts]
        # a nested message already translated is passed in both languages: ``reason`` and ``reason_en``
        english = {name.removesuffix("_en") for name in fields[1]}
        if fields[0] != english:
            differing[code] = fields
    assert differing == {}
