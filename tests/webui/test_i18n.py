from __future__ import annotations

import re
from pathlib import Path

from engine.messages import known_codes
from engine.messages.web import ENTRIES as TEXTS

WEBUI = Path(__file__).resolve().parents[2] / "webui"


def test_every_text_key_used_has_both_languages() -> None:
    used = set()
    for path in [*WEBUI.rglob("*.html"), *WEBUI.glob("*.py")]:
        text = path.read_text().replace('``_("key")``', "")
        used |= set(re.findall(r"""(?:\b_|translate)\(\s*["']([a-z_]+)["']\s*\)""", text))
    # the web UI reads the whole catalogue: a chart title or the work badge may live in its stage's module
    missing = sorted(key for key in used if key not in known_codes())
    assert not missing, missing
    assert all(len(pair) == 2 and pair[0] and pair[1] for pair in TEXTS.values())


def test_dynamic_status_keys_exist() -> None:
    for status in ("draft", "verifikasi", "ujicoba", "disahkan", "revisi"):
        assert f"lc_{status}" in TEXTS
    for status in ("running", "completed", "cancelled", "suspended", "error"):
        assert f"status_{status}" in TEXTS
    for sort in ("tenggat", "menunggu", "sop"):
        assert f"sort_{sort}" in TEXTS
