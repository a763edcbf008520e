"""Extraction: documents in, records (dataclasses) out. Pure Python, no Django.

Use `read_document` to read a file or bytes, `extract_text` for text already in hand and
`extract_paths` for files and folders; each record keeps the sentence it came from.
"""

from twinning.extract.pipeline import extract_document, extract_paths, extract_text
from twinning.extract.readers import DEFAULT_MAX_BYTES, ExtractError, ReadDocument, read_document
from twinning.extract.records import Event, ExtractionResult, Organisation, Partnership, Person

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Event",
    "ExtractError",
    "ExtractionResult",
    "Organisation",
    "Partnership",
    "Person",
    "ReadDocument",
    "extract_document",
    "extract_paths",
    "extract_text",
    "read_document",
]
