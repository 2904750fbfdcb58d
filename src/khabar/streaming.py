"""Articles too long to hold in memory: read as a stream and cut into parts (``--too-long split``).

An article over the size limit (``--max-bytes``) is refused by default. With ``split`` it is analysed in parts
instead, and memory stays bounded by the limit whatever the article's size: its JSON line is copied to a
temporary file, parsed as a stream (:class:`JsonObjectStream`, which hands the text field over in pieces and
keeps the other fields, each of which must be under the limit), and the text is cut (:func:`cut`) into parts of
at most the limit in UTF-8 bytes, at a paragraph break where one is in the second half of the part, else at a
sentence end, else at a space. Parts are consecutive and cover the whole text in order: part k of an article
``a1`` has the id ``a1#part<k>`` (from 1), the article's other fields, and its text starts where part k-1 ends,
so that offsets in a part plus the lengths of the parts before it are offsets in the whole article.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from khabar.errors import InputError

CHUNK = 1 << 20  # bytes read at once
_SENTENCE_END = re.compile(r"[.!?؟۔][\"'”»)\]]*\s")
# The body of a JSON string: plain characters and whole escapes, up to a quote, a cut or bad escape, or a control.
_BODY = re.compile(r'(?:[^"\\\x00-\x1f]+|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*')
_TRAILING_HIGH = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}$")
_HIGH_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}")
_LOOKAHEAD = 12  # characters enough for an escaped surrogate pair
STREAMED = object()  # what stands for the text in the members of a streamed object
NAME = ""  # the "field" of a member name, in messages
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")


def decoded(chunks: Iterable[bytes], *, where: Callable[[int], InputError]) -> Iterator[str]:
    """``chunks`` of UTF-8 decoded strictly; ``where(byte_offset)`` makes the error for a bad byte."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    consumed = 0
    for chunk in chunks:
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise where(consumed + error.start) from None
        consumed += len(chunk)
        if text:
            yield text
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise where(consumed + error.start) from None
    if tail:
        yield tail


def read_chunks(handle: IO[bytes], size: int = CHUNK) -> Iterator[bytes]:
    while chunk := handle.read(size):
        yield chunk


