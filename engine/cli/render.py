"""``alur render``: the official SOP document as SVG, PDF or PNG."""

from __future__ import annotations

from pathlib import Path

import click

from engine.errors import AlurError, InputError, ProcessDefinitionError, RenderError
from engine.formats.files import load_file, write_atomically
from engine.formats.office import dump_office
from engine.messages import message
from engine.render.document import check_format, document_pages, encode, title
from engine.runtime.trace import TraceEntry, TraceInstance
from engine.sop.validate import validate


@click.command("render")
@click.argument("source", type=click.Path(dir_okay=False), required=False)
@click.option("--instance", "instance_id", type=int, default=None,
              help="Gambar jejak instans ini (dari ALUR_DATABASE_URL) di atas bagan alirnya / draw this instance's trace.")
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="Berkas tujuan: .svg, .pdf atau .png / output file.")
@click.option("--paper", type=click.Choice(["a4", "f4"], case_sensitive=False), default="a4", show_default=True,
              help="Kertas mendatar / landscape paper.")
@click.option("--lang", "doc_lang", type=click.Choice(["id", "en"]), default=None,
              help="Bahasa dokumen dan pesan (bawaan: --lang utama) / document and message language.")
@click.option("--logo", type=click.Path(dir_okay=False), default=None,
              help="Logo PNG untuk lembar identitas / PNG logo for the identity sheet.")
@click.option("--dpi", type=click.IntRange(30, 600), default=150, show_default=True, help="Resolusi PNG / PNG resolution.")
@click.pass_context
def render_command(ctx: click.Context, source: str | None, target: str, paper: str, doc_lang: str | None,
                   logo: str | None, dpi: int, instance_id: int | None) -> None:
    """Cetak dokumen SOP resmi (lembar identitas + bagan alir) ke SVG, PDF, PNG, atau XLSX/DOCX (tabel resmi).

    SVG dan PNG memuat semua halaman bertumpuk; PDF satu halaman per lembar.
    Exit 0: ditulis; 1: SOP tidak valid atau tidak dapat digambar; 2: masukan tidak terbaca.
    """
    lang = doc_lang or (ctx.obj or {}).get("lang", "id")
    fmt = Path(target).suffix.lower().lstrip(".")
    try:
        if fmt not in ("xlsx", "docx"):
            check_format(fmt)
    except RenderError:
        click.echo(message("cli_render_format", lang, out=target), err=True)
        ctx.exit(2)
    if (source is None) == (instance_id is None):
        click.echo(message("cli_render_one_source", lang), err=True)
        ctx.exit(2)
    trace: list[TraceEntry] | None = None
    header: TraceInstance | None = None
    try:
        if instance_id is not None:
            from engine.runtime.facade import Runtime  # only this option needs the database

            runtime = Runtime()
            try:
                sop, trace, header = runtime.trace_print(instance_id)
            finally:
                runtime.close()
            source = message("cli_render_instance", lang, id=instance_id)
        else:
            assert source is not None
            sop = load_file(source).sop
    except InputError as exc:
        click.echo(exc.render(lang), err=True)
        ctx.exit(2)
    except ProcessDefinitionError as exc:
        for item in exc.problems:
            click.echo(f"{source}: {item.render(lang)}", err=True)
        click.echo(message("cli_not_written", lang, out=target), err=True)
        ctx.exit(1)
    except AlurError as exc:  # no such instance, database unreachable
        click.echo(exc.render(lang), err=True)
        ctx.exit(1)
    errors = [item for item in validate(sop) if item.severity == "error"]
    for item in errors:
        click.echo(f"{source}: {item.render(lang)}", err=True)
    if errors:
        click.echo(message("cli_not_written", lang, out=target), err=True)
        ctx.exit(1)
    if fmt in ("xlsx", "docx"):  # the official table as an office file (engine.formats.office)
        write_atomically(Path(target), dump_office(sop, target))
        click.echo(message("cli_render_office_written", lang, out=target, steps=len(sop.steps)))
        return
    try:
        pages = document_pages(sop, trace, paper=paper, lang=lang, logo=logo, instance=header)
        data = encode(pages, fmt, paper, title(sop), dpi)
    except RenderError as exc:
        click.echo(exc.render(lang), err=True)
        click.echo(message("cli_not_written", lang, out=target), err=True)
        ctx.exit(1)
    write_atomically(Path(target), data)
    click.echo(message("cli_render_written", lang, out=target, pages=len(pages), paper=paper.upper()))
