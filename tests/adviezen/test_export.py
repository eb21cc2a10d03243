"""The CSV export of the public register, opened back with Python's csv module."""

import csv
import io

import pytest

from adviezen.register import safe_cell
from tests.factories.adviezen import AdvicePageFactory, days

pytestmark = pytest.mark.django_db

HEADER = [
    "Adviesraad",
    "Titel",
    "Soort",
    "Gevraagd door",
    "Vraag ontvangen op",
    "Advies gevraagd tegen",
    "Advies gegeven op",
    "Antwoord verwacht tegen",
    "Antwoord op",
    "Antwoord van",
    "Wat deed de stad?",
    "Dagen tot antwoord",
    "Binnen de termijn",
    "Status",
    "Thema's",
    "Wijken",
    "Webadres",
]


def read(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.fixture
def advice(council_a, council_b, terms):
    return [
        AdvicePageFactory(
            parent=council_a,
            title='=HYPERLINK("http://evil.example","klik")',
            requested_by="+SUM(1;2)",
            requested_on=days(-50),
            advice_deadline=days(-30),
            delivered_on=days(-31),
            response_due=days(-1),
            response_on=days(-11),
            response_by="@Schepen",
            outcome="overgenomen",
            themes=[terms["wonen"]],
            wijken=[terms["ledeberg"]],
        ),
        AdvicePageFactory(
            parent=council_b,
            title="Speelpleinen – één voor élke wijk",
            requested_by="  -2+3",
            delivered_on=days(-100),
            response_due=days(-40),
        ),
    ]


def test_export_has_the_right_columns_and_values(client, advice):
    response = client.get("/nl/adviesraden/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="adviezen-')
    header, *rows = read(response)
    assert header == HEADER
    assert len(rows) == 2
    by_council = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    followed = by_council["Woonraad"]
    assert followed["Vraag ontvangen op"] == days(-50).isoformat()
    assert followed["Advies gegeven op"] == days(-31).isoformat()
    assert followed["Antwoord op"] == days(-11).isoformat()
    assert followed["Dagen tot antwoord"] == "20"
    assert followed["Binnen de termijn"] == "ja"
    assert followed["Wat deed de stad?"] == "Overgenomen"
    assert followed["Status"] == "Beantwoord"
    assert (followed["Thema's"], followed["Wijken"]) == ("Wonen", "Ledeberg")
    assert followed["Webadres"].startswith("http://testserver/nl/adviesraden/woonraad/")
    late = by_council["Jeugdraad"]
    assert late["Status"] == "Antwoord te laat" and late["Antwoord op"] == ""
    assert late["Titel"] == "Speelpleinen – één voor élke wijk", "accents survive the round trip"


def test_no_cell_can_run_as_a_formula(client, advice):
    header, *rows = read(client.get("/nl/adviesraden/export/"))
    cells = [cell for row in [header, *rows] for cell in row]
    dangerous = [cell for cell in cells if cell.lstrip(" ").startswith(("=", "+", "-", "@"))]
    assert dangerous == []
    titles = {row[1] for row in rows}
    assert '\'=HYPERLINK("http://evil.example","klik")' in titles
    requested_by = {row[3] for row in rows}
    assert requested_by == {"'+SUM(1;2)", "'  -2+3"}
    assert "'@Schepen" in {row[9] for row in rows}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31", "'+31"),
        ("-5", "'-5"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\r=1", "'\r=1"),
        ("Woonraad", "Woonraad"),
        ("", ""),
        (None, ""),
        (12, "12"),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_the_export_follows_the_filters(client, advice):
    _header, *rows = read(client.get("/nl/adviesraden/export/?status=te-laat"))
    assert [row[0] for row in rows] == ["Jeugdraad"]
    response = client.get("/nl/adviesraden/export/?status=onzin")
    assert response.status_code == 400
    assert "We kennen deze status niet" in response.content.decode()
