"""Driving instances through the durable runtime, reloading everything from the store between steps."""

from __future__ import annotations

import itertools
from typing import Any

from engine.runtime.facade import Runtime
from engine.samples.case_values import sample_values
from engine.samples.waking import correlation_fields, wake, waiting
from engine.sop.model import Sop, Step, StepKind


def form_for(step: Step, keputusan: str = "", data: dict[str, Any] | None = None) -> dict[str, Any]:
    """A complete form for ``step``: every kelengkapan ticked, the decision answered."""
    form: dict[str, Any] = {"kelengkapan": list(step.requirements), "catatan": f"dikerjakan: {step.id}"}
    if step.kind is StepKind.DECISION and not step.condition:
        form["keputusan"] = keputusan or "Ya"
    if step.output:
        form["output"] = step.output
    if data:
        form["data"] = data
    return form


#: Serial numbers that keep correlation values (a letter's number) unique per driven case.
_serials = itertools.count(1)


def _values(sop: Sop, step_id: str, overrides: dict[str, Any] | None) -> dict[str, Any]:
    """:func:`sample_values`, with a value unique to this case in each field messages correlate on
    (sample values repeat, and a second case with the same letter number would take the first's reply)."""
    values = sample_values(sop, step_id, overrides)
    for name in correlation_fields(sop) & set(values) - set(overrides or {}):
        values[name] = f"{values[name]}-{next(_serials)}"
    return values


def drive(runtime: Runtime, key: str, sop: Sop, people: dict[str, str], answer_no_once: frozenset[str] = frozenset(),
          start_data: dict[str, Any] | None = None, reload: bool = True, limit: int = 500,
          step_data: dict[str, dict[str, Any]] | None = None) -> tuple[int, list[str]]:
    """Start an instance and complete its work items until it ends.

    Every step enters plausible values for the case fields it asks (:func:`sample_values`);
    ``start_data`` and ``step_data`` override some. Each decision is answered Ya, except the first visit of those in ``answer_no_once``.
    When nothing is open but the case waits, the reply it waits for is delivered (a choice's Ya), or
    its timer is run out by the worker (a plain timer wait, or a choice in ``answer_no_once`` on its
    first visit: its Tidak), see :func:`engine.samples.waking.wake`. With
    ``reload`` the runtime forgets every cached workflow before each step, so each step is
    deserialised from the store (SpiffWorkflow's save/restore test pattern).

    :return: the instance id and the step ids completed in order.
    """
    assert sop.start is not None
    instance, _ = runtime.start(key, people[sop.start.actor],
                                form_for(sop.start, data=_values(sop, sop.start.id, start_data)))
    done: list[str] = []
    answered_no: set[str] = set()
    for _ in range(limit):
        if reload:
            runtime.clear_caches()
        items = sorted({item.id: item for user in sorted(set(people.values()))
                        for item in runtime.worklist(user, limit=200) if item.instance_id == instance.id}.values(),
                       key=lambda item: item.id)
        if not items:
            waits = [step for step, _ in waiting(runtime, instance.id).messages]
            timeout = any(step in answer_no_once and step not in answered_no for step in waits)
            woken = wake(runtime, instance.id, sop, people[sop.start.actor], timeout=timeout)
            if not woken:
                break
            if timeout:
                answered_no.update(step for step in waits if step in answer_no_once)
            continue
        item = items[0]
        step = sop.step(item.step_id)
        assert item.jabatan == step.actor, "the work item belongs to the step's lane (jabatan)"
        answer = "Ya"
        if step.id in answer_no_once and step.id not in answered_no:
            answered_no.add(step.id)
            answer = "Tidak"
        runtime.complete(item.id, people[item.jabatan],
                         form_for(step, answer, _values(sop, step.id, (step_data or {}).get(step.id))))
        done.append(step.id)
    return instance.id, done
