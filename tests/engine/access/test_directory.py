"""The employee directory behind a NIP field: found by digits whatever the spacing, refused to the wrong roles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from engine import ManualClock, add_account, find_employee
from engine.access.accounts import account
from engine.errors import AccessDeniedError, DataError
from engine.runtime.facade import Runtime
from tests.engine.runtime.conftest import UNIT, fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    found = Runtime(fresh_url(request.param, tmp_path, request), clock=ManualClock())
    yield found
    found.close()


def test_a_nip_finds_its_pegawai_with_todays_jabatan_however_it_is_typed(runtime: Runtime) -> None:
    add_account(runtime, "siti", "siti-rahasia-1", ["pelaksana"], "Siti Aminah", nip="19850330 201001 1 002",
                jabatan=[("Analis Kebijakan", UNIT)])
    add_account(runtime, "ani", "ani-rahasia-1", ["pelaksana"], "Ani", nip="199001012015032001")
    clerk = account(runtime, "ani")
    for typed in ("198503302010011002", "19850330 201001 1 002", "19850330.201001.1.002"):
        found = find_employee(runtime, clerk, typed)
        assert found is not None and found.nama == "Siti Aminah"
        assert found.jabatan == (("Analis Kebijakan", UNIT),)
    assert find_employee(runtime, clerk, "198503302010011003") is None
    with pytest.raises(DataError) as short:
        find_employee(runtime, clerk, "1985")
    assert short.value.field == "nip" and "18" in str(short.value)


def test_only_clerks_and_administrators_look_pegawai_up(runtime: Runtime) -> None:
    add_account(runtime, "inspektur", "inspektur-rahasia-1", ["pemantau"], "Inspektur")
    with pytest.raises(AccessDeniedError):
        find_employee(runtime, account(runtime, "inspektur"), "198503302010011002")
