"""The OpenAPI 3.0 document of ``/api/v1``: operations, request bodies and the answers they give.

The operations come from :data:`webui.api.OPERATIONS` (a test checks they are exactly the routes of
the API blueprint); the request bodies from :data:`BODIES`, whose schemas say what
:mod:`webui.api_input` accepts (every other body is a 400 naming the field).
"""

from __future__ import annotations

from typing import Any

#: ``(method, path) -> (media type, schema name, required)`` of every operation that reads a body.
BODIES: dict[tuple[str, str], tuple[str, str, bool]] = {
    ("post", "/tugas/{item_id}/klaim"): ("application/json", "Kosong", False),
    ("post", "/tugas/{item_id}/lepas"): ("application/json", "Kosong", False),
    ("post", "/tugas/{item_id}/selesai"): ("application/json", "FormulirPenyelesaian", True),
    ("post", "/tugas/{item_id}/berkas"): ("multipart/form-data", "Unggahan", True),
    ("post", "/sop/{key}/instans"): ("application/json", "Mulai", True),
    # the same start as multipart/form-data, with the scans handed in at the counter (see _MULTIPART)
    ("post", "/kelola/instans/{instance_id}/tindakan"): ("application/json", "TindakanInstans", False),
    ("post", "/kelola/tugas/{item_id}/lepas"): ("application/json", "Alasan", False),
    ("post", "/kelola/tugas/{item_id}/alihkan"): ("application/json", "Alihkan", False),
    ("post", "/admin/orang/{username}/jabatan"): ("application/json", "TambahJabatan", True),
    ("post", "/admin/jabatan/{holding_id}/akhiri"): ("application/json", "AkhiriPadaTanggal", True),
    ("post", "/admin/jabatan/{holding_id}/mutasi"): ("application/json", "Mutasi", True),
    ("post", "/admin/plh"): ("application/json", "TunjukPlh", True),
    ("post", "/admin/plh/{assignment_id}/akhiri"): ("application/json", "AkhiriPadaTanggal", True),
    ("post", "/admin/impor"): ("application/json", "ImporOrganisasi", True),
    ("post", "/admin/kalender"): ("application/json", "UnggahKalender", True),
    ("post", "/admin/kalender/libur"): ("application/json", "HariLibur", True),
    ("delete", "/admin/kalender/libur"): ("application/json", "HariLibur", True),
    ("post", "/admin/kalender/unit/{code}/libur"): ("application/json", "HariLibur", True),
    ("delete", "/admin/kalender/unit/{code}/libur"): ("application/json", "HariLibur", True),
    # the seed's stages 1-3 (webui/api_stages.py)
    ("post", "/tim"): ("application/json", "BentukTim", True),
    ("post", "/tim/{team_id}/anggota"): ("application/json", "AnggotaTim", True),
    ("post", "/tim/{team_id}/anggota/{member_id}/akhiri"): ("application/json", "Kosong", False),
    ("post", "/tim/{team_id}/pembekalan"): ("application/json", "Pembekalan", True),
    ("post", "/inventarisasi"): ("application/json", "ButirInventarisasi", True),
    ("post", "/inventarisasi/{entry_id}/ubah"): ("application/json", "UbahButir", True),
    ("post", "/inventarisasi/{entry_id}/tulis"): ("application/json", "Kosong", False),
    ("post", "/inventarisasi/{entry_id}/tautkan"): ("application/json", "TautkanSop", True),
    ("post", "/inventarisasi/nomori"): ("application/json", "BeriNomor", True),
    ("post", "/inventarisasi/keputusan"): ("application/json", "KeputusanKepalaDaerah", True),
    # sosialisasi and pelatihan (stages 6-8)
    ("post", "/sosialisasi/{key}/terima"): ("application/json", "Kosong", False),
    ("post", "/sop/{key}/sosialisasi/rencana"): ("application/json", "RencanaSosialisasi", True),
    ("post", "/sop/{key}/sosialisasi/distribusi"): ("application/json", "Distribusi", False),
    ("post", "/sop/{key}/penugasan"): ("application/json", "PenugasanSop", True),
    ("post", "/sop/{key}/pelatihan"): ("application/json", "Pelatihan", True),
    ("post", "/pesan/{name}"): ("application/json", "KirimPesan", True),
    ("post", "/tugas/{item_id}/galat"): ("application/json", "LaporGalat", True),
}

#: Operations that answer 201 (they create something) beside the instance starts.
CREATED = frozenset({("post", "/tim"), ("post", "/tim/{team_id}/anggota"), ("post", "/tim/{team_id}/pembekalan"),
                     ("post", "/inventarisasi"), ("post", "/inventarisasi/{entry_id}/tulis"),
                     ("post", "/inventarisasi/keputusan")})

