"""Alur web UI (Flask). Built in a later issue; the engine works without it."""
