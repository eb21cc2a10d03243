"""Citizens' proposals: the whole path, abuse protection, one support per person, moderation
rights, no personal data in public, purge. All on the demo content (real DB, templates, mail
through Django's test backend, the real task backend running immediately)."""

import logging
import re
import time
from datetime import timedelta

import feedparser
import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from gemeenteraad.models import AgendaItem, CitizenProposal, ProposalSupport
from gemeenteraad.proposals import forms as proposal_forms
from gemeenteraad.proposals.views import PROPOSAL_RATE_LIMIT
from site_app import personal_data
from site_app.groups import ensure_group
from site_app.timeline import Status

pytestmark = pytest.mark.django_db

FORM = "/nl/agendapunt-gemeenteraad/"
OVERVIEW = FORM + "voorstellen/"
NAME = "Zeynep Proefpersoon"
EMAIL = "zeynep.proef@voorbeeld.invalid"
LINK = re.compile(r"https?://\S+")


def stamp(form=proposal_forms.ProposalForm, seconds=60) -> str:
    return signing.dumps(time.time() - seconds, salt=form.timestamp_salt)


def proposal_data(**overrides) -> dict:
    data = {
        "name": NAME,
        "email": EMAIL,
        "phone": "",
        "postcode": "9000",
        "is_16_or_older": "on",
        "title": "Drinkwaterfonteinen op elk plein",
        "question": "Kan er op elk plein in Gent een drinkwaterfontein komen?",
        "reasons": "In de zomer is het heet en niet iedereen kan water kopen.",
        "decision_asked": "De gemeenteraad vraagt de stad om twintig fonteinen te plaatsen.",
        "themes": ["milieu-en-klimaat"],
        "wijken": ["ledeberg"],
        "wants_chair_advice": "nee",
        "consent": "on",
        "action": "indienen",
        "website": "",
        "rendered_at": stamp(),
    }
    data.update(overrides)
    return data


def support_data(**overrides) -> dict:
    data = {
        "family_name": "Van den Proef",
        "given_names": "Amélie Jeanne",
        "birth_date": "17-03-1984",
        "postcode": "9040",
        "email": "amelie.proef@voorbeeld.invalid",
        "consent": "on",
        "website": "",
        "rendered_at": stamp(proposal_forms.SupportForm),
    }
    data.update(overrides)
    return data


def links(message) -> list[str]:
    return LINK.findall(message.body)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def moderator(django_user_model):
    from gemeenteraad.proposals.demo import MODERATOR_PERMISSIONS

    group = ensure_group("Moderatoren", permissions=MODERATOR_PERMISSIONS)
    user = django_user_model.objects.create_user("mod-test", password="x")
    user.groups.add(group)
    return user


def step(client, proposal, status, **fields):
    data = {"status": status, "date": timezone.localdate().isoformat(), "note": "", "actor": ""}
    data.update(fields)
    return client.post(reverse("citizen_proposals:step", args=[proposal.pk]), data)


def test_the_form_page_replaces_the_placeholder_in_the_menu(demo, client):
    from gemeenteraad.models import ProposalFormPage
    from home.models import ContentPage

    page = ProposalFormPage.objects.get(locale__language_code="nl")
    assert page.show_in_menus and page.live
    assert not ContentPage.objects.filter(slug__startswith="agendapunt-gemeenteraad").exists()
    for code in ("nl", "en", "ar"):
        assert client.get(f"/{code}/agendapunt-gemeenteraad/").status_code == 200
    statuses = set(CitizenProposal.objects.values_list("status", flat=True))
    assert {s.value for s in Status if s in page_flow_statuses()} <= statuses
    big = [p for p in CitizenProposal.objects.all() if p.supports.count() > 1000]
    assert big, "one demo proposal has more than 1,000 online supports"


def page_flow_statuses():
    from gemeenteraad.models import ProposalStep

    return ProposalStep.flow.statuses


