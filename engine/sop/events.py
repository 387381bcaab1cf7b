"""Events on SOP rows: waits, boundary paths, event-based choices and special ends.

Plain dataclasses, no I/O. They hang on :class:`engine.sop.model.Step` (its ``wait``,
``boundaries`` and ``end`` fields) so the table keeps its rows and symbols:

- a **wait** row is a *kegiatan* with one :class:`Trigger` in ``wait``: the instance waits there
  (BPMN intermediate catch event) until the timer runs out or the named message arrives;
- an **event-based choice** is a *keputusan* with two triggers in ``wait``: whichever comes first
  decides, the first trigger leads to ``ya``, the second to ``tidak`` (BPMN event-based gateway),
  e.g. "jawaban pemohon diterima?" Ya = the reply message, Tidak = 14 hari kalender;
- a **boundary** (:class:`Boundary`) on a kegiatan is a way out of the step while it is being
  worked: a timeout ("berkas tidak dilengkapi dalam 14 hari kalender -> permohonan gugur"), an
  error the clerk reports, or a message (e.g. "permohonan dicabut"); a timer may leave the step
  with its clerk (non-interrupting, ``menyela: false``) and start a side path;
- an **end** (:class:`EndKind`) of a *selesai* row: a plain end, a terminate end (every other
  branch stops) or an error end (the case ends with an error code).

A timer counts a WAKTU text on the working calendar of the unit ("3 hari kerja") or on the
calendar ("14 hari kalender"), the kind :mod:`engine.sop.durations` gives the text, or waits for
the date in a case field. A message is named; ``korelasi`` names the case field whose value says
which instance a delivered message belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class TriggerKind(str, Enum):
    """What a wait or a boundary waits for."""

    TIMER = "timer"
    MESSAGE = "message"
    ERROR = "error"
    SIGNAL = "signal"


class EndKind(str, Enum):
    """How a *selesai* row ends the case."""

    PLAIN = ""
    #: Every other branch still running stops (BPMN terminate end event).
    TERMINATE = "terminate"
    #: The case ends with an error code (BPMN error end event).
    ERROR = "error"


#: Trigger kinds allowed where: a wait row, a choice branch, a boundary.
WAIT_KINDS = (TriggerKind.TIMER, TriggerKind.MESSAGE, TriggerKind.SIGNAL)
BOUNDARY_KINDS = (TriggerKind.TIMER, TriggerKind.MESSAGE, TriggerKind.ERROR, TriggerKind.SIGNAL)


@dataclass
class Trigger:
    """One thing to wait for."""

    kind: TriggerKind
    #: Timer: the WAKTU text ("14 hari kalender", "3 hari kerja", ``P14D``).
    duration: str = ""
    #: Timer: the case field holding the date (or date-time) to wait for, instead of a duration.
    date_field: str = ""
    #: Message or signal: its name ("jawaban-pemohon"); error: its code ("BERKAS_PALSU").
    name: str = ""
    #: Message: the case field whose value a delivery gives to find the instance.
    correlation: str = ""

    @property
    def is_timer(self) -> bool:
        return self.kind is TriggerKind.TIMER


@dataclass
class Boundary:
    """A way out of a kegiatan while it is worked: ``trigger`` leads to step ``target``."""

    trigger: Trigger
    target: str = ""
    #: Interrupting (the default): the step is cancelled. Non-interrupting: the step stays open and
    #: the path to ``target`` starts beside it (timers and messages only).
    interrupting: bool = True


@dataclass
class EndEvent:
    """What a *selesai* row does besides ending its branch."""

    kind: EndKind = EndKind.PLAIN
    #: Error end: the error code recorded with the case.
    code: str = ""


def boundary_event_id(step_id: str, index: int) -> str:
    """The BPMN id of the ``index``-th (0-based) boundary of a step."""
    return f"{step_id}__batas_{index + 1}"


def choice_event_id(step_id: str, index: int) -> str:
    """The BPMN id of the catch event of the ``index``-th (0-based) branch of an event-based choice.

    A wait row's catch event and a choice's gateway carry the step id itself.
    """
    return f"{step_id}__tunggu_{index + 1}"
