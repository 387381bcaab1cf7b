"""Sosialisasi in a real browser: the penyusun saves the plan and distributes an approved SOP, the clerk
acknowledges it from their worklist, the penyusun sees the tanda terima and the register's coverage;
screenshots in artifacts/screenshots/ (sosialisasi-*.png)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import LiveServer, sign_in, sign_out
from tests.conftest import PROCESSES

pytest.importorskip("playwright")

KEY = "penerbitan-surat-keterangan"


def test_plan_distribute_and_acknowledge(page: Any, server: LiveServer, shot: Any) -> None:
    from engine import add_account

    runtime = server.server.app.extensions["alur_runtime"]
    runtime.publish(PROCESSES / f"{KEY}.bpmn", KEY)
    # the kelurahan's own penyusun manages its SOP's sosialisasi (the policy: the units the penyusun sees;
    # the SOP names its unit with the kecamatan, the clerks of this fixture hold theirs as "Kelurahan Sukamaju")
    add_account(runtime, "penyusun-kel", "penyusun-kel-rahasia", ["penyusun"], nama="Sari Wulandari",
                jabatan=[("Sekretaris Kelurahan", "Kelurahan Sukamaju"),
                         ("Sekretaris Kelurahan", "Kecamatan Sukamaju Kota - Kelurahan Sukamaju")])
    sign_in(page, server, "penyusun-kel")
    page.goto(f"{server.url}/sosialisasi/sop/{KEY}")
    page.fill("input[name=jadwal_mulai]", "2026-03-09")
    page.fill("textarea[name=pejabat]", "Kepala Bagian Organisasi")
    page.fill("textarea[name=sasaran]", "Petugas pelayanan dan Lurah Kelurahan Sukamaju")
    page.fill("textarea[name=pemantauan]", "Observasi supervisor dan wawancara pelaksana")
    page.click("#simpan-rencana")
    page.wait_for_load_state()
    page.fill("#distribusi input[name=unit]", "Kelurahan Sukamaju")
    page.click("#distribusikan")
    page.wait_for_load_state()
    assert "0 dari 2 sudah menerima" in page.inner_text("#cakupan")  # Ahmad Fauzi and the pengesah (Lurah)
    shot(page, "sosialisasi-rencana-distribusi")
    sign_out(page)

    sign_in(page, server, "pelaksana")
    page.goto(f"{server.url}/tugas/")
    assert "SOP untuk diketahui" in page.inner_text("#sop-diketahui")
    shot(page, "sosialisasi-untuk-diketahui")
    page.click(f"#terima-{KEY}")
    page.wait_for_load_state()
    assert "Tanda terima SOP" in page.inner_text("main") and page.locator("#sop-diketahui").count() == 0
    sign_out(page)

    sign_in(page, server, "penyusun-kel")
    page.goto(f"{server.url}/sosialisasi/sop/{KEY}")
    row = page.inner_text("#tanda-terima tr[data-user=pelaksana]")
    assert "Ahmad Fauzi" in row and "Diterima" in row
    shot(page, "sosialisasi-tanda-terima")
    page.goto(f"{server.url}/penyusun/")
    assert "1 dari 2 sudah menerima" in page.inner_text(f"#register tr[data-key={KEY}]")
