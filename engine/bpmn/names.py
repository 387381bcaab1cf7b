"""Namespaces and the naming rules shared by the BPMN writer and reader.

The ``sop:`` extension (namespace ``urn:alur:sop:1``) carries every SOP field BPMN has no place
for. Layout of the extension, documented for other tools::

    <bpmn:process>
      <bpmn:extensionElements>
        <sop:identity>
          <sop:nomor/> <sop:nama/> <sop:pemerintah/> <sop:unit/>
          <sop:tanggalPembuatan/> <sop:tanggalRevisi/> <sop:tanggalEfektif/>   (ISO dates)
          <sop:disahkanOleh jabatan="" nama="" nip=""/>
          <sop:dasarHukum><sop:item/>...</sop:dasarHukum>      (likewise kualifikasiPelaksana,
          ...                                                  keterkaitan, peralatanPerlengkapan,
          <sop:polaNomorRegistrasi/> <sop:retensiTahun/>       peringatan, pencatatanPendataan)
        </sop:identity>
        <sop:pelaksana><sop:jabatan>name</sop:jabatan>...</sop:pelaksana>   (column order)
        <sop:isian>                                                          (case fields, optional)
          <sop:field name="" type="teks|nik|..." required="true" personal="true" step="start|id"
                     revisedAt="id id">
            <sop:label lang="id"/> <sop:label lang="en"/> <sop:option/>... <sop:field/>... (columns)
        </sop:isian>
      </bpmn:extensionElements>
    <bpmn:userTask|startEvent|endEvent|exclusiveGateway>      (one per step)
      <bpmn:extensionElements>
        <sop:step kind="activity|start|decision|end" number="3" join="true">
          <sop:kelengkapan><sop:item document="true"/>...</sop:kelengkapan>
          <sop:waktu/> <sop:output document="true"/> <sop:keterangan/>
        </sop:step>
    <bpmn:exclusiveGateway|parallelGateway|endEvent>         (added by Alur for a step)
      <bpmn:extensionElements><sop:generated step="id" role="decision|split|join|end"/>
"""

from __future__ import annotations

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SOP_NS = "urn:alur:sop:1"

NSMAP = {"bpmn": BPMN_NS, "bpmndi": BPMNDI_NS, "dc": DC_NS, "di": DI_NS, "xsi": XSI_NS, "sop": SOP_NS}

#: Task data key where the clerk's Ya/Tidak answer to a decision is stored.
DECISION_FIELD = "keputusan"
YES = "Ya"
NO = "Tidak"
#: Condition on the "Ya" flow of a decision the clerk answers.
CLERK_DECISION_CONDITION = f'{DECISION_FIELD} == "{YES}"'

#: Identity list fields and their element names in the extension.
IDENTITY_LIST_TAGS = {
    "dasar_hukum": "dasarHukum",
    "kualifikasi_pelaksana": "kualifikasiPelaksana",
    "keterkaitan": "keterkaitan",
    "peralatan_perlengkapan": "peralatanPerlengkapan",
    "peringatan": "peringatan",
    "pencatatan_pendataan": "pencatatanPendataan",
}
IDENTITY_DATE_TAGS = {
    "tanggal_pembuatan": "tanggalPembuatan",
    "tanggal_revisi": "tanggalRevisi",
    "tanggal_efektif": "tanggalEfektif",
}
IDENTITY_TEXT_TAGS = {"nomor": "nomor", "nama": "nama", "pemerintah": "pemerintah", "unit": "unit"}


def bpmn(tag: str) -> str:
    """Clark name of a BPMN model element."""
    return f"{{{BPMN_NS}}}{tag}"


def sop(tag: str) -> str:
    """Clark name of an Alur extension element."""
    return f"{{{SOP_NS}}}{tag}"


def decision_gateway_id(step_id: str) -> str:
    return f"{step_id}__keputusan"


def split_gateway_id(step_id: str) -> str:
    return f"{step_id}__cabang"


def join_gateway_id(step_id: str) -> str:
    return f"{step_id}__gabung"


def end_event_id(step_id: str) -> str:
    return f"{step_id}__akhir"
