"""A parameter sweep built from the app's URL map: every route, web pages and API, with hostile values.

Path arguments get ids beyond 64 bits, zero and odd text; every request field a view reads (found in
the source of its module) gets hostile dates, numbers, text and sizes, one at a time; API bodies get
NaN, deep nesting and huge numbers. No answer may be a 500 (or an exception out of the app).
"""

from __future__ import annotations

import inspect
import re
import sys
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from engine.access.accounts import issue_token

HOSTILE = ["9999-12-31", "0001-01-01", "x", str(2**64), "9" * 400, "\x00", "a" * 30_000, "//jahat.example"]
PATH_VALUES = {"int": [str(2**64), str(2**63), "0"], "default": ["x", "a" * 500, "%00"]}
BODIES = ['{"form": {"a": NaN}}', "[" * 100_000 + "]" * 100_000, '{"form": {"a": ' + "9" * 5000 + "}}",
          '{"form": "x", "unit": 5, "ujicoba": "ya"}', "not json", '{"a": Infinity}', '{"form": {"catatan": 5}}']
_FIELD = re.compile(r"""(?:request\.(?:args|form|values)\.(?:get|getlist)|request_date|_flag)\(\s*f?"([^"{]+)""")


def _fields(view: Any) -> list[str]:
    """The request fields ``view`` reads, itself or through the module's helpers it calls."""
    module = sys.modules[view.__module__]
    source = inspect.getsource(view)
    for helper in set(re.findall(r"\b(_\w+)\(", source)):
        found = getattr(module, helper, None)
        if inspect.isfunction(found):
            source += inspect.getsource(found)
    return sorted(set(_FIELD.findall(source)) | {"key", "endpoint", "next"})


def _path(rule: Any, value_for: dict[str, str]) -> str:
    path = rule.rule
    for name, converter in rule._converters.items():
        kind = "int" if type(converter).__name__.lower().startswith("int") or "Int" in type(converter).__name__ \
            else "default"
        path = re.sub(r"<(?:[^:>]+:)?%s>" % re.escape(name), value_for.get(kind, "x"), path)
    return path


def _requests(app: Flask) -> list[tuple[str, str, str, dict[str, Any]]]:
    calls: list[tuple[str, str, str, dict[str, Any]]] = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        methods = sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
        paths = {_path(rule, {"int": "1", "default": "surat-masuk"})}
        for kind, values in PATH_VALUES.items():
            for value in values:
                paths.add(_path(rule, {"int": value if kind == "int" else "1",
                                       "default": value if kind == "default" else "surat-masuk"}))
        for method in methods:
            for path in sorted(paths):
                calls.append((rule.endpoint, method, path, {}))
            base = _path(rule, {"int": "1", "default": "surat-masuk"})
            for field in _fields(view):
                for value in HOSTILE:
                    where = "query_string" if method == "GET" else "data"
                    calls.append((rule.endpoint, method, base, {where: {field: value}}))
                    if method == "POST" and field in {"next", "key", "endpoint", "dari", "sampai"}:
                        calls.append((rule.endpoint, method, base, {"query_string": {field: value}}))
            if method == "POST" and rule.endpoint.startswith("api."):
                for body in BODIES:
                    calls.append((rule.endpoint, method, base,
                                  {"data": body, "content_type": "application/json"}))
    return calls


@pytest.fixture
def hostile_app(app: Flask) -> Flask:
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 is answered (and counted), not raised into the test
    return app


def test_no_route_answers_500_to_hostile_parameters(hostile_app: Flask, login: Any, client: FlaskClient) -> None:
    login("admin")
    bearer = {"Authorization": "Bearer " + issue_token(hostile_app.extensions["alur_runtime"], "admin")}
    calls = _requests(hostile_app)
    assert len({endpoint for endpoint, *_ in calls}) == len(
        {rule.endpoint for rule in hostile_app.url_map.iter_rules()}) - 1
    failures = []
    for endpoint, method, path, options in calls:
        if endpoint == "auth.logout":
            continue  # it would end the sweep's own session (its parameters are none)
        headers = bearer if endpoint.startswith("api.") else {}
        answer = client.open(path, method=method, headers=headers, **options)
        if answer.status_code >= 500:
            failures.append(f"{method} {path[:80]} {str(options)[:120]} -> {answer.status_code}")
        if answer.status_code in (301, 302, 303, 307, 308):
            location = answer.headers.get("Location", "")
            assert not re.match(r"^(https?:)?//(?!localhost)", location), f"off-site redirect: {path} -> {location}"
    assert not failures, f"{len(failures)} of {len(calls)} requests answered 500:\n" + "\n".join(failures[:60])
