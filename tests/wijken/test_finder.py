"""Find your wijk by postcode or street (on the demo content), and the street suggestions."""

import pytest

pytestmark = pytest.mark.django_db

# Every postcode of the city of Ghent and the wijken that use it.
GHENT_POSTCODES = {
    "9000": ["Binnenstad", "Rabot-Blaisantvest", "Muide-Meulestede-Afrikalaan", "Dampoort"],
    "9030": ["Mariakerke"],
    "9031": ["Drongen"],
    "9032": ["Wondelgem"],
    "9040": ["Sint-Amandsberg", "Dampoort"],
    "9041": ["Oostakker"],
    "9042": ["Kanaaldorpen en -zone"],
    "9050": ["Ledeberg", "Gentbrugge", "Oud Gentbrugge", "Moscou-Vogelhoek"],
    "9051": ["Sint-Denijs-Westrem-Afsnee"],
    "9052": ["Zwijnaarde"],
}


@pytest.mark.parametrize("postcode", sorted(GHENT_POSTCODES))
def test_every_ghent_postcode_returns_its_wijken(client, demo, postcode):
    response = client.get("/nl/wijken/", {"postcode": postcode})
    assert response.status_code == 200
    names = {page.wijk.name for _zone, pages in response.context["zones"] for page in pages}
    assert set(GHENT_POSTCODES[postcode]) <= names, names


def test_several_matches_name_their_parts(client, demo):
    html = client.get("/nl/wijken/", {"postcode": "9000"}).content.decode()
    assert "Kies jouw wijk" in html
    assert "Muide, Meulestede, Afrikalaan" in html
    assert "Sluizeken, Tolhuis, Ham" in html


def test_a_demo_street_returns_its_wijk(client, demo):
    response = client.get("/nl/wijken/", {"straat": "gasmeterlaan"})
    assert response.status_code == 200
    streets = response.context["finder"].streets
    assert [page.wijk.slug for _street, page in streets] == ["rabot-blaisantvest"]
    assert 'href="/nl/wijken/rabot-blaisantvest/"' in response.content.decode()


def test_a_street_in_two_wijken_lets_the_user_pick(client, demo):
    response = client.get("/ar/wijken/", {"straat": "Brusselsesteenweg"})
    assert response.status_code == 200
    slugs = {page.wijk.slug for _street, page in response.context["finder"].streets}
    assert slugs == {"ledeberg", "gentbrugge"}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"postcode": "90"}, "vier cijfers"),
        ({"postcode": "abcd"}, "vier cijfers"),
        ({"postcode": "1000"}, "ligt niet in Gent"),
        ({"straat": "x"}, "minstens twee letters"),
        ({"straat": "bad\x00name"}, "vreemde tekens"),
        ({"straat": "a" * 5000}, "vreemde tekens"),
        ({"straat": "Nergensstraat"}, "geen straat"),
    ],
)
def test_bad_input_is_a_clear_400(client, demo, params, message):
    response = client.get("/nl/wijken/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_street_suggestions(client, demo):
    response = client.get("/nl/wijkinfo/straten/", {"q": "bev"})
    assert response.json() == {"streets": ["Bevrijdingslaan"]}
    assert client.get("/nl/wijkinfo/straten/", {"q": "\x00"}).json() == {"streets": []}
