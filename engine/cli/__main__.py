"""`python -m engine.cli`."""

from engine.cli.main import run

run()
