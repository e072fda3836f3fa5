"""Optional backends (stanza)."""
