"""Actual against standard: the report, forms, plots, process map, evaluation, log export."""
