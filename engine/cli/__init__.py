"""The `alur` command line (click); no Flask."""
