"""Every glyph of a printed document comes from the serif shipped in the package, whatever the
machine has installed (an older Liberation 1.x lacks ư, ơ, Ữ and would let another font fill in)."""

import datetime
import unicodedata

import pytest
from fontTools.ttLib import TTFont

from giaoban.documents import content, fonts
from giaoban.documents.render import render_pdf
from giaoban.documents.report import report_content
from tests.documents import factories as f

DAY = datetime.date(2022, 4, 7)

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS + VOWELS.upper() for t in TONES] + ["đ", "Đ"]
# One word per vowel with its six tones: short enough for any text field.
ALPHABET = " ".join("".join(LETTERS[i:i + len(TONES)]) for i in range(0, len(LETTERS), len(TONES)))


def assert_only_bundled_glyphs(data: bytes) -> None:
    faces = fonts.embedded_faces(data)
    assert faces, "the PDF embeds no font"
    assert all(fonts.is_bundled(face) for face in faces), [face["name"].getDebugName(6) for face in faces]
    covered = set().union(*(face.getBestCmap() for face in faces))
    missing = [letter for letter in LETTERS if ord(letter) not in covered]
    assert not missing, missing


def test_it_ships_four_faces_that_cover_every_vietnamese_letter():
    assert len(fonts.files()) == 4
    for path in fonts.files():
        cmap = TTFont(path).getBestCmap()
        assert all(ord(letter) in cmap for letter in LETTERS), path.name


def test_it_names_the_bundled_files_in_the_font_faces():
    css = fonts.font_face_css()
    assert css.count("@font-face") == 4
    assert all(path.as_uri() in css for path in fonts.files())


@pytest.mark.django_db
def test_a_notice_full_of_vietnamese_uses_only_the_bundled_serif():
    record = f.huu_lung()
    record.meeting.title = f"Hội nghị {ALPHABET}"
    record.meeting.save()
    record.directives[0].text = f"Thực hiện {ALPHABET}"
    record.directives[0].save()
    assert_only_bundled_glyphs(render_pdf(content.notice(record.meeting, number=3, issued_on=DAY)))


@pytest.mark.django_db
def test_an_invitation_full_of_vietnamese_uses_only_the_bundled_serif():
    record = f.bau_bang()
    record.meeting.place = f"Hội trường {ALPHABET}"
    record.meeting.save()
    assert_only_bundled_glyphs(render_pdf(content.invitation(record.meeting, number=2, issued_on=DAY)))


@pytest.mark.django_db
def test_a_consolidated_report_full_of_vietnamese_uses_only_the_bundled_serif():
    record = f.huu_lung()
    bloc, quarter, _ = f.with_reports(record)
    bloc.name = f"Khối {ALPHABET}"
    bloc.save()
    assert_only_bundled_glyphs(render_pdf(report_content(bloc, quarter, number=4, issued_on=DAY)))
