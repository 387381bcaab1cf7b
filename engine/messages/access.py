"""Words of accounts, passwords, sessions and login throttling (engine.access)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- raised errors of accounts and login (engine.access.accounts, engine.access.throttle) ------------
    "account_unknown_roles": (
        "Peran tidak dikenal: {unknown}; pilih dari {roles}.",
        "Unknown role: {unknown}; choose from {roles}."),
    "account_password_too_short": (
        "Kata sandi minimal {minimum} karakter.",
        "The password must have at least {minimum} characters."),
    "account_password_too_long": (
        "Kata sandi paling panjang {maximum} karakter.",
        "The password may have at most {maximum} characters."),
    "account_password_one_character": (
        "Kata sandi tidak boleh satu karakter yang diulang.",
        "The password may not be one repeated character."),
    "account_password_is_username": (
        "Kata sandi tidak boleh sama dengan nama pengguna.",
        "The password may not equal the username."),
    "account_password_common": (
        "Kata sandi ini terlalu umum; pilih yang lain.",
        "This password is too common; choose another."),
    "account_disabled": ("Akun ini dinonaktifkan.", "This account is disabled."),
    "account_session_expired": (
        "Sesi telah berakhir; silakan masuk lagi.",
        "The session has expired; please log in again."),
    "account_bad_login": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "account_bad_token": ("Token API tidak sah.", "The API token is not valid."),
    "account_not_found": ("Akun '{username}' tidak ada.", "Account '{username}' does not exist."),
    "account_throttled": (
        "Terlalu banyak percobaan masuk yang gagal; coba lagi dalam {wait} detik.",
        "Too many failed login attempts; try again in {wait} seconds."),
    "access_employee_lookup": (
        "Hanya pelaksana dan admin yang dapat mencari pegawai menurut NIP.",
        "Only clerks and administrators may look pegawai up by NIP."),
}
