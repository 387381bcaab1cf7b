"""Conditions written for other engines, translated into Alur's safe expression language.

Camunda, Activiti and Flowable write conditions in JUEL, ``${approved}``, ``${amount > 1000}``,
``#{status == 'ok'}``; Zeebe (Camunda 8) writes FEEL after an equals sign, ``= approved``,
``= not(approved)``, ``= risk = "red"``. The translation is done token by token here: names,
numbers, quoted strings, comparison and logical operators, arithmetic and parentheses map one to
one onto :mod:`engine.sop.conditions.language`; anything else (method calls, property access,
``empty``, FEEL's ``some``/``every``, ranges) is refused with its reason, so the caller can name
the element and the expression. The model text is only tokenised, never evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ForeignCondition", "UntranslatableCondition", "field_name", "foreign_condition", "translate_condition"]

_JUEL = re.compile(r"^\s*[$#]\{(?P<body>.*)\}\s*$", re.DOTALL)
_FEEL = re.compile(r"^\s*=(?!=)(?P<body>.*)$", re.DOTALL)
#: The BPMN specification's XPath access to a data object, ``bpmn:getDataObject('approved')``.
_XPATH_DATA = re.compile(r"""\b(?:bpmn:)?getDataObject\(\s*"""
                         r"""(?:'([A-Za-z][A-Za-z0-9_]*)'|"([A-Za-z][A-Za-z0-9_]*)")\s*\)""")
_COMPARISONS = {"==", "!=", "<", ">", "<=", ">="}
#: Condition languages that are program code: never run, never translated.
_SCRIPT_LANGUAGES = ("javascript", "ecmascript", "groovy", "python", "java", "nashorn", "graal", "ruby", "php")
_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<name>[A-Za-z][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|&&|\|\||[<>!+\-*/%()=,.?:\[\]{}])
""", re.VERBOSE)

#: Word operators of JUEL (``eq``, ``and``, ...) and of FEEL (``and``, ``or``, ``not``).
_JUEL_WORDS = {"eq": "==", "ne": "!=", "lt": "<", "gt": ">", "le": "<=", "ge": ">=", "and": "and", "or": "or",
               "not": "not", "div": "/", "mod": "%", "true": "True", "false": "False", "null": "None"}
