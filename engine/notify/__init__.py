"""Notifications: an outbox written with the change that causes it, channels (SMTP, webhook), the worker's sender."""
