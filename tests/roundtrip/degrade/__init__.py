"""Degraders: turn a clean essay into a source broken the way one kind of real source is broken."""
