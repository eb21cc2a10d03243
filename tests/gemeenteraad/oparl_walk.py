"""Walk the OParl API from its System object and validate every object it returns.

The OParl 1.1 schemas live outside the project (``../shared/vendor/oparl-1.1/schema/``, or
``OPARL_SCHEMA_DIR``). They name embedded objects with a non-standard ``schema`` keyword,
which jsonschema ignores, so embedded objects (a meeting's agenda items, a file) are
validated here one by one against their own schema. ``format: url`` is checked as an
absolute http(s) URL.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = Path(
    os.environ.get("OPARL_SCHEMA_DIR", REPO.parent / "shared" / "vendor" / "oparl-1.1" / "schema")
)
PREFIX = "https://schema.oparl.org/1.1/"

formats = jsonschema.FormatChecker()


@formats.checks("url")
def _is_url(value) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@formats.checks("date-time", raises=ValueError)
def _is_datetime(value) -> bool:
    from datetime import datetime

    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"{value} has no time zone")
    return True


@formats.checks("date", raises=ValueError)
def _is_date(value) -> bool:
    from datetime import date

    date.fromisoformat(value)
    return True


def schemas() -> dict[str, dict]:
    if not SCHEMA_DIR.is_dir():
        raise RuntimeError(f"OParl schemas not found in {SCHEMA_DIR} (set OPARL_SCHEMA_DIR)")
    return {path.stem: json.loads(path.read_text()) for path in SCHEMA_DIR.glob("*.json")}


def problems(obj: dict, known: dict[str, dict], where: str = "") -> list[str]:
    """Schema errors of ``obj`` and of every object embedded in it."""
    kind = obj.get("type", "").removeprefix(PREFIX)
    schema = known.get(kind)
    if schema is None:
        return [f"{where or obj.get('id')}: unknown type {obj.get('type')!r}"]
    validator = jsonschema.Draft4Validator(schema, format_checker=formats)
    found = [f"{where or obj.get('id')}: {e.message}" for e in validator.iter_errors(obj)]
    for name, spec in schema["properties"].items():
        value = obj.get(name)
        embedded = spec.get("schema") or (spec.get("items") or {}).get("schema")
        if value is None or not embedded or not embedded.endswith(".json"):
            continue
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict):
                found += problems(child, known, f"{obj.get('id')}.{name}")
    return found


def walk(get, start: str, base: str):
    """Yield every (url, json) reachable from ``start`` through URLs under ``base``."""
    seen, todo = set(), [start]
    while todo:
        address = todo.pop()
        if address in seen:
            continue
        seen.add(address)
        data = get(address)
        yield address, data
        for found in _urls(data):
            if found.startswith(base) and found not in seen:
                todo.append(found)


def _urls(value):
    if isinstance(value, str):
        if value.startswith("http"):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)


def objects_in(data: dict):
    """The objects a response holds: the list's ``data``, or the object itself."""
    if "data" in data and "pagination" in data:
        return list(data["data"])
    return [data]
