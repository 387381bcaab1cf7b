"""Refusals of the monitoring and evaluation forms carry catalogue codes, so English pages say them in English."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from engine.errors import DataError, NotFoundError
from engine.monitoring.evaluation import save_evaluation
from engine.monitoring.form import prefill_monitoring_form, save_monitoring_form
from engine.monitoring.report import monitoring_report
from engine.monitoring.workbook import EvaluationForm
from tests.engine.monitoring.conftest import KEY, Driven


def test_form_refusals_in_both_languages(driven: Driven) -> None:
    form = prefill_monitoring_form(monitoring_report(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    save_monitoring_form(driven.runtime, KEY, form, "inspektur")
    with pytest.raises(DataError) as stale:
        save_monitoring_form(driven.runtime, KEY, form, "kabag")
    assert stale.value.field == "revision" and "revisi 1" in str(stale.value)
    assert stale.value.render("en").startswith("This monitoring form was saved by inspektur at ")
    backwards = dataclasses.replace(form, period_start=form.period_end + dt.timedelta(days=1))
    with pytest.raises(DataError) as reversed_period:
        save_monitoring_form(driven.runtime, KEY, backwards, "inspektur")
    assert reversed_period.value.field == "period_end"
    assert reversed_period.value.render("en") == "The monitoring period ends before it starts."


def test_evaluation_refusals_in_both_languages(driven: Driven) -> None:
    with pytest.raises(DataError) as unanswered:
        save_evaluation(driven.runtime, KEY, EvaluationForm("SOP", "1", "Unit", dt.date(2026, 7, 1), "Tim", outcome="tetap"),
                        "tim")
    assert unanswered.value.field == "answers" and "belum dijawab" in str(unanswered.value)
    assert unanswered.value.render("en") == "Question 1, 2, 3, 4, 5, 6, 7 is not answered Yes or No yet."
    with pytest.raises(DataError) as outcome:
        save_evaluation(driven.runtime, KEY, EvaluationForm("SOP", "1", "Unit", dt.date(2026, 7, 1), "Tim"), "tim")
    assert outcome.value.render("en") == "The evaluation outcome must be one of: tetap, revisi, ganti."
    with pytest.raises(NotFoundError) as missing:
        monitoring_report(driven.runtime, KEY, versions=[99])
    assert missing.value.render("en") == f"SOP '{KEY}' has no version 99."
