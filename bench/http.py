"""HTTP benchmark: the real server (gunicorn, 2 workers) on SQLite and on PostgreSQL, 50 clerks.

For each database the script makes a fresh store, publishes the shipped SOP *Pengelolaan Surat
Masuk*, creates 50 clerks (each holding every jabatan of the SOP in a unit of its own, so clerks
never race for the same work item) with ``alur account add`` / ``alur account token``, starts
``alur serve --workers 2 --threads 2`` (``--workers``/``--threads`` to try others) on a free
loopback port and drives it with 50 concurrent clients that complete real instances: start (API),
then for each open step the API worklist, the HTML worklist and the task page the clerk would look
at, and the completion (API).

Phases, each ``--seconds`` long (default 20): ``baseline`` (the same 50 clients calling ``/sehat``
with 1 s think time), ``think`` (the mix with 1 s think time between operations) and
``saturation`` (the mix without think time); the clerks sign in to the HTML pages before each phase's clock
starts (``login_all_s``: how long the 50 sign-ins at once took). Prints ONE JSON line::

    {"sqlite": {"think": {"start": {"p50_ms":..,"p95_ms":..,"n":..}, ...}, "think_p95_ms": ..,
                "saturation_completions_per_s": .., "cpu_ms_per_completion": .., "baseline_p95_ms": ..,
                "client_cpu_ms_per_request": .., "errors": {...}}, "postgresql": {...}}

The load generator is one separate process (this one) with a small asyncio HTTP/1.1 keep-alive
client (no third-party async client is installed): ``client_cpu_ms_per_request`` says what it
costs. ``cpu_ms_per_completion`` is the CPU time of the server's processes (gunicorn master and
workers, from /proc) during the saturation phase divided by the completions in it.

Usage: ``python bench/http.py [--seconds 20] [--clients 50] [--only sqlite|postgresql] [--prepare-in-process]``.
Loopback only; PostgreSQL at ``$ALUR_BENCH_POSTGRES`` (default postgresql://root@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's ``http`` package: drop its folder from the path
# before anything (gunicorn, http.server, http.client) imports the real one.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import secrets  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import StepKind, read_bpmn, sample_values, upgrade_database  # noqa: E402

SOP_FILE = ROOT / "processes" / "pengelolaan-surat-masuk.bpmn"
KEY = "surat-masuk"
PASSWORD = "bench-kata-sandi-7"


def _alur(url: str, *args: str) -> str:
    """Run the ``alur`` command line of this checkout (``python -m engine.cli``) on the store at ``url``."""
    env = {**os.environ, "ALUR_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "engine.cli", *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"alur {' '.join(args)} failed: {result.stdout}{result.stderr}")
    return result.stdout


def _jabatan() -> tuple[list[str], set[str], dict[str, list[str]], dict[str, dict[str, Any]]]:
    """The SOP's jabatan, its decision steps, each step's kelengkapan and the case values its form asks
    for, as a clerk types them (``""``: the first step's)."""
    sop = read_bpmn(SOP_FILE.read_bytes()).sop
    actors = sorted({step.actor for step in sop.steps if step.actor})
    decisions = {step.id for step in sop.steps if step.kind is StepKind.DECISION}
    kelengkapan = {step.id: list(step.requirements) for step in sop.steps}
    kelengkapan[""] = list(sop.steps[0].requirements)
    values = {step.id: sample_values(sop, step.id) for step in sop.steps}
    values[""] = values[sop.steps[0].id]
    return actors, decisions, kelengkapan, values


def _prepare(url: str, clients: int, in_process: bool = False) -> list[str]:
    """Migrate, publish and make the clerks with ``alur account add`` / ``alur account token``; their tokens."""
    from concurrent.futures import ThreadPoolExecutor

    upgrade_database(url)
    # alur publish records who and why, and takes only a login account
    _alur(url, "account", "add", "penerbit", "--role", "admin", "--password", PASSWORD)
    _alur(url, "publish", str(SOP_FILE), "--key", KEY, "--as", "penerbit", "--alasan", "bench http")
    actors, _, _, _ = _jabatan()
    options = [arg for actor in actors for arg in ("--jabatan", actor)]

    if not in_process:
        def clerk(number: int) -> str:
            name = f"klerk{number:02d}"
            _alur(url, "account", "add", name, "--role", "pelaksana", "--password", PASSWORD,
                  "--unit", f"Unit Uji {number:02d}", *options)
            return _alur(url, "account", "token", name).strip()

        with ThreadPoolExecutor(max_workers=4) as pool:  # SQLite serialises the writes; 4 just overlaps start-up
            return list(pool.map(clerk, range(clients)))
    # The functions 'alur account add' and 'alur account token' call, in this process: on a machine
    # shared with other work, 100 fresh interpreters took most of a run.
    from engine import Runtime, add_account, issue_token

    runtime = Runtime(url)
    try:
        tokens = []
        for number in range(clients):
            name, unit = f"klerk{number:02d}", f"Unit Uji {number:02d}"
            add_account(runtime, name, PASSWORD, ["pelaksana"], jabatan=[(actor, unit) for actor in actors])
            tokens.append(issue_token(runtime, name))
        return tokens
    finally:
        runtime.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_server(url: str, port: int, folder: Path, workers: int = 2, threads: int = 2) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ALUR_DATABASE_URL": url, "ALUR_SECRET_KEY": secrets.token_hex(32), "PYTHONPATH": str(ROOT),
           "ALUR_UJICOBA_GATE": "0"}
    code = ("from webui.cli import serve_command; "
            f"serve_command(['--host', '127.0.0.1', '--port', '{port}', '--workers', '{workers}', '--threads', '{threads}'])")
    server = subprocess.Popen([sys.executable, "-c", code], cwd=folder, env=env,
                              stdout=subprocess.DEVNULL, stderr=open(folder / "server.err", "wb"),
                              start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                probe.sendall(b"GET /siap HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if b" 200 " in probe.recv(200):
                    return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not become ready: " + (folder / "server.err").read_text()[-2000:])


def _cpu_seconds(pid: int) -> float:
    """CPU (user + system) of ``pid`` and its children, from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid or int(entry.name) == pid:  # ppid is field 4 (index 1 after the name)
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Connection:
    """One keep-alive HTTP/1.1 connection (responses always carry Content-Length here)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.cookie = ""
        self.reconnects = 0

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None,
                      ) -> tuple[int, dict[str, str], bytes]:
        """One request; a keep-alive connection the server closed meanwhile is opened again once."""
        reused = self.writer is not None
        try:
            return await self._request(method, path, body, headers)
        except (ConnectionError, asyncio.IncompleteReadError):
            self._close()
            if not reused:
                raise
            self.reconnects += 1
            return await self._request(method, path, body, headers)

    def _close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def _request(self, method: str, path: str, body: bytes, headers: dict[str, str] | None,
                       ) -> tuple[int, dict[str, str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None and self.writer is not None
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}"]
        if self.cookie:
            lines.append(f"Cookie: {self.cookie}")
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed by the server")
        status = int(status_line.split()[1])
        answer: dict[str, str] = {}
        while True:
            line = (await self.reader.readline()).decode("latin-1").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            if name.lower() == "set-cookie" and value.strip().startswith("session="):
                self.cookie = value.strip().split(";", 1)[0]
            answer[name.lower()] = value.strip()
        data = await self.reader.readexactly(int(answer.get("content-length", "0")))
        if answer.get("connection", "").lower() == "close":
            self._close()
        return status, answer, data


class Recorder:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.samples: dict[str, str] = {}
        self.completions = 0
        self.requests = 0
        self.reconnects = 0
        #: Seconds the clerks took to sign in, all at once, before the phase (not in its figures).
        self.login_s = 0.0

    async def timed(self, operation: str, connection: Connection, method: str, path: str, body: bytes = b"",
                    headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        began = time.perf_counter()
        try:
            status, _, data = await connection.request(method, path, body, headers)
        except (ConnectionError, asyncio.IncompleteReadError, OSError) as exc:  # counted, not fatal
            connection._close()
            status, data = 599, str(exc).encode()
        self.times.setdefault(operation, []).append((time.perf_counter() - began) * 1000)
        self.requests += 1
        if status >= 400:
            self.errors[f"{operation} {status}"] = self.errors.get(f"{operation} {status}", 0) + 1
            self.samples.setdefault(f"{operation} {status}", data[:200].decode("utf-8", "replace"))
        return status, data

    def summary(self) -> dict[str, dict[str, float]]:
        out = {}
        for operation, values in sorted(self.times.items()):
            values.sort()
            out[operation] = {"p50_ms": round(statistics.median(values), 1),
                              "p95_ms": round(values[min(len(values) - 1, int(len(values) * 0.95))], 1),
                              "n": len(values)}
        return out


async def _login(connection: Connection, name: str) -> None:
    _, _, page = await connection.request("GET", "/masuk")
    token = re.search(rb'name="csrf_token" value="([^"]+)"', page)
    form = f"username={name}&password={PASSWORD}&csrf_token={token.group(1).decode() if token else ''}"
    status, _, _ = await connection.request("POST", "/masuk", form.encode(),
                                            {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 302:
        raise SystemExit(f"login of {name} failed with {status}")


async def _clerk(number: int, token: str, port: int, phase: str, think: float, until: float,
                 recorder: Recorder, decisions: set[str], kelengkapan: dict[str, list[str]],
                 values: dict[str, dict[str, Any]], web: Connection) -> None:
    api = Connection(port)
    bearer = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    await asyncio.sleep(think * number / 50)  # spread the first requests

    async def pause() -> None:
        if think:
            await asyncio.sleep(think)

    while time.monotonic() < until:
        if phase == "baseline":
            await recorder.timed("sehat", api, "GET", "/sehat")
            await pause()
            continue
        body = json.dumps({"unit": f"Unit Uji {number:02d}",
                           "form": {"kelengkapan": kelengkapan[""], "data": values[""]}}).encode()
        status, data = await recorder.timed("start", api, "POST", f"/api/v1/sop/{KEY}/instans", body, bearer)
        if status != 201:
            await pause()
            continue
        ready = json.loads(data)["ready"]
        while ready and time.monotonic() < until:
            await pause()
            await recorder.timed("worklist_api", api, "GET", "/api/v1/tugas", headers=bearer)
            await pause()
            await recorder.timed("worklist_html", web, "GET", "/tugas/")
            item = ready[0]
            await pause()
            await recorder.timed("task_html", web, "GET", f"/tugas/{item['id']}")
            form: dict[str, Any] = {"kelengkapan": kelengkapan.get(item["step_id"], [])}
            if values.get(item["step_id"]):
                form["data"] = values[item["step_id"]]
            if item["step_id"] in decisions:
                form["keputusan"] = "Ya"
            await pause()
            status, data = await recorder.timed("complete", api, "POST", f"/api/v1/tugas/{item['id']}/selesai",
                                                json.dumps(form).encode(), bearer)
            if status != 200:
                break
            recorder.completions += 1
            ready = json.loads(data)["ready"]
    recorder.reconnects += api.reconnects + web.reconnects


async def _phase(tokens: list[str], port: int, phase: str, think: float, seconds: float) -> Recorder:
    recorder = Recorder()
    _, decisions, kelengkapan, values = _jabatan()
    webs = [Connection(port) for _ in tokens]
    if phase != "baseline":
        # Signed in before the phase's clock starts: 50 scrypt checks (~90 ms of CPU each) in the phase's
        # first second would be timed as the first starts' latency, and signing in is not in the mix.
        began = time.monotonic()
        await asyncio.gather(*(_login(web, f"klerk{number:02d}") for number, web in enumerate(webs)))
        recorder.login_s = round(time.monotonic() - began, 2)
    until = time.monotonic() + seconds
    await asyncio.gather(*(_clerk(number, token, port, phase, think, until, recorder, decisions, kelengkapan, values,
                                  webs[number])
                           for number, token in enumerate(tokens)))
    return recorder


def _client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _run_database(kind: str, url: str, clients: int, seconds: float, folder: Path,
                  in_process: bool = False, workers: int = 2, threads: int = 2) -> dict[str, Any]:
    tokens = _prepare(url, clients, in_process)
    port = _free_port()
    server = _start_server(url, port, folder, workers, threads)
    try:
        baseline = asyncio.run(_phase(tokens, port, "baseline", 1.0, seconds))
        think = asyncio.run(_phase(tokens, port, "think", 1.0, seconds))
        cpu_before, client_before, began = _cpu_seconds(server.pid), _client_cpu(), time.monotonic()
        saturation = asyncio.run(_phase(tokens, port, "saturation", 0.0, seconds))
        elapsed = time.monotonic() - began
        server_cpu = _cpu_seconds(server.pid) - cpu_before
        client_cpu = _client_cpu() - client_before
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    think_summary = think.summary()
    return {
        "think": think_summary,
        "saturation": saturation.summary(),
        "think_p95_ms": max(entry["p95_ms"] for entry in think_summary.values()),
        "saturation_completions_per_s": round(saturation.completions / elapsed, 1),
        "cpu_ms_per_completion": round(server_cpu * 1000 / max(1, saturation.completions), 1),
        "baseline_p95_ms": baseline.summary()["sehat"]["p95_ms"],
        "client_cpu_ms_per_request": round(client_cpu * 1000 / max(1, saturation.requests), 2),
        "errors": {**{f"think {k}": v for k, v in think.errors.items()},
                   **{f"saturation {k}": v for k, v in saturation.errors.items()}},
        "error_samples": {**think.samples, **saturation.samples},
        "reconnects": think.reconnects + saturation.reconnects,
        "login_all_s": think.login_s,
    }


def _postgres_url() -> tuple[str, str]:
    import psycopg

    admin = os.environ.get("ALUR_BENCH_POSTGRES", "postgresql://root@127.0.0.1:5432/postgres")
    name = f"alur_bench_{secrets.token_hex(4)}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}", name


def _drop_postgres(name: str) -> None:
    import psycopg

    admin = os.environ.get("ALUR_BENCH_POSTGRES", "postgresql://root@127.0.0.1:5432/postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--prepare-in-process", action="store_true",
                        help="make the clerks with the functions the CLI calls, in this process (faster)")
    parser.add_argument("--workers", type=int, default=2, help="server processes (alur serve --workers)")
    parser.add_argument("--threads", type=int, default=2, help="threads per server process (alur serve --threads)")
    options = parser.parse_args()
    results: dict[str, Any] = {"clients": options.clients, "seconds_per_phase": options.seconds,
                               "workers": options.workers, "threads": options.threads,
                               "load_average_at_start": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="alur-bench-http-") as folder:
        if options.only in (None, "sqlite"):
            results["sqlite"] = _run_database("sqlite", f"sqlite:///{Path(folder) / 'bench.db'}", options.clients,
                                              options.seconds, Path(folder), options.prepare_in_process,
                                              options.workers, options.threads)
            print(json.dumps({"partial": results["sqlite"]}), file=sys.stderr, flush=True)
        if options.only in (None, "postgresql"):
            url, name = _postgres_url()
            try:
                results["postgresql"] = _run_database("postgresql", url, options.clients, options.seconds,
                                                      Path(folder), options.prepare_in_process,
                                                      options.workers, options.threads)
            finally:
                _drop_postgres(name)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
