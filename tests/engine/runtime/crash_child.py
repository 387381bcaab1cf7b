"""Child process for the crash test: complete work items in a loop until killed.

Usage: ``python -m tests.engine.runtime.crash_child URL LOG``, or :func:`serve` as the target of a
process forked by a forkserver that has this module (and so the engine) imported already: the test
starts 20 children, and importing the engine afresh took ~1.2 s of each. After each committed
completion the item id is appended to LOG (flushed and fsynced), so the parent knows which completions
the database acknowledged before the SIGKILL.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable
from typing import Any

from engine.errors import AlreadyCompletedError
from engine.runtime.facade import Runtime

SOP_KEY = "surat_kecil"
CLERK = "serba"


def main(url: str, log_path: str, ready: Callable[[], None] = lambda: print("ready", flush=True)) -> None:
    runtime = Runtime(url)
    rng = random.Random(os.getpid())
    completed_here: set[int] = set()
    with open(log_path, "a", encoding="utf-8") as log:
        ready()
        while True:
            items = runtime.worklist(CLERK, limit=20)
            if len(items) < 5:
                runtime.start(SOP_KEY, CLERK, {"kelengkapan": ["Surat masuk"]})
                continue
            item = rng.choice(items)
            form = {"keputusan": rng.choice(["Ya", "Tidak"])} if item.step_id == "periksa" else {}
            if rng.random() < 0.3:
                runtime.clear_caches()  # sometimes work from the stored state
            try:
                runtime.complete(item.id, CLERK, form)
            except AlreadyCompletedError:
                # the child killed just before this one may have sent its COMMIT, which PostgreSQL finishes
                # after this worklist was read: done and acknowledged there, not here. An item this very
                # process completed must never be listed again, though.
                if item.id in completed_here:
                    raise
                continue
            completed_here.add(item.id)
            log.write(f"{item.id}\n")
            log.flush()
            os.fsync(log.fileno())


def serve(url: str, log_path: str, pipe: Any) -> None:
    """:func:`main` in a forked child, saying "ready" through ``pipe`` (a multiprocessing connection)."""
    main(url, log_path, lambda: pipe.send("ready"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
