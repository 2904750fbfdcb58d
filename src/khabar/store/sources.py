"""What ``khabar ingest`` reads: text files, JSONL(.gz) files, HTML pages, and folders of them.

Every article comes out as a :class:`SourceItem` naming where it was read from (``file:line`` for JSONL), so a
bad one can be reported and skipped without ending the run. HTML pages go through trafilatura, which finds the
article among menus and footers and reads its title, date and canonical URL.

An article over ``max_bytes`` (its JSON line, its text file, its HTML page) is reported and skipped without being
read into memory; with ``too_long="split"`` a JSON or text article is read as a stream and stored in parts
(``<id>#part<k>``; see :mod:`khabar.streaming`); an HTML page over the limit is always skipped.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.errors import InputError
from khabar.readers import BadRecord, TooLong, detect_format, open_binary, read_jsonl, read_text

TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".jsonlines")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One article read from ``origin``, or the reason it could not be read (``error``)."""

    origin: str
    record: dict[str, Any] | None
    error: str | None = None


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def list_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files to read: files as given, folders walked in name order for the known suffixes (hidden ones left)."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            known = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and _has_suffix(p, known)
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such file or folder", source=str(given))
    return files


def is_html(path: Path) -> bool:
    """Whether ``path`` is an HTML page: by its suffix, else by how it starts (a text or JSONL suffix says no)."""
    if _has_suffix(path, HTML_SUFFIXES):
        return True
    if _has_suffix(path, TEXT_SUFFIXES + JSONL_SUFFIXES):
        return False
    with open_binary(path) as handle:
        return bool(_HTML_START.match(handle.read(4096)))


def read_html(path: Path, *, name: str, published: str | None = None, max_bytes: int | None = None) -> dict[str, Any]:
    """The article of an HTML page, with its title, date, URL and site name where the page gives them."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    with open_binary(path) as handle:
        raw = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    if max_bytes is not None and len(raw) > max_bytes:
        raise InputError(f"the page is over the limit of {max_bytes:,} bytes (--max-bytes)", source=name)
    extracted = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not text:
        raise InputError("no article text found in this HTML page", source=name)
    title = (extracted.title or "").strip() or None
    if title is not None:
        first, _, rest = text.partition("\n")
        if first.strip() == title and rest.strip():
            text = rest.strip()  # the headline is kept as the title, not as the first paragraph
    record: dict[str, Any] = {"id": path.name.rsplit(".", 1)[0], "text": text}
    date = extracted.date or published
    for key, value in (("title", title), ("published", date), ("url", extracted.url), ("source", extracted.sitename)):
        if value:
            record[key] = value
    return record


def iter_sources(
    paths: Sequence[str | Path],
    *,
    published: str | None = None,
    text_key: str = "text",
    id_key: str = "id",
    max_bytes: int | None = None,
    too_long: TooLong = "refuse",
) -> Iterator[SourceItem]:
    """Every article of ``paths`` in order; a missing path raises :class:`InputError` before anything is read."""
    for path in list_files(paths):
        name = str(path)
        try:
            if is_html(path):
                yield SourceItem(name, read_html(path, name=name, published=published, max_bytes=max_bytes))
            elif detect_format(path, name) == "jsonl":
                for item in read_jsonl(
                    path, name=name, text_key=text_key, id_key=id_key, published=published, skip_bad=True,
                    max_bytes=max_bytes, too_long=too_long,
                ):  # fmt: skip
                    if isinstance(item, BadRecord):
                        yield SourceItem(f"{name}:{item.line}", None, str(item.error))
                    else:
                        part = f"#part{item.part}" if item.part is not None else ""
                        yield SourceItem(f"{name}:{item.line}{part}", item.record)
            else:
                for article in read_text(path, name=name, published=published, max_bytes=max_bytes, too_long=too_long):
                    part = f"#part{article.part}" if article.part is not None else ""
                    yield SourceItem(f"{name}{part}", article.record)
        except InputError as error:
            yield SourceItem(name, None, str(error))
        except (OSError, EOFError, zlib.error) as error:  # a damaged gzip file among HTML pages
            yield SourceItem(name, None, f"{name}: cannot read: {error}")
