"""Files by suffix: the YAML sheet, hardened XML, loading any supported file into the SOP model."""
