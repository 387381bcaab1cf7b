"""The runtime commands of ``alur``: database, users, publishing, instances, worklist, audit, worker.

The database is ``$ALUR_DATABASE_URL`` (default: SQLite ``alur.db`` in the working folder). Exit
status: 0 done, 1 refused (not found, not allowed, already completed, invalid SOP or data, broken
audit chain), 2 unusable input (a ``--data`` that is not JSON, an unreadable file).
"""

from __future__ import annotations

import json
import signal
from datetime import datetime
from typing import Any, Callable

import click

from engine.errors import AlurError, InputError, ProcessDefinitionError
from engine.messages import message
from engine.runtime.facade import Runtime, TickReport
from engine.store.db import Database
from engine.store.migrate import current_revision, head_revision, upgrade
from engine.runtime.work import Event, Instance, WorkItem



def _lang() -> str:
    context = click.get_current_context(silent=True)
    obj = context.find_root().obj if context is not None else None
    return str(obj.get("lang", "id")) if isinstance(obj, dict) else "id"


def _guarded(action: Callable[[], None]) -> None:
    """Run ``action``; an :class:`AlurError` becomes its message (in ``--lang``) and exit status."""
    try:
        action()
    except ProcessDefinitionError as exc:
        click.echo(exc.render(_lang()), err=True)
        raise SystemExit(exc.exit_code) from exc
    except AlurError as exc:
        click.echo(exc.render(_lang()), err=True)
        raise SystemExit(exc.exit_code) from exc


def _runtime() -> Runtime:
    return Runtime()


