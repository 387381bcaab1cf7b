"""The one rule that turns a name into an SOP key (the register's and the runtime's id of an SOP).

A key is lower-case ASCII letters, digits, hyphens and underscores, at most 90 characters, starting
and ending with a letter or digit: ``Penerbitan Surat Pengantar`` -> ``penerbitan-surat-pengantar``,
``surat_kecil.yaml`` -> ``surat_kecil``. Accents are dropped (``Pelayanan Kependudukan é`` ->
``pelayanan-kependudukan-e``); every other run of characters becomes one hyphen. The editor, the
runtime (publishing a file or an SOP without an explicit key) and the demo seed all derive keys here.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

#: Longest derived key.
MAX_KEY_LENGTH = 90
#: Key of a name that has no letter or digit at all.
FALLBACK_KEY = "sop"


def sop_key(name: str) -> str:
    """The SOP key for ``name`` (an SOP's nama, a process id or a file stem)."""
    text = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    key = re.sub(r"[^a-z0-9_-]+", "-", text.lower())
    key = re.sub(r"-{2,}", "-", key).strip("-_")[:MAX_KEY_LENGTH].rstrip("-_")
    return key or FALLBACK_KEY


def sop_key_for_file(path: str | os.PathLike[str]) -> str:
    """The SOP key of a file: its name up to the first dot (``surat-masuk.v2.bpmn`` -> ``surat-masuk``)."""
    return sop_key(Path(path).name.split(".")[0])
