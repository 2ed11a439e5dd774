"""The library half of each command: what `pamphleteer <command>` does, callable from Python."""
