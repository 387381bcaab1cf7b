"""``alur import``: bring a folder (or one workbook) of office SOPs in as SOP sheets or BPMN.

Each .xlsx/.docx is read with :func:`engine.formats.office.read_office`; every SOP without errors is
written to the output folder, the rest are refused with their problems by row and column. A progress bar
runs on standard error and a summary ends the run (imported, with warnings, refused by reason).
Exit status: 0 all imported, 1 some need fixing, 2 some files could not be read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from engine.errors import InputError
from engine.formats.files import check_sop, dump, read_bytes, write_atomically
from engine.formats.office import OFFICE_SUFFIXES, REFUSED_SUFFIXES, read_office
from engine.messages import message
from engine.sop.model import slugify

_REASONS = {"office_macro": "macro", "office_encrypted": "encrypted", "office_legacy_save": "legacy",
            "office_legacy_soffice": "legacy", "office_pdf": "pdf", "office_bomb": "bomb",
            "office_corrupt": "corrupt", "office_missing_part": "corrupt", "office_external": "external", "office_huge_sheet": "huge", "office_huge_book": "huge",
            "office_no_table": "no_table", "office_no_actors": "no_table"}


def _sources(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    return sorted(path for path in source.iterdir()
                  if path.is_file() and path.suffix.lower() in OFFICE_SUFFIXES + REFUSED_SUFFIXES
                  and not path.name.startswith(("~$", ".")))


@click.command("import")
@click.argument("source", type=click.Path(exists=True, file_okay=True, dir_okay=True))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder tujuan / output folder.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "bpmn"]), default="yaml", show_default=True,
              help="Bentuk hasil: lembar SOP YAML atau BPMN / output format.")
@click.pass_context
def import_command(ctx: click.Context, source: str, outdir: str, fmt: str) -> None:
    """Impor tabel SOP resmi dari berkas .xlsx/.docx (satu folder atau satu buku kerja berisi banyak SOP)."""
    lang = (ctx.obj or {}).get("lang", "id")
    files = _sources(Path(source))
    if not files:
        click.echo(message("office_import_empty", lang, folder=source), err=True)
        ctx.exit(2)
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    lines: list[tuple[str, bool]] = []
    used: set[str] = set()
    def show(path: Path | None) -> str:
        return path.name if path else ""

    with click.progressbar(files, label=message("office_import_label", lang), file=sys.stderr,
                           item_show_func=show) as bar:
        for path in bar:
            try:
                found = read_office(read_bytes(path), str(path))
            except InputError as exc:
                counts["total"] += 1
                reasons[_REASONS.get(exc.code, "other")] += 1
                lines.append((exc.render(lang), True))
                continue
            for item in found:
                counts["total"] += 1
                name = path.name if len(found) == 1 else f"{path.name} [{item.name}]"
                problems = item.problems + check_sop(item.sop)
                errors = [p for p in problems if p.severity == "error"]
                for p in problems:
                    lines.append((f"{name}: {p.render(lang)}", p.severity == "error"))
                if errors:
                    reasons["invalid"] += 1
                    lines.append((message("office_import_invalid", lang, name=name, count=str(len(errors))), True))
                    continue
                stem = slugify(path.stem, "sop") if len(found) == 1 else \
                    f"{slugify(path.stem, 'sop')}-{slugify(item.name, 'sop')}"
                candidate, n = stem, 2
                while candidate in used:
                    candidate, n = f"{stem}-{n}", n + 1
                used.add(candidate)
                out = Path(outdir) / f"{candidate}.{fmt}"
                write_atomically(out, dump(item.sop, out.name))
                counts["warned" if problems else "imported"] += 1
                lines.append((message("office_import_written", lang, name=name, out=str(out),
                                      steps=str(len(item.sop.steps))), False))
    for text, is_error in lines:
        click.echo(text, err=is_error)
    refused = sum(reasons.values())
    click.echo(message("office_import_summary", lang, files=str(len(files)), total=str(counts["total"]),
                       imported=str(counts["imported"]), warned=str(counts["warned"]), refused=str(refused)))
    for reason, count in sorted(reasons.items()):
        click.echo(message("office_import_reason", lang, reason=message(f"office_reason_{reason}", lang),
                           count=str(count)))
    unreadable = refused - reasons["invalid"]
    ctx.exit(2 if unreadable else 1 if reasons["invalid"] else 0)
