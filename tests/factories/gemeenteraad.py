"""Factories for the council app: bodies, people, mandates, meetings with agenda items."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from gemeenteraad.models import (
    AgendaItem,
    Attendance,
    BodyKind,
    CouncilBody,
    Mandate,
    MeetingAttendance,
    MeetingIndexPage,
    MeetingPage,
    MeetingStatus,
    Party,
    Person,
    Role,
)

from .core import default_locale


class PartyFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partij {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")

    class Meta:
        model = Party


class PersonFactory(DjangoModelFactory):
    given_name = factory.Sequence(lambda n: f"Voornaam{n}")
    family_name = factory.Sequence(lambda n: f"Achternaam{n}")

    class Meta:
        model = Person


class CouncilBodyFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Commissie {n}")
    slug = factory.Sequence(lambda n: f"commissie-{n}")
    kind = BodyKind.COMMISSION
    description = "Deze commissie bespreekt de punten voor de gemeenteraad."
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = CouncilBody
        skip_postgeneration_save = True


class MandateFactory(DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(CouncilBodyFactory)
    role = Role.MEMBER
    party = factory.SubFactory(PartyFactory)
    start = datetime.date(2025, 1, 1)

    class Meta:
        model = Mandate


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Gemeenteraad"
    slug = "gemeenteraad"
    intro = "Wanneer vergadert de raad, en wat staat er op de agenda?"

    class Meta:
        model = MeetingIndexPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    """A published meeting; pass ``items=N`` for N agenda items, ``present=[mandates]``."""

    title = factory.Sequence(lambda n: f"Vergadering {n}")
    slug = factory.Sequence(lambda n: f"vergadering-{n}")
    body = factory.SubFactory(CouncilBodyFactory)
    start = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=10)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    status = MeetingStatus.AGENDA
    location_name = "Stadhuis"
    room = "Raadzaal"
    street_address = "Botermarkt 1"
    postal_code = "9000"
    locality = "Gent"

    class Meta:
        model = MeetingPage
        skip_postgeneration_save = True

    @factory.post_generation
    def items(self, create, extracted, **kwargs):
        count = extracted or 0
        for number in range(1, count + 1):
            self.agenda_items.add(
                AgendaItem(
                    number=str(number),
                    title=f"Punt {number}",
                    summary="Een kort punt in klare taal.",
                    locale=self.locale,
                )
            )

    @factory.post_generation
    def present(self, create, extracted, **kwargs):
        for mandate in extracted or []:
            self.attendance.add(MeetingAttendance(mandate=mandate, presence=Attendance.PRESENT))

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create:
            self.save_revision().publish()
