"""``alur tim`` and ``alur inventarisasi``: the seed's stages 1-3 from the command line.

``alur tim buat|anggota|akhiri|pembekalan|daftar`` keeps the Tim penyusun SOP (SK, members with role
and SKPD, pembekalan); ``alur inventarisasi tambah|ubah|daftar|nomori|tetapkan|tulis|tabel`` keeps the
daftar inventarisasi, numbers it, records the Kepala Daerah's decision, starts writing and writes the
NO | JUDUL SOP | NOMOR SOP table as PDF or XLSX. Every command runs as an account (``--as``) so the
policy decides, as on the pages.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from engine.access.accounts import account
from engine.cli.lang import current_lang
from engine.errors import InputError
from engine.formats.files import write_atomically
from engine.lifecycle.inventory import (
    add_entry,
    assign_numbers,
    inventory_entries,
    record_decision,
    start_writing,
    update_entry,
)
from engine.lifecycle.inventory_print import number_table, number_table_pdf, number_table_xlsx
from engine.lifecycle.tim import TIM_ROLES, add_member, create_tim, end_member, parse_stage_day, record_briefing, tims
from engine.messages import message
from engine.runtime.facade import Runtime
from engine.sop.numbering import DEFAULT_PATTERN

_AS = click.option("--as", "username", required=True, help="Akun yang melakukan perubahan / the acting account.")


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@click.group("tim")
def tim_group() -> None:
    """Tim penyusun SOP (Permendagri 52/2011 tahap 1): SK, anggota, pembekalan."""


@tim_group.command("buat")
@click.option("--unit", required=True, help="Pemda atau OPD yang dilayani Tim.")
@click.option("--nama", required=True, help="Nama Tim.")
@click.option("--sk", required=True, help="Nomor SK pembentukan Tim.")
@click.option("--tanggal", required=True, help="Tanggal SK (YYYY-MM-DD).")
@_AS
def tim_create_command(unit: str, nama: str, sk: str, tanggal: str, username: str) -> None:
    """Bentuk Tim penyusun SOP suatu Pemda atau OPD dari SK-nya."""
    runtime = Runtime()
    try:
        found = create_tim(runtime, account(runtime, username), unit, nama, sk, parse_stage_day(tanggal, "tanggal"))
    finally:
        runtime.close()
    click.echo(message("tahap_cli_tim_created", current_lang(), team=found.id, unit=found.unit, sk=found.sk_number))


@tim_group.command("anggota")
@click.argument("team_id", type=int)
@click.argument("user")
@click.option("--peran", type=click.Choice(TIM_ROLES), required=True, help="Peran dalam Tim.")
@click.option("--unit", required=True, help="SKPD anggota (unit Tim atau di bawahnya).")
@_AS
def tim_member_command(team_id: int, user: str, peran: str, unit: str, username: str) -> None:
    """Tambahkan USER ke Tim TEAM_ID dengan perannya dan SKPD-nya."""
    runtime = Runtime()
    try:
        found = add_member(runtime, account(runtime, username), team_id, user, peran, unit)
    finally:
        runtime.close()
    click.echo(message("tahap_cli_member_added", current_lang(), member=found.id, user=found.username,
                       role=message(f"tahap_role_{found.role}", current_lang()), unit=found.unit))


@tim_group.command("akhiri")
@click.argument("member_id", type=int)
@_AS
def tim_end_command(member_id: int, username: str) -> None:
    """Akhiri keanggotaan MEMBER_ID (tidak lagi menyusun SOP SKPD-nya)."""
    runtime = Runtime()
    try:
        end_member(runtime, account(runtime, username), member_id)
    finally:
        runtime.close()
    click.echo(message("tahap_cli_member_ended", current_lang(), member=member_id))


@tim_group.command("pembekalan")
@click.argument("team_id", type=int)
@click.option("--tanggal", required=True, help="Tanggal pembekalan (YYYY-MM-DD).")
@click.option("--topik", required=True, help="Topik pembekalan.")
@click.option("--peserta", required=True, help="Anggota yang hadir, dipisah koma.")
@_AS
def tim_briefing_command(team_id: int, tanggal: str, topik: str, peserta: str, username: str) -> None:
    """Catat pembekalan Tim TEAM_ID: tanggal, topik, peserta."""
    runtime = Runtime()
    try:
        found = record_briefing(runtime, account(runtime, username), team_id, parse_stage_day(tanggal, "tanggal"),
                                topik, _names(peserta))
    finally:
        runtime.close()
    click.echo(message("tahap_cli_briefing", current_lang(), day=found.held_on.isoformat(),
                       count=len(found.attendees)))


@tim_group.command("daftar")
@_AS
def tim_list_command(username: str) -> None:
    """Tampilkan setiap Tim dengan SK, anggota dan pembekalannya."""
    runtime = Runtime()
    try:
        found = tims(runtime, account(runtime, username))
    finally:
        runtime.close()
    lang = current_lang()
    for team in found:
        click.echo(message("tahap_cli_tim_line", lang, team=team.id, name=team.name, unit=team.unit,
                           sk=team.sk_number, day=team.sk_date.isoformat()))
        for member in team.active_members:
            click.echo(message("tahap_cli_member_line", lang, member=member.id, user=member.username,
                               role=message(f"tahap_role_{member.role}", lang), unit=member.unit))
        for briefing in team.briefings:
            click.echo(message("tahap_cli_briefing_line", lang, day=briefing.held_on.isoformat(),
                               topic=briefing.topic, users=", ".join(briefing.attendees)))


@click.group("inventarisasi")
def inventory_group() -> None:
    """Daftar inventarisasi SOP (tahap 2-3): judul, kriteria, analisis, nomor, keputusan, tabel."""


@inventory_group.command("tambah")
@click.option("--unit", required=True, help="Unit yang memerlukan SOP.")
@click.option("--judul", required=True, help="Judul SOP.")
@click.option("--kriteria", default="", help="Kriteria terpenuhi, dipisah koma: rutin, tahapan_jelas, "
                                              "output_jelas, banyak_pihak.")
@click.option("--analisis", default="", help="Catatan analisis kebutuhan.")
@_AS
def inventory_add_command(unit: str, judul: str, kriteria: str, analisis: str, username: str) -> None:
    """Tambahkan butir: judul dan unit sudah cukup."""
    runtime = Runtime()
    try:
        found = add_entry(runtime, account(runtime, username), unit, judul, _names(kriteria), analisis)
    finally:
        runtime.close()
    click.echo(message("tahap_cli_entry_added", current_lang(), entry=found.id, title=found.title, unit=found.unit))


@inventory_group.command("ubah")
@click.argument("entry_id", type=int)
@click.option("--judul", default=None, help="Judul baru.")
@click.option("--kriteria", default=None, help="Kriteria terpenuhi (menggantikan yang lama), dipisah koma.")
@click.option("--analisis", default=None, help="Catatan analisis kebutuhan.")
@_AS
def inventory_update_command(entry_id: int, judul: str | None, kriteria: str | None, analisis: str | None,
                             username: str) -> None:
    """Ubah judul, kriteria atau analisis butir ENTRY_ID."""
    runtime = Runtime()
    try:
        found = update_entry(runtime, account(runtime, username), entry_id, title=judul,
                             criteria=None if kriteria is None else _names(kriteria), analysis=analisis)
    finally:
        runtime.close()
    click.echo(message("tahap_cli_entry_line", current_lang(), entry=found.id, title=found.title,
                       number=found.number or "-", unit=found.unit, criteria=len(found.criteria),
                       key=found.sop_key or "-"))


@inventory_group.command("daftar")
@click.option("--unit", default="", help="Hanya unit ini dan unit di bawahnya.")
@_AS
def inventory_list_command(unit: str, username: str) -> None:
    """Tampilkan daftar inventarisasi."""
    runtime = Runtime()
    try:
        found = inventory_entries(runtime, account(runtime, username), unit)
    finally:
        runtime.close()
    for item in found:
        click.echo(message("tahap_cli_entry_line", current_lang(), entry=item.id, title=item.title,
                           number=item.number or "-", unit=item.unit, criteria=len(item.criteria),
                           key=item.sop_key or "-"))


@inventory_group.command("nomori")
@click.option("--unit", required=True, help="Unit yang butirnya diberi nomor.")
@click.option("--kode", default="", help="Kode unit pada nomor (bawaan: kode unit).")
@click.option("--pola", default=lambda: os.environ.get("ALUR_NUMBER_PATTERN", DEFAULT_PATTERN),
              show_default="$ALUR_NUMBER_PATTERN atau {urut:03d}/SOP/{unit}/{tahun}", help="Pola nomor SOP.")
@_AS
def inventory_number_command(unit: str, kode: str, pola: str, username: str) -> None:
    """Beri nomor butir unit yang belum bernomor, menurut pola nomor SOP."""
    runtime = Runtime()
    try:
        found = assign_numbers(runtime, account(runtime, username), unit, pola, kode)
    finally:
        runtime.close()
    lang = current_lang()
    for item in found:
        click.echo(message("tahap_cli_numbered", lang, entry=item.id, number=item.number, title=item.title))
    click.echo(message("tahap_cli_numbered_count", lang, count=len(found)))


@inventory_group.command("tetapkan")
@click.option("--unit", required=True, help="Pemda atau OPD yang dicakup keputusan.")
@click.option("--nomor", required=True, help="Nomor Keputusan Kepala Daerah.")
@click.option("--tanggal", required=True, help="Tanggal keputusan (YYYY-MM-DD).")
@_AS
def inventory_decide_command(unit: str, nomor: str, tanggal: str, username: str) -> None:
    """Catat Keputusan Kepala Daerah yang menetapkan nama dan nomor SOP unit itu."""
    runtime = Runtime()
    try:
        decision, fixed = record_decision(runtime, account(runtime, username), nomor,
                                          parse_stage_day(tanggal, "tanggal"), unit)
    finally:
        runtime.close()
    click.echo(message("tahap_cli_decision", current_lang(), number=decision.number, count=len(fixed)))


@inventory_group.command("tulis")
@click.argument("entry_id", type=int)
@_AS
def inventory_write_command(entry_id: int, username: str) -> None:
    """Mulai menulis butir ENTRY_ID: menjadi draf SOP di daftar SOP."""
    runtime = Runtime()
    try:
        key = start_writing(runtime, account(runtime, username), entry_id)
    finally:
        runtime.close()
    click.echo(message("tahap_cli_writing", current_lang(), entry=entry_id, key=key))


@inventory_group.command("tabel")
@click.option("--unit", default="", help="Hanya unit ini dan unit di bawahnya.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas .pdf atau .xlsx.")
@_AS
def inventory_table_command(unit: str, output: Path, username: str) -> None:
    """Tulis tabel NO | JUDUL SOP | NOMOR SOP sebagai PDF atau XLSX."""
    lang = current_lang()
    suffix = output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise InputError.from_code("tahap_cli_table_format", path=str(output))
    runtime = Runtime()
    try:
        table = number_table(inventory_entries(runtime, account(runtime, username), unit), unit, lang)
    finally:
        runtime.close()
    body = number_table_pdf(table, lang) if suffix == ".pdf" else number_table_xlsx(table, lang)
    write_atomically(output, body)
    click.echo(message("tahap_cli_table_written", lang, path=str(output), rows=len(table.rows)))
