"""custody-cli (placeholder replaced below)."""
