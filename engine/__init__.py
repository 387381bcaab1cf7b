"""Alur engine."""
