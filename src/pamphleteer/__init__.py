"""pamphleteer: broken web and PDF texts in, clean reproducible pamphlets out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
