"""`python -m pamphleteer` runs the command line."""

from .cli import entry

entry()