#: Answers that carry a file rather than JSON.
FILES: dict[tuple[str, str], str] = {
    ("get", "/instans/{instance_id}/dokumen/{sha256}"): "application/octet-stream",
    ("get", "/inventarisasi/tabel"): "application/octet-stream",
}

_KELENGKAPAN_STATE: dict[str, Any] = {
    "description": "Keadaan satu butir kelengkapan: berkas terlampir (sha256 dari unggahan pada tugas ini), "
                   "dilihat di kertas, atau tidak ada dengan alasan. Tidak ada yang tercentang lebih dulu.",
    "oneOf": [
        {"type": "object", "required": ["cara", "berkas"], "additionalProperties": False,
         "properties": {"cara": {"type": "string", "enum": ["berkas"]},
                        "berkas": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}},
        {"type": "object", "required": ["cara"], "additionalProperties": False,
         "properties": {"cara": {"type": "string", "enum": ["kertas"]}}},
        {"type": "object", "required": ["cara", "alasan"], "additionalProperties": False,
         "properties": {"cara": {"type": "string", "enum": ["tidak_ada"]}, "alasan": {"type": "string", "minLength": 1}}},
    ],
}

_TEXT = {"type": "string"}
_DAY = {"type": "string", "format": "date", "description": "Tanggal (WIB), mis. 2026-03-02"}
_REASON = {"type": "string", "minLength": 1, "description": "Alasan (dicatat)"}
_CRITERIA = {"type": "array", "items": {"type": "string", "enum": ["rutin", "tahapan_jelas", "output_jelas",
                                                                   "banyak_pihak"]},
             "description": "Kriteria yang terpenuhi (daftar lengkap: menggantikan yang lama)"}