def test_a_proposal_goes_the_whole_path(demo, client, moderator):
    mail.outbox.clear()
    response = client.post("/ar/agendapunt-gemeenteraad/", proposal_data())
    assert response.status_code == 302
    proposal = CitizenProposal.objects.get(email=EMAIL)
    assert proposal.language == "ar" and proposal.status == ""
    assert client.get(OVERVIEW).content.decode().count(proposal.title) == 0
    # The confirmation mail (Arabic) holds the confirmation link and the private link.
    (message,) = mail.outbox
    assert "\n" not in message.subject
    confirm, private = (path_of(url) for url in links(message))
    assert client.get(confirm).status_code == 200  # a button, nothing confirmed yet
    assert not CitizenProposal.objects.get(pk=proposal.pk).is_confirmed
    response = client.post(confirm)
    assert response.status_code == 302 and path_of(response["Location"]) == private
    proposal.refresh_from_db()
    assert proposal.is_confirmed and proposal.status == Status.SUBMITTED
    assert (
        "تم التقديم" in client.get(private).content.decode()
        or "Ingediend" in client.get(private.replace("/ar/", "/nl/")).content.decode()
    )

    client.force_login(moderator)
    assert step(client, proposal, Status.COLLECTING_SUPPORT).status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_public and proposal.support_deadline
    assert len(mail.outbox) == 2 and private in mail.outbox[1].body
    client.logout()

    public = OVERVIEW + f"{proposal.pk}/"
    page = client.get(public).content.decode()
    assert proposal.title in page and NAME not in page and EMAIL not in page
    assert client.post(public, support_data()).status_code == 302
    support = ProposalSupport.objects.get(proposal=proposal)
    assert proposal.support_total() == 0  # not confirmed yet
    support_mail = mail.outbox[-1]
    assert client.post(path_of(links(support_mail)[0])).status_code == 200
    assert proposal.support_total() == 1
    support.refresh_from_db()
    assert support.is_confirmed

    client.force_login(moderator)
    assert step(client, proposal, Status.ADMISSIBLE).status_code == 302
    commission = AgendaItem.objects.filter(
        locale__language_code="nl", meeting__body__kind="commissie"
    ).first()
    council = AgendaItem.objects.filter(
        locale__language_code="nl", meeting__body__kind="gemeenteraad"
    ).first()
    assert step(client, proposal, Status.SCHEDULED, agenda_item=commission.pk).status_code == 302
    assert step(client, proposal, Status.SCHEDULED, agenda_item=council.pk).status_code == 302
    assert step(client, proposal, Status.DISCUSSED).status_code == 302
    assert step(client, proposal, Status.DECIDED, note="Goedgekeurd.").status_code == 302
    client.logout()
    proposal.refresh_from_db()
    assert proposal.status == Status.DECIDED and proposal.closed_at
    page = client.get(public).content.decode()
    for label in ("Ingediend", "Steun verzamelen", "Ontvankelijk", "Op de agenda", "Besproken"):
        assert label in page
    assert commission.meeting.title in page and council.meeting.title in page
    assert "Goedgekeurd." in page
    # One mail per step, to the initiator, in Arabic; audit log entries for every step.
    initiator_mails = [m for m in mail.outbox if m.to == [EMAIL]]
    assert len(initiator_mails) == 1 + 6
    from wagtail.models import ModelLogEntry

    logged = ModelLogEntry.objects.filter(
        object_id=str(proposal.pk), action="gemeenteraad.proposal_step"
    )
    assert logged.count() == 7
    assert all(NAME not in str(entry.data) for entry in logged)


def test_not_admissible_needs_a_reason(demo, client, moderator):
    proposal = CitizenProposal.objects.get(submission_key="demo-fietsenstalling")
    client.force_login(moderator)
    response = step(client, proposal, Status.NOT_ADMISSIBLE)
    assert response.status_code == 400
    assert "waarom" in response.content.decode()
    assert CitizenProposal.objects.get(pk=proposal.pk).status == Status.COLLECTING_SUPPORT
    assert step(client, proposal, Status.NOT_ADMISSIBLE, note="Te weinig steun.").status_code == 302


