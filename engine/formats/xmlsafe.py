"""Read untrusted XML safely: no DTD, no entities, no network, bounded size and depth.

Every BPMN file from outside goes through :func:`parse_xml`; SpiffWorkflow only ever parses XML
that Alur wrote itself.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from engine.errors import InputError

#: Largest XML accepted, in bytes. A 60-step SOP with full DI is about 150 KB.
MAX_XML_BYTES = 10 * 1024 * 1024
#: Deepest element nesting accepted; BPMN from real modelers stays under 15.
MAX_XML_DEPTH = 64
#: Most elements accepted in one document.
MAX_XML_ELEMENTS = 200_000


_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, filename: str = "", *, max_bytes: int = MAX_XML_BYTES,
              max_elements: int = MAX_XML_ELEMENTS, kind: str = "BPMN") -> etree._Element:
    """Parse ``data`` and return the root element.

    :param max_bytes: largest document accepted (event logs pass a larger limit than BPMN).
    :param max_elements: most elements accepted.
    :param kind: what the document is ("BPMN", "XES"), for the messages.
    :raises InputError: when the data is too large, not well-formed XML, carries a DOCTYPE
        (entity declarations, external references), or nests too deep.
    """
    label = filename or "XML"
    if len(data) > max_bytes:
        raise InputError.from_code("file_too_large", label=label, size=f"{len(data):,}", limit=f"{max_bytes:,}")
    # A DOCTYPE is how entity bombs and external entities (XXE) arrive; BPMN and XES never need one.
    if _DOCTYPE.search(data):
        raise InputError.from_code("xml_doctype", label=label, kind=kind)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in (exc.msg or "").lower():  # libxml2's own nesting limit fires before ours
            raise InputError.from_code("xml_too_deep", label=label, limit=MAX_XML_DEPTH) from exc
        raise InputError.from_code("xml_not_wellformed", label=label, line=exc.lineno, detail=exc.msg) from exc
    except ValueError as exc:
        raise InputError.from_code("xml_not_wellformed", label=label, line=1, detail=exc) from exc
    docinfo: Any = root.getroottree().docinfo  # lxml-stubs lack DocInfo.doctype
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise InputError.from_code("xml_doctype", label=label, kind=kind)
    _check_shape(root, label, max_elements)
    return root


def _check_shape(root: etree._Element, label: str, max_elements: int = MAX_XML_ELEMENTS) -> None:
    count = 0
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if depth > MAX_XML_DEPTH:
            raise InputError.from_code("xml_too_deep", label=label, limit=MAX_XML_DEPTH)
        if count > max_elements:
            raise InputError.from_code("xml_too_many", label=label, limit=f"{max_elements:,}")
        if isinstance(element, etree._Entity):
            raise InputError.from_code("xml_doctype", label=label, kind="XML")
        stack.extend((child, depth + 1) for child in element)
