"""The only place that imports SpiffWorkflow: spec parsing, the safe script engine, instance state."""
