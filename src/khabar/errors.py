"""Errors raised by khabar.

Every error khabar raises on purpose derives from :class:`KhabarError`::

    KhabarError
    ├── InputError       bad input: not UTF-8, not JSON, a missing text key, empty, binary, a bad date
    ├── SchemaError      a document that does not follow the khabar/1 contract (bad offsets, unknown layer)
    ├── PipelineError    a pipeline that cannot run: unknown stage, a stage whose needs nothing provides
    ├── ResourceError    a packaged data file that is missing or corrupt
    └── OutputError      output that cannot be written: a full disk, a folder without write permission

Messages name what went wrong and where (file, line, byte offset, field) so that a user can fix the input.
"""

from __future__ import annotations

import errno


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class InputError(KhabarError, ValueError):
    """Input that khabar cannot read, with where it is (``source``, ``line``, ``byte_offset``)."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        byte_offset: int | None = None,
    ) -> None:
        self.reason = message
        self.source = source
        self.line = line
        self.byte_offset = byte_offset
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.byte_offset is not None:
            where.append(f"byte offset {self.byte_offset}")
        return f"{': '.join([', '.join(where), self.reason]) if where else self.reason}"


class SchemaError(KhabarError, ValueError):
    """A document or span that breaks the khabar/1 contract."""


class PipelineError(KhabarError):
    """A pipeline that cannot be built or run as asked."""


class ResourceError(KhabarError):
    """A packaged linguistic resource that is missing or unreadable."""


class OutputError(KhabarError):
    """Output that cannot be written; the message names the file and the reason (see :func:`describe_os_error`)."""

    @property
    def disk_full(self) -> bool:
        """Whether the reason is a full disk or a size limit (nothing more can be written anywhere there)."""
        return "(the disk is full)" in str(self) or "(over the size this process may write)" in str(self)


def describe_os_error(error: OSError) -> str:
    """An OS error as a reason a person can act on (a full disk said in words)."""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT) or (error.errno is None and "No space left" in reason):
        reason += " (the disk is full)"
    elif error.errno == errno.EFBIG:
        reason += " (over the size this process may write)"
    elif error.errno == errno.EPIPE:
        reason += " (the reader of the output went away)"
    return reason
