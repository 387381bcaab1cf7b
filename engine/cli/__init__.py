"""The `alur` command line (click); no web framework: web commands arrive through entry points."""
