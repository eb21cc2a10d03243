"""The wijk figures CSV import: the command and the admin upload share one importer."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from tests.factories import WijkFactory
from tests.factories.wijken import WijkFigureFactory
from wijken.models import WijkFigure

pytestmark = pytest.mark.django_db

HEADER = "wijk,indicator,waarde,eenheid,stadsgemiddelde,bron,peildatum\n"


@pytest.fixture
def wijk():
    return WijkFactory(slug="ledeberg", name="Ledeberg")


def run(tmp_path, content: bytes):
    path = tmp_path / "cijfers.csv"
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wijk_figures", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_file_updates_and_adds_figures(tmp_path, wijk):
    WijkFigureFactory(wijk=wijk, kind="inwoners", value=1)
    content = HEADER + (
        "ledeberg,inwoners,10150,,10600,Stad Gent,2025-01-01\n"
        'ledeberg,jonger-dan-18,"22,4",%,19.8,Stad Gent,2025-01-01\n'
    )
    out, err = run(tmp_path, content.encode("utf-8-sig"))
    assert "1 figures created, 1 updated, 0 rows failed" in out
    assert "Row " not in err and "2/2 rows read" in err
    assert str(WijkFigure.objects.get(kind="inwoners").value) == "10150.00"
    assert str(WijkFigure.objects.get(kind="jonger-dan-18").value) == "22.40"


def test_bad_rows_are_reported_and_good_rows_imported(tmp_path, wijk):
    content = HEADER + (
        "ledeberg,inwoners,10150,,10600,Stad Gent,2025-01-01\n"
        "nergens,inwoners,1,,1,Stad Gent,2025-01-01\n"
        "ledeberg,onbekend,1,,1,Stad Gent,2025-01-01\n"
        "ledeberg,ouder-dan-65,veel,%,16,Stad Gent,2025-01-01\n"
        "ledeberg,werkzoekenden,9,%,7,Stad Gent,01/01/2025\n"
        "ledeberg,groen-per-inwoner,6,m²,18,,2025-01-01\n"
        "ledeberg,tevreden-over-buurt,71\n"
    )
    out, err = run(tmp_path, content.encode())
    assert "1 figures created, 0 updated, 6 rows failed" in out
    for line, reason in [
        (3, "Onbekende wijk"),
        (4, "Onbekende indicator"),
        (5, "geen getal"),
        (6, "peildatum"),
        (7, "bron ontbreekt"),
        (8, "3 velden"),
    ]:
        assert f"Row {line}: " in err and reason in err, (line, err)
    assert list(WijkFigure.objects.values_list("kind", flat=True)) == ["inwoners"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen CSV-bestand"),
        (b"naam;waarde\nledeberg;1\n", "kolommen kloppen niet"),
        ((HEADER + "ledeberg,inwoners,1,,1,Café Brûlé,2025-01-01\n").encode("latin-1"), "UTF-8"),
        (b"", "leeg"),
    ],
)
def test_refused_files_change_nothing(tmp_path, wijk, content, message):
    WijkFigureFactory(wijk=wijk, kind="inwoners", value=5)
    with pytest.raises(CommandError, match=message):
        run(tmp_path, content)
    assert [str(f.value) for f in WijkFigure.objects.all()] == ["5.00"]


def test_admin_upload_reports_rows(admin_client, wijk):
    content = HEADER + (
        "ledeberg,inwoners,10150,,10600,Stad Gent,2025-01-01\nnergens,inwoners,1,,1,X,2025-01-01\n"
    )
    upload = SimpleUploadedFile("cijfers.csv", content.encode(), content_type="text/csv")
    response = admin_client.post("/admin/wijken/cijfers/importeren/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 cijfers toegevoegd, 0 bijgewerkt, 1 rijen mislukt" in html
    assert "Onbekende wijk" in html
    assert WijkFigure.objects.count() == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("cijfers.xlsx", b"PK\x03\x04", "Kies een CSV-bestand"),
        ("cijfers.csv", b"a,b\n1,2\n", "kolommen kloppen niet"),
        ("cijfers.csv", (HEADER + "x,y,1,,1,Brûlé,2025-01-01\n").encode("cp1252"), "UTF-8"),
    ],
)
def test_admin_upload_refuses_bad_files(admin_client, wijk, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = admin_client.post("/admin/wijken/cijfers/importeren/", {"file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not WijkFigure.objects.exists()


def test_admin_upload_needs_the_permission(client, django_user_model, wijk):
    user = django_user_model.objects.create_user("lezer", password="x")
    client.force_login(user)
    response = client.get("/admin/wijken/cijfers/importeren/")
    assert response.status_code in (302, 403)


def test_large_file_reports_progress(tmp_path):
    for n in range(3):
        WijkFactory(slug=f"groot-{n}")
    rows = "".join(
        f"groot-{n % 3},inwoners,{n},,1,Bron,2025-01-01\n" if n < 3 else f"nergens,x,{n},,,,\n"
        for n in range(1200)
    )
    out, err = run(tmp_path, (HEADER + rows).encode())
    assert "500/1200 rows read" in err and "1000/1200 rows read" in err
    assert "3 figures created, 0 updated, 1197 rows failed" in out
