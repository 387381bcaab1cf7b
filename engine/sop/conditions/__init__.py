"""The safe condition language of `syarat` decisions: parsing and whitelisted evaluation."""
