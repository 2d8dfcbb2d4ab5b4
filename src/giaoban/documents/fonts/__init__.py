"""The serif the printed documents use, shipped with the package.

Liberation Serif 2.x has Times New Roman's metrics (lines break where Word breaks them) and every
Vietnamese letter. It is loaded by file, under a family name no system font has, so that an older
system copy (Liberation 1.x lacks ư, ơ, Ữ …) or another serif can never stand in for a glyph.
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools.ttLib import TTFont

FOLDER = Path(__file__).resolve().parent
FAMILY = "giaoban-serif"
# (file, font-weight, font-style)
FACES = (
    ("LiberationSerif-Regular.ttf", "normal", "normal"),
    ("LiberationSerif-Bold.ttf", "bold", "normal"),
    ("LiberationSerif-Italic.ttf", "normal", "italic"),
    ("LiberationSerif-BoldItalic.ttf", "bold", "italic"),
)


def files() -> list[Path]:
    return [FOLDER / name for name, _, _ in FACES]


def font_face_css() -> str:
    """@font-face rules naming the bundled files by absolute URL."""
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{(FOLDER / name).as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in FACES
    )


def embedded_faces(pdf: bytes) -> list[TTFont]:
    """The font programs a PDF embeds, one per font resource of every page."""
    import pypdf

    found = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            found.append(TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data())))
    return found


def is_bundled(face: TTFont) -> bool:
    """Whether an embedded font program is one of the shipped faces (same name and version)."""
    return _bundled_versions().get(face["name"].getDebugName(6)) == face["name"].getDebugName(5)


def _bundled_versions() -> dict[str, str]:
    versions = {}
    for path in files():
        table = TTFont(path)["name"]
        versions[table.getDebugName(6)] = table.getDebugName(5)
    return versions
