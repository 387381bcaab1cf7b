"""Conditions of other engines (JUEL, FEEL, BPMN XPath) are translated into the safe language or refused by name."""

from __future__ import annotations

import pytest

from engine.bpmn.reader import read_bpmn
from engine.errors import ProcessDefinitionError
from engine.sop.conditions.juel import UntranslatableCondition, foreign_condition, translate_condition
from engine.sop.conditions.language import evaluate_condition


def translate(text: str, language: str = "") -> str:
    foreign = foreign_condition(text, language)
    assert foreign is not None, text
    return translate_condition(foreign)


@pytest.mark.parametrize(("text", "expected"), [
    ("${approved}", "approved"),
    ("${!approved}", "not approved"),
    ("${amount > 1000}", "amount > 1000"),
    ("${status == 'ok'}", "status == 'ok'"),
    ("#{status eq \"ok\" && amount le 5}", "status == 'ok' and amount <= 5"),
    ("${a || !(b == 2)}", "a or not ( b == 2 )"),
    ("${x mod 2 == 0}", "x % 2 == 0"),
    ("${ok == true}", "ok == True"),
    ("= approved", "approved"),
    ("= not(approved)", "not ( approved )"),
    ("=fraud", "fraud"),
    ('= risk = "red"', "risk == 'red'"),
    ('Vacation Approval = "Approved"', "vacation_approval == 'Approved'"),
    ("${orderTotal >= 100}", "order_total >= 100"),
    ("bpmn:getDataObject('clarified') = 'yes'", "clarified == 'yes'"),
])
def test_translations(text: str, expected: str) -> None:
    language = "https://www.omg.org/spec/DMN/20191111/FEEL/" if text.startswith("Vacation") else ""
    assert translate(text, language) == expected


def test_translation_means_the_same() -> None:
    condition = translate("${amount > 1000 && status != 'batal'}")
    assert evaluate_condition(condition, {"amount": 1500, "status": "baru"}) is True
    assert evaluate_condition(condition, {"amount": 1500, "status": "batal"}) is False


@pytest.mark.parametrize(("text", "reason", "token"), [
    ("${order.amount > 5}", "imp_reason_property", "."),
    ("${execution.getVariable('x')}", "imp_reason_property", "."),
    ("${check(x)}", "imp_reason_call", "check"),
    ("${a ? b : c}", "imp_reason_ternary", "?"),
    ("${empty list}", "imp_reason_empty", "empty"),
    ("${items[0] == 1}", "imp_reason_index", "["),
    ("${!a == b}", "imp_reason_negation", "!"),
    ("${a < b == true}", "imp_reason_chained", "=="),
    ("= some r in rs satisfies r = \"red\"", "imp_reason_quantifier", "some"),
    ("${}", "imp_reason_empty_expression", ""),
    ("${__class__}", "imp_reason_other", "__class__"),
    ("${a ; b}", "imp_reason_other", "; b"),
])
def test_refusals_say_why(text: str, reason: str, token: str) -> None:
    with pytest.raises(UntranslatableCondition) as caught:
        translate(text)
    assert caught.value.reason == reason
    assert caught.value.token == token


def test_script_conditions_are_refused_never_run() -> None:
    foreign = foreign_condition("execution.getVariable('x') > 1", "javascript")
    assert foreign is not None
    with pytest.raises(UntranslatableCondition) as caught:
        translate_condition(foreign)
    assert caught.value.reason == "imp_reason_script"


def test_plain_conditions_are_left_to_the_safe_language() -> None:
    assert foreign_condition("jumlah > 3") is None


GATEWAY = """<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <process id="p" name="P">
    <startEvent id="s"/>
    <exclusiveGateway id="g" name="Besar?" default="no"/>
    <task id="a" name="A"/><task id="b" name="B"/>
    <endEvent id="e"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
    <sequenceFlow id="yes" name="Ya" sourceRef="g" targetRef="a">
      <conditionExpression>{condition}</conditionExpression></sequenceFlow>
    <sequenceFlow id="no" name="Tidak" sourceRef="g" targetRef="b"/>
    <sequenceFlow id="f2" sourceRef="a" targetRef="e"/><sequenceFlow id="f3" sourceRef="b" targetRef="e"/>
  </process>
</definitions>"""


def test_the_reader_translates_and_notes_it() -> None:
    result = read_bpmn(GATEWAY.replace("{condition}", "${jumlah &gt; 3}").encode())
    assert result.sop.step("g").condition == "jumlah > 3"
    assert [n for n in result.notices if n.code == "imp_condition_translated" and n.element_id == "yes"]


def test_the_reader_refuses_by_element_and_expression() -> None:
    with pytest.raises(ProcessDefinitionError) as caught:
        read_bpmn(GATEWAY.replace("{condition}", "${order.total &gt; 3}").encode())
    [refusal] = caught.value.problems
    assert refusal.code == "imp_reason_property" and refusal.element_id == "yes"
    assert "${order.total > 3}" in refusal.message and "JUEL" in refusal.message
    assert "${order.total > 3}" in refusal.render("en")


def test_a_fixed_condition_leaves_the_choice_to_the_clerk() -> None:
    result = read_bpmn(GATEWAY.replace("{condition}", "${true}").encode())
    assert result.sop.step("g").condition == ""
    assert [n for n in result.notices if n.code == "imp_condition_constant"]
