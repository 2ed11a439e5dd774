"""A URL fetcher for WeasyPrint that only reads the project's files and the book face."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher


class RefusedURL(ValueError):
    """A URL the build will not fetch; the message says why."""

    def __init__(self, message: str, url: str) -> None:
        super().__init__(message)
        self.url = url


def where_written(url: str, root: Path) -> str:
    """`file:line: ` of the first project style or chapter that writes `url` (or its path), else ''."""
    wanted = [url, unquote(urlparse(url).path)]
    for folder in ("styles", "chapters"):
        for path in sorted((root / folder).glob("*")) if (root / folder).is_dir() else []:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for number, line in enumerate(lines, start=1):
                if any(text and text in line for text in wanted):
                    return f"{folder}/{path.name}:{number}: "
    return ""


class SafeFetcher(URLFetcher):
    """Refuses network URLs and files outside the allowed directories.

    A chapter or template cannot pull /etc/passwd into a PDF, nor make the
    build call out to the network. Every failure is fatal, so the build
    stops with the reason instead of silently leaving something out.
    """

    def __init__(self, *allowed: Path) -> None:
        super().__init__(fail_on_errors=True, allow_redirects=False)
        self.allowed = [path.resolve() for path in allowed]

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if not any(path == root or root in path.parents for root in self.allowed):
                raise RefusedURL(f"the build refuses to read {path}: it lies outside the project", url)
        elif parsed.scheme != "data":
            raise RefusedURL(f"the build refuses to fetch {url}: only the project's own files are allowed", url)
        return super().fetch(url, headers)
