"""Runtime and store errors come from the catalogue in both languages; every error class is built from a code."""

from __future__ import annotations

import ast
import inspect
import string
from pathlib import Path

import pytest

import engine.errors
from engine.errors import AlreadyCompletedError, AlurError, DataError, ProcessDefinitionError, TaskError
from engine.messages import _CATALOGUE, cli, monitoring, render, runtime, sop, web

ENGINE = Path(engine.errors.__file__).resolve().parent


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _from_code_calls() -> list[tuple[str, int, str, set[str]]]:
    found = []
    for path in sorted([*(ENGINE / "runtime").rglob("*.py"), *(ENGINE / "store").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "from_code"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                keywords = {keyword.arg for keyword in node.keywords if keyword.arg}
                found.append((str(path.relative_to(ENGINE)), node.lineno, str(node.args[0].value), keywords))
    return found


def test_every_code_raised_has_both_languages_and_gets_its_fields() -> None:
    calls = _from_code_calls()
    assert len(calls) > 40
    for where, line, code, given in calls:
        assert code in _CATALOGUE, f"{where}:{line}: {code} has no catalogue entry"
        indonesian, english = _CATALOGUE[code]
        assert indonesian != english and _fields(indonesian) == _fields(english), code
        assert _fields(indonesian) <= given, f"{where}:{line}: {code} needs {_fields(indonesian) - given}"


def test_no_code_is_defined_by_two_stages() -> None:
    seen: dict[str, str] = {}
    for module in (sop, runtime, monitoring, render, cli, web):
        for code in module.ENTRIES:
            assert code not in seen, f"{code} in {seen.get(code)} and {module.__name__}"
            seen[code] = module.__name__


def test_no_runtime_or_store_error_is_an_untranslated_text() -> None:
    alur_errors = {name for name, value in vars(engine.errors).items()
                   if inspect.isclass(value) and issubclass(value, AlurError)}
    offenders = []
    for package in ("runtime", "store"):
        for path in sorted((ENGINE / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                        and isinstance(node.exc.func, ast.Name) and node.exc.func.id in alur_errors):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize("cls", [value for value in vars(engine.errors).values()
                                 if inspect.isclass(value) and issubclass(value, AlurError)],
                         ids=lambda cls: cls.__name__)
def test_every_error_class_is_built_from_a_code(cls: type[AlurError]) -> None:
    error = cls.from_code("runtime_instance_not_found", instance=7)
    assert isinstance(error, cls) and error.code == "runtime_instance_not_found"
    assert str(error) == "Instans 7 tidak ada." and error.render("en") == "Instance 7 does not exist."


def test_subclass_arguments_pass_through_from_code() -> None:
    assert TaskError.from_code("runtime_reason_required", "periksa").task_name == "periksa"
    done = AlreadyCompletedError.from_code("runtime_item_already_done", "periksa", "budi", None,
                                           item=1, user="budi", at="kemarin")
    assert (done.task_name, done.by, done.render("en")) == (
        "periksa", "budi", "Work item 1 was already completed by budi at kemarin.")
    assert DataError.from_code("runtime_form_not_text", "catatan", field="catatan").field == "catatan"
    assert ProcessDefinitionError.from_code("runtime_time_cycle", [], timers="t1").problems == []
