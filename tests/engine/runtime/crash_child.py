"""Child process for the crash test: complete work items in a loop until killed.

Usage: ``python -m tests.engine.runtime.crash_child URL LOG``. After each committed completion
the item id is appended to LOG (flushed and fsynced), so the parent knows which completions the
database acknowledged before the SIGKILL.
"""

from __future__ import annotations

import os
import random
import sys

from engine.runtime.facade import Runtime

SOP_KEY = "surat_kecil"
CLERK = "serba"


def main(url: str, log_path: str) -> None:
    runtime = Runtime(url)
    rng = random.Random(os.getpid())
    with open(log_path, "a", encoding="utf-8") as log:
        print("ready", flush=True)
        while True:
            items = runtime.worklist(CLERK, limit=20)
            if len(items) < 5:
                runtime.start(SOP_KEY, CLERK, {"kelengkapan": ["Surat masuk"]})
                continue
            item = rng.choice(items)
            form = {"keputusan": rng.choice(["Ya", "Tidak"])} if item.step_id == "periksa" else {}
            if rng.random() < 0.3:
                runtime.clear_caches()  # sometimes work from the stored state
            runtime.complete(item.id, CLERK, form)
            log.write(f"{item.id}\n")
            log.flush()
            os.fsync(log.fileno())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
