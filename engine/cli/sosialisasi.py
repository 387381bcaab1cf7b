"""``alur sosialisasi ...`` and ``alur pelatihan ...`` (Permendagri 52/2011 stages 6-8), for the operator:
the plan of an approved SOP version, its distribution to the pelaksana, a recipient's tanda terima,
the coverage, per-SOP penanggung jawab and pemantau; pelatihan sessions and simulation instances."""

from __future__ import annotations

import datetime as dt

import click

from engine.cli.lang import current_lang
from engine.errors import AlurError, DataError
from engine.lifecycle.pelatihan import PELATIHAN_KINDS, record_session, sessions_of, start_simulation
from engine.lifecycle.sosialisasi import (ASSIGNMENT_ROLES, acknowledge, assign, coverage, distribute,
                                          distributions_of, save_plan, unassign)
from engine.messages import message
from engine.runtime.facade import Runtime


def _fail(exc: AlurError) -> None:
    click.echo(exc.render(current_lang()), err=True)
    raise SystemExit(exc.exit_code) from exc


def _day(name: str, text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DataError.from_code("sos_cli_bad_date", name, value=text[:40]) from exc


def _local(runtime: Runtime, moment: dt.datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(runtime.calendar.tz).strftime("%Y-%m-%d %H:%M %Z")


@click.group("sosialisasi")
def sosialisasi_group() -> None:
    """Sosialisasi SOP: rencana, distribusi, tanda terima, penugasan, cakupan."""


@sosialisasi_group.command("rencana")
@click.argument("sop")
@click.option("--mulai", required=True, help="Jadwal mulai (YYYY-MM-DD).")
@click.option("--selesai", default=None, help="Jadwal selesai (YYYY-MM-DD).")
@click.option("--pejabat", required=True, help="Pejabat yang melakukan sosialisasi.")
@click.option("--sasaran", required=True, help="Target pelaksanaan.")
@click.option("--pemantauan", required=True, help="Cara memantau pelaksanaan.")
@click.option("--tempat", default="", help="Tempat.")
@click.option("--materi", default="", help="Informasi yang disampaikan.")
@click.option("--oleh", "by", default="cli", show_default=True, help="Dicatat sebagai penyimpan.")
def plan_command(sop: str, mulai: str, selesai: str | None, pejabat: str, sasaran: str, pemantauan: str,
                 tempat: str, materi: str, by: str) -> None:
    """Simpan rencana sosialisasi versi SOP yang disahkan terbaru."""
    runtime = Runtime()
    try:
        start = _day("mulai", mulai)
        assert start is not None
        saved = save_plan(runtime, sop, by, jadwal_mulai=start, jadwal_selesai=_day("selesai", selesai),
                          pejabat=pejabat, sasaran=sasaran, pemantauan=pemantauan, tempat=tempat, materi=materi)
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    click.echo(message("sos_cli_plan_saved", current_lang(), sop=sop, version=saved.version))


@sosialisasi_group.command("distribusi")
@click.argument("sop")
@click.option("--unit", default=None, help="Unit penerima (bawaan: unit SOP).")
@click.option("--seluruh-unit", "whole_unit", is_flag=True, help="Seluruh pegawai unit.")
@click.option("--oleh", "by", default="cli", show_default=True, help="Dicatat sebagai pendistribusi.")
def distribute_command(sop: str, unit: str | None, whole_unit: bool, by: str) -> None:
    """Distribusikan SOP kepada pemegang jabatan pelaksananya di unit."""
    runtime = Runtime()
    try:
        given = distribute(runtime, sop, by, unit=unit, whole_unit=whole_unit)
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    click.echo(message("sos_cli_distributed", current_lang(), sop=sop, count=len(given),
                       names=", ".join(item.username for item in given) or "-"))


@sosialisasi_group.command("terima")
@click.argument("sop")
@click.option("--as", "username", required=True, help="Penerima yang menandatangani tanda terima.")
def acknowledge_command(sop: str, username: str) -> None:
    """Catat tanda terima SOP oleh penerimanya."""
    runtime = Runtime()
    try:
        receipt = acknowledge(runtime, sop, username)
        at = _local(runtime, receipt.acknowledged_at)
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    click.echo(message("sos_cli_acknowledged", current_lang(), sop=sop, version=receipt.version, user=username, at=at))


@sosialisasi_group.command("daftar")
@click.argument("sop")
def list_command(sop: str) -> None:
    """Daftar penerima SOP dan tanda terimanya."""
    lang = current_lang()
    runtime = Runtime()
    try:
        rows = distributions_of(runtime, sop)
        lines = [message("sos_cli_distribution_line", lang, user=row.username, unit=row.unit,
                         jabatan=row.jabatan or message("sos_as_staff", lang),
                         state=_local(runtime, row.acknowledged_at) if row.acknowledged_at
                         else message("sos_waiting", lang)) for row in rows]
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    for line in lines:
        click.echo(line)


@sosialisasi_group.command("cakupan")
@click.argument("sop", nargs=-1)
def coverage_command(sop: tuple[str, ...]) -> None:
    """Cakupan tanda terima (n dari m) tiap SOP yang sudah didistribusikan."""
    lang = current_lang()
    runtime = Runtime()
    try:
        found = coverage(runtime, list(sop) or None)
    finally:
        runtime.close()
    if not found:
        click.echo(message("sos_cli_no_coverage", lang))
    for key, counted in sorted(found.items()):
        click.echo(message("sos_cli_coverage_line", lang, sop=key, version=counted.version,
                           acknowledged=counted.acknowledged, distributed=counted.distributed))


@sosialisasi_group.command("tugaskan")
@click.argument("sop")
@click.argument("username")
@click.option("--peran", type=click.Choice(ASSIGNMENT_ROLES), required=True, help="Peran pada SOP.")
@click.option("--cabut", is_flag=True, help="Cabut penugasan.")
@click.option("--oleh", "by", default="cli", show_default=True, help="Dicatat sebagai yang menetapkan.")
def assign_command(sop: str, username: str, peran: str, cabut: bool, by: str) -> None:
    """Tetapkan (atau cabut) penanggung jawab atau pemantau SOP."""
    runtime = Runtime()
    try:
        if cabut:
            unassign(runtime, sop, username, peran, by)
        else:
            assign(runtime, sop, username, peran, by)
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    code = "sos_cli_lifted" if cabut else "sos_cli_assigned"
    click.echo(message(code, current_lang(), sop=sop, user=username, role=message(f"sos_role_{peran}", current_lang())))


@click.group("pelatihan")
def pelatihan_group() -> None:
    """Pelatihan pemahaman SOP: catat sesi, daftar sesi, mulai simulasi."""


@pelatihan_group.command("catat")
@click.argument("sop")
@click.option("--tanggal", required=True, help="Tanggal (YYYY-MM-DD).")
@click.option("--jenis", type=click.Choice(PELATIHAN_KINDS), required=True, help="Jenis pelatihan.")
@click.option("--peserta", required=True, help="Nama pengguna peserta, dipisah spasi atau koma.")
@click.option("--catatan", default="", help="Catatan.")
@click.option("--oleh", "by", default="cli", show_default=True, help="Dicatat sebagai pencatat.")
def record_command(sop: str, tanggal: str, jenis: str, peserta: str, catatan: str, by: str) -> None:
    """Catat sesi pelatihan pada versi SOP yang disahkan terbaru."""
    runtime = Runtime()
    try:
        day = _day("tanggal", tanggal)
        assert day is not None
        session = record_session(runtime, sop, by, held_on=day, kind=jenis, attendees=peserta, notes=catatan)
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    click.echo(message("sos_cli_session_recorded", current_lang(), id=session.id, kind=jenis, date=day.isoformat(),
                       count=len(session.attendees)))


@pelatihan_group.command("daftar")
@click.argument("sop")
def sessions_command(sop: str) -> None:
    """Daftar sesi pelatihan SOP, terbaru dahulu."""
    lang = current_lang()
    runtime = Runtime()
    try:
        found = sessions_of(runtime, sop)
    finally:
        runtime.close()
    for session in found:
        click.echo(message("sos_cli_session_line", lang, id=session.id, date=session.held_on.isoformat(),
                           kind=session.kind, version=session.version, attendees=", ".join(session.attendees)))


@pelatihan_group.command("simulasi")
@click.argument("sop")
@click.option("--as", "username", required=True, help="Pengguna yang berlatih (pemegang jabatan langkah pertama).")
@click.option("--data", "data", default=None, help="Isian langkah pertama (JSON).")
@click.option("--unit", default=None, help="Unit tempat simulasi berjalan.")
def simulation_command(sop: str, username: str, data: str | None, unit: str | None) -> None:
    """Mulai instans simulasi (latihan) versi yang disahkan; tidak dihitung monitoring maupun ujicoba."""
    import json

    lang = current_lang()
    runtime = Runtime()
    try:
        try:
            form = json.loads(data) if data is not None else None
        except ValueError as exc:
            raise DataError.from_code("cli_run_bad_json", "data", error=exc) from exc
        instance, ready = start_simulation(runtime, sop, username, form, unit=unit)
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    click.echo(message("sos_cli_simulation_started", lang, id=instance.id, registration=instance.registration,
                       items=", ".join(f"#{item.id} {item.kegiatan}" for item in ready) or "-"))