def test_only_moderators_see_proposals_and_supports(demo, client, moderator, django_user_model):
    group = ensure_group("Communicatie")
    communication = django_user_model.objects.create_user("comm-test", password="x")
    communication.groups.add(group)
    proposal = CitizenProposal.objects.get(submission_key="demo-bankjes")
    urls = [
        reverse("citizen_proposals:index"),
        reverse("citizen_proposals:edit", args=[proposal.pk]),
        reverse("citizen_proposals:step", args=[proposal.pk]),
        reverse("proposal_supports:index"),
        reverse("personal_data:export", args=["gemeenteraad.citizenproposal", proposal.pk]),
    ]
    client.force_login(communication)
    for url in urls:
        assert client.get(url).status_code == 403, url
    client.force_login(moderator)
    assert proposal.name in client.get(urls[1]).content.decode()
    for url in urls:
        assert client.get(url).status_code == 200, url
    index = client.get(urls[0], {"status": "ingediend", "q": "bankjes"}).content.decode()
    assert proposal.title in index


def test_bots_and_over_the_limit_store_and_send_nothing(demo, client):
    mail.outbox.clear()
    before = CitizenProposal.objects.count()
    assert client.post(FORM, proposal_data(website="http://spam.example")).status_code == 400
    assert client.post(FORM, proposal_data(rendered_at=stamp(seconds=1))).status_code == 400
    assert client.post(FORM, proposal_data(rendered_at="kapot")).status_code == 400
    assert CitizenProposal.objects.count() == before and not mail.outbox
    # Five invalid attempts, then a valid one: it goes through.
    for _ in range(5):
        assert client.post(FORM, proposal_data(postcode="1000")).status_code == 400
    assert client.post(FORM, proposal_data()).status_code == 302
    for number in range(PROPOSAL_RATE_LIMIT.limit - 1):
        response = client.post(FORM, proposal_data(title=f"Voorstel {number}"))
        assert response.status_code == 302
    stored = CitizenProposal.objects.count()
    sent = len(mail.outbox)
    text = "Een lange tekst die de indiener niet wil verliezen."
    response = client.post(FORM, proposal_data(question=text))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert text in response.content.decode()
    assert CitizenProposal.objects.count() == stored and len(mail.outbox) == sent


def test_a_draft_is_saved_and_finished_through_the_private_link(demo, client):
    mail.outbox.clear()
    data = proposal_data(action="opslaan", question="", reasons="", decision_asked="")
    data.pop("wants_chair_advice")
    assert client.post(FORM, data).status_code == 302
    proposal = CitizenProposal.objects.get(email=EMAIL)
    assert proposal.is_draft
    confirm, private = (path_of(url) for url in links(mail.outbox[0]))
    client.post(confirm)
    assert CitizenProposal.objects.get(pk=proposal.pk).status == ""  # a draft is not submitted
    page = client.get(private).content.decode()
    assert proposal.title in page
    finished = proposal_data(rendered_at=stamp(proposal_forms.ProposalTextForm))
    response = client.post(private, finished)
    assert response.status_code == 200, response.content.decode()[:2000]
    proposal.refresh_from_db()
    assert not proposal.is_draft and proposal.status == Status.SUBMITTED
    assert proposal.question.startswith("Kan er op elk plein")


def test_initiator_withdraws_downloads_and_asks_for_erasure(demo, client):
    proposal = CitizenProposal.objects.get(submission_key="demo-fietsenstalling")
    private = FORM + f"mijn-voorstel/{proposal.private_token}/"
    export = client.get(private + "gegevens/")
    assert export.status_code == 200 and proposal.email in export.content.decode()
    assert client.post(private, {"action": "wissen"}).status_code == 200
    assert client.post(private, {"action": "intrekken"}).status_code == 200
    proposal.refresh_from_db()
    assert proposal.erasure_requested_at and proposal.status == Status.WITHDRAWN
    assert client.get(FORM + "mijn-voorstel/" + "x" * 43 + "/").status_code == 404


