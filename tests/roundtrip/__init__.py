"""Round-trip harness: clean essays, degraded like real sources, normalised and scored against the clean text."""
