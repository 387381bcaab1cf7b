"""Words of the seed's stages 1-3 (:mod:`engine.lifecycle.tim`, :mod:`engine.lifecycle.inventory`): the
Tim penyusun, its pembekalan, the daftar inventarisasi, the NO | JUDUL SOP | NOMOR SOP table, and
their pages and commands."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # -- access --
    "tahap_not_your_skpd": ("{user} tidak menyusun SOP unit {unit}: anggota Tim penyusun menyusun SOP SKPD-nya "
                            "sendiri.", "{user} does not draft SOPs of unit {unit}: a member of the Tim penyusun "
                            "drafts the SOPs of its own SKPD."),
    "tahap_not_reader": ("{user} tidak dapat melihat Tim penyusun dan daftar inventarisasi SOP.",
                         "{user} may not see the Tim penyusun and the SOP inventory."),
    "tahap_not_manager": ("{user} tidak dapat membentuk Tim atau mencatat keputusan Kepala Daerah (Bagian "
                          "Organisasi/verifikator atau admin).", "{user} may not set up a Tim or record the Kepala "
                          "Daerah's decision (Bagian Organisasi/verifikator or admin)."),
    "tahap_not_tim_manager": ("{user} tidak dapat mengubah anggota atau pembekalan Tim {team} (hanya ketua, "
                              "sekretaris, verifikator atau admin).", "{user} may not change the members or "
                              "briefings of Tim {team} (only its ketua, sekretaris, a verifikator or admin)."),
    # -- input --
    "tahap_field_required": ("Isian {field} wajib diisi.", "Field {field} is required."),
    "tahap_field_too_long": ("Isian {field} terlalu panjang (paling banyak {limit} karakter).",
                             "Field {field} is too long (at most {limit} characters)."),
    "tahap_unknown_unit": ("Unit '{unit}' tidak ada dalam organisasi.", "Unit '{unit}' is not in the organisation."),
    "tahap_bad_date": ("Isian {field}: '{value}' bukan tanggal (TTTT-BB-HH).",
                       "Field {field}: '{value}' is not a date (YYYY-MM-DD)."),
    # -- Tim --
    "tahap_tim_unit_kind": ("Tim penyusun dibentuk untuk Pemda atau OPD; '{unit}' adalah unit di dalam OPD.",
                            "A Tim penyusun is set up for a Pemda or an OPD; '{unit}' is a unit inside an OPD."),
    "tahap_tim_exists": ("{unit} sudah memiliki Tim penyusun SOP.", "{unit} already has a Tim penyusun SOP."),
    "tahap_tim_not_found": ("Tim penyusun {team} tidak ditemukan.", "Tim penyusun {team} not found."),
    "tahap_bad_role": ("Peran '{role}' tidak dikenal; pilih salah satu: {roles}.",
                       "Unknown role '{role}'; choose one of: {roles}."),
    "tahap_unknown_person": ("Pegawai '{user}' tidak terdaftar.", "Person '{user}' is not registered."),
    "tahap_member_outside": ("Unit {unit} tidak berada di bawah unit Tim ini.",
                             "Unit {unit} is not under this Tim's unit."),
    "tahap_already_member": ("{user} sudah menjadi anggota Tim ini.", "{user} is already a member of this Tim."),
    "tahap_role_taken": ("Tim ini sudah memiliki {role}; akhiri keanggotaannya lebih dahulu.",
                         "This Tim already has a {role}; end that membership first."),
    "tahap_member_not_found": ("Anggota Tim {member} tidak ditemukan atau sudah berakhir.",
                               "Tim member {member} not found or already ended."),
    "tahap_no_attendees": ("Pembekalan perlu peserta: pilih anggota Tim yang hadir.",
                           "A briefing needs attendees: choose the Tim members who attended."),
    "tahap_attendee_not_member": ("Bukan anggota Tim yang aktif: {users}.", "Not active members of the Tim: {users}."),
    "tahap_role_ketua": ("Ketua", "Chair"),
    "tahap_role_koordinator": ("Koordinator SKPD", "SKPD coordinator"),
    "tahap_role_sekretaris": ("Sekretaris", "Secretary"),
    "tahap_role_anggota": ("Anggota", "Member"),
    # -- inventarisasi --
    "tahap_bad_criterion": ("Kriteria tidak dikenal: {names}; yang dikenal: {known}.",
                            "Unknown criteria: {names}; known: {known}."),
    "tahap_entry_not_found": ("Butir inventarisasi {entry} tidak ditemukan.", "Inventory entry {entry} not found."),
    "tahap_entry_fixed": ("Judul butir {entry} sudah ditetapkan dengan keputusan {decision}; judulnya tidak dapat "
                          "diubah lagi.", "The title of entry {entry} was fixed by decision {decision}; it can no "
                          "longer change."),
    "tahap_entry_locked": ("Butir {entry} sudah ditetapkan atau sudah mulai ditulis; tidak dapat dihapus.",
                           "Entry {entry} is fixed or its writing has started; it cannot be removed."),
    "tahap_nothing_to_fix": ("Tidak ada butir inventarisasi {unit} yang belum ditetapkan.",
                             "No inventory entry of {unit} is left to fix."),
    "tahap_entries_without_number": ("{count} butir belum bernomor ({titles}); beri nomor lebih dahulu.",
                                     "{count} entries have no number ({titles}); assign numbers first."),
    "tahap_writing_started": ("Penulisan butir {entry} sudah dimulai: SOP {key}.",
                              "Writing of entry {entry} has started: SOP {key}."),
    "tahap_key_taken": ("Kunci SOP '{key}' sudah dipakai SOP lain; ubah judulnya atau tautkan SOP itu.",
                        "SOP key '{key}' is taken by another SOP; change the title or link that SOP."),
    "tahap_sop_not_found": ("SOP '{key}' tidak ada di daftar SOP.", "SOP '{key}' is not in the register."),
    "tahap_sop_linked": ("SOP {key} sudah ditautkan ke butir {entry}.", "SOP {key} is already linked to entry {entry}."),
    "tahap_criterion_rutin": ("Aktivitas rutin atau berulang", "Routine or repeated activity"),
    "tahap_criterion_tahapan_jelas": ("Tahapan kerja jelas", "Clear stages of work"),
    "tahap_criterion_output_jelas": ("Output jelas", "Clear output"),
    "tahap_criterion_banyak_pihak": ("Melibatkan dua pihak atau lebih", "Involves two or more parties"),
    # -- the NO | JUDUL SOP | NOMOR SOP table --
    "tahap_table_title": ("NAMA DAN KODE NOMOR STANDAR OPERASIONAL PROSEDUR",
                          "NAMES AND NUMBER CODES OF STANDARD OPERATING PROCEDURES"),
    "tahap_table_unit": ("Unit: {unit}", "Unit: {unit}"),
    "tahap_table_decision": ("Ditetapkan dengan Keputusan Kepala Daerah Nomor {number} tanggal {date}",
                             "Fixed by the Kepala Daerah's decision number {number} of {date}"),
    "tahap_table_draft": ("Rancangan: nomor belum ditetapkan Kepala Daerah", "Draft: numbers not fixed by the "
                          "Kepala Daerah yet"),
    "tahap_col_no": ("NO.", "NO."),
    "tahap_col_title": ("JUDUL SOP", "SOP TITLE"),
    "tahap_col_number": ("NOMOR SOP", "SOP NUMBER"),
    "tahap_sheet_name": ("Nama dan Nomor SOP", "SOP names and numbers"),
    # -- the commands (alur tim, alur inventarisasi) --
    "tahap_cli_tim_created": ("Tim {team} dibentuk untuk {unit} (SK {sk}).", "Tim {team} set up for {unit} (SK {sk})."),
    "tahap_cli_member_added": ("Anggota {member}: {user}, {role}, {unit}.", "Member {member}: {user}, {role}, {unit}."),
    "tahap_cli_member_ended": ("Keanggotaan {member} diakhiri.", "Membership {member} ended."),
    "tahap_cli_briefing": ("Pembekalan {day} dicatat dengan {count} peserta.",
                           "Briefing of {day} recorded with {count} attendees."),
    "tahap_cli_tim_line": ("Tim {team}: {name} - {unit} (SK {sk}, {day})", "Tim {team}: {name} - {unit} (SK {sk}, {day})"),
    "tahap_cli_member_line": ("  anggota {member}: {user}, {role}, {unit}", "  member {member}: {user}, {role}, {unit}"),
    "tahap_cli_briefing_line": ("  pembekalan {day}: {topic} ({users})", "  briefing {day}: {topic} ({users})"),
    "tahap_cli_entry_added": ("Butir {entry}: {title} ({unit}).", "Entry {entry}: {title} ({unit})."),
    "tahap_cli_entry_line": ("{entry}\t{number}\t{title}\t{unit}\tkriteria {criteria}/4\tSOP {key}",
                             "{entry}\t{number}\t{title}\t{unit}\tcriteria {criteria}/4\tSOP {key}"),
    "tahap_cli_numbered": ("{entry}\t{number}\t{title}", "{entry}\t{number}\t{title}"),
    "tahap_cli_numbered_count": ("{count} butir diberi nomor.", "{count} entries numbered."),
    "tahap_cli_decision": ("Keputusan {number} menetapkan {count} butir.", "Decision {number} fixes {count} entries."),
    "tahap_cli_writing": ("Butir {entry} menjadi draf SOP {key}.", "Entry {entry} became draft SOP {key}."),
    "tahap_cli_table_format": ("{path}: tabel ditulis sebagai .pdf atau .xlsx.", "{path}: the table is written as .pdf "
                               "or .xlsx."),
    "tahap_cli_table_written": ("{path}: {rows} baris.", "{path}: {rows} rows."),
}
