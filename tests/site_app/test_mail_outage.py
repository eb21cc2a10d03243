"""A mail server that refuses (a real local SMTP server, aiosmtpd) or is not there: what a
resident sent is stored all the same, the page thanks them, no address reaches the log."""

import logging
import time

import pytest
from aiosmtpd.controller import Controller
from django.core import signing
from django.core.management import call_command

from tests.factories import StoryIndexPageFactory
from tests.site_app.faults import closed_port
from verhalen.forms import StoryProposalForm
from verhalen.models import StoryProposal

URL = "/nl/verhalen/vertel-je-verhaal/"
EMAIL = "amina.elidrissi@example.org"


class Refusing:
    """Accepts the connection, refuses every recipient."""

    def __init__(self):
        self.refused = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.refused += 1
        return "554 5.7.1 Relay refused"


class Accepting:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    servers = []

    def start(handler):
        controller = Controller(handler, hostname="127.0.0.1", port=closed_port())
        controller.start()
        servers.append(controller)
        return controller.port

    yield start
    for controller in servers:
        controller.stop()


def use_smtp(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5


def proposal() -> dict:
    return {
        "name": "Amina",
        "email": EMAIL,
        "phone": "",
        "wijk": "",
        "message": "De buurtwinkel bestaat vijftig jaar.",
        "consent": "on",
        "website": "",
        "rendered_at": signing.dumps(time.time() - 60, salt=StoryProposalForm.timestamp_salt),
    }


@pytest.fixture
def form_page(home):
    return StoryIndexPageFactory(parent=home)


@pytest.mark.django_db
@pytest.mark.parametrize("server", ["refusing", "absent"])
def test_a_proposal_is_kept_when_the_mail_server_fails(
    client, form_page, settings, smtp_server, caplog, server
):
    caplog.set_level(logging.DEBUG)
    handler = Refusing()
    use_smtp(settings, smtp_server(handler) if server == "refusing" else closed_port())
    response = client.post(URL, proposal())
    assert response.status_code == 302
    assert StoryProposal.objects.filter(email=EMAIL).count() == 1
    if server == "refusing":
        assert handler.refused == 1  # the mail really was tried, and refused
    assert client.get(response["Location"]).status_code == 200
    assert any("could not be sent" in r.getMessage() for r in caplog.records)
    ours = [r for r in caplog.records if not r.name.startswith("mail.log")]  # not aiosmtpd's
    assert not any(EMAIL in r.getMessage() for r in ours)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_task_backend_mail_is_sent_by_the_worker(
    client, form_page, settings, smtp_server
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    handler = Accepting()
    use_smtp(settings, smtp_server(handler))
    assert client.post(URL, proposal()).status_code == 302
    assert StoryProposal.objects.count() == 1
    assert handler.messages == []  # not in the request: queued
    call_command("db_worker", batch=True, verbosity=0)
    assert [m.rcpt_tos for m in handler.messages] == [[EMAIL]]
