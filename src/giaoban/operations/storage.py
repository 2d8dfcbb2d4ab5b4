"""Uploaded files: never leave a half-written file behind when the disk fills up mid-write.

Django's FileSystemStorage creates the file and then writes it chunk by chunk;
an ENOSPC (or any I/O error) half-way leaves a truncated file that no row points
to.  This storage writes the same way, O_EXCL so the file is surely its own,
and removes it when the write fails.
"""

import os

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    def _save(self, name: str, content) -> str:
        while True:
            try:
                self._write(self.path(name), content)
            except FileExistsError:  # taken between get_available_name() and now: another name
                name = self.get_available_name(name)
            else:
                return os.path.relpath(self.path(name), self.location).replace("\\", "/")

    def _write(self, full_path: str, content) -> None:
        os.makedirs(os.path.dirname(full_path), exist_ok=True)
        fd = os.open(full_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            os.unlink(full_path)
            raise
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
