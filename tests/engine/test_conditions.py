"""Tests for the safe condition language and the SpiffWorkflow script engine built on it."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.script_engine.python_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

from engine.sop.conditions.language import (
    MAX_LENGTH,
    Condition,
    check_condition,
    evaluate_condition,
    find_condition_error,
    parse_condition,
)
from engine.bpmn.spiff.scripts import SafeEnvironment, safe_script_engine
from engine.errors import AlurError, ConditionError

DATA: dict[str, object] = {
    "jumlah": 7,
    "jumlah_hari": 14,
    "nilai": 2.5,
    "nama": "Budi",
    "status": "lengkap",
    "berkas": ["ktp", "kk", "npwp"],
    "pemohon": {"nama": "Siti", "umur": 30, "alamat": {"kota": "Bandung"}},
    "disetujui": True,
    "catatan": None,
    "nol": 0,
}


# --- evaluation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("jumlah > 5", True),
        ("jumlah > 7", False),
        ("jumlah >= 7", True),
        ("jumlah < 7", False),
        ("jumlah <= 7", True),
        ("jumlah == 7", True),
        ("jumlah != 7", False),
        ("jumlah_hari > 12", True),
        ("nama == 'Budi'", True),
        ("nama != \"Budi\"", False),
        ("1 < jumlah <= 7", True),
        ("1 < jumlah < 7", False),
        ("catatan == None", True),
        ("disetujui == True", True),
        ("nilai > 2", True),
        ("'b' < 'c'", True),
    ],
)
def test_comparisons(source: str, expected: bool) -> None:
    assert evaluate_condition(source, DATA) is expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("'kk' in berkas", True),
        ("'akta' in berkas", False),
        ("'akta' not in berkas", True),
        ("status in ['lengkap', 'sebagian']", True),
        ("status in ('ditolak',)", False),
        ("status in {'lengkap'}", True),
        ("'ud' in nama", True),
        ("'umur' in pemohon", True),
        ("'pekerjaan' not in pemohon", True),
    ],
)
def test_membership(source: str, expected: bool) -> None:
    assert evaluate_condition(source, DATA) is expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("jumlah > 5 and status == 'lengkap'", True),
        ("jumlah > 5 and status == 'ditolak'", False),
        ("jumlah > 50 or disetujui", True),
        ("not disetujui", False),
        ("not (jumlah > 50)", True),
        ("jumlah > 5 and (nama == 'X' or nama == 'Budi')", True),
        # Python semantics: and/or return an operand.
        ("nol or nama", "Budi"),
        ("nama and jumlah", 7),
    ],
)
def test_boolean_operators(source: str, expected: object) -> None:
    assert evaluate_condition(source, DATA) == expected


@pytest.mark.parametrize(
    "source",
    [
        "False and tidak_ada",
        "nol > 0 and tidak_ada > 1",
        "True or tidak_ada",
        "jumlah > 0 or tidak_ada",
        "1 > 2 > tidak_ada",
        "tidak_ada if False else True",
        "True if True else tidak_ada",
    ],
)
def test_short_circuit_never_reads_skipped_names(source: str) -> None:
    assert evaluate_condition(source, DATA) in (True, False)


def test_short_circuit_result_values() -> None:
    assert evaluate_condition("False and tidak_ada", {}) is False
    assert evaluate_condition("True or tidak_ada", {}) is True
    with pytest.raises(ConditionError, match="Nama 'tidak_ada' tidak ada di data formulir"):
        evaluate_condition("True and tidak_ada", {})


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("jumlah + 3", 10),
        ("jumlah - 10", -3),
        ("jumlah * 2", 14),
        ("jumlah / 2", 3.5),
        ("jumlah // 2", 3),
        ("jumlah % 4", 3),
        ("-jumlah", -7),
        ("+jumlah", 7),
        ("(jumlah + 1) * 2", 16),
        ("jumlah + 1 * 2", 9),
        ("nilai * 2", 5.0),
        ("nama + ' S'", "Budi S"),
        ("berkas + ['akta']", ["ktp", "kk", "npwp", "akta"]),
        ("'ab' * 3", "ababab"),
        ("2 * [0]", [0, 0]),
        ("jumlah_hari / 7 > 1", True),
    ],
)
def test_arithmetic(source: str, expected: object) -> None:
    assert evaluate_condition(source, DATA) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("pemohon['umur']", 30),
        ('pemohon["alamat"]["kota"]', "Bandung"),
        ("berkas[0]", "ktp"),
        ("berkas[-1]", "npwp"),
        ("berkas[jumlah - 6]", "kk"),
        ("nama[0] == 'B'", True),
        ("pemohon['umur'] >= 17 and berkas[1] == 'kk'", True),
        ("[10, 20, 30][1]", 20),
    ],
)
def test_subscripts(source: str, expected: object) -> None:
    assert evaluate_condition(source, DATA) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("len(berkas)", 3),
        ("len(nama) == 4", True),
        ("len(pemohon)", 3),
        ("abs(-jumlah)", 7),
        ("min(jumlah, 3, 10)", 3),
        ("max(berkas)", "npwp"),
        ("max([1, 9, 4])", 9),
        ("round(2.567, 2)", 2.57),
        ("round(nilai)", 2),
        ("int('12') + 1", 13),
        ("int(nilai)", 2),
        ("float('1.5') * 2", 3.0),
        ("str(jumlah) == '7'", True),
        ("len(berkas) >= 3 and 'ktp' in berkas", True),
    ],
)
def test_whitelisted_calls(source: str, expected: object) -> None:
    assert evaluate_condition(source, DATA) == expected


def test_conditional_expression() -> None:
    assert evaluate_condition("'besar' if jumlah > 5 else 'kecil'", DATA) == "besar"
    assert evaluate_condition("'besar' if jumlah > 50 else 'kecil'", DATA) == "kecil"


def test_literals() -> None:
    assert evaluate_condition("[1, 'a', None, True, 2.5]", {}) == [1, "a", None, True, 2.5]
    assert evaluate_condition("(1, 2)", {}) == (1, 2)
    assert evaluate_condition("{1, 2, 2}", {}) == {1, 2}


def test_surrounding_whitespace_and_newlines_are_accepted() -> None:
    # Text from a BPMN <conditionExpression> often carries indentation.
    assert evaluate_condition("\n    jumlah > 5\n  ", DATA) is True
    assert evaluate_condition("(jumlah > 5\n and disetujui)", DATA) is True


def test_condition_object() -> None:
    condition = parse_condition("jumlah > 5 and len(berkas) > 0 and pemohon['umur'] > 17")
    assert isinstance(condition, Condition)
    assert condition.source == "jumlah > 5 and len(berkas) > 0 and pemohon['umur'] > 17"
    assert condition.names == frozenset({"jumlah", "berkas", "pemohon"})
    assert condition.evaluate(DATA) is True
    assert condition.evaluate({**DATA, "jumlah": 1}) is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        condition.source = "True"  # type: ignore[misc]


def test_parsing_is_cached() -> None:
    assert parse_condition("jumlah > 123") is parse_condition("jumlah > 123")


def test_names_exclude_function_names() -> None:
    assert parse_condition("max(a, b) > len(c)").names == frozenset({"a", "b", "c"})


def test_data_values_are_not_mutated() -> None:
    data = {"berkas": ["ktp"], "n": 1}
    evaluate_condition("berkas + ['kk'] == ['ktp', 'kk']", data)
    assert data == {"berkas": ["ktp"], "n": 1}


# --- rejection at parse time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("__import__('os').system('id')", "akses atribut ('.system')"),
        ("__import__('os')", "'__import__'"),
        ("().__class__.__base__.__subclasses__()", "akses atribut"),
        ("x.__class__", "akses atribut ('.__class__') tidak didukung"),
        ("open('/etc/passwd').read()", "akses atribut ('.read')"),
        ("open('/etc/passwd')", "pemanggilan fungsi 'open'"),
        ("lambda: 1", "lambda"),
        ("(lambda: 1)()", "lambda"),
        ("[x for x in y]", "comprehension"),
        ("{x for x in y}", "comprehension"),
        ("{x: 1 for x in y}", "comprehension"),
        ("max(x for x in y)", "generator"),
        ("a.b", "akses atribut ('.b')"),
        ("_secret", "'_secret'"),
        ("__builtins__", "'__builtins__'"),
        ("jumlah > _batas", "'_batas'"),
        ("9**9**9", "pangkat ('**')"),
        ("'a' * 10**9", "pangkat ('**')"),
        ("exec('1')", "pemanggilan fungsi 'exec'"),
        ("eval('1')", "pemanggilan fungsi 'eval'"),
        ("getattr(x, 'y')", "pemanggilan fungsi 'getattr'"),
        ("type(x)", "pemanggilan fungsi 'type'"),
        ("f'{jumlah}'", "f-string"),
        ("f'{().__class__}'", "f-string"),
        ("(y := 5)", "walrus"),
        ("[*berkas]", "bintang"),
        ("max(*berkas)", "bintang"),
        ("max(berkas, key=len)", "argumen bernama ('key=')"),
        ("{'a': 1}", "kamus"),
        ("berkas[0:2]", "potongan"),
        ("x is None", "'is'"),
        ("x is not None", "'is not'"),
        ("1 << 10", "'<<'"),
        ("1 | 2", "'|'"),
        ("~1", "'~'"),
        ("b'abc'", "bytes"),
        ("1j", "kompleks"),
        ("10000000000000000000", "terlalu besar"),
        ("1e999 > 0", "tidak terhingga"),
        ("len()", "fungsi 'len' menerima 1 argumen"),
        ("round(1, 2, 3)", "fungsi 'round' menerima 1 sampai 2 argumen"),
        ("berkas[0]()", "hanya fungsi bernama"),
    ],
)
def test_rejected_constructs(source: str, fragment: str) -> None:
    with pytest.raises(ConditionError) as info:
        parse_condition(source)
    message = str(info.value)
    assert fragment in message
    assert message.startswith("Syarat ")
    assert "Gunakan perbandingan sederhana" in message
    assert info.value.expression == source
    assert isinstance(info.value, AlurError)
    assert check_condition(source), "check_condition must report the same problem"


def test_rejection_message_matches_the_documented_form() -> None:
    with pytest.raises(ConditionError) as info:
        parse_condition("x.__class__")
    assert str(info.value) == (
        "Syarat 'x.__class__' tidak diizinkan: akses atribut ('.__class__') tidak didukung. "
        "Gunakan perbandingan sederhana seperti jumlah_hari > 12."
    )


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("x = 1", "'=='"),
        ("import os", "tidak dapat dibaca"),
        ("jumlah >", "tidak dapat dibaca"),
        ("jumlah > 5; 1", "tidak dapat dibaca"),
        ("a\x00", "tidak dapat dibaca"),
        ("", "kosong"),
        ("   \n ", "kosong"),
    ],
)
def test_unreadable_text(source: str, fragment: str) -> None:
    with pytest.raises(ConditionError) as info:
        parse_condition(source)
    assert fragment in str(info.value)


def test_non_text_is_rejected() -> None:
    with pytest.raises(ConditionError, match="teks"):
        parse_condition(5)  # type: ignore[arg-type]


def test_overlong_expression() -> None:
    source = "jumlah > 1 and " * 400 + "jumlah > 1"
    assert len(source) > 5_000
    with pytest.raises(ConditionError, match="terlalu panjang"):
        parse_condition(source)
    assert MAX_LENGTH < 5_000


def test_too_many_nodes() -> None:
    source = " or ".join(f"a == {i}" for i in range(120))
    assert len(source) < MAX_LENGTH
    with pytest.raises(ConditionError, match="terlalu rumit"):
        parse_condition(source)


@pytest.mark.parametrize(
    "source",
    [
        "(" * 500 + "1" + ")" * 500,
        "[" * 500 + "]" * 500,
        "-" * 1_999 + "1",
        "not " * 499 + "x",
        "1+" * 999 + "1",
        "a" + "[0]" * 600,
    ],
)
def test_deep_nesting_gives_condition_error(source: str) -> None:
    with pytest.raises(ConditionError):
        parse_condition(source)
    assert check_condition(source)


def test_depth_limit_applies_below_the_node_limit() -> None:
    source = "not " * 60 + "x"
    with pytest.raises(ConditionError, match="terlalu dalam"):
        parse_condition(source)


def test_every_problem_is_reported_by_check_condition() -> None:
    problems = check_condition("__import__('os').system('id')")
    assert len(problems) == 2
    assert any("'.system'" in p for p in problems)
    assert any("'__import__'" in p for p in problems)
    # Reasons only: the model checker adds "syarat '...' ditolak: " itself.
    assert not any(p.startswith("Syarat") for p in problems)


def test_check_condition_accepts_good_conditions() -> None:
    assert check_condition("jumlah_hari > 12") == []
    assert check_condition("status in ['a', 'b'] and len(berkas) >= 2") == []


# --- resource limits and failures at run time -------------------------------------------------


@pytest.mark.parametrize(
    ("source", "data", "fragment"),
    [
        ("'a' * 1000000000", {}, "terlalu panjang"),
        ("n * 'a'", {"n": 10**9}, "terlalu panjang"),
        ("[0] * 100000", {}, "terlalu panjang"),
        ("s + s", {"s": "x" * 6_000}, "terlalu panjang"),
        ("999999999999999999 * 999999999999999999", {}, "terlalu besar"),
        ("n + 1", {"n": 10**18}, "terlalu besar"),
        ("1e308 * 10", {}, "tidak terhingga"),
        ("float('inf') > 1", {}, "tidak terhingga"),
        ("round(5, -1000)", {}, "round()"),
        ("int('9' * 30)", {}, "terlalu besar"),
        ("int(s)", {"s": "9" * 1_000}, "terlalu panjang"),
    ],
)
def test_resource_limits_at_run_time(source: str, data: dict[str, object], fragment: str) -> None:
    with pytest.raises(ConditionError, match=r"gagal dievaluasi") as info:
        evaluate_condition(source, data)
    assert fragment in str(info.value)


def test_unknown_name_is_an_error_not_a_default() -> None:
    with pytest.raises(ConditionError) as info:
        evaluate_condition("jumlh > 5", DATA)
    message = str(info.value)
    assert "Nama 'jumlh' tidak ada di data formulir" in message
    assert "'jumlah'" in message  # suggestion
    assert info.value.expression == "jumlh > 5"


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("nama < 5", "tidak dapat membandingkan teks dengan bilangan bulat ('<')"),
        ("berkas > 1", "tidak dapat membandingkan daftar dengan bilangan bulat"),
        ("1 in jumlah", "'in'"),
        ("1 in nama", "'in'"),
        ("nama + 1", "operator '+'"),
        ("nama - 'a'", "operator '-'"),
        ("-nama", "tanda '-'"),
        ("jumlah / 0", "pembagian dengan nol"),
        ("jumlah // nol", "pembagian dengan nol"),
        ("jumlah % 0", "pembagian dengan nol"),
        ("pemohon['pekerjaan']", "kunci 'pekerjaan' tidak ada"),
        ("berkas[10]", "di luar jangkauan"),
        ("berkas['a']", "indeks harus bilangan bulat"),
        ("jumlah[0]", "tidak dapat mengambil"),
        ("pemohon[[1]]", "tidak dapat dipakai sebagai kunci"),
        ("len(jumlah)", "len()"),
        ("abs(nama)", "abs()"),
        ("int('abc')", "bukan bilangan bulat"),
        ("float('x')", "bukan bilangan"),
        ("min([])", "kosong"),
        ("max(jumlah)", "max()"),
        ("min(1, 'a')", "min()"),
        ("round(nama)", "round()"),
        ("round(nilai, 1.5)", "round()"),
        ("{berkas}", "himpunan"),
        ("str(pemohon) != 1 and 1 < 'a'", "tidak dapat membandingkan"),
    ],
)
def test_run_time_errors_are_condition_errors(source: str, fragment: str) -> None:
    parse_condition(source)  # valid language...
    with pytest.raises(ConditionError) as info:  # ...that fails on this data
        evaluate_condition(source, DATA)
    assert fragment in str(info.value)
    assert info.value.expression == source


def test_data_must_be_a_mapping() -> None:
    with pytest.raises(ConditionError, match="kamus"):
        parse_condition("x > 1").evaluate([("x", 2)])  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_only_ever_raises_condition_error(source: str) -> None:
    try:
        condition = parse_condition(source)
    except ConditionError:
        return
    try:
        condition.evaluate({"x": 1, "y": "a", "z": [1, 2]})
    except ConditionError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.integers(-10**9, 10**9), st.integers(-10**9, 10**9))
def test_integer_comparisons_agree_with_python(a: int, b: int) -> None:
    data = {"a": a, "b": b}
    assert evaluate_condition("a < b", data) is (a < b)
    assert evaluate_condition("a + b == b + a and a - b == -(b - a)", data) is True
    assert evaluate_condition("a * 2 >= a + a", data) is True


# --- the SpiffWorkflow environment ------------------------------------------------------------


def test_environment_evaluate_overlays_task_data_on_external_context() -> None:
    environment = SafeEnvironment()
    assert environment.evaluate("a + b", {"a": 1}, {"a": 100, "b": 2}) == 3
    with pytest.raises(ConditionError):
        environment.evaluate("b", {}, None)


def test_environment_refuses_scripts_and_services() -> None:
    environment = SafeEnvironment()
    context: dict[str, object] = {"a": 1}
    with pytest.raises(ConditionError, match="Skrip tidak dijalankan oleh Alur"):
        environment.execute("a = 2\nb = 3", context, {})
    assert context == {"a": 1}
    with pytest.raises(ConditionError, match="tidak dijalankan oleh Alur"):
        environment.call_service(context, operation_name="kirim")


def test_safe_script_engine_is_a_python_script_engine() -> None:
    engine = safe_script_engine()
    assert isinstance(engine, PythonScriptEngine)
    assert isinstance(engine.environment, SafeEnvironment)
    with pytest.raises(ConditionError):
        engine.validate("x.y")
    engine.validate("x > 1")


def test_find_condition_error() -> None:
    error = ConditionError("pesan", expression="x")
    try:
        try:
            raise error
        except ConditionError as exc:
            raise RuntimeError("luar") from exc
    except RuntimeError as outer:
        assert find_condition_error(outer) is error
    assert find_condition_error(ValueError("lain")) is None


_NAMESPACES = (
    'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn"'
)


def _gateway_bpmn(condition: str) -> str:
    text = escape(condition)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {_NAMESPACES}>
  <bpmn:process id="proses" isExecutable="true">
    <bpmn:startEvent id="mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="cek_jumlah" name="Jumlah cukup?" default="f3">
      <bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:manualTask id="proses_ya" name="Ya"><bpmn:incoming>f2</bpmn:incoming></bpmn:manualTask>
    <bpmn:manualTask id="proses_tidak" name="Tidak"><bpmn:incoming>f3</bpmn:incoming></bpmn:manualTask>
    <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="cek_jumlah"/>
    <bpmn:sequenceFlow id="f2" sourceRef="cek_jumlah" targetRef="proses_ya">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{text}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f3" sourceRef="cek_jumlah" targetRef="proses_tidak"/>
  </bpmn:process>
</bpmn:definitions>"""


