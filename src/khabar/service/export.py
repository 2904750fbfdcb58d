"""CSV export of any list the API returns: one row per item, nested values flattened to readable text.

Cells that a spreadsheet would read as a formula (starting with ``= + - @`` or a tab or carriage return) are
prefixed with an apostrophe: article text is untrusted, and a CSV export must not run anything when opened.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if all(isinstance(v, dict) and "match" in v and "text" in v for v in value):
            return "".join(v["text"] for v in value)  # search snippet segments
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(items: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """``items`` as CSV text with a header row of ``columns`` (UTF-8 with a byte-order mark for spreadsheets)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for item in items:
        writer.writerow([_cell(item.get(column)) for column in columns])
    return out.getvalue()
