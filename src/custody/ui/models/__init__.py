"""Qt item models over frozen service rows."""
