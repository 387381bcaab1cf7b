"""Refusals that say which construct it is: a boundary *timer*, a *message* catch, a *parallel*
multi-instance task, an *event* sub-process, a call to a process that is (not) in the file.

The reader refuses what Alur cannot run with one code per element type (``unsupported_*``); here
each such refusal gets the code of its exact construct (``imp_*``), with the element it is attached
to or calls, so an author (and the MIWG report) sees what to change. Refusals of other codes pass
unchanged.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from engine.bpmn.names import bpmn
from engine.errors import Problem, problem

#: Event definitions with a construct code of their own, per refused event type.
_BOUNDARY_KINDS = {"timer", "message", "error", "escalation", "signal", "conditional", "compensate", "cancel"}
_CATCH_KINDS = {"timer", "message", "signal", "conditional", "link"}
_THROW_KINDS = {"message", "signal", "escalation", "compensate", "link"}


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def refine(errors: list[Problem], nodes: dict[str, Any]) -> list[Problem]:
    """``errors`` with each generic ``unsupported_*`` refusal replaced by its construct's refusal."""
    return [_refined(item, nodes.get(item.element_id)) if item.element_id in nodes else item for item in errors]


def _refined(item: Problem, node: Any) -> Problem:
    kinds = list(node.event_kinds)
    kind = kinds[0] if len(kinds) == 1 else ("multiple" if kinds else "none")
    if item.code == "unsupported_boundary_event" and kind in _BOUNDARY_KINDS:
        return problem(f"imp_boundary_{kind}", item.element_id, item.element_name, severity=item.severity,
                       attached=node.element.get("attachedToRef", "") or "-")
    if item.code == "unsupported_intermediate_catch_event" and kind in _CATCH_KINDS:
        return problem(f"imp_catch_{kind}", item.element_id, item.element_name, severity=item.severity)
    if item.code in ("unsupported_intermediate_throw_event", "unsupported_link") and kind in _THROW_KINDS | {"link"}:
        direction = "throw" if node.tag == "intermediateThrowEvent" else "catch"
        return problem(f"imp_{direction}_{kind}", item.element_id, item.element_name, severity=item.severity)
    if item.code == "unsupported_sub_process":
        inner = sum(1 for child in node.element if _local(child).endswith("Task") or _local(child) == "task")
        code = "imp_event_sub_process" if node.element.get("triggeredByEvent") == "true" else "imp_sub_process"
        return problem(code, item.element_id, item.element_name, severity=item.severity, count=inner)
    if item.code == "unsupported_loop":
        loop = node.element.find(bpmn("multiInstanceLoopCharacteristics"))
        if loop is None:
            return problem("imp_standard_loop", item.element_id, item.element_name, severity=item.severity)
        sequential = loop.get("isSequential") == "true"
        return problem("imp_multi_instance_sequential" if sequential else "imp_multi_instance_parallel",
                       item.element_id, item.element_name, severity=item.severity)
    if item.code == "unsupported_call_activity":
        called = node.element.get("calledElement", "")
        root = node.element.getroottree().getroot()
        known = bool(called) and any(element.get("id") == called for element in root.iter(bpmn("process")))
        code = "imp_call_activity_in_file" if known else "imp_call_activity_elsewhere"
        return problem(code, item.element_id, item.element_name, severity=item.severity, called=called or "-")
    return item


__all__ = ["refine"]