def _object(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


SCHEMAS: dict[str, Any] = {
    "LaporGalat": _object(["kode"], kode={"type": "string", "minLength": 1,
                                          "description": "Kode galat pada jalur batas langkah (mis. BERKAS_PALSU)"}),
    "KirimPesan": _object(["korelasi"], korelasi={
        "type": "string", "minLength": 1, "maxLength": 200,
        "description": "Nilai isian korelasi kasus penerima (mis. nomor permohonan; tanpa isian korelasi: nomor "
                       "registrasi)"}, kunci={
        "type": "string", "maxLength": 200,
        "description": "Kunci kiriman; kiriman kedua dengan kunci sama tidak mengubah apa pun (bawaan: pesan "
                       "dan korelasi)"}),
    "Alasan": _object(["alasan"], alasan=_REASON),
    "TindakanInstans": _object(["tindakan", "alasan"], tindakan={"type": "string", "enum": [
        "suspend", "resume", "cancel", "retry"]}, alasan=_REASON),
    "Alihkan": _object(["kepada", "alasan"], kepada={"type": "string", "description": "Login pemegang jabatan"},
                       alasan=_REASON),
    "TambahJabatan": _object(["unit", "jabatan", "dari", "alasan"], unit=_TEXT, jabatan=_TEXT, dari=_DAY,
                             sampai={**_DAY, "description": "Hari terakhir (kosong: tanpa batas)"}, alasan=_REASON),
    "AkhiriPadaTanggal": _object(["tanggal", "alasan"], tanggal=_DAY, alasan=_REASON),
    "Mutasi": _object(["unit", "jabatan", "tanggal", "alasan"], unit=_TEXT, jabatan=_TEXT, tanggal=_DAY,
                      alasan=_REASON),
    "TunjukPlh": _object(["username", "unit", "jabatan", "sk", "dari", "alasan"], username=_TEXT, unit=_TEXT,
                         jabatan=_TEXT, jenis={"type": "string", "enum": ["plh", "plt"]}, sk=_TEXT, dari=_DAY,
                         sampai=_DAY, alasan=_REASON),
    "ImporOrganisasi": _object(["files"], files={
        "type": "object", "description": "Nama berkas (units.csv, jabatan.csv, people.csv) -> isi base64",
        "additionalProperties": {"type": "string", "format": "byte"}}, alasan=_TEXT),
    "UnggahKalender": _object(["isi", "alasan"], isi={
        "type": "string", "description": "Isi berkas kalender seperti alur kalender import (GET /admin/kalender: isi)"},
        format={"type": "string", "enum": ["yaml", "csv"]}, alasan=_REASON),
    "HariLibur": _object(["tanggal", "jenis", "alasan"], tanggal=_DAY,
                         jenis={"type": "string", "enum": ["libur", "cuti_bersama"]}, alasan=_REASON),
    # the seed's stages 1-3
    "BentukTim": _object(["unit", "nama", "sk_nomor", "sk_tanggal"], unit={**_TEXT, "description": "Kode unit Pemda/OPD"},
                         nama=_TEXT, sk_nomor=_TEXT, sk_tanggal=_DAY),
    "AnggotaTim": _object(["username", "peran", "unit"], username=_TEXT, peran={"type": "string", "enum": [
        "ketua", "koordinator", "sekretaris", "anggota"]}, unit={**_TEXT, "description": "SKPD anggota"}),
    "Pembekalan": _object(["tanggal", "topik", "peserta"], tanggal=_DAY, topik=_TEXT,
                          peserta={"type": "array", "items": _TEXT, "description": "Login anggota yang hadir"}),
    "ButirInventarisasi": _object(["unit", "judul"], unit=_TEXT, judul=_TEXT, kriteria=_CRITERIA,
                                  analisis=_TEXT),
    "UbahButir": _object([], judul=_TEXT, kriteria=_CRITERIA, analisis=_TEXT),
    "TautkanSop": _object(["sop"], sop={**_TEXT, "description": "Kunci SOP di daftar SOP"}),
    "BeriNomor": _object(["unit"], unit=_TEXT, kode={**_TEXT, "description": "Kode unit pada nomor (bawaan: kode unit)"}),
    "KeputusanKepalaDaerah": _object(["unit", "nomor", "tanggal"], unit=_TEXT, nomor=_TEXT, tanggal=_DAY),
    # sosialisasi and pelatihan (stages 6-8)
    "RencanaSosialisasi": _object(["jadwal_mulai", "pejabat", "sasaran", "pemantauan"], jadwal_mulai=_DAY,
                                  jadwal_selesai={**_DAY, "description": "Hari terakhir (kosong: satu hari)"},
                                  tempat=_TEXT, pejabat={**_TEXT, "description": "Pejabat yang melakukan sosialisasi"},
                                  sasaran={**_TEXT, "description": "Target pelaksanaan"},
                                  materi={**_TEXT, "description": "Informasi yang disampaikan"},
                                  pemantauan={**_TEXT, "description": "Cara memantau pelaksanaan"}),
    "Distribusi": _object([], unit={"type": "string", "nullable": True, "description": "Unit (kosong: unit SOP)"},
                          seluruh_unit={"type": "boolean", "description": "Seluruh pegawai unit, bukan hanya "
                                        "pemegang jabatan pelaksana"}),
    "PenugasanSop": _object(["username", "peran"], username=_TEXT,
                            peran={"type": "string", "enum": ["penanggung_jawab", "pemantau"]},
                            cabut={"type": "boolean", "description": "Cabut penugasan"}),
    "Pelatihan": _object(["tanggal", "jenis", "peserta"], tanggal=_DAY,
                         jenis={"type": "string", "enum": ["rapat", "bimtek", "pendampingan", "simulasi"]},
                         peserta={"type": "array", "items": {"type": "string"}, "description": "Nama pengguna peserta"},
                         catatan=_TEXT),
    "Galat": {
        "type": "object", "required": ["error"],
        "properties": {
            "error": {"type": "string", "description": "Pesan untuk pengguna (bahasa Indonesia; ?lang=en untuk Inggris)"},
            "field": {"type": "string", "description": "Isian yang salah (yang pertama): body, form.catatan, nik ..."},
            "problems": {"type": "array", "description": "Satu masalah per isian data kasus yang salah",
                         "items": {"type": "object", "required": ["field", "error"],
                                   "properties": {"field": {"type": "string"}, "error": {"type": "string"}}}},
        },
    },
    "Kosong": {"type": "object", "maxProperties": 0, "description": "Tidak ada isian (badan boleh kosong)."},
    "KeadaanKelengkapan": _KELENGKAPAN_STATE,
    "FormulirPenyelesaian": {
        "type": "object", "additionalProperties": False,
        "properties": {
            "kelengkapan": {
                "description": "Butir kelengkapan -> keadaannya (bentuk lama: daftar butir yang dicentang, "
                               "atau butir -> true/false, dengan 'alasan' untuk yang tidak dicentang).",
                "oneOf": [{"type": "object", "additionalProperties": {"$ref": "#/components/schemas/KeadaanKelengkapan"}},
                          {"type": "array", "items": {"type": "string"}},
                          {"type": "object", "additionalProperties": {"type": "boolean"}}]},
            "alasan": {"type": "string"},
            "keputusan": {"type": "string", "enum": ["Ya", "Tidak"], "description": "Pada keputusan yang dijawab petugas"},
            "output": {"description": "Output langkah; {\"berkas\": sha256} bila output berupa dokumen"},
            "catatan": {"type": "string"},
            "data": {"type": "object", "description": "Isian kasus yang ditanyakan langkah ini: nama -> nilai "
                     "(teks seperti diketik, atau nilai JSON); nama yang tidak dideklarasikan SOP ditolak. "
                     "Lihat GET /tugas/{item_id}: fields.",
                     "additionalProperties": True},
        },
    },
    "Mulai": {
        "type": "object", "additionalProperties": False,
        "properties": {"form": {"$ref": "#/components/schemas/FormulirPenyelesaian"},
                       "unit": {"type": "string", "nullable": True, "description": "Unit kerja instans"},
                       "ujicoba": {"type": "boolean", "description": "Jalankan versi draf sebagai ujicoba"},
                       "simulasi": {"type": "boolean", "description": "Simulasi (pelatihan): versi yang disahkan "
                                    "dijalankan untuk latihan; nomor SIM-, tidak dihitung monitoring/ujicoba"}},
    },
    "MulaiDenganBerkas": {
        "type": "object", "required": ["body"],
        "properties": {"body": {"type": "string", "description": "Objek Mulai sebagai teks JSON"},
                       "berkas": {"type": "array", "items": {"type": "string", "format": "binary"},
                                  "description": "Berkas (PDF, JPG, PNG), satu per butir kelengkapan"},
                       "kelengkapan": {"type": "array", "items": {"type": "string"},
                                       "description": "Butir kelengkapan tiap berkas, urutan sama dengan 'berkas'"}},
    },
    "Unggahan": {
        "type": "object", "required": ["berkas", "kelengkapan"],
        "properties": {"berkas": {"type": "string", "format": "binary", "description": "PDF, JPG atau PNG"},
                       "kelengkapan": {"type": "string", "description": "Teks butir kelengkapan (atau output) yang dilampiri"},
                       "output": {"type": "string", "enum": ["0", "1"], "description": "1: berkas adalah output langkah"}},
    },
}


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Galat"}}}}


def openapi_document(operations: list[tuple[str, str, str, tuple[str, ...]]]) -> dict[str, Any]:
    """The OpenAPI 3.0 document of ``operations`` (``(method, path, summary, roles)``)."""
    paths: dict[str, dict[str, Any]] = {}
    for method, path, summary, roles in operations:
        parameters = [{"name": name, "in": "path", "required": True,
                       "schema": {"type": "integer" if name.endswith("_id") else "string"}}
                      for name in (part[1:-1] for part in path.split("/") if part.startswith("{"))]
        media = FILES.get((method, path), "application/json")
        operation: dict[str, Any] = {
            "summary": summary, "parameters": parameters,
            "responses": {"200": {"description": "OK", "content": {media: {}}},
                          "400": _error("Permintaan tidak dapat dibaca atau isiannya salah: JSON rusak, Content-Type "
                                        "salah, bukan objek, isian tak dikenal, jenis nilai salah, data kasus salah "
                                        "(field menyebut isiannya; tidak ada yang berubah)"),
                          "401": _error("Token tidak ada atau tidak sah"),
                          "403": _error("Peran atau unit tidak diizinkan"),
                          "404": _error("Tidak ditemukan"),
                          "409": _error("Tugas sudah diselesaikan atau tidak dapat dikerjakan"),
                          "413": _error("Permintaan atau berkas terlalu besar"),
                          "422": _error("Model atau keadaan tidak memungkinkan tindakan ini")},
        }
        if (method == "post" and path.endswith("/instans")) or (method, path) in CREATED:
            operation["responses"]["201"] = operation["responses"].pop("200")
        if roles:
            operation["x-alur-roles"] = list(roles)
        else:
            operation["security"] = []
        body = BODIES.get((method, path))
        if body:
            media_type, schema, required = body
            operation["requestBody"] = {"required": required, "content": {
                media_type: {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}
            if schema == "Mulai":
                operation["requestBody"]["content"]["multipart/form-data"] = {
                    "schema": {"$ref": "#/components/schemas/MulaiDenganBerkas"}}
        paths.setdefault(path, {})[method] = operation
    return {
        "openapi": "3.0.3",
        "info": {"title": "Alur API", "version": "1",
                 "description": "SOP Pemda yang berjalan: daftar tugas, instans, berkas kasus, dokumen, jejak audit, "
                                "daftar SOP. Badan permintaan POST: application/json (unggahan: multipart/form-data); "
                                "yang lain ditolak dengan 400."},
        "servers": [{"url": "/api/v1"}],
        "components": {"securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}, "schemas": SCHEMAS},
        "security": [{"token": []}],
        "paths": paths,
    }
