"""Deviations of a case from its SOP, in the SOP's own words (Bahasa Indonesia, English available).

=============  ======================  ==========================================================
kind           SOP words               found by
=============  ======================  ==========================================================
skipped        langkah terlewat        a model move: the SOP needs a step the case lacks
extra          langkah tambahan        a log move: an event the SOP does not allow there, or an
                                       activity that is not in the SOP at all
wrong_order    urutan salah            a log move and a model move of the same step: it was done,
                                       but elsewhere than the SOP places it
wrong_role     pelaksana salah         the event's ``org:role`` is not the step's jabatan
over_time      melebihi waktu baku     the step's working time exceeds its WAKTU
=============  ======================  ==========================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from engine.messages import message
from engine.sop.duration_text import working_time_text


class DeviationKind(str, Enum):
    """The five kinds of deviation."""

    SKIPPED = "skipped"
    EXTRA = "extra"
    WRONG_ORDER = "wrong_order"
    WRONG_ROLE = "wrong_role"
    OVER_TIME = "over_time"

    def label(self, lang: str = "id") -> str:
        """The SOP words for the kind: "langkah terlewat", "urutan salah", ..."""
        return message(f"deviation_kind_{self.value}", lang)


@dataclass(frozen=True)
class Deviation:
    """One deviation of one case, with what is needed to say it in either language."""

    kind: DeviationKind
    #: The step id; empty for an activity that is not in the SOP.
    step: str = ""
    #: The step's NO (row number); 0 for an activity that is not in the SOP.
    number: int = 0
    #: The step's kegiatan, or the log's activity text when it is not in the SOP.
    activity: str = ""
    #: 1-based position of the event in its case (0 for a skipped step).
    event: int = 0
    #: The event's line in the log file (0 when unknown).
    line: int = 0
    #: Skipped / wrong order: the step after which the SOP places the step ("" = first step).
    after: str = ""
    after_number: int = 0
    #: Wrong role: the event's role and the step's jabatan.
    role: str = ""
    actor: str = ""
    #: Over time: the working minutes taken, the WAKTU text and its working minutes.
    minutes: float = 0.0
    standard: str = ""
    standard_minutes: float = 0.0
    #: Working minutes of a standard day, to say long times in working days.
    minutes_per_day: float = 450.0

    def render(self, lang: str = "id") -> str:
        """The deviation as a sentence in ``lang`` ("id" or "en")."""
        step = f"{self.number} ({self.step})"
        if self.event:
            where = (message("deviation_where_line", lang, event=str(self.event), line=str(self.line)) if self.line
                     else message("deviation_where", lang, event=str(self.event)))
        else:
            where = ""
        expected = (message("deviation_after", lang, step=f"{self.after_number} ({self.after})") if self.after
                    else message("deviation_first", lang))
        if self.kind is DeviationKind.SKIPPED:
            return message("deviation_skipped", lang, step=step, expected=expected)
        if self.kind is DeviationKind.EXTRA:
            if not self.step:
                return message("deviation_extra_unknown", lang, activity=self.activity, where=where)
            return message("deviation_extra", lang, step=step, where=where)
        if self.kind is DeviationKind.WRONG_ORDER:
            return message("deviation_wrong_order", lang, step=step, where=where, expected=expected)
        if self.kind is DeviationKind.WRONG_ROLE:
            return message("deviation_wrong_role", lang, step=step, where=where, role=self.role, actor=self.actor)
        actual = working_time_text(self.minutes, self.minutes_per_day, lang)
        return message("deviation_over_time", lang, step=step, where=where, actual=actual, standard=self.standard)

    @property
    def message(self) -> str:
        """The deviation in Bahasa Indonesia."""
        return self.render("id")

    def __str__(self) -> str:
        return self.render("id")

    def to_dict(self, lang: str = "id") -> dict[str, object]:
        """The deviation as JSON-ready data, with its sentence in ``lang``."""
        data: dict[str, object] = {"kind": self.kind.value, "label": self.kind.label(lang), "step": self.step,
                                   "activity": self.activity, "event": self.event, "line": self.line,
                                   "message": self.render(lang)}
        if self.kind is DeviationKind.WRONG_ROLE:
            data.update(role=self.role, actor=self.actor)
        if self.kind is DeviationKind.OVER_TIME:
            data.update(minutes=round(self.minutes, 2), standard=self.standard,
                        standard_minutes=round(self.standard_minutes, 2))
        return data
