"""Accounts and the access policy: who may see, open, claim, complete, change, verify, approve what."""
