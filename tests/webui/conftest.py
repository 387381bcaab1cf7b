"""Fixtures: an app on a fresh SQLite store under ``tmp_path`` with one account per role, and a login helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from engine import ManualClock, Runtime
from engine.access.accounts import add_account
from tests.conftest import PROCESSES
from webui import create_app

UNIT = "Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian"
SURAT = PROCESSES / "pengelolaan-surat-masuk.bpmn"
#: ``username -> (roles, jabatan)``; the password is ``<username>-rahasia``.
PEOPLE: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    "admin": (["admin"], []),
    "penyusun": (["penyusun"], [("Analis Organisasi", UNIT)]),
    "verifikator": (["verifikator"], [("Analis Kelembagaan", "Sekretariat Daerah - Bagian Organisasi")]),
    "pengesah": (["pengesah"], [("Kepala Dinas", UNIT)]),
    "pelaksana": (["pelaksana"], [(jabatan, UNIT) for jabatan in (
        "Pengadministrasi Perkantoran", "Kepala Subbagian Umum dan Kepegawaian", "Sekretaris", "Kepala Dinas")]),
    "pemantau": (["pemantau"], []),
}


def seed_people(runtime: Runtime) -> None:
    for username, (roles, jabatan) in PEOPLE.items():
        add_account(runtime, username, f"{username}-rahasia", roles, nama=username.title(), nip="1990", jabatan=jabatan)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def app(tmp_path: Path, clock: ManualClock) -> Flask:
    # The ujicoba gate has its own test (test_monitor_pages.py); here approval follows the lifecycle alone.
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}", "CLOCK": clock, "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    seed_people(runtime)
    runtime.publish(SURAT, "surat-masuk")
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def login(client: FlaskClient) -> Callable[[str], FlaskClient]:
    """``login("pelaksana")`` signs the test client in as that demo person."""

    def sign_in(username: str) -> FlaskClient:
        answer = client.post("/masuk", data={"username": username, "password": f"{username}-rahasia"})
        assert answer.status_code == 302, answer.get_data(as_text=True)[:500]
        return client

    return sign_in
