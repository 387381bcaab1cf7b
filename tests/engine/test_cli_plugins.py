"""The ``alur`` group takes extra commands from the ``alur.commands`` entry points; engine never names the web UI."""

from __future__ import annotations

import ast
import re
from importlib.metadata import EntryPoint
from pathlib import Path

import click
from click.testing import CliRunner

import engine
from engine.cli.main import COMMAND_GROUP, add_plugin_commands

ENGINE = Path(engine.__file__).resolve().parent
FORBIDDEN = {"flask", "webui", "werkzeug", "flask_wtf", "gunicorn"}


@click.command("halo")
def hello() -> None:
    click.echo("halo dari plug-in")


def test_entry_point_commands_join_the_group_and_a_broken_one_is_skipped() -> None:
    group = click.Group("alur", commands={"check": click.Command("check")})
    points = [EntryPoint("halo", f"{__name__}:hello", COMMAND_GROUP),
              EntryPoint("rusak", "tidak_ada_modul_ini:perintah", COMMAND_GROUP),
              EntryPoint("check", f"{__name__}:hello", COMMAND_GROUP)]
    assert add_plugin_commands(group, points) == ["halo"]
    assert group.commands["check"].callback is None  # an existing command is never replaced
    assert CliRunner().invoke(group, ["halo"]).output == "halo dari plug-in\n"


def test_pyproject_declares_the_web_commands_in_the_group() -> None:
    text = (ENGINE.parent / "pyproject.toml").read_text()
    section = text.split(f'[project.entry-points."{COMMAND_GROUP}"]', 1)[1].split("\n[", 1)[0]
    for name in ("demo", "serve", "account"):
        assert re.search(rf'^{name} = "webui\.cli:{name}_command"$', section, re.M), name


def test_engine_never_names_the_web_ui_or_its_framework() -> None:
    for path in ENGINE.rglob("*.py"):
        source = path.read_text()
        for node in ast.walk(ast.parse(source, str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = re.findall(r"[A-Za-z_][\w.]*", node.value)
            for name in names:
                assert name.split(".")[0].lower() not in FORBIDDEN, f"{path} names {name}"
        assert not re.search(r"\b(webui|flask|werkzeug)\b", source, re.I), f"{path} names the web UI"
