"""The city-wide list of wijkbudget projects with its GET filters."""

import pytest

pytestmark = pytest.mark.django_db


def test_projects_filter_by_wijk_and_status(client, demo):
    everything = client.get("/nl/wijkinfo/projecten/").context["projects"]
    assert len(everything) >= 7
    ledeberg = client.get("/nl/wijkinfo/projecten/", {"wijk": "ledeberg"}).context["projects"]
    assert ledeberg and {p.wijk.slug for p in ledeberg} == {"ledeberg"}
    done = client.get("/ar/wijkinfo/projecten/", {"status": "gerealiseerd"}).context["projects"]
    assert done and {p.status for p in done} == {"gerealiseerd"}


@pytest.mark.parametrize("params", [{"wijk": "nergens"}, {"status": "<script>"}])
def test_unknown_filters_are_400(client, demo, params):
    response = client.get("/nl/wijkinfo/projecten/", params)
    assert response.status_code == 400
    assert "<script>" not in response.content.decode()


def test_demo_has_full_wijken_and_a_contact_everywhere(demo):
    from home.models import WijkPage
    from wijken.models import Place, Street, WijkContact, WijkFigure, WijkProject

    pages = WijkPage.objects.filter(locale__language_code="nl")
    assert pages.count() == 25
    assert all(WijkContact.objects.filter(page=page).exists() for page in pages)
    assert len({page.intro for page in pages}) == 25
    full = {"ledeberg", "rabot-blaisantvest", "brugse-poort-rooigem", "muide-meulestede-afrikalaan"}
    for model, lookup in [
        (Place, "page__wijk__slug"),
        (WijkFigure, "wijk__slug"),
        (WijkProject, "wijk__slug"),
        (Street, "wijk__slug"),
    ]:
        assert set(model.objects.values_list(lookup, flat=True)) >= full, model
