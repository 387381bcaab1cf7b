"""Words of WAKTU durations and work calendars (engine.sop.durations, duration_words, worktime)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- raised errors of durations and work calendars ---------------------------------------------------
    "duration_words_disagree": (
        'Waktu \'{raw}\' tidak dikenali: angka {num} dan angka dalam kurung ({again}) berbeda; tulis mis. "14 '
        '(empat belas) hari kerja".',
        "Duration '{raw}' is not recognised: the number {num} and the number in brackets ({again}) differ; write "
        'e.g. "14 (empat belas) hari kerja".'),
    "duration_units_out_of_order": (
        'Waktu \'{text}\' tidak dikenali: tulis setiap satuan sekali, dari yang terbesar ke yang terkecil, mis. "1 '
        'jam 30 menit".',
        'Duration \'{text}\' is not recognised: write each unit once, from the largest to the smallest, e.g. "1 '
        'jam 30 menit".'),
    "duration_decimal_not_last": (
        'Waktu \'{text}\' tidak dikenali: hanya satuan terakhir yang boleh berkoma, mis. "1 jam 30 menit" atau "1,5 '
        'jam".',
        'Duration \'{text}\' is not recognised: only the last unit may have a decimal comma, e.g. "1 jam 30 menit" '
        'or "1,5 jam".'),
    "duration_not_positive": ("Waktu '{text}' harus lebih dari nol.", "Duration '{text}' must be more than zero."),
    "duration_range_reversed": (
        'Rentang waktu \'{text}\' terbalik; tulis batas bawah lebih dulu, mis. "1-2 hari".',
        'Duration range \'{text}\' is reversed; write the lower bound first, e.g. "1-2 hari".'),
    "duration_not_text": (
        "Waktu harus berupa teks, bukan {kind}. Contoh yang benar: {examples}.",
        "A duration must be text, not {kind}. Correct examples: {examples}."),
    "duration_empty": (
        "Waktu kosong. Contoh yang benar: {examples}.",
        "The duration is empty. Correct examples: {examples}."),
    "duration_mixed_calendars": (
        'Waktu \'{text}\' tidak dikenali: jangan campur hari kerja, hari kalender dan "x 24 jam" dalam satu waktu, '
        'mis. tulis "14 hari kalender" atau "1 x 24 jam".',
        'Duration \'{text}\' is not recognised: do not mix working days, calendar days and "x 24 jam" in one '
        'duration; write e.g. "14 hari kalender" or "1 x 24 jam".'),
    "duration_amount_not_a_number": (
        "Jumlah waktu '{amount}' bukan angka.",
        "Duration amount '{amount}' is not a number."),
    "duration_counts_calendar_time": (
        "Waktu '{text}' dihitung menurut kalender, bukan jam kerja.",
        "Duration '{text}' is counted on the calendar, not in working hours."),
    "duration_counts_working_hours": (
        "Waktu '{text}' dihitung dalam jam kerja; gunakan kalender kerja.",
        "Duration '{text}' is counted in working hours; use a work calendar."),
    "duration_mixed_too_few_units": (
        "Waktu campuran harus terdiri dari paling sedikit dua satuan.",
        "A mixed duration must have at least two units."),
    "duration_unknown_unit": ("Satuan waktu '{unit}' tidak dikenal.", "Time unit '{unit}' is unknown."),
    "duration_parts_mismatch": (
        "Komponen waktu tidak sesuai dengan jumlah dan satuannya.",
        "The duration parts do not match its amount and unit."),
    "worktime_hours_not_a_time": (
        'Jam kerja hari {day} tidak valid: {value} bukan jam seperti "07:30".',
        'Working hours on {day} are not valid: {value} is not a time like "07:30".'),
    "worktime_hours_with_zone": (
        "Jam kerja hari {day} tidak boleh memiliki zona waktu; zona waktu diatur untuk seluruh kalender.",
        "Working hours on {day} may not carry a time zone; the time zone is set for the whole calendar."),
    "calendar_bad_entry": (
        "Kalender unit '{unit}': nilai '{key}' tidak dapat dibaca ({detail}).",
        "Calendar of unit '{unit}': value '{key}' cannot be read ({detail})."),
    "calendar_unreadable": (
        "Berkas kalender tidak dapat dibaca: {detail}.",
        "The calendar file cannot be read: {detail}."),
    "worktime_hours_empty": (
        "Jam kerja kosong: paling sedikit satu hari harus memiliki jam kerja.",
        "Working hours are empty: at least one day must have working hours."),
    "worktime_no_hours_ahead": (
        "Tidak ada jam kerja yang cukup dalam seratus tahun ke depan; periksa kalender kerja.",
        "There are not enough working hours in the next hundred years; check the work calendar."),
    "worktime_bad_weekday": (
        "Hari {weekday} pada jam kerja tidak valid; gunakan 0 (Senin) sampai 6 (Minggu).",
        "Day {weekday} in the working hours is not valid; use 0 (Monday) to 6 (Sunday)."),
    "worktime_no_joint_leave": (
        "Versi paket 'holidays' ini tidak memuat cuti bersama; perbarui paketnya atau cantumkan cuti bersama "
        "sebagai hari libur tambahan.",
        "This version of the 'holidays' package has no cuti bersama (joint leave days); upgrade the package or "
        "list the joint leave days as extra holidays."),
    "worktime_minutes_not_a_number": (
        "Jumlah menit kerja {minutes} bukan angka yang sah.",
        "The number of working minutes {minutes} is not a valid number."),
    "worktime_minutes_negative": (
        "Jumlah menit kerja tidak boleh negatif ({minutes}).",
        "The number of working minutes may not be negative ({minutes})."),
    "worktime_minutes_too_large": (
        "Jumlah menit kerja terlalu besar ({minutes}).",
        "The number of working minutes is too large ({minutes})."),
    "worktime_start_not_datetime": (
        "Waktu mulai harus berupa datetime, bukan {kind}.",
        "The start time must be a datetime, not {kind}."),
    "worktime_end_not_datetime": (
        "Waktu selesai harus berupa datetime, bukan {kind}.",
        "The end time must be a datetime, not {kind}."),
    "worktime_start_naive": (
        "Waktu mulai {moment} tidak memiliki zona waktu; berikan waktu dengan zona waktu, mis. UTC atau "
        "Asia/Jakarta.",
        "The start time {moment} has no time zone; give a time with a time zone, e.g. UTC or Asia/Jakarta."),
    "worktime_end_naive": (
        "Waktu selesai {moment} tidak memiliki zona waktu; berikan waktu dengan zona waktu, mis. UTC atau "
        "Asia/Jakarta.",
        "The end time {moment} has no time zone; give a time with a time zone, e.g. UTC or Asia/Jakarta."),
    "worktime_hours_unreadable": (
        'Jam kerja hari {day} tidak valid: \'{value}\' bukan jam seperti "07:30".',
        'Working hours on {day} are not valid: \'{value}\' is not a time like "07:30".'),
    "worktime_hours_reversed": (
        "Jam kerja hari {day} tidak valid: {start}-{end}; jam mulai harus sebelum jam selesai.",
        "Working hours on {day} are not valid: {start}-{end}; the start must come before the end."),
    "worktime_hours_overlap": (
        "Jam kerja hari {day} tumpang tindih sekitar {start}; pisahkan jam-jamnya.",
        "Working hours on {day} overlap around {start}; separate the hours."),
    "worktime_unknown_zone": (
        'Zona waktu \'{zone}\' tidak dikenal; gunakan nama seperti "Asia/Jakarta", "Asia/Makassar" atau '
        '"Asia/Jayapura".',
        'Time zone \'{zone}\' is unknown; use a name like "Asia/Jakarta", "Asia/Makassar" or "Asia/Jayapura".'),
    "worktime_hours_not_a_pair": (
        "Jam kerja hari {day} tidak valid: {interval} harus berupa pasangan (mulai, selesai).",
        "Working hours on {day} are not valid: {interval} must be a (start, end) pair."),
    "worktime_bad_day_off": (
        'Tanggal {value} pada hari libur tambahan tidak valid; tulis seperti "2026-08-18".',
        'Date {value} among the extra days off is not valid; write it like "2026-08-18".'),
    "worktime_bad_working_day": (
        'Tanggal {value} pada hari kerja tambahan tidak valid; tulis seperti "2026-08-18".',
        'Date {value} among the extra working days is not valid; write it like "2026-08-18".'),
    "worktime_unreadable_day_off": (
        'Tanggal \'{value}\' pada hari libur tambahan tidak valid; tulis seperti "2026-08-18".',
        'Date \'{value}\' among the extra days off is not valid; write it like "2026-08-18".'),
    "worktime_unreadable_working_day": (
        'Tanggal \'{value}\' pada hari kerja tambahan tidak valid; tulis seperti "2026-08-18".',
        'Date \'{value}\' among the extra working days is not valid; write it like "2026-08-18".'),
    "worktime_day_off_and_working": (
        "Tanggal {dates} tercantum sebagai hari libur sekaligus hari kerja; pilih salah satu.",
        "Dates {dates} are listed both as days off and as working days; choose one."),
}
