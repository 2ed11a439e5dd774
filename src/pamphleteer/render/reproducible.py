"""Fixed dates, identifiers and zip order, so the same inputs give the same bytes."""

from __future__ import annotations

import hashlib
import io
import zipfile

from .context import BuildContext


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