def test_one_support_per_person_counted_after_confirmation(demo, client):
    proposal = CitizenProposal.objects.get(submission_key="demo-fietsenstalling")
    public = OVERVIEW + f"{proposal.pk}/"
    before = proposal.support_total()
    assert client.post(public, support_data()).status_code == 302
    # The same person, written differently: no second row.
    again = support_data(
        family_name="van den proef", given_names="Amelie-Jeanne", email="ander@voorbeeld.invalid"
    )
    assert client.post(public, again).status_code == 302
    assert (
        ProposalSupport.objects.filter(
            proposal=proposal, email="amelie.proef@voorbeeld.invalid"
        ).count()
        == 1
    )
    assert not ProposalSupport.objects.filter(email="ander@voorbeeld.invalid").exists()
    assert proposal.support_total() == before
    # Too young, born in the future, outside Ghent: clear errors, nothing stored.
    count = ProposalSupport.objects.count()
    young = (timezone.localdate() - timedelta(days=365 * 15)).strftime("%d-%m-%Y")
    for bad, message in (
        ({"birth_date": young}, "16 jaar"),
        ({"birth_date": "01-01-2999"}, "toekomst"),
        ({"postcode": "1000"}, "Gent"),
        ({"birth_date": "31-02-1990"}, "dag-maand-jaar"),
    ):
        response = client.post(public, support_data(family_name="Nieuw", **bad))
        assert response.status_code == 400 and message in response.content.decode()
    assert ProposalSupport.objects.count() == count


def test_a_closed_proposal_takes_no_support(demo, client):
    proposal = CitizenProposal.objects.get(submission_key="demo-bibliotheek")
    response = client.post(OVERVIEW + f"{proposal.pk}/", support_data())
    assert response.status_code == 409
    assert not ProposalSupport.objects.filter(email="amelie.proef@voorbeeld.invalid").exists()


def demo_secrets():
    values = set()
    for proposal in CitizenProposal.objects.all():
        values |= {proposal.name, proposal.email}
    for support in ProposalSupport.objects.all()[:50]:
        values |= {support.email, f"{support.family_name}"}
    return {value for value in values if value}


def test_no_personal_data_in_public_pages_feeds_sitemap_search_or_logs(demo, client, caplog):
    caplog.set_level(logging.DEBUG)
    secrets = demo_secrets()
    assert len(secrets) > 20
    proposals = CitizenProposal.objects.public()
    urls = [FORM, OVERVIEW, "/ar" + OVERVIEW[3:], "/sitemap.xml", "/nl/feeds/alles/rss.xml"]
    urls += [OVERVIEW + f"{p.pk}/" for p in proposals]
    for secret in sorted(secrets)[:6]:
        # The search page repeats the query (and may correct it into other words); what
        # matters is that no result shows it.
        found = client.get("/nl/zoeken/", {"q": secret}).content.decode()
        results = found.split('<ol class="search-results"', 1)[1:]
        shown = re.sub(r"</?mark>", "", results[0].split("</ol>", 1)[0]) if results else ""
        assert secret not in shown, secret
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        leaked = [secret for secret in secrets if secret in body]
        assert not leaked, (url, leaked[:3])
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "voorstellen/" in sitemap and "mijn-voorstel" not in sitemap
    feed = feedparser.parse(client.get("/nl/feeds/alles/rss.xml").content)
    assert not feed.bozo
    # A support and a proposal sent now: their data is not logged either.
    proposal = CitizenProposal.objects.get(submission_key="demo-fietsenstalling")
    client.post(OVERVIEW + f"{proposal.pk}/", support_data())
    client.post(FORM, proposal_data())
    client.post(FORM, proposal_data(postcode="1000"))
    for secret in [*secrets, NAME, EMAIL, "Van den Proef", "amelie.proef@voorbeeld.invalid"]:
        assert secret not in caplog.text


