"""The site folder: one build at a time, and a swap that never leaves it missing or half-written.

The new site is built into a staging folder next to the site; when every gate has passed,
the two folders change places in one step (Linux ``renameat2(RENAME_EXCHANGE)``). Where that
is not available, two renames are used, and a build that finds the site missing after an
interrupted swap puts the previous site back before it does anything else.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SiteLocked(Exception):
    """Another build is writing this site."""


class SwapFailed(Exception):
    """The site folder cannot be replaced; the message says why and what to do."""


def staging_dir(final: Path) -> Path:
    return final.parent / f".{final.name}-staging"


def previous_dir(final: Path) -> Path:
    return final.parent / f".{final.name}-previous"


@contextlib.contextmanager
def build_lock(final: Path) -> Iterator[None]:
    """Hold the site's lock for one build; raise SiteLocked when another build holds it.

    The lock is the operating system's (``flock``): it is released when the build ends,
    also when its process is killed, so a stale lock file never blocks a later build.
    """
    path = final.parent / f".{final.name}.lock"
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")  # noqa: SIM115 - held for the whole build
    except OSError as err:
        raise SwapFailed(
            f"the site cannot be written in {final.parent} ({err.strerror}); "
            "build into a folder you may write to, or make this one writable"
        ) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise SiteLocked(
                f"another build is writing {final} (process {holder}); "
                "wait until it has finished, then build again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def recover(final: Path) -> str:
    """Finish what an interrupted swap left; returns what was done, in words (or "")."""
    previous = previous_dir(final)
    if not previous.is_dir():
        return ""
    if final.exists():
        shutil.rmtree(previous, ignore_errors=True)
        return ""
    previous.rename(final)
    return f"An earlier build stopped while it replaced the site; the previous site is back in {final}."


def swap_in(staging: Path, final: Path) -> None:
    """Put ``staging`` in the place of ``final`` so that the site is never missing or half-written."""
    try:
        if final.exists() and _exchange(staging, final):
            shutil.rmtree(staging, ignore_errors=True)  # now the old site
            return
        previous = previous_dir(final)
        shutil.rmtree(previous, ignore_errors=True)
        if final.exists():
            final.rename(previous)
        staging.rename(final)
        shutil.rmtree(previous, ignore_errors=True)
    except OSError as err:
        raise SwapFailed(
            f"the site folder {final} cannot be replaced ({err.strerror}); "
            "check that it and the folder around it may be written to "
            "(not read-only: chmod u+w; not immutable: chattr -i), then build again"
        ) from None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (the caller falls back)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))
