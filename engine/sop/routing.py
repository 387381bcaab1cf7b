"""Who works a step: the routing rule of each pelaksana column (``penugasan``).

A rule names the unit whose holders of the column's jabatan receive the column's work items:

``unit_instans``      the instance's unit (the default, and what an SOP without rules does)
``opd_induk``         the OPD above the instance's unit (the unit itself when it is an OPD or has no parent)
``unit:<code>``       one named unit, e.g. ``unit:BKPSDM``
``atasan_pemohon``    the unit of the starter's atasan: the unit whose head jabatan is above the
                      starter's holding (the starter's own unit when the starter is not its head, else
                      its parent unit)
``dipilih:<field>``   the unit (code) chosen at an earlier step in the declared case field ``<field>``
``tim_penyusun``      the unit of the Tim penyusun SOP serving the case: the Tim an earlier step of the
                      case set up (its SK, a ``tim`` step record), else the Tim of the instance's unit or
                      of the nearest unit above it, whose members hold the column's jabatan there

The rules are stored in the BPMN ``sop:pelaksana`` extension (a ``penugasan`` attribute of each
``sop:jabatan``) and in the sheet's ``penugasan`` mapping; :mod:`engine.runtime.units` applies them.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import Problem, problem

INSTANCE_UNIT = "unit_instans"
PARENT_OPD = "opd_induk"
NAMED_UNIT = "unit"
STARTER_SUPERIOR = "atasan_pemohon"
CHOSEN = "dipilih"
SERVING_TIM = "tim_penyusun"
#: Rule kinds that take an argument after ``:``.
_WITH_ARGUMENT = (NAMED_UNIT, CHOSEN)
_PLAIN = (INSTANCE_UNIT, PARENT_OPD, STARTER_SUPERIOR, SERVING_TIM)
RULE_KINDS = (INSTANCE_UNIT, PARENT_OPD, NAMED_UNIT, STARTER_SUPERIOR, CHOSEN, SERVING_TIM)


@dataclass(frozen=True)
class RoutingRule:
    """One parsed rule: its kind and (for ``unit`` and ``dipilih``) its argument."""

    kind: str
    argument: str = ""

    @property
    def text(self) -> str:
        return f"{self.kind}:{self.argument}" if self.kind in _WITH_ARGUMENT else self.kind


DEFAULT_RULE = RoutingRule(INSTANCE_UNIT)


def parse_rule(text: str) -> RoutingRule | None:
    """The rule ``text`` names (empty: the default), or ``None`` when it names none."""
    cleaned = (text or "").strip()
    if not cleaned:
        return DEFAULT_RULE
    kind, colon, argument = cleaned.partition(":")
    kind, argument = kind.strip(), argument.strip()
    if kind in _PLAIN and not colon:
        return RoutingRule(kind)
    if kind in _WITH_ARGUMENT and colon and argument:
        return RoutingRule(kind, argument)
    return None


def rule_of(routing: dict[str, str], actor: str) -> RoutingRule:
    """The rule of column ``actor`` (the default when it has none or an unreadable one)."""
    return parse_rule(routing.get(actor, "")) or DEFAULT_RULE


def check_routing(actors: list[str], routing: dict[str, str], field_names: set[str]) -> list[Problem]:
    """Problems of the rules: unreadable, for a column the SOP lacks, or choosing from an undeclared field."""
    problems: list[Problem] = []
    for actor, text in routing.items():
        if actor not in actors:
            problems.append(problem("routing_unknown_column", element_name=actor, actor=actor,
                                    actors=", ".join(actors)))
            continue
        rule = parse_rule(text)
        if rule is None:
            problems.append(problem("routing_bad_rule", element_name=actor, actor=actor, rule=text,
                                    kinds=", ".join(RULE_KINDS)))
        elif rule.kind == CHOSEN and rule.argument not in field_names:
            problems.append(problem("routing_unknown_field", element_name=actor, actor=actor,
                                    field=rule.argument))
    return problems


def check_actor_jabatan(actors: list[str], actor_jabatan: dict[str, str]) -> list[Problem]:
    """Problems of the columns' organisation jabatan codes (``Sop.actor_jabatan``): one for a column the
    SOP lacks. Whether a code names a jabatan of the organisation needs the organisation
    (:func:`engine.access.linking.column_jabatan_problems`)."""
    return [problem("gov_column_jabatan_unknown_column", element_name=actor, actor=actor, actors=", ".join(actors))
            for actor, code in actor_jabatan.items() if code.strip() and actor not in actors]

