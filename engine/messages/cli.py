"""Catalogue entries of the `alur` command line."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- hostile sheets and operations (serve) ---
    "sheet_too_deep": ("{label}: YAML bersarang terlalu dalam; lembar SOP tidak memerlukannya.",
                       "{label}: the YAML is nested too deep; an SOP sheet never needs that."),
    "sheet_bad_value": ("{label}: nilai yang tidak dapat dibaca ({detail}).",
                        "{label}: a value that cannot be read ({detail})."),
}
