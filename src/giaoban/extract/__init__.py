"""Meeting-record extraction from Vietnamese texts (pure Python, no Django).

``extract(text)`` returns the record described in shared/extraction/GUIDE.md;
``extract_file(path)`` reads .txt/.html/.docx/.pdf first; ``read_text(path)`` returns the text and
the encoding or format it was read with.
"""

from .files import ExtractFileError, extract_file, read_text
from .pipeline import extract

__all__ = ["ExtractFileError", "extract", "extract_file", "read_text"]