def _script_bpmn(script: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions {_NAMESPACES}>
  <bpmn:process id="proses" isExecutable="true">
    <bpmn:startEvent id="mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:scriptTask id="skrip" name="Skrip">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:script>{escape(script)}</bpmn:script>
    </bpmn:scriptTask>
    <bpmn:endEvent id="selesai"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="skrip"/>
    <bpmn:sequenceFlow id="f2" sourceRef="skrip" targetRef="selesai"/>
  </bpmn:process>
</bpmn:definitions>"""


def _workflow(bpmn: str, data: dict[str, object], engine: PythonScriptEngine | None = None) -> BpmnWorkflow:
    parser = SpiffBpmnParser()
    parser.add_bpmn_str(bpmn.encode("utf-8"), filename="uji.bpmn")
    workflow = BpmnWorkflow(parser.get_spec("proses"), script_engine=engine or safe_script_engine())
    for task in workflow.get_tasks(state=TaskState.READY):
        task.set_data(**data)
    return workflow


def _ready(workflow: BpmnWorkflow) -> list[str]:
    return sorted(task.task_spec.name for task in workflow.get_tasks(state=TaskState.READY))


@pytest.mark.parametrize(
    ("jumlah", "branch"), [(7, "proses_ya"), (6, "proses_ya"), (5, "proses_tidak"), (0, "proses_tidak")]
)
def test_workflow_takes_the_branch_the_condition_chooses(jumlah: int, branch: str) -> None:
    workflow = _workflow(_gateway_bpmn("jumlah > 5"), {"jumlah": jumlah})
    workflow.do_engine_steps()
    assert _ready(workflow) == [branch]


def test_workflow_accepts_an_indented_condition() -> None:
    # Modelling tools indent the text; SpiffWorkflow's own eval fails on it ("unexpected indent").
    workflow = _workflow(_gateway_bpmn("\n        jumlah > 5\n      "), {"jumlah": 9})
    workflow.do_engine_steps()
    assert _ready(workflow) == ["proses_ya"]


def test_workflow_condition_failure_surfaces_chained_condition_error() -> None:
    workflow = _workflow(_gateway_bpmn("jumlah > 5"), {"lain": 1})
    with pytest.raises(WorkflowTaskException) as info:
        workflow.do_engine_steps()
    error = info.value
    assert isinstance(error.__cause__, ConditionError)
    assert find_condition_error(error) is error.__cause__
    assert error.error_type == "ConditionError"
    assert "Nama 'jumlah' tidak ada di data formulir" in str(error)
    assert error.task.task_spec.name == "cek_jumlah"
    assert error.task.state == TaskState.ERROR
    assert _ready(workflow) == []


@pytest.mark.parametrize(
    "condition",
    [
        "().__class__.__base__.__subclasses__()",
        "__import__('os').system('id')",
    ],
)
def test_hostile_condition_in_bpmn_is_refused(condition: str) -> None:
    workflow = _workflow(_gateway_bpmn(condition), {"jumlah": 7})
    with pytest.raises(WorkflowTaskException) as info:
        workflow.do_engine_steps()
    cause = find_condition_error(info.value)
    assert cause is not None
    assert "tidak diizinkan" in str(cause)
    assert "tidak diizinkan" in str(info.value)
    assert _ready(workflow) == []


def test_hostile_condition_is_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "dijalankan"
    condition = f"__import__('pathlib').Path({str(marker)!r}).touch()"

    # Control: SpiffWorkflow's default engine really runs the text, so the marker detects it.
    workflow = _workflow(_gateway_bpmn(condition), {"jumlah": 7}, PythonScriptEngine())
    workflow.do_engine_steps()
    assert marker.exists()
    marker.unlink()

    workflow = _workflow(_gateway_bpmn(condition), {"jumlah": 7})
    with pytest.raises(WorkflowTaskException) as info:
        workflow.do_engine_steps()
    assert isinstance(info.value.__cause__, ConditionError)
    assert not marker.exists()


def test_script_task_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "dijalankan"
    script = f"import pathlib\npathlib.Path({str(marker)!r}).touch()\nhasil = 1"
    workflow = _workflow(_script_bpmn(script), {"jumlah": 7})
    with pytest.raises(WorkflowTaskException) as info:
        workflow.do_engine_steps()
    cause = info.value.__cause__
    assert isinstance(cause, ConditionError)
    assert "Skrip tidak dijalankan oleh Alur" in str(cause)
    assert "Skrip tidak dijalankan oleh Alur" in str(info.value)
    assert info.value.task.task_spec.name == "skrip"
    assert "hasil" not in info.value.task.data
    assert not marker.exists()
