"""Hand Alur's own BPMN to SpiffWorkflow and translate what it reports.

SpiffWorkflow only ever sees XML that :mod:`engine.bpmn.writer` produced; foreign files pass through
the reader and writer first. The XML is checked against the BPMN 2.0 schema that ships with
SpiffWorkflow, so an export that Camunda Modeler or bpmn.io would choke on fails here first.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.exceptions import SpiffWorkflowException
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser

from engine.bpmn.spiff.structure import adapt_specs, attach_subprocess_specs, runnable_xml
from engine.errors import Problem, problem


@dataclass
class SpecResult:
    """A parsed process spec, or the problems that kept it from parsing."""

    spec: BpmnProcessSpec | None
    process_id: str = ""
    problems: list[Problem] = field(default_factory=list)


@lru_cache(maxsize=1)
def _validator() -> BpmnValidator:
    return BpmnValidator()


@contextmanager
def map_spiff_errors(problems: list[Problem]) -> Iterator[None]:
    """Turn SpiffWorkflow and lxml failures into problems instead of tracebacks."""
    try:
        yield
    except ValidationException as exc:
        problems.append(problem("spiff_rejected", getattr(exc, "id", "") or "", getattr(exc, "name", "") or "",
                                detail=str(exc).splitlines()[0]))
    except SpiffWorkflowException as exc:
        problems.append(problem("spiff_rejected", detail=str(exc).splitlines()[0]))
    except etree.LxmlError as exc:
        problems.append(problem("spiff_rejected", detail=str(exc)))


def parse_spec(bpmn_bytes: bytes, validate_schema: bool = True) -> SpecResult:
    """Parse BPMN that Alur wrote into a SpiffWorkflow process spec.

    :param validate_schema: also check the document against the BPMN 2.0 XSD.
    """
    problems: list[Problem] = []
    root = etree.fromstring(bpmn_bytes, etree.XMLParser(resolve_entities=False, no_network=True))
    with map_spiff_errors(problems):
        parser = SpiffBpmnParser(validator=_validator() if validate_schema else None)
        parser.add_bpmn_xml(runnable_xml(root), filename="alur.bpmn")
        process_ids = parser.get_process_ids()
        spec = parser.get_spec(process_ids[0])
        # embedded sub-processes are specs of their own (engine.bpmn.spiff.structure)
        subprocess_specs = {name: found for name, found in parser.get_subprocess_specs(process_ids[0]).items()
                            if found is not None}
        adapt_specs([spec, *subprocess_specs.values()])
        attach_subprocess_specs(spec, subprocess_specs)
        return SpecResult(spec, process_ids[0])
    return SpecResult(None, "", problems)
