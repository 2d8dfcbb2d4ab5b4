"""A full disk during an upload: a clear Vietnamese page, no half-written file, no row."""

import errno
import os
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from giaoban.meetings.models import Attachment
from giaoban.operations.storage import MediaStorage
from tests.meetings.factories import briefing_world

PDF = b"%PDF-1.4 " + b"x" * 300_000  # several 64 KiB chunks


class FillsUp:
    """A file that takes `room` bytes, then fails like a full disk (the rest of the chunk is lost)."""

    def __init__(self, handle, room: int) -> None:
        self.handle, self.room = handle, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            self.handle.write(data[:self.room])
            self.handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.handle.write(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.handle.close()


@pytest.fixture
def disk_fills_after_100k(monkeypatch):
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **kw: FillsUp(real(fd, mode, *a, **kw), 100_000))


def _files(folder) -> list:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_a_write_that_fills_the_disk_half_way_leaves_no_file(tmp_path, disk_fills_after_100k):
    storage = MediaStorage(location=tmp_path / "media")
    with pytest.raises(OSError) as failure:
        storage.save("meetings/2026/12/ke-hoach.pdf", ContentFile(PDF))
    assert failure.value.errno == errno.ENOSPC
    assert _files(tmp_path / "media") == []


def test_a_complete_write_is_stored_whole(tmp_path):
    storage = MediaStorage(location=tmp_path / "media")
    name = storage.save("meetings/ke-hoach.pdf", ContentFile(PDF))
    assert (tmp_path / "media" / name).read_bytes() == PDF
    assert storage.save("meetings/ke-hoach.pdf", ContentFile(b"%PDF-2")) != name  # never overwrites


def _upload_on_full_disk(settings) -> tuple:
    world = briefing_world()
    browser = Client(raise_request_exception=False)
    browser.force_login(world.leader)
    response = browser.post(reverse("meetings:attachment_upload", args=[world.meeting.pk]),
                            {"file": SimpleUploadedFile("ke-hoach.pdf", PDF)})
    return response, _files(settings.MEDIA_ROOT)


# transaction=True: as in production, the request runs in autocommit, not inside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_an_upload_on_a_full_disk_answers_in_vietnamese_and_keeps_no_file_and_no_row(settings,
                                                                                    disk_fills_after_100k):
    response, files = _upload_on_full_disk(settings)
    assert response.status_code == 507
    assert "Máy chủ hết dung lượng lưu trữ" in response.content.decode()
    assert files == [] and Attachment.objects.count() == 0


@pytest.fixture
def tiny_media_disk(settings, tmp_path):
    """MEDIA_ROOT on a real 64 KiB tmpfs: the kernel itself answers ENOSPC."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mountpoint = tmp_path / "tiny-media"
    mountpoint.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mountpoint)],
                             capture_output=True, text=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    settings.MEDIA_ROOT = mountpoint
    yield mountpoint
    subprocess.run(["umount", "-l", str(mountpoint)], check=True, timeout=30)


@pytest.mark.django_db(transaction=True)
def test_an_upload_on_a_really_full_disk_answers_in_vietnamese_and_keeps_no_file_and_no_row(settings,
                                                                                           tiny_media_disk):
    response, files = _upload_on_full_disk(settings)
    assert response.status_code == 507
    assert "Tệp vừa tải lên chưa được lưu" in response.content.decode()
    assert files == [] and Attachment.objects.count() == 0