def _break(window: str) -> int:
    """Where to end a part taken from the start of ``window``: after a paragraph, a sentence or a space."""
    half = len(window) // 2
    newline = window.rfind("\n")
    if newline >= half:
        return newline + 1
    ends = [match.end() for match in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    for position in range(len(window) - 1, half - 1, -1):
        if window[position].isspace():
            return position + 1
    return len(window)


def cut(pieces: Iterable[str], max_bytes: int) -> Iterator[str]:
    """The text of ``pieces`` in consecutive parts of at most ``max_bytes`` UTF-8 bytes each."""
    if max_bytes < 4:
        raise ValueError("max_bytes must be at least 4 (one character)")
    buffer = ""
    size = 0  # UTF-8 bytes of the buffer
    for piece in pieces:
        buffer += piece
        size += _utf8_size(piece)
        while size > max_bytes:
            # max_bytes characters are at least max_bytes bytes: the window is the longest prefix that fits.
            window = buffer[:max_bytes].encode("utf-8", "surrogatepass")[:max_bytes].decode("utf-8", "ignore")
            part = buffer[: _break(window)]
            yield part
            buffer = buffer[len(part) :]
            size -= _utf8_size(part)
    if buffer:
        yield buffer


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


class JsonObjectStream:
    """One JSON object read from a stream of text: the string value of ``text_key`` goes to ``on_text`` in
    pieces (never held whole); the other members, each at most ``max_value`` characters, are returned.

    Errors are :class:`InputError` made by ``error(message)`` (which adds the file and line).
    """

    def __init__(
        self, pieces: Iterable[str], *, max_value: int, error: Callable[[str], InputError], text_key: str
    ) -> None:
        self._pieces = iter(pieces)
        self._buffer = ""
        self._position = 0
        self._max = max_value
        self._error = error
        self._text_key = text_key

    # --- input

    def _fill(self, need: int = 1) -> bool:
        """At least ``need`` unread characters in the buffer, unless the input ends first."""
        while len(self._buffer) - self._position < need:
            piece = next(self._pieces, None)
            if piece is None:
                return False
            self._buffer = self._buffer[self._position :] + piece
            self._position = 0
        return True

    def _peek(self) -> str:
        if not self._fill():
            raise self._error("not valid JSON (the line ends inside the object)")
        return self._buffer[self._position]

    def _take(self, expected: str) -> None:
        found = self._peek()
        if found != expected:
            raise self._error(f"not valid JSON (expected {expected!r}, found {found!r})")
        self._position += 1

    def _spaces(self) -> None:
        while self._fill():
            rest = self._buffer[self._position :]
            stripped = rest.lstrip(" \t\r\n")
            self._position += len(rest) - len(stripped)
            if stripped:
                return

    # --- values

    def parse(self, on_text: Callable[[str], None]) -> dict[str, Any]:
        """The object's members; the text went to ``on_text`` and stands as ``text_key`` -> :data:`STREAMED`."""
        self._spaces()
        self._take("{")
        members: dict[str, Any] = {}
        self._spaces()
        if self._peek() == "}":
            self._position += 1
        else:
            while True:
                self._spaces()
                if self._peek() != '"':
                    raise self._error("not valid JSON (a member name must be a string)")
                key = self._string(None, NAME)
                self._spaces()
                self._take(":")
                self._spaces()
                if key == self._text_key and self._peek() == '"':
                    if self._text_key in members:
                        raise self._error(f"field {key!r} is given twice")
                    self._string(on_text, key)
                    members[key] = STREAMED
                else:
                    members[key] = self._value(key)
                self._spaces()
                if self._peek() == ",":
                    self._position += 1
                    continue
                self._take("}")
                break
        self._spaces()
        if self._fill():
            raise self._error("not valid JSON (extra data after the object)")
        return members

    def _value(self, field: str) -> Any:
        first = self._peek()
        if first == '"':
            return self._string(None, field)
        if first in "{[":
            return self._nested(field)
        self._fill(32)
        rest = self._buffer[self._position : self._position + 32]
        for word, value in (("true", True), ("false", False), ("null", None)):
            if rest.startswith(word):
                self._position += len(word)
                return value
        number = _NUMBER.match(rest)
        if number is None or number.end() == len(rest):
            raise self._error(f"not valid JSON (a bad value in field {field!r})")
        self._position += number.end()
        return json.loads(number.group())

    def _nested(self, field: str) -> Any:
        """An array or object value, collected (at most ``max_value`` characters) and parsed."""
        collected: list[str] = []
        size = depth = 0
        while True:
            char = self._peek()
            if char == '"':
                text = json.dumps(self._string(None, field), ensure_ascii=False)
                collected.append(text)
                size += len(text)
            else:
                self._position += 1
                collected.append(char)
                size += 1
                depth += char in "{["
                depth -= char in "}]"
            if size > self._max:
                raise self._error(f"field {field!r} is over the limit of {self._max:,} characters")
            if depth == 0:
                break
        try:
            return json.loads("".join(collected))
        except json.JSONDecodeError as error:
            raise self._error(f"not valid JSON (in field {field!r}: {error.msg})") from None

    def _string(self, sink: Callable[[str], None] | None, field: str) -> str:
        """A JSON string: to ``sink`` in pieces, or returned (then at most ``max_value`` characters).

        Runs of plain characters and escapes are decoded by :func:`json.loads` (in C), a buffer at a time; an
        escape of a high surrogate at the end of a run waits for the next one, which must start with its low half.
        """
        self._take('"')
        kept: list[str] = []
        size = 0
        while True:
            self._fill(_LOOKAHEAD)
            body_end = _BODY.match(self._buffer, self._position).end()
            stop = self._buffer[body_end : body_end + 1]
            # The buffer ends, or an escape is cut by its end (or is bad): a high surrogate waits for its pair.
            if stop in ("", "\\") and _TRAILING_HIGH.search(self._buffer, self._position, body_end):
                body_end -= 6
            if body_end > self._position:
                body = self._buffer[self._position : body_end]
                piece = json.loads(f'"{body}"')
                position = lone_surrogate(piece)
                if position is not None:
                    raise self._error(lone_surrogate_message(field, piece[position]))
                self._position = body_end
                if sink is not None:
                    sink(piece)
                else:
                    size += len(piece)
                    if size > self._max:
                        raise self._error(f"field {field!r} is over the limit of {self._max:,} characters")
                    kept.append(piece)
                continue
            if stop == '"':
                self._position += 1
                return "".join(kept)
            if not stop:
                if not self._fill(_LOOKAHEAD + 1):
                    raise self._error(f"not valid JSON (the line ends inside field {field!r})")
                continue
            if stop == "\\":
                rest = self._buffer[self._position : self._position + _LOOKAHEAD]
                if len(rest) < _LOOKAHEAD and self._fill(len(rest) + 1):
                    continue
                if _HIGH_ESCAPE.match(rest):
                    raise self._error(lone_surrogate_message(field, chr(int(rest[2:6], 16))))
                raise self._error(f"not valid JSON (a bad escape in field {field!r})")
            raise self._error(f"not valid JSON (a control character U+{ord(stop):04X} in field {field!r})")


def lone_surrogate(text: str) -> int | None:
    """The index of the first lone surrogate in ``text`` (a code point no UTF-8 can hold), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def lone_surrogate_message(field: str, surrogate: str, position: int | None = None) -> str:
    where = f" at character {position}" if position is not None else ""
    what = f"field {field!r}" if field != NAME else "a field's name"
    return (
        f"{what} holds a lone surrogate \\u{ord(surrogate):04x}{where}, which is not a character"
        " (a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF one)"
    )
