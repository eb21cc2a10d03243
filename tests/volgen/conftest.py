"""A real SMTP server (aiosmtpd) that the site sends to through Django's SMTP backend."""

import email
import email.policy

import pytest
from aiosmtpd.controller import Controller

from tests.site_app.faults import closed_port


class Mailbox:
    """Accepts every message and keeps it, parsed."""

    def __init__(self):
        self.envelopes = []
        self.refuse = 0  # refuse this many DATA commands first (a server in trouble)

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self):
        return [
            email.message_from_bytes(e.original_content, policy=email.policy.default)
            for e in self.envelopes
        ]

    def to(self, address: str):
        return [
            m for e, m in zip(self.envelopes, self.messages, strict=True) if address in e.rcpt_tos
        ]


def use_smtp(settings, port: int) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5


@pytest.fixture
def mailbox(settings):
    """A running SMTP server on a free port; the site's mail goes there."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=closed_port())
    controller.start()
    use_smtp(settings, controller.port)
    yield box
    controller.stop()


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()
