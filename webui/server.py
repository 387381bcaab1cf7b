"""The production server: gunicorn (pre-fork workers with threads) and JSON access/error logs."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from gunicorn.app.base import BaseApplication

#: Gunicorn access-log atoms written as JSON fields (``record.args`` of the access logger).
_ACCESS_FIELDS = {"h": "remote", "m": "method", "U": "path", "q": "query", "s": "status", "B": "bytes",
                  "M": "ms", "a": "agent", "f": "referer"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message; the request fields for access lines."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            for atom, field in _ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-"):
                    entry[field] = int(value) if field in {"status", "ms"} and str(value).isdigit() else value
        else:
            entry["message"] = record.getMessage()
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_config() -> dict[str, Any]:
    """``logging.config.dictConfig`` for gunicorn: JSON on stdout (access) and stderr (errors)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "access": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
            "error": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
        },
        "loggers": {
            "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
            "gunicorn.error": {"handlers": ["error"], "level": "INFO", "propagate": False},
        },
        "root": {"handlers": ["error"], "level": "WARNING"},
    }


class _Gunicorn(BaseApplication):
    def __init__(self, config: dict[str, Any], options: dict[str, Any]) -> None:
        self._config = config
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from . import create_app, warm_up

        app = create_app(dict(self._config))
        warm_up(app)  # in each worker, after the fork
        return app


def gunicorn_options(host: str, port: int, workers: int, threads: int, timeout: int) -> dict[str, Any]:
    """The gunicorn settings ``alur serve`` uses (a function so a test can read them)."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "timeout": timeout,
        "graceful_timeout": 20,
        "keepalive": 5,
        # Bounded request lines and headers (a request body is bounded by MAX_CONTENT_LENGTH).
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
        "accesslog": "-",
        "errorlog": "-",
        "logconfig_dict": log_config(),
        # No "Server: gunicorn/x.y" banner to help a scanner.
        "proc_name": "alur",
    }


def run_gunicorn(config: dict[str, Any], host: str, port: int, workers: int, threads: int, timeout: int) -> None:
    """Serve ``create_app(config)`` on gunicorn until stopped (SIGTERM/SIGINT end it gracefully)."""
    _Gunicorn(config, gunicorn_options(host, port, workers, threads, timeout)).run()
