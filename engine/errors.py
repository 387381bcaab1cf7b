"""Every error Alur raises.

``str(exc)`` is the message for the user, in Bahasa Indonesia; technical detail sits in attributes
and in the chained cause. The tree::

    AlurError
     +-- InputError              unreadable or hostile input (not XML, DTD/entities, too big, too deep)
     +-- ProcessDefinitionError  a model that is readable but wrong (carries a list of Problem)
     +-- ConditionError          a condition outside the safe expression language, or failing
     +-- DurationError           a WAKTU text that does not parse
     +-- RenderError             drawing the official document failed
     +-- StoreError              the database refused or failed
     +-- NotFoundError           an SOP, instance or work item that does not exist
     +-- AccessDeniedError       the user may not do this (wrong jabatan, role or unit)
     +-- TaskError               a step cannot be run in its current state
     |    +-- AlreadyCompletedError  someone else completed the work item first
     +-- DataError               completion or start data that is incomplete or malformed
     +-- DeliveryError           a notification channel (mail server, webhook) did not take a message
          +-- CaseDataError          case field values that do not fit the SOP's declared fields
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any, Self


class AlurError(Exception):
    """Root of every error Alur raises.

    :param message: the user-facing message, in Bahasa Indonesia.
    """

    #: HTTP status the web UI answers with for this kind of error.
    http_status: int = 500
    #: Exit status the CLI ends with for this kind of error.
    exit_code: int = 1

    def __init__(self, message: str, *, code: str = "", params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: Catalogue key (:mod:`engine.messages`) when the message can be shown in other languages.
        self.code = code
        self.params = {key: str(value) for key, value in (params or {}).items()}

    @classmethod
    def from_code(cls, code: str, *args: Any, **params: object) -> Self:
        """Build the error from catalogue entry ``code``; the message is the Indonesian text.

        :param args: the subclass's own arguments after the message (e.g. a :class:`TaskError`'s
            ``task_name``), in order.
        :param params: the values of the catalogue template.
        """
        from engine.messages import message

        texts = {key: str(value) for key, value in params.items()}
        return cls(message(code, "id", **texts), *args, code=code, params=texts)

    def render(self, lang: str = "id") -> str:
        """The user message in ``lang`` ("id" or "en"); Indonesian when it has no catalogue entry."""
        if not self.code:
            return self.message
        from engine.messages import message

        return message(self.code, lang, **self.params)


class InputError(AlurError):
    """Input that cannot be read safely: not XML/YAML, DTD or entities, too large, too deep."""

    http_status = 400
    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a model, naming the element and what to do.

    The text comes from the message catalogue (:mod:`engine.messages`) so it can be shown in
    Bahasa Indonesia (default) or English.
    """

    #: Catalogue key, e.g. ``"dangling_reference"``.
    code: str
    #: Element id (step id, BPMN id) the problem is about; empty for the whole model.
    element_id: str = ""
    #: Element name (kegiatan, lane name) when known.
    element_name: str = ""
    #: Values for the message template, as sorted (name, value) pairs so the problem stays hashable.
    params: tuple[tuple[str, str], ...] = ()
    #: ``"error"`` blocks saving and running; ``"warning"`` is reported and kept.
    severity: str = "error"

    def render(self, lang: str = "id") -> str:
        """The message with the element named first, in ``lang`` ("id" or "en")."""
        from engine.messages import message

        text = message(self.code, lang, **dict(self.params))
        where = self.element_id
        if self.element_name:
            where = f"{where} '{self.element_name}'" if where else f"'{self.element_name}'"
        return f"{where}: {text}" if where else text

    @property
    def message(self) -> str:
        """The message in Bahasa Indonesia."""
        return self.render("id")

    def __str__(self) -> str:
        return self.render("id")


def problem(code: str, element_id: str = "", element_name: str = "", *, severity: str = "error",
            **params: object) -> Problem:
    """Build a :class:`Problem`; ``params`` fill the catalogue template."""
    return Problem(code, element_id, element_name,
                   tuple(sorted((key, str(value)) for key, value in params.items())), severity)


class ProcessDefinitionError(AlurError):
    """A model that was read but is not a valid, executable SOP.

    :param problems: every problem found, so the user fixes them in one pass.
    """

    http_status = 422
    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None, filename: str = "", *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.problems = list(problems or [])
        self.filename = filename


class ConditionError(AlurError):
    """A condition that is not in the safe expression language, or fails when evaluated."""

    http_status = 422
    exit_code = 1

    def __init__(self, message: str, expression: str = "", *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.expression = expression


class DurationError(AlurError):
    """A WAKTU text that is not a duration Alur understands."""

    http_status = 422
    exit_code = 1

    def __init__(self, message: str, text: str = "", *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.text = text


class RenderError(AlurError):
    """Drawing the official SOP document failed."""


class StoreError(AlurError):
    """The database refused or failed."""


class NotFoundError(AlurError):
    """An SOP, version, instance or work item that does not exist."""

    http_status = 404


class AccessDeniedError(AlurError):
    """The user may not do this: wrong jabatan, role or unit."""

    http_status = 403


class TaskError(AlurError):
    """A step cannot be run in its current state (not ready, already completed, stale form)."""

    http_status = 409

    def __init__(self, message: str, task_name: str = "", *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.task_name = task_name


class AlreadyCompletedError(TaskError):
    """The work item was completed by someone else first; nothing was changed.

    :param by: username of whoever completed it.
    :param at: when, as an aware datetime.
    """

    def __init__(self, message: str, task_name: str = "", by: str = "", at: object = None, *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, task_name, code=code, params=params)
        self.by = by
        self.at = at


class DataError(AlurError):
    """Data for starting an instance or completing a step that is incomplete or malformed.

    :param field: the key of the data the message is about, when there is one.
    """

    http_status = 422
    exit_code = 1

    def __init__(self, message: str, field: str = "", *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.field = field


class DeliveryError(AlurError):
    """A notification channel (the mail server, the webhook) did not take a message; the worker tries again.

    :param detail: what the channel answered (for the outbox row and logs).
    """

    http_status = 502

    def __init__(self, message: str, detail: str = "", *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.detail = detail
class CaseDataError(DataError):
    """Case field values (a form's ``data``) that do not fit the fields the SOP declares for the step.

    :param field: the first field named by a problem.
    :param problems: every problem found, one per field (:attr:`Problem.element_id` is the field name).
    """

    def __init__(self, message: str, field: str = "", problems: list[Problem] | None = None, *, code: str = "",
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, field, code=code, params=params)
        self.problems = list(problems or [])
