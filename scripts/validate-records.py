#!/usr/bin/env python3
"""Validate JSON Lines records against one of Clipper's record schemas.

Usage:
    scripts/validate-records.py SCHEMA [FILE ...]
    some-producer | scripts/validate-records.py SCHEMA

SCHEMA is a schema name such as `mm.article.raw` or `mm.article.enriched`
(the file Config/schemas/<SCHEMA>.schema.json), a version-qualified name such
as `mm.article.raw/1` (the form used in the `mm-schema` Kafka header), or a
path to a .schema.json file. With no FILE, or with `-`, records are read from
standard input. Blank lines are skipped.

For every invalid record it prints one line per problem:

    <file>:<line>: <JSON path>: <message>

and ends with a summary on standard error. Exit status: 0 if every record is
valid, 1 if any is invalid (including lines that are not JSON or not UTF-8),
2 for usage errors, 3 if the `jsonschema` package is missing.

Why this script exists: the worker's tests validate its own output against
the schemas, and operators can point it at a dump of a topic, e.g.

    kcat -C -b localhost:9092 -t articles.enriched -e -q | \
        scripts/validate-records.py mm.article.enriched

Formats (`date-time`, `uri`) are annotations only, as in the worker, which
does not parse timestamps or URLs when decoding. Pass --check-formats to
assert them (needs jsonschema's optional format dependencies).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - depends on the machine
    print(
        "validate-records: the Python package 'jsonschema' is not installed.\n"
        "Install it with:  python3 -m pip install 'jsonschema>=4.18'",
        file=sys.stderr,
    )
    sys.exit(3)

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "Config" / "schemas"


def resolve_schema(name: str) -> Path:
    """Turns `mm.article.raw`, `mm.article.raw/1` or a path into a schema file."""
    candidate = Path(name)
    if candidate.suffix == ".json" and candidate.exists():
        return candidate
    base = name.split("/", 1)[0]  # "mm.article.raw/1" -> "mm.article.raw"
    path = SCHEMA_DIR / f"{base}.schema.json"
    if not path.exists():
        known = sorted(p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json"))
        raise SystemExit(f"validate-records: unknown schema {name!r}; known: {', '.join(known) or 'none'}")
    return path


def json_path(error: jsonschema.ValidationError) -> str:
    """`$.processing.processors[0].status` style path of the failing value."""
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def describe(error: jsonschema.ValidationError) -> str:
    """A readable message; for anyOf/oneOf failures, the closest sub-error helps most."""
    message = error.message
    if error.validator in ("anyOf", "oneOf"):
        # The default message repeats the whole instance, which for an article is its full text.
        titles = [sub.get("title") for sub in error.validator_value]
        message = "matches none of: " + " | ".join(titles) if all(titles) else f"fails {error.validator}"
    if error.context:
        best = jsonschema.exceptions.best_match(error.context)
        message += f" (closest: {json_path(best)}: {best.message})"
    return message


def read_lines(source: str):
    """Yields (label, line number, raw bytes) so invalid UTF-8 is reported, not fatal."""
    if source == "-":
        stream, label = sys.stdin.buffer, "<stdin>"
    else:
        stream, label = open(source, "rb"), source
    with stream:
        for number, raw in enumerate(stream, start=1):
            yield label, number, raw


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("schema", help="schema name (mm.article.raw, mm.article.enriched[/1]) or path")
    parser.add_argument("files", nargs="*", default=["-"], help="JSONL files; '-' or none for stdin")
    parser.add_argument("--check-formats", action="store_true", help="also assert date-time/uri formats")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()

    schema_path = resolve_schema(args.schema)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    format_checker = Draft202012Validator.FORMAT_CHECKER if args.check_formats else None
    validator = Draft202012Validator(schema, format_checker=format_checker)

    total = invalid = 0
    for source in args.files:
        try:
            lines = list(read_lines(source))
        except OSError as error:
            print(f"validate-records: {error}", file=sys.stderr)
            return 2
        for label, number, raw in lines:
            if not raw.strip():
                continue
            total += 1
            problems: list[str] = []
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                problems.append(f"$: not valid UTF-8 at byte {error.start}")
            except json.JSONDecodeError as error:
                problems.append(f"$: not valid JSON: {error.msg} at column {error.colno}")
            else:
                errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
                problems.extend(f"{json_path(e)}: {describe(e)}" for e in errors)
            if problems:
                invalid += 1
                if not args.quiet:
                    for problem in problems:
                        print(f"{label}:{number}: {problem}")

    print(
        f"validate-records: {total - invalid} valid, {invalid} invalid, {total} total "
        f"(schema {schema.get('$id', schema_path.name)})",
        file=sys.stderr,
    )
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
