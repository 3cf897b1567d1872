"""Why the operating system refused a file operation, in the user's language. Any thread.

`OSError.strerror` is the C library's English ("No such file or directory"); the common
causes are said through the catalogue instead, the rest fall back to that text.
"""

from __future__ import annotations

import errno

from ..i18n import Message, translate

_REASONS: dict[int, Message] = {
    errno.ENOENT: translate("OsError", "no such file or folder"),
    errno.EACCES: translate("OsError", "permission denied"),
    errno.EPERM: translate("OsError", "the operation is not permitted"),
    errno.EISDIR: translate("OsError", "it is a folder"),
    errno.ENOTDIR: translate("OsError", "a part of the path is not a folder"),
    errno.ENOSPC: translate("OsError", "the disk is full"),
    errno.EROFS: translate("OsError", "the file system is read-only"),
    errno.EEXIST: translate("OsError", "it already exists"),
    errno.ENAMETOOLONG: translate("OsError", "the name is too long"),
    errno.EBUSY: translate("OsError", "it is in use"),
    errno.EXDEV: translate("OsError", "it is on another file system"),
    errno.ELOOP: translate("OsError", "too many symbolic links"),
    errno.EIO: translate("OsError", "an input/output error"),
}


def os_reason(exc: OSError) -> Message | str:
    """The reason of `exc` as a Message where it is a common one, else the system's own words."""
    message = _REASONS.get(exc.errno or 0)
    if message is not None:
        return message
    return exc.strerror or str(exc)
