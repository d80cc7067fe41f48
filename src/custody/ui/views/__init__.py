"""The main window's views (one per tab)."""
