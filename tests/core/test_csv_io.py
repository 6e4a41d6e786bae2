"""CSV reading and writing of provisioning lists."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings, strategies as st

from custom_components.provisioning.core.csv_io import (
    CSV_COLUMNS,
    CsvLineError,
    CsvRecord,
    decode_csv,
    neutralise_cell,
    read_csv,
    write_csv,
)

CODE = "83FED3407A939723A5C639B26916D505C3B5"


def lines_of(text: str, bad: frozenset[int] = frozenset()) -> list[tuple[int, object]]:
    """Each record as (line, values) and each error as (line, key)."""
    return [
        (item.line, item.error if isinstance(item, CsvLineError) else item.values)
        for item in read_csv(text, bad)
    ]


def test_header_blank_lines_and_quoted_newlines() -> None:
    """A header is matched by name; records are numbered by their first line."""
    text = 'IEEE,name,extra\n\n0011,Lamp,x\n0012,"Two\nlines"\n0013\n'
    assert lines_of(text) == [
        (3, {"ieee": "0011", "name": "Lamp", "extra": "x"}),
        (4, {"ieee": "0012", "name": "Two\nlines"}),
        (6, {"ieee": "0013"}),
    ]
    # "ieee" must be the first column for a header; otherwise the default columns
    assert lines_of(f"0011,{CODE},,Lamp,Hall\n") == [
        (1, dict(zip(CSV_COLUMNS, ["0011", CODE, None, "Lamp", "Hall"], strict=True)))
    ]
    assert lines_of("ieee ,Name\n0011 , Lamp \n") == [
        (2, {"ieee": "0011", "name": "Lamp"})
    ]


def test_oversized_field_is_an_error_and_reading_goes_on() -> None:
    """A field over the csv field limit is reported by line; later lines are read."""
    huge = "x" * (csv.field_size_limit() + 1)
    text = f"ieee,name\n0011,{huge}\n0012,Lamp\n"
    assert lines_of(text) == [
        (2, "csv_field_too_large"),
        (3, {"ieee": "0012", "name": "Lamp"}),
    ]


def test_malformed_and_unstorable_records() -> None:
    """Other csv errors and lone surrogates are errors of their line."""
    text = "ieee,name\n0011,\ud800\n0012,Lamp\n"
    assert lines_of(text) == [
        (2, "csv_not_utf8"),
        (3, {"ieee": "0012", "name": "Lamp"}),
    ]
    assert all(isinstance(item, CsvRecord) for item in read_csv("ieee\n0011\n"))


def test_csv_error_other_than_the_field_limit() -> None:
    """A csv error that is not about the field limit is 'malformed'."""
    assert lines_of("ieee\n0011\rx,y\n0012\n") == [
        (2, "csv_malformed"),
        (3, {"ieee": "0012"}),
    ]


def test_decode_reports_undecodable_lines_and_keeps_numbering() -> None:
    """Bytes that are not UTF-8 make their line an error, by its number."""
    data = b"\xef\xbb\xbfieee,name\n0011,Caf\xe9\n0012,Caf\xc3\xa9\n"
    text, bad = decode_csv(data)
    assert bad == {2}
    assert lines_of(text, bad) == [
        (2, "csv_not_utf8"),
        (3, {"ieee": "0012", "name": "Café"}),
    ]
    assert decode_csv(b"ieee\n0011\n") == ("ieee\n0011\n", frozenset())
    # a quoted record over a bad line is an error as a whole
    text, bad = decode_csv(b'ieee,name\n0011,"a\n\xff\nb"\n0012,c\n')
    assert lines_of(text, bad) == [
        (2, "csv_not_utf8"),
        (5, {"ieee": "0012", "name": "c"}),
    ]


def test_repr_hides_values() -> None:
    """A record's values may hold a key: its repr shows only the line."""
    (record,) = read_csv(f"0011,{CODE}\n")
    assert CODE not in repr(record)
    assert repr(record) == "CsvRecord(line=1)"


def test_export_neutralises_formulas_and_quotes_every_cell() -> None:
    """OWASP CSV injection: formula cells get a leading quote; all cells quoted."""
    for dangerous in ('=HYPERLINK("x")', "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise_cell(dangerous) == "'" + dangerous
    assert neutralise_cell("Lamp - hall") == "Lamp - hall"
    assert neutralise_cell("") == ""
    text = write_csv(
        [["00:11", '=HYPERLINK("http://x","y")', "Hall, 1", "pending", "local"]],
        ("ieee", "name", "area", "status", "provider"),
    )
    assert text == (
        '"ieee","name","area","status","provider"\r\n'
        '"00:11","\'=HYPERLINK(""http://x"",""y"")","Hall, 1","pending","local"\r\n'
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][1] == '\'=HYPERLINK("http://x","y")'


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_read_without_raising(data: bytes) -> None:
    """Whatever the file holds, reading gives records or line errors, in order."""
    text, bad = decode_csv(data)
    items = list(read_csv(text, bad))
    lines = [item.line for item in items]
    assert lines == sorted(lines)
    assert all(1 <= line <= text.count("\n") + 1 for line in lines)
    for item in items:
        if isinstance(item, CsvLineError):
            assert item.error in {
                "csv_not_utf8",
                "csv_field_too_large",
                "csv_malformed",
            }


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=5, max_size=5), max_size=6))
def test_export_round_trips_as_text(rows: list[list[str]]) -> None:
    """Every exported cell reads back as the text, formulas behind a quote."""
    back = list(csv.reader(io.StringIO(write_csv(rows), newline="")))
    assert back[1:] == [[neutralise_cell(cell) for cell in row] for row in rows]