def test_purge_erases_closed_proposals_and_their_supports_and_keeps_the_text(demo, client):
    proposal = CitizenProposal.objects.get(submission_key="demo-bibliotheek")
    supporters = list(proposal.supports.values_list("email", flat=True))
    assert supporters
    CitizenProposal.objects.filter(pk=proposal.pk).update(
        closed_at=timezone.now() - timedelta(days=400), moderator_note="Belde met de indiener."
    )
    open_one = CitizenProposal.objects.get(submission_key="demo-fietsenstalling")
    counts = personal_data.purge_all()
    assert counts["gemeenteraad.CitizenProposal"]["erased"] == 1
    assert counts["gemeenteraad.ProposalSupport"]["erased"] == len(supporters)
    proposal.refresh_from_db()
    assert proposal.name == proposal.email == proposal.moderator_note == ""
    assert not proposal.supports.exclude(family_name="").exists()
    assert not proposal.supports.exclude(person_key=None).exists()
    assert proposal.supports.filter(birth_date__isnull=False).count() == 0
    page = client.get(OVERVIEW + f"{proposal.pk}/").content.decode()
    assert proposal.title in page
    open_one.refresh_from_db()
    assert open_one.name  # an open proposal keeps its data
    assert open_one.supports.exclude(family_name="").exists()


def test_the_overview_costs_the_same_queries_for_more_proposals(demo, client):
    from tests.query_counts import warm_queries

    before = warm_queries(client, OVERVIEW)
    template = CitizenProposal.objects.get(submission_key="demo-bibliotheek")
    for number in range(5):
        copy = CitizenProposal.objects.create(
            title=f"Extra voorstel {number}",
            question="Vraag",
            wants_chair_advice=False,
            confirmed_at=timezone.now(),
            published_at=timezone.now(),
            status=Status.COLLECTING_SUPPORT,
        )
        copy.themes.set(template.themes.all())
        for step_row in template.steps.all():
            copy.steps.create(
                status=step_row.status, date=step_row.date, agenda_item=step_row.agenda_item
            )
    assert CitizenProposal.objects.public().count() >= 12
    assert warm_queries(client, OVERVIEW) == before


def test_public_proposals_are_in_the_feeds_without_their_initiator(demo, client):
    public = CitizenProposal.objects.public().filter(language="nl")
    hidden = CitizenProposal.objects.exclude(pk__in=CitizenProposal.objects.public())
    assert public.exists() and hidden.exists()
    response = client.get("/nl/feeds/alles/atom.xml", {"soort": "voorstel"})
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    titles = {entry.title for entry in feed.entries}
    assert titles == set(public.values_list("title", flat=True)[: len(feed.entries)])
    assert not titles & set(hidden.values_list("title", flat=True))
    names = {proposal.name for proposal in CitizenProposal.objects.exclude(name="")}
    for entry in feed.entries:
        assert entry.author not in names  # the organisation, never the initiator
        assert client.get(path_of(entry.link)).status_code == 200
    # A theme's feed carries the proposals on that theme.
    proposal = public.filter(themes__isnull=False).first()
    theme = proposal.themes.first()
    themed = feedparser.parse(client.get(f"/nl/feeds/thema/{theme.slug}/rss.xml").content)
    assert proposal.title in {entry.title for entry in themed.entries}
    # In the feed of the language they were sent in only: Dutch words stay out of /ar/.
    arabic = feedparser.parse(client.get("/ar/feeds/alles/rss.xml", {"soort": "voorstel"}).content)
    assert not {entry.title for entry in arabic.entries} & titles


def test_the_proposal_feed_costs_the_same_queries_for_more_proposals(demo, client):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/nl/feeds/alles/rss.xml?soort=voorstel"

    def built_queries() -> int:
        """Queries of building the feed (its entries are kept until something changes)."""
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    before = built_queries()
    assert "Nog een voorstel 4" not in client.get(url).content.decode()
    template = CitizenProposal.objects.public().filter(themes__isnull=False).first()
    for number in range(5):
        copy = CitizenProposal.objects.create(
            title=f"Nog een voorstel {number}",
            question="Vraag",
            wants_chair_advice=False,
            confirmed_at=timezone.now(),
            published_at=timezone.now(),
            status=Status.COLLECTING_SUPPORT,
        )
        copy.themes.set(template.themes.all())
        copy.wijken.set(template.wijken.all())
    # The kept entries were dropped by the change: the new proposals are there at once.
    assert "Nog een voorstel 4" in client.get(url).content.decode()
    assert built_queries() == before
