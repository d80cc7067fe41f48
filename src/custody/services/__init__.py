"""Use cases. They take a `Work` (one transaction), check permissions, never commit."""
