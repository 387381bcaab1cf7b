"""Synthetic SOPs and logs, and the demo's seed."""
