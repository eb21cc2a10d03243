"""Who may do what with advice: a negative matrix (council A against council B's advice), the
city's response only by the Stadsbestuur (enforced on save, not only hidden), and what an
anonymous visitor sees."""

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from adviezen.models import AdvicePage, AdviceStep
from site_app.timeline import Status
from tests.factories.adviezen import AdvicePageFactory, days

pytestmark = pytest.mark.django_db


@pytest.fixture
def advice_a(council_a):
    return AdvicePageFactory(
        parent=council_a,
        title="Advies van de Woonraad",
        slug="advies-a",
        requested_on=days(-40),
        delivered_on=days(-20),
    )


@pytest.fixture
def advice_b(council_b):
    advice = AdvicePageFactory(
        parent=council_b,
        title="Advies van de Jeugdraad",
        slug="advies-b",
        requested_on=days(-40),
        delivered_on=days(-20),
    )
    advice.title = "Advies van de Jeugdraad (concept)"
    advice.save_revision()
    return advice


def form_data(page, **changes):
    """What the edit form posts for ``page``, with ``changes`` (dates as ISO strings)."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "requested_by": page.requested_by,
        "requested_on": page.requested_on.isoformat() if page.requested_on else "",
        "advice_deadline": "",
        "subject": page.subject,
        "procedure": "",
        "concerns_url": "",
        "preparation_started_on": "",
        "delivered_on": page.delivered_on.isoformat() if page.delivered_on else "",
        "response_due": "",
        "advice_summary": page.advice_summary,
        "body": streamfield([("paragraph", rich_text("<p>Het advies.</p>"))]),
        "listing_title": "",
        "listing_summary": "",
        "seo_title": "",
        "search_description": "",
        **changes,
    }
    return nested_form_data(values)


RESPONSE = {
    "response_on": days(-5).isoformat(),
    "response_by": "Het college",
    "outcome": Status.FOLLOWED.value,
    "outcome_reason": "",
    "decision_due": "",
    "response_summary": "We doen wat de raad vraagt.",
    "response": rich_text("<p>We volgen het advies.</p>"),
}


def publish_as(client, user, page, **changes):
    client.force_login(user)
    data = form_data(page, **changes)
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def answer_steps(page):
    return AdviceStep.objects.filter(
        advice__translation_key=page.translation_key,
        status__in=[value for value, _label in Status.choices if value != "gegeven"],
    ).exclude(status=Status.REQUESTED)


# --- The negative matrix ----------------------------------------------------------------------


def _views_on(advice, council_b, advice_a):
    revision = advice.get_latest_revision()
    pk = advice.pk
    return {
        "edit": ("get", reverse("wagtailadmin_pages:edit", args=[pk])),
        "edit (post)": ("post", reverse("wagtailadmin_pages:edit", args=[pk])),
        "preview": ("get", reverse("wagtailadmin_pages:preview_on_edit", args=[pk])),
        "preview (post)": ("post", reverse("wagtailadmin_pages:preview_on_edit", args=[pk])),
        "view draft": ("get", reverse("wagtailadmin_pages:view_draft", args=[pk])),
        "history": ("get", reverse("wagtailadmin_pages:history", args=[pk])),
        "revisions": ("get", reverse("wagtailadmin_pages:revisions_index", args=[pk])),
        "revision": ("get", reverse("wagtailadmin_pages:revisions_view", args=[pk, revision.pk])),
        "revert": ("get", reverse("wagtailadmin_pages:revisions_revert", args=[pk, revision.pk])),
        "compare": (
            "get",
            reverse("wagtailadmin_pages:revisions_compare", args=[pk, "live", revision.pk]),
        ),
        "copy": ("get", reverse("wagtailadmin_pages:copy", args=[pk])),
        "copy (post)": ("post", reverse("wagtailadmin_pages:copy", args=[pk])),
        "move": ("get", reverse("wagtailadmin_pages:move", args=[pk])),
        "move (post)": (
            "post",
            reverse("wagtailadmin_pages:move_confirm", args=[pk, advice_a.get_parent().pk]),
        ),
        "unpublish": ("get", reverse("wagtailadmin_pages:unpublish", args=[pk])),
        "unpublish (post)": ("post", reverse("wagtailadmin_pages:unpublish", args=[pk])),
        "delete": ("get", reverse("wagtailadmin_pages:delete", args=[pk])),
        "delete (post)": ("post", reverse("wagtailadmin_pages:delete", args=[pk])),
        "lock": ("post", reverse("wagtailadmin_pages:lock", args=[pk])),
        "add under council B": (
            "get",
            reverse("wagtailadmin_pages:add", args=["adviezen", "advicepage", council_b.pk]),
        ),
        "edit council B": ("get", reverse("wagtailadmin_pages:edit", args=[council_b.pk])),
        "move own advice to B": (
            "post",
            reverse("wagtailadmin_pages:move_confirm", args=[advice_a.pk, council_b.pk]),
        ),
    }


def refused(response) -> bool:
    """Wagtail's refusal: 403/404 for scripts (XHR); for a person's browser the same refusal
    is a redirect to the dashboard with a "no permission" error message."""
    if response.status_code in (403, 404):
        return True
    errors = [m for m in get_messages(response.wsgi_request) if m.level == message_levels.ERROR]
    return response.status_code == 302 and response["Location"] == "/admin/" and bool(errors)


@pytest.mark.parametrize("as_script", [True, False], ids=["xhr-403", "browser"])
def test_a_council_member_cannot_touch_another_councils_advice(
    client, member_a, advice_a, advice_b, council_b, as_script
):
    client.force_login(member_a)
    before = AdvicePage.objects.get(pk=advice_b.pk)
    headers = {"X-Requested-With": "XMLHttpRequest"} if as_script else {}
    answers = {}
    for name, (method, url) in _views_on(advice_b, council_b, advice_a).items():
        data = form_data(advice_b, title="Overgenomen door A") if "edit" in name else {}
        response = getattr(client, method)(url, data, headers=headers)
        if response.status_code == 302 and response["Location"] != "/admin/":
            # Wagtail 8 sends the revisions list to the history view: follow it there.
            response = client.get(response["Location"], headers=headers)
        answers[name] = response.status_code
        assert refused(response), (name, response.status_code)
    if as_script:
        assert set(answers.values()) <= {403, 404}, answers
    after = AdvicePage.objects.get(pk=advice_b.pk)
    assert (after.title, after.live, after.path) == (before.title, True, before.path)
    assert after.get_latest_revision().content["title"] == "Advies van de Jeugdraad (concept)"
    assert not AdvicePage.objects.filter(title="Overgenomen door A").exists()
    assert AdvicePage.objects.get(pk=advice_a.pk).get_parent().pk == advice_a.get_parent().pk


def test_the_same_views_are_open_to_the_member_on_their_own_advice(
    client, member_a, advice_a, council_a
):
    """The control for the matrix: the refusals above are about council B, not about access."""
    client.force_login(member_a)
    revision = advice_a.get_latest_revision()
    for name in ("edit", "history", "revisions", "revision", "copy", "unpublish", "delete"):
        url = {
            "edit": reverse("wagtailadmin_pages:edit", args=[advice_a.pk]),
            "history": reverse("wagtailadmin_pages:history", args=[advice_a.pk]),
            "revisions": reverse("wagtailadmin_pages:revisions_index", args=[advice_a.pk]),
            "revision": reverse(
                "wagtailadmin_pages:revisions_view", args=[advice_a.pk, revision.pk]
            ),
            "copy": reverse("wagtailadmin_pages:copy", args=[advice_a.pk]),
            "unpublish": reverse("wagtailadmin_pages:unpublish", args=[advice_a.pk]),
            "delete": reverse("wagtailadmin_pages:delete", args=[advice_a.pk]),
        }[name]
        response = client.get(url, follow=True)
        assert response.status_code == 200, name
        assert all(target != "/admin/" for target, _status in response.redirect_chain), name
    add = reverse("wagtailadmin_pages:add", args=["adviezen", "advicepage", council_a.pk])
    assert client.get(add).status_code == 200


def test_a_council_member_cannot_write_the_citys_response_by_posting_it(client, member_a, advice_a):
    client.force_login(member_a)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[advice_a.pk])).content.decode()
    assert 'name="outcome"' not in html and 'name="response_summary"' not in html
    response = publish_as(client, member_a, advice_a, **RESPONSE)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AdvicePage.objects.get(pk=advice_a.pk)
    assert page.live and not page.has_unpublished_changes
    assert (page.outcome, page.response_on, page.response_summary, page.response) == (
        "",
        None,
        "",
        "",
    )
    assert not answer_steps(page).exists()


def test_the_stadsbestuur_writes_the_response_and_it_is_in_the_audit_log(
    client, city_member, advice_a
):
    client.force_login(city_member)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[advice_a.pk])).content.decode()
    assert 'name="outcome"' in html
    response = publish_as(client, city_member, advice_a, **RESPONSE)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AdvicePage.objects.get(pk=advice_a.pk)
    assert page.outcome == Status.FOLLOWED and page.response_summary
    (step,) = answer_steps(page)
    assert (step.status, step.date, step.actor) == (Status.FOLLOWED, days(-5), "Het college")
    assert step.recorded_by == city_member
    logged = PageLogEntry.objects.filter(page=page, action="adviezen.status")
    assert logged.filter(data__status=Status.FOLLOWED).exists()
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Stap op de tijdlijn: Overgenomen" in history.content.decode()


def test_reverting_to_an_older_revision_does_not_remove_the_response(
    client, member_a, city_member, advice_a
):
    old_revision = advice_a.get_latest_revision()
    publish_as(client, city_member, advice_a, **RESPONSE)
    client.force_login(member_a)
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[advice_a.pk, old_revision.pk])
    assert client.get(revert).status_code == 200
    data = form_data(AdvicePage.objects.get(pk=advice_a.pk), **dict.fromkeys(RESPONSE, ""))
    data["action-publish"] = "action-publish"
    response = client.post(revert, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AdvicePage.objects.get(pk=advice_a.pk).get_latest_revision().pk != old_revision.pk
    page = AdvicePage.objects.get(pk=advice_a.pk)
    assert page.outcome == Status.FOLLOWED
    assert page.response_summary == "We doen wat de raad vraagt."
    assert answer_steps(page).count() == 1


def test_a_copy_made_by_a_council_member_has_no_response(client, member_a, city_member, advice_a):
    publish_as(client, city_member, advice_a, **RESPONSE)
    client.force_login(member_a)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[advice_a.pk]),
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": str(advice_a.get_parent().pk),
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = AdvicePage.objects.get(slug="kopie")
    assert (copy.outcome, copy.response_on, copy.response_summary) == ("", None, "")
    assert not answer_steps(copy).exclude(advice=advice_a).exists()


def test_a_not_followed_outcome_needs_a_reason(client, city_member, advice_a):
    response = publish_as(
        client, city_member, advice_a, **{**RESPONSE, "outcome": Status.NOT_FOLLOWED.value}
    )
    assert response.status_code == 200
    assert "Leg uit waarom de stad het advies niet overneemt." in response.content.decode()
    assert AdvicePage.objects.get(pk=advice_a.pk).outcome == ""


def test_an_answer_cannot_come_before_the_advice(client, city_member, advice_a):
    response = publish_as(
        client, city_member, advice_a, **{**RESPONSE, "response_on": days(-30).isoformat()}
    )
    assert response.status_code == 200
    assert "Kijk de stappen en hun data na" in response.content.decode()
    assert not answer_steps(advice_a).exists()


# --- The public -------------------------------------------------------------------------------


def test_an_anonymous_visitor_sees_only_published_advice(client, council_a, advice_a):
    draft = AdvicePageFactory(parent=council_a, slug="nog-een-concept", publish=False)
    assert client.get(advice_a.url).status_code == 200
    assert client.get(f"{council_a.url}nog-een-concept/").status_code == 404
    register = client.get("/nl/adviesraden/").content.decode()
    assert advice_a.title in register and draft.title not in register
    advice_a.unpublish()
    assert client.get(f"{council_a.url}advies-a/").status_code == 404
    assert advice_a.title not in client.get("/nl/adviesraden/").content.decode()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    assert preview.status_code == 302 and "/admin/login/" in preview["Location"]