_FEEL_WORDS = {"and": "and", "or": "or", "true": "True", "false": "False", "null": "None"}
_JUEL_SYMBOLS = {"==": "==", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "&&": "and", "||": "or",
                 "!": "not", "+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "(": "(", ")": ")"}
_FEEL_SYMBOLS = {"=": "==", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "+": "+", "-": "-",
                 "*": "*", "/": "/", "(": "(", ")": ")"}
#: Why a token cannot be translated, by token (catalogue codes of :mod:`engine.messages.bpmnimport`).
_REASONS = {".": "imp_reason_property", "?": "imp_reason_ternary", ":": "imp_reason_ternary",
            "[": "imp_reason_index", "]": "imp_reason_index", "{": "imp_reason_other", "}": "imp_reason_other",
            ",": "imp_reason_other", "empty": "imp_reason_empty", "instanceof": "imp_reason_other",
            "some": "imp_reason_quantifier", "every": "imp_reason_quantifier", "in": "imp_reason_other",
            "satisfies": "imp_reason_quantifier", "between": "imp_reason_other", "if": "imp_reason_other"}


class UntranslatableCondition(ValueError):
    """A foreign condition that has no equivalent in the safe language.

    :param reason: catalogue code of the reason (``imp_reason_*``).
    :param token: the part of the expression that cannot be translated.
    """

    def __init__(self, reason: str, token: str) -> None:
        super().__init__(reason, token)
        self.reason = reason
        self.token = token


@dataclass(frozen=True)
class ForeignCondition:
    """A condition recognised as JUEL or FEEL: its dialect and its body without the wrapper."""

    dialect: str
    body: str


def foreign_condition(text: str, language: str = "") -> ForeignCondition | None:
    """Recognise ``${...}``/``#{...}`` (JUEL), ``= ...`` or a FEEL ``language`` attribute (FEEL), the BPMN
    XPath data access, and conditions in a script language (``language="javascript"``: refused)."""
    if any(script in language.lower() for script in _SCRIPT_LANGUAGES):
        return ForeignCondition("script", text)
    juel = _JUEL.match(text)
    if juel:
        return ForeignCondition("juel", juel.group("body"))
    feel = _FEEL.match(text)
    if feel:
        return ForeignCondition("feel", feel.group("body"))
    if "feel" in language.lower():
        return ForeignCondition("feel", text)
    if _XPATH_DATA.search(text) or "xpath" in language.lower():
        return ForeignCondition("xpath", _XPATH_DATA.sub(lambda match: match.group(1) or match.group(2), text))
    return None


def translate_condition(condition: ForeignCondition) -> str:
    """The condition in Alur's safe expression language.

    :raises UntranslatableCondition: naming the first part that has no equivalent.
    """
    if condition.dialect == "script":
        raise UntranslatableCondition("imp_reason_script", condition.body[:60])
    juel = condition.dialect == "juel"
    words, symbols = (_JUEL_WORDS, _JUEL_SYMBOLS) if juel else (_FEEL_WORDS, _FEEL_SYMBOLS)
    parts: list[str] = []
    tokens = _tokens(condition.body)
    if not juel:  # FEEL names may hold spaces ("Vacation Approval"): one name joined by underscores
        tokens = _join_spaced_names(tokens, words)
    if not tokens:
        raise UntranslatableCondition("imp_reason_empty_expression", condition.body)
    for index, (kind, text) in enumerate(tokens):
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        if kind == "number":
            parts.append(text)
        elif kind == "string":
            parts.append(_string(text))
        elif kind == "name":
            lowered = text.lower() if juel else text
            if lowered in words:
                if words[lowered] == "not" and not _negates_one_operand(tokens, index):
                    raise UntranslatableCondition("imp_reason_negation", text)
                parts.append(words[lowered])
            elif not juel and text == "not" and following == "(":
                parts.append("not")
            elif text in _REASONS:
                raise UntranslatableCondition(_REASONS[text], text)
            elif following == "(":
                raise UntranslatableCondition("imp_reason_call", text)
            elif text.startswith("_"):
                raise UntranslatableCondition("imp_reason_other", text)
            else:
                parts.append(field_name(text))
        elif text in symbols:
            if symbols[text] == "not" and not _negates_one_operand(tokens, index):
                raise UntranslatableCondition("imp_reason_negation", text)
            parts.append(symbols[text])
        else:
            raise UntranslatableCondition(_REASONS.get(text, "imp_reason_other"), text)
    _refuse_chained_comparisons([symbols.get(text, text) for _, text in tokens])
    return " ".join(parts)


def field_name(name: str) -> str:
    """A variable of another engine as an Alur case field name: ``orderTotal`` and ``Order_Total``
    become ``order_total`` (Alur's fields are lower case with underscores)."""
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
    return re.sub(r"_+", "_", snake)


def _join_spaced_names(tokens: list[tuple[str, str]], words: dict[str, str]) -> list[tuple[str, str]]:
    joined: list[tuple[str, str]] = []
    for kind, text in tokens:
        previous = joined[-1] if joined else ("", "")
        if (kind == "name" and previous[0] == "name" and text not in words and text not in _REASONS
                and previous[1] not in words and previous[1] not in _REASONS and previous[1] != "not"):
            joined[-1] = ("name", f"{previous[1]}_{text}")
        else:
            joined.append((kind, text))
    return joined


def _negates_one_operand(tokens: list[tuple[str, str]], index: int) -> bool:
    """JUEL's ``!`` binds to one operand, Python's ``not`` to a whole comparison: only ``!name`` or
    ``!(...)`` followed by nothing or by ``&&``/``||``/``)`` mean the same in both."""
    rest = [text for _, text in tokens[index + 1:]]
    if rest[:1] == ["("]:
        return True
    return len(rest) >= 1 and tokens[index + 1][0] == "name" and (len(rest) == 1 or rest[1] in ("&&", "||", ")",
                                                                                                  "and", "or"))


def _refuse_chained_comparisons(texts: list[str]) -> None:
    """``a < b == c`` groups differently in JUEL/FEEL and in Python: refused, not guessed."""
    count = 0
    for text in texts:
        if text in ("(", ")", "&&", "||", "and", "or"):
            count = 0
        elif text in _COMPARISONS or text == "=":
            count += 1
            if count > 1:
                raise UntranslatableCondition("imp_reason_chained", text)


def _tokens(body: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(body):
        match = _TOKEN.match(body, position)
        if match is None:
            raise UntranslatableCondition("imp_reason_other", body[position:position + 10])
        position = match.end()
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append((kind, match.group()))
    return tokens


def _string(text: str) -> str:
    """A JUEL/FEEL string literal as a safe-language literal (escapes of the quote kept)."""
    inner = text[1:-1]
    if "\\" in inner:
        inner = re.sub(r"\\(.)", r"\1", inner)
    return "'" + inner.replace("\\", "\\\\").replace("'", "\\'") + "'"
