"""Fixed dates, identifiers and zip order, so the same inputs give the same bytes."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import zipfile
from collections.abc import Iterator

from .context import BuildContext


@contextlib.contextmanager
def pinned_dates(moment: dt.datetime) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH to the build moment while the outputs are made.

    Tools below the renderers read it instead of the clock: fontTools dates
    the fonts it subsets (the `head` table's modified time), and WeasyPrint
    subsets with fontTools whenever the machine lacks HarfBuzz-Subset. A
    valid epoch the user set is kept; an invalid one (which would crash
    fontTools) is replaced for the while.
    """
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if before is None or not before.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def pdf_date(context: BuildContext) -> str:
    return context.moment.strftime("D:%Y%m%d%H%M%SZ")


def stable_pdf(data: bytes, context: BuildContext) -> bytes:
    """Rewrite a PDF with dates from the build moment and an /ID derived from its content."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    metadata = {key: value for key, value in (reader.metadata or {}).items()}
    metadata.update({"/CreationDate": pdf_date(context), "/ModDate": pdf_date(context)})
    writer.add_metadata(metadata)
    digest = hashlib.md5(data, usedforsecurity=False).digest()
    identifier = ByteStringObject(digest)
    writer._ID = ArrayObject([identifier, identifier])  # noqa: SLF001  (pypdf has no public setter)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def stable_zip(data: bytes, context: BuildContext, first: str = "mimetype") -> bytes:
    """Rewrite a zip (EPUB) with sorted entries and fixed times; `first` stays first, stored."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda name: (name != first, name))
    stamp = context.moment.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == first else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
