"""Uploads the server cannot store are refused with a message, never a 500.

Django keeps a small upload in memory and writes a larger one (over
`FILE_UPLOAD_MAX_MEMORY_SIZE`) to a temporary file. When that file cannot be written (a
full disk, a quota), `TemporaryFileUploadHandler` deletes what it wrote, reads the rest
of the request without keeping it and notes the error on the request. A view that
takes uploads asks `error(request)` and refuses the whole upload, saying why, as the
import page does; `status` gives the answer's status.
"""

import contextlib
import errno
import logging

from django.core.files import uploadhandler

logger = logging.getLogger(__name__)

#: Errors that say the disk has no room left (for this user).
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


class TemporaryFileUploadHandler(uploadhandler.TemporaryFileUploadHandler):
    """Django's handler for large uploads, that stops cleanly when it cannot write."""

    def new_file(self, *args, **kwargs):
        try:
            super().new_file(*args, **kwargs)
        except OSError as error:
            self.give_up(error)

    def receive_data_chunk(self, raw_data, start):
        try:
            return super().receive_data_chunk(raw_data, start)
        except OSError as error:
            self.give_up(error)

    def file_complete(self, file_size):
        try:
            return super().file_complete(file_size)
        except OSError as error:
            self.give_up(error)

    def give_up(self, error):
        """Delete the temporary file, note the error on the request and stop the upload
        (its remaining bytes are read and dropped, so the client gets the answer)."""
        logger.error("An upload could not be stored and was refused: %s", error)
        with contextlib.suppress(OSError):  # closing flushes; the file is deleted anyway
            self.upload_interrupted()
        if self.request is not None:
            self.request.upload_error = error
        raise uploadhandler.StopUpload(connection_reset=False)


def error(request):
    """The `OSError` that kept the server from storing the request's upload, or None."""
    return getattr(request, "upload_error", None)


def disk_full(failure):
    """Whether an upload's `OSError` says the disk has no room left."""
    return failure is not None and failure.errno in DISK_FULL


def status(request):
    """The status of the page answering a request: 507 Insufficient Storage when its
    upload found the disk full, 500 when it failed otherwise, else 200."""
    failure = error(request)
    if failure is None:
        return 200
    return 507 if disk_full(failure) else 500
