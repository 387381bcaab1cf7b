"""Durable storage: tables, migrations and queries."""
