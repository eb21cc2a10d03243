"""Bad input on every public field of the proposal and support forms: never a 5xx, never a
mail header from what a person typed, and a clear message when it is refused."""

import pytest
from django.core import mail
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemeenteraad.models import CitizenProposal, ProposalSupport

from .test_proposals import FORM, OVERVIEW, proposal_data, support_data

pytestmark = pytest.mark.django_db

nasty = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "\u202e\u200fnaam",
            "x" * 10_000,
            "naam\r\nBcc: slachtoffer@voorbeeld.invalid",
            "iemand@voorbeeld.invalid\r\nBcc: x@voorbeeld.invalid",
            "1000",
            "99999",
            "-9000",
            "01-01-2999",
            "29-02-2001",
            "00-00-0000",
            "",
            " ",
        ]
    ),
)
checks = settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PROPOSAL_FIELDS = [
    "name",
    "email",
    "phone",
    "postcode",
    "is_16_or_older",
    "title",
    "question",
    "reasons",
    "decision_asked",
    "themes",
    "wijken",
    "wants_chair_advice",
    "consent",
    "action",
]
SUPPORT_FIELDS = ["family_name", "given_names", "birth_date", "postcode", "email", "consent"]


def no_header_injection():
    for message in mail.outbox:
        for value in (message.subject, *message.to, message.from_email):
            assert "\r" not in value and "\n" not in value


def clean_rows():
    for proposal in CitizenProposal.objects.filter(submission_key__isnull=False).exclude(
        submission_key__startswith="demo-"
    ):
        for value in (proposal.name, proposal.email, proposal.title, proposal.postcode):
            assert not any(char in value for char in "\r\n\x00")
        assert proposal.postcode in (
            "9000",
            "9030",
            "9031",
            "9032",
            "9040",
            "9041",
            "9042",
            "9050",
            "9051",
            "9052",
        )


@pytest.mark.parametrize("field", PROPOSAL_FIELDS)
def test_proposal_form_field(demo, client, field):
    @checks
    @given(value=nasty)
    def run(value):
        cache.clear()
        mail.outbox.clear()
        response = client.post(FORM, proposal_data(**{field: value}))
        assert response.status_code in (302, 400), response.status_code
        if response.status_code == 400:
            body = response.content.decode()
            assert "error-summary" in body
        no_header_injection()
        clean_rows()

    run()


@pytest.mark.parametrize("field", SUPPORT_FIELDS)
def test_support_form_field(demo, client, field):
    proposal = CitizenProposal.objects.get(submission_key="demo-fietsenstalling")
    url = OVERVIEW + f"{proposal.pk}/"

    @checks
    @given(value=nasty)
    def run(value):
        cache.clear()
        mail.outbox.clear()
        response = client.post(url, support_data(**{field: value}))
        assert response.status_code in (302, 400), response.status_code
        if response.status_code == 400:
            assert "error-summary" in response.content.decode()
        no_header_injection()
        for support in ProposalSupport.objects.filter(proposal=proposal, email__contains="proef"):
            assert not any(c in support.family_name + support.email for c in "\r\n\x00")

    run()