def _json_option(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError as exc:
        click.echo(message("cli_run_bad_json", _lang(), error=exc), err=True)
        raise SystemExit(InputError.exit_code) from exc


def _local(runtime: Runtime, moment: datetime | None) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(runtime.calendar.tz).strftime("%Y-%m-%d %H:%M")


def _item_line(runtime: Runtime, item: WorkItem) -> str:
    flags = []
    if item.simulation:
        flags.append(message("sos_cli_simulation_flag", _lang()))
    elif item.trial:
        flags.append(message("cli_run_trial_flag", _lang()))
    if item.overdue:
        flags.append(message("cli_run_overdue", _lang()))
    if item.claimed_by:
        flags.append(message("cli_run_claimed_by", _lang(), user=item.claimed_by))
    extra = f"  [{', '.join(flags)}]" if flags else ""
    case = f"{item.key}/{item.registration or item.instance_id}"
    subject = f" ({item.subject})" if item.subject else ""
    return (f"#{item.id}  {case}{subject}  {item.step_id}: {item.kegiatan}  "
            f"({item.jabatan}, {item.unit}; batas {_local(runtime, item.due_at)}){extra}")


def _item_dict(item: WorkItem) -> dict[str, Any]:
    return {key: (value.isoformat() if isinstance(value, datetime) else value) for key, value in vars(item).items()}


@click.group("db")
def db_command() -> None:
    """Basis data runtime."""


@db_command.command("upgrade")
def db_upgrade_command() -> None:
    """Buat atau perbarui tabel basis data ($ALUR_DATABASE_URL)."""
    def act() -> None:
        database = Database()
        try:
            upgrade(database)
            click.echo(message("cli_run_upgraded", _lang(), revision=current_revision(database) or head_revision()))
        finally:
            database.dispose()
    _guarded(act)


@click.group("user")
def user_command() -> None:
    """Pengguna dan jabatan yang dipegangnya."""


@user_command.command("add")
@click.argument("username")
@click.option("--nama", default="", help="Nama lengkap.")
@click.option("--nip", default="", help="NIP.")
@click.option("--unit", default="", help="Unit/SKPD tempat jabatan dipegang.")
@click.option("--jabatan", "jabatan", multiple=True, help="Jabatan yang dipegang di --unit (boleh berulang).")
@click.option("--email", default="", help="Alamat e-mail untuk notifikasi / e-mail address for notifications.")
@click.option("--phone", default="", help="Nomor telepon (WhatsApp) untuk notifikasi webhook, mis. +6281234567890.")
@click.option("--bahasa", "language", default=None, type=click.Choice(["id", "en"]),
              help="Bahasa notifikasi: id atau en (bawaan: Bahasa Indonesia).")
def user_add_command(username: str, nama: str, nip: str, unit: str, jabatan: tuple[str, ...], email: str,
                     phone: str, language: str | None) -> None:
    """Tambah pengguna, atau tambahkan jabatan dan kontak notifikasi kepadanya."""
    def act() -> None:
        if jabatan and not unit:
            raise InputError.from_code("cli_account_unit_needed")
        runtime = _runtime()
        try:
            user = runtime.add_user(username, nama, nip, [(name, unit) for name in jabatan], email=email,
                                    phone=phone, language=language or "")
        finally:
            runtime.close()
        held = "; ".join(f"{name} @ {where}" for name, where in user.jabatan) or message("cli_run_no_jabatan", _lang())
        click.echo(message("cli_run_user", _lang(), username=user.username, held=held))
    _guarded(act)


@click.command("publish")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--draft", is_flag=True, help="Terbitkan sebagai draf: instansnya adalah ujicoba.")
@click.option("--key", default=None, help="Nama SOP di runtime (bawaan: nama berkas).")
@click.option("--eskalasi", is_flag=True, help="Tambahkan pewaktu eskalasi pada setiap langkah berwaktu.")
@click.option("--as", "username", default="", help="Akun login yang menerbitkan (wajib; dicatat bersama --alasan).")
@click.option("--alasan", default="", help="Mengapa diterbitkan langsung, tanpa verifikasi dan pengesahan (wajib).")
def publish_command(file: str, draft: bool, key: str | None, eskalasi: bool, username: str, alasan: str) -> None:
    """Terbitkan SOP (.bpmn atau .yaml) sebagai versi baru, dicatat siapa dan mengapa (untuk memulai)."""
    def act() -> None:
        from engine.lifecycle.revision import publish_direct

        runtime = _runtime()
        try:
            version = publish_direct(runtime, file, key, username, alasan, draft=draft, escalation=eskalasi)
        finally:
            runtime.close()
        code = "cli_run_published" if version.created else "cli_run_unchanged"
        marker = message("cli_run_draft", _lang()) if version.draft else ""
        click.echo(message(code, _lang(), key=version.key, number=version.number, draft=marker, nama=version.nama))
    _guarded(act)


@click.command("start")
@click.argument("sop")
@click.option("--as", "username", required=True, help="Pengguna yang memulai.")
@click.option("--data", "data", default=None, help="Isian langkah pertama (JSON).")
@click.option("--unit", default=None, help="Unit tempat instans berjalan.")
@click.option("--ujicoba", is_flag=True, help="Jalankan versi draf terbaru sebagai ujicoba.")
@click.option("--versi", type=int, default=None, help="Nomor versi (bawaan: terbaru).")
def start_command(sop: str, username: str, data: str | None, unit: str | None, ujicoba: bool,
                  versi: int | None) -> None:
    """Mulai instans SOP."""
    form = _json_option(data)

    def act() -> None:
        runtime = _runtime()
        try:
            instance, ready = runtime.start(sop, username, form, unit=unit, trial=ujicoba, version=versi)
            trial = (message("sos_cli_simulation_marker", _lang()) if instance.simulation else
                     message("cli_run_trial", _lang()) if instance.trial else "")
            click.echo(message("cli_run_started", _lang(), id=instance.id, key=instance.key,
                               version=instance.version, unit=instance.unit, trial=trial))
            for item in ready:
                click.echo(message("cli_run_next", _lang()) + _item_line(runtime, item))
        finally:
            runtime.close()
    _guarded(act)


@click.command("worklist")
@click.option("--as", "username", required=True, help="Pengguna.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@click.option("--limit", default=50, show_default=True)
def worklist_command(username: str, as_json: bool, limit: int) -> None:
    """Daftar tugas untuk jabatan dan unit pengguna."""
    def act() -> None:
        runtime = _runtime()
        try:
            runtime.user(username)
            items = runtime.worklist(username, limit)
            if as_json:
                click.echo(json.dumps([_item_dict(item) for item in items], ensure_ascii=False))
            elif not items:
                click.echo(message("cli_run_empty", _lang()))
            for item in items if not as_json else []:
                click.echo(_item_line(runtime, item))
        finally:
            runtime.close()
    _guarded(act)


@click.command("claim")
@click.argument("item", type=int)
@click.option("--as", "username", required=True)
@click.option("--lepas", is_flag=True, help="Lepaskan klaim.")
def claim_command(item: int, username: str, lepas: bool) -> None:
    """Klaim tugas (atau lepaskan dengan --lepas)."""
    def act() -> None:
        runtime = _runtime()
        try:
            if lepas:
                runtime.unclaim(item, username)
                click.echo(message("cli_run_unclaimed", _lang(), id=item))
            else:
                runtime.claim(item, username)
                click.echo(message("cli_run_claimed", _lang(), id=item, username=username))
        finally:
            runtime.close()
    _guarded(act)


@click.command("complete")
@click.argument("item", type=int)
@click.option("--as", "username", required=True)
@click.option("--data", "data", default=None, help="Isian: kelengkapan, alasan, keputusan, output, catatan, data.")
def complete_command(item: int, username: str, data: str | None) -> None:
    """Selesaikan tugas."""
    form = _json_option(data)

    def act() -> None:
        runtime = _runtime()
        try:
            result = runtime.complete(item, username, form)
            click.echo(message("cli_run_completed", _lang(), id=item, instance=result.instance.id, status=result.instance.status))
            for ready in result.ready:
                click.echo(message("cli_run_next", _lang()) + _item_line(runtime, ready))
        finally:
            runtime.close()
    _guarded(act)


@click.command("cancel")
@click.argument("instance", type=int)
@click.option("--as", "username", required=True)
@click.option("--alasan", required=True, help="Alasan pembatalan.")
def cancel_command(instance: int, username: str, alasan: str) -> None:
    """Batalkan instans."""
    def act() -> None:
        runtime = _runtime()
        try:
            runtime.cancel(instance, username, alasan)
        finally:
            runtime.close()
        click.echo(message("cli_run_cancelled", _lang(), id=instance))
    _guarded(act)


@click.command("suspend")
@click.argument("instance", type=int)
@click.option("--as", "username", required=True)
@click.option("--alasan", required=True, help="Alasan penangguhan / reason.")
def suspend_command(instance: int, username: str, alasan: str) -> None:
    """Tangguhkan instans: tugasnya keluar dari daftar tugas sampai dilanjutkan."""
    def act() -> None:
        runtime = _runtime()
        try:
            runtime.suspend(instance, username, alasan)
        finally:
            runtime.close()
        click.echo(message("cli_run_suspended", _lang(), id=instance))
    _guarded(act)


@click.command("resume")
@click.argument("instance", type=int)
@click.option("--as", "username", required=True)
@click.option("--alasan", default="", help="Alasan / reason (bawaan: dilanjutkan).")
def resume_command(instance: int, username: str, alasan: str) -> None:
    """Lanjutkan instans yang ditangguhkan (atau yang galat, setelah sebabnya diperbaiki)."""
    def act() -> None:
        runtime = _runtime()
        try:
            resumed = runtime.resume(instance, username, alasan)
        finally:
            runtime.close()
        click.echo(message("cli_run_resumed", _lang(), id=instance, status=resumed.status))
    _guarded(act)


@click.command("retry")
@click.argument("instance", type=int)
@click.option("--as", "username", required=True)
@click.option("--alasan", default="", help="Alasan / reason (bawaan: dicoba lagi).")
def retry_command(instance: int, username: str, alasan: str) -> None:
    """Jalankan lagi instans yang galat: pewaktu yang jatuh tempo dan langkah mesinnya."""
    def act() -> None:
        runtime = _runtime()
        try:
            retried = runtime.retry(instance, username, alasan)
        finally:
            runtime.close()
        click.echo(message("cli_run_retried", _lang(), id=instance, status=retried.status))
    _guarded(act)


def _instance_header(runtime: Runtime, instance: Instance) -> str:
    trial = (message("sos_cli_simulation_marker", _lang()) if instance.simulation else
             message("cli_run_trial", _lang()) if instance.trial else "")
    return (f"Instans {instance.id}{trial}: {instance.key} versi {instance.version}, unit {instance.unit}, "
            f"status {instance.status}, dimulai {instance.started_by} {_local(runtime, instance.started_at)}"
            + (f", alasan: {instance.reason}" if instance.reason else ""))


def _event_line(runtime: Runtime, event: Event) -> str:
    data = json.dumps(event.data, ensure_ascii=False, sort_keys=True) if event.data else ""
    return f"{event.seq:>4}  {_local(runtime, event.at)}  {event.kind:<10} {event.actor or '-':<12} {event.step}  {data}"


#: ``--as ACCOUNT`` of the commands that read cases: answer as that login (its units), else as the operator.
_AS_READER = click.option("--as", "username", default="", help=message("gov_cli_as_option", "id"))


@click.command("trace")
@click.argument("instance", type=int)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON.")
@_AS_READER
def trace_command(instance: int, as_json: bool, username: str) -> None:
    """Jejak instans: setiap peristiwa dengan waktunya.

    Dengan --as AKUN: ditolak bila instans di luar unit yang boleh dilihat akun itu (seperti di web).
    Tanpa --as: sebagai operator server, semua unit.
    """
    def act() -> None:
        runtime = _runtime()
        try:
            if username:  # the web's rule: an instance of a unit the account sees (its items' units too)
                from engine.access.accounts import account
                from engine.access.policy import instance_for

                instance_for(runtime, account(runtime, username), instance)
            info, trail = runtime.trace(instance)
            if as_json:
                click.echo(json.dumps({"instance": {**{k: (v.isoformat() if isinstance(v, datetime) else v)
                                                       for k, v in vars(info).items()}, "trial": info.trial},
                                       "events": [{**{k: (v.isoformat() if isinstance(v, datetime) else v)
                                                      for k, v in vars(event).items()}} for event in trail]},
                                      ensure_ascii=False))
                return
            click.echo(_instance_header(runtime, info))
            for event in trail:
                click.echo(_event_line(runtime, event))
        finally:
            runtime.close()
    _guarded(act)


@click.group("audit")
def audit_command() -> None:
    """Jejak audit."""


from engine.cli.anchor import check_anchors, key_option  # noqa: E402  (kept below the text table)


@audit_command.command("verify")
@click.option("--anchors", "anchors", default="", help="Folder jangkar (alur audit anchor) yang juga diperiksa.")
@key_option
@_AS_READER
def audit_verify_command(anchors: str, key_path: str, username: str) -> None:
    """Hitung ulang rantai hash setiap instans; keluar 1 dan sebut kerusakan pertama (dan temuan jangkar).

    Dengan --as AKUN: hanya instans unit yang boleh dilihat akun itu. Tanpa --as: sebagai operator
    server, semua unit.
    """
    def act() -> None:
        runtime = _runtime()
        try:
            if username:
                from engine.access.accounts import account
                from engine.access.readers import audit_chain_for

                checked, counted, broken = audit_chain_for(runtime, account(runtime, username))
            else:
                checked, counted, broken = runtime.verify_audit()
            anchored = check_anchors(runtime, anchors, key_path) if anchors else True
        finally:
            runtime.close()
        if broken is not None:
            click.echo(message("cli_run_broken", _lang(), detail=broken.render(_lang())), err=True)
            raise SystemExit(1)
        if not anchored:
            raise SystemExit(1)
        click.echo(message("cli_run_verified", _lang(), instances=checked, events=counted))
    _guarded(act)


@click.command("worker")
@click.option("--once", is_flag=True, help="Satu putaran lalu berhenti.")
@click.option("--interval", default=5.0, show_default=True, help="Detik antar putaran.")
def worker_command(once: bool, interval: float) -> None:
    """Nyalakan pewaktu BPMN, tandai tugas terlambat, antrekan pengingat monitoring dan kirim notifikasi (boleh
    beberapa proses sekaligus)."""
    from engine.runtime.worker import run_worker

    stop = {"now": False}

    def request_stop(signum: int, frame: object) -> None:
        stop["now"] = True

    def report(result: TickReport) -> None:
        if once or result.timers_fired or result.overdue_marked or result.errors:
            click.echo(message("cli_run_tick", _lang(), fired=result.timers_fired, overdue=result.overdue_marked,
                               errors=result.errors))
        if result.messages_sent or result.messages_retried or result.messages_failed:
            click.echo(message("cli_run_sent", _lang(), sent=result.messages_sent, retried=result.messages_retried,
                               failed=result.messages_failed))

    def act() -> None:
        signal.signal(signal.SIGTERM, request_stop)
        runtime = _runtime()
        try:
            # the monitoring reminders (stage 9) are queued before each tick sends the outbox
            from engine.monitoring.schedule import MonitoringReminders

            run_worker(MonitoringReminders(runtime), interval, once, report, lambda: stop["now"])
        except KeyboardInterrupt:
            pass
        finally:
            runtime.close()
    _guarded(act)


@click.group("kasus")
def case_command() -> None:
    """Data kasus (isian layanan)."""


@case_command.command("hapus-kedaluwarsa")
@click.option("--coba", is_flag=True, help="Hanya tampilkan kasus yang akan dihapus.")
def case_erase_command(coba: bool) -> None:
    """Hapus isian kasus selesai yang melewati retensi SOP-nya (retensi_tahun); jejak audit tetap utuh."""
    def act() -> None:
        runtime = _runtime()
        try:
            erased = runtime.erase_expired(dry_run=coba)
            for case in erased:
                label = case.registration or f"#{case.instance_id}"
                click.echo(message("cli_case_would_erase" if coba else "cli_case_erased", _lang(), case=label,
                                   values=case.values))
            click.echo(message("cli_case_erase_summary_dry" if coba else "cli_case_erase_summary", _lang(),
                               count=len(erased)))
        finally:
            runtime.close()
    _guarded(act)


COMMANDS = (db_command, case_command, user_command, publish_command, start_command, worklist_command, claim_command,
            complete_command, cancel_command, suspend_command, resume_command, retry_command, trace_command,
            audit_command, worker_command)
