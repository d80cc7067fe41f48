"""Dialogs: each collects values and exposes them; callers run the services."""
