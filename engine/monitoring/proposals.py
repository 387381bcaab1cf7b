"""Proposed answers to the evaluation's seven questions, from the data, with the figures behind each.

The evaluator still decides: :func:`propose_answers` only pre-fills the form (an answer and a note
naming the figures), which the evaluator confirms or changes before saving. Each proposal reads the
monitoring report of the period (and the clerks' ujicoba ratings and the conformance of Alur's own
log when given); a question the data cannot speak to gets no proposed answer (``None``), and says why.

=====  ===================================================  ==========================================
no     question                                             proposed "Ya" when
=====  ===================================================  ==========================================
1      mendorong peningkatan kinerja                        median cycle time within the path's standard
2      mudah dipahami                                       kemudahan rated >= 3.5 (else: few steps done
                                                            with kelengkapan missing, <= 20 %)
3      mudah dilaksanakan                                   >= 80 % of step runs within their WAKTU
4      semua orang dapat menjalankan perannya               no step done by another jabatan, and no
                                                            jabatan with overdue work waiting
5      mengatasi permasalahan yang berkaitan dengan proses  <= 20 % of cases overdue, <= 20 % reworked
6      menjawab kebutuhan peningkatan kinerja organisasi    <= 20 % of the closed cases cancelled
7      sinergi satu dengan lainnya                          the cases follow the SOP's flow (fitness >= 0,95)
=====  ===================================================  ==========================================
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.conformance.check import ConformanceReport
from engine.conformance.deviations import DeviationKind
from engine.messages import message
from engine.monitoring.report import MonitoringReport
from engine.sop.duration_text import working_time_text


@dataclass(frozen=True)
class ProposalRules:
    """The thresholds behind the proposed answers (see the module docstring)."""

    min_ease: float = 3.5
    max_missing_share: float = 0.2
    min_within_share: float = 0.8
    max_overdue_share: float = 0.2
    max_rework_share: float = 0.2
    max_cancelled_share: float = 0.2
    min_fitness: float = 0.95


@dataclass(frozen=True)
class ProposedAnswer:
    """A proposed answer to one question: ``True`` (Ya), ``False`` (Tidak) or ``None`` (no data), with
    the figures it rests on, as text for the evaluator."""

    answer: bool | None
    figures: tuple[str, ...]

    @property
    def note(self) -> str:
        """The figures as one note, as the form's comment is pre-filled with."""
        return "; ".join(self.figures)


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def propose_answers(report: MonitoringReport, lang: str = "id", *, ease: tuple[float, int] | None = None,
                    conformance: ConformanceReport | None = None, log_limit: int = 0,
                    rules: ProposalRules | None = None) -> list[ProposedAnswer]:
    """The seven proposals for ``report``'s SOP and period.

    :param ease: the clerks' mean kemudahan rating of the SOP's ujicoba and how many ratings.
    :param conformance: the check of Alur's own log of the period against the SOP.
    :param log_limit: the log was not checked, being longer than this many events (0: not so).
    """
    rules = rules or ProposalRules()
    day = report.minutes_per_day

    def text(code: str, **params: object) -> str:
        return message(code, lang, **params)

    def minutes(value: float) -> str:
        return working_time_text(value, day, lang)

    no_data = ProposedAnswer(None, (text("stage9_propose_no_data", started=report.started),))
    proposals: list[ProposedAnswer] = []
    # 1. performance: the cases finish within the path's standard
    if report.cycle_median_minutes is not None and report.standard_cycle_minutes is not None:
        proposals.append(ProposedAnswer(report.cycle_median_minutes <= report.standard_cycle_minutes + 1e-6, (
            text("stage9_fig_cycle", median=minutes(report.cycle_median_minutes),
                 standard=minutes(report.standard_cycle_minutes), completed=report.completed),)))
    else:
        proposals.append(no_data)
    # 2. easy to understand: the clerks' kemudahan, else the kelengkapan they had at hand
    done = sum(step.count for step in report.steps)
    if ease is not None and ease[1]:
        proposals.append(ProposedAnswer(ease[0] >= rules.min_ease, (
            text("stage9_fig_ease", average=f"{ease[0]:.1f}", count=ease[1]),)))
    elif done:
        share = report.missing_kelengkapan_share
        proposals.append(ProposedAnswer(share <= rules.max_missing_share, (
            text("stage9_fig_missing", share=_percent(share), done=done),)))
    else:
        proposals.append(no_data)
    # 3. easy to carry out: step runs within their WAKTU
    timed = [step for step in report.steps if step.within is not None and step.count]
    counted = sum(step.count for step in timed)
    if counted:
        within = sum(step.within or 0 for step in timed) / counted
        slowest = report.bottlenecks[:1]
        figures = [text("stage9_fig_within", share=_percent(within), runs=counted)]
        figures += [text("stage9_fig_bottleneck", number=step.number, kegiatan=step.kegiatan) for step in slowest]
        proposals.append(ProposedAnswer(within >= rules.min_within_share, tuple(figures)))
    else:
        proposals.append(no_data)
    # 4. everyone plays their role: the jabatan the SOP names did the steps, no one's work lies overdue
    if done:
        late = [load.jabatan for load in report.jabatan if load.overdue_open]
        wrong = conformance.deviation_counts()[DeviationKind.WRONG_ROLE] if conformance is not None else 0
        figures = [text("stage9_fig_roles_late", jabatan=", ".join(late) if late else "–")]
        if conformance is not None:
            figures.append(text("stage9_fig_wrong_role", count=wrong))
        proposals.append(ProposedAnswer(not late and not wrong, tuple(figures)))
    else:
        proposals.append(no_data)
    # 5. deals with the process's problems: few cases late or sent back
    if report.started:
        overdue, rework = report.overdue / report.started, report.rework_instances / report.started
        proposals.append(ProposedAnswer(overdue <= rules.max_overdue_share and rework <= rules.max_rework_share, (
            text("stage9_fig_overdue", count=report.overdue, started=report.started, share=_percent(overdue)),
            text("stage9_fig_rework", count=report.rework_instances, share=_percent(rework)))))
    else:
        proposals.append(no_data)
    # 6. meets the organisation's needs: the cases that closed were served, not dropped
    closed = report.completed + report.cancelled
    if closed:
        cancelled = report.cancelled / closed
        proposals.append(ProposedAnswer(cancelled <= rules.max_cancelled_share, (
            text("stage9_fig_cancelled", completed=report.completed, cancelled=report.cancelled,
                 running=report.running, share=_percent(cancelled)),)))
    else:
        proposals.append(no_data)
    # 7. synergy: the hand-overs follow the SOP's flow
    if conformance is not None and conformance.traces:
        counts = conformance.deviation_counts()
        flow = counts[DeviationKind.SKIPPED] + counts[DeviationKind.EXTRA] + counts[DeviationKind.WRONG_ORDER]
        proposals.append(ProposedAnswer(conformance.fitness >= rules.min_fitness, (
            text("stage9_fig_fitness", fitness=f"{conformance.fitness:.3f}", cases=len(conformance.traces),
                 flow=flow),)))
    elif log_limit:
        proposals.append(ProposedAnswer(None, (text("stage9_propose_log_too_large", limit=f"{log_limit:,}"),)))
    else:
        proposals.append(no_data)
    return proposals
