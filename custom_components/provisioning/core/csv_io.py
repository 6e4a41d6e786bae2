"""CSV of provisioning lists: reading an import, writing an export.

Rules:

- Reading never raises. A record that cannot be read becomes a `CsvLineError`
  carrying the line it starts on and a translation key, and the records after it
  are still read: bytes that are not UTF-8 (`csv_not_utf8`), a field over the
  csv module's field limit (`csv_field_too_large`), text that cannot be stored
  such as a lone surrogate (`csv_not_utf8`), or any other csv error
  (`csv_malformed`).
- Line numbers are physical lines, 1-based, counting the header; a record that
  spans lines (a quoted newline) is numbered by its first line.
- A header is recognised when the first cell of the first record names a
  column of `HEADER_COLUMNS` (`ieee`, or for Z-Wave `technology`, `dsk` or
  `qr_code`); its columns are matched by name, unknown columns are ignored.
  Without a header the columns are `CSV_COLUMNS`. Blank records are skipped.
- A record is a Z-Wave device when it has a `dsk` (with `security_classes`,
  zwave-js names separated by spaces, commas or semicolons) or a `qr_code`;
  the technology is read from the cells by ``core.technologies``, not here.
- A record's values may hold an install code or a link key: its repr never
  shows them.
- Writing neutralises spreadsheet formulas as the OWASP CSV-injection guidance
  says: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
  leading `'`, and every cell is quoted (inner quotes doubled). The fullwidth
  equals, plus, minus and at signs (U+FF1D, U+FF0B, U+FF0D, U+FF20), which spreadsheets
  may fold to their ASCII forms, are neutralised alike.

Nothing here imports Home Assistant.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator, Mapping, Sequence
import csv
from dataclasses import dataclass, field
import io

CSV_COLUMNS = ("ieee", "install_code", "link_key", "name", "area")
HEADER_COLUMNS = frozenset(
    {*CSV_COLUMNS, "technology", "dsk", "security_classes", "qr_code"}
)
EXPORT_COLUMNS = (
    "ieee",
    "name",
    "area",
    "status",
    "provider",
    "technology",
    "dsk",
)
FORMULA_PREFIXES = (
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\uff1d",
    "\uff0b",
    "\uff0d",
    "\uff20",
)


@dataclass(frozen=True, slots=True)
class CsvRecord:
    """One readable record: stripped values by column, empty cells as None."""

    line: int
    values: Mapping[str, str | None] = field(repr=False)


@dataclass(frozen=True, slots=True)
class CsvLineError:
    """A record that could not be read, by the line it starts on."""

    line: int
    error: str


def decode_csv(data: bytes) -> tuple[str, frozenset[int]]:
    """Decode UTF-8 (with or without BOM) line by line.

    Returns the text, with each undecodable line left empty so that line numbers
    stay the same, and the numbers of those lines.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), frozenset()
    except UnicodeDecodeError:
        pass
    lines: list[str] = []
    bad: set[int] = set()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append("")
            bad.add(number)
    return "\n".join(lines), frozenset(bad)


def _storable(cells: Sequence[str]) -> bool:
    try:
        for cell in cells:
            cell.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _csv_error_key(err: csv.Error) -> str:
    if "field larger than field limit" in str(err):
        return "csv_field_too_large"
    return "csv_malformed"


def read_csv(
    text: str, bad_lines: frozenset[int] = frozenset()
) -> Iterator[CsvRecord | CsvLineError]:
    """Yield the records of CSV text, or an error for each unreadable record.

    `bad_lines` are lines that `decode_csv` could not decode: a record touching
    one of them is an error.
    """
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    previous = 0
    while True:
        first = previous + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            previous = reader.line_num
            yield CsvLineError(first, _csv_error_key(err))
            continue
        previous = reader.line_num
        if any(number in bad_lines for number in range(first, previous + 1)):
            yield CsvLineError(first, "csv_not_utf8")
            continue
        if not _storable(row):
            yield CsvLineError(first, "csv_not_utf8")
            continue
        cells = [cell.strip() for cell in row]
        if header is None:
            if cells[:1] and cells[0].lower() in HEADER_COLUMNS:
                header = [cell.lower() for cell in cells]
                continue
            header = list(CSV_COLUMNS)
        if not any(cells):
            continue
        yield CsvRecord(
            first,
            {column: cell or None for column, cell in zip(header, cells, strict=False)},
        )


def neutralise_cell(value: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula."""
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(
    rows: Iterable[Sequence[str]], columns: Sequence[str] = EXPORT_COLUMNS
) -> str:
    """Write rows under a header, every cell neutralised and quoted."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return out.getvalue()
