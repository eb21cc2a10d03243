"""Factories of the wijken app: contact people, places, figures, streets, projects."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from wijken.models import ContactPerson, Place, Street, WijkContact, WijkFigure, WijkProject

from .core import WijkFactory, default_locale


class ContactPersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Persoon {n} Janssens")
    role = "Buurtwerker"
    phone = "09 210 11 22"
    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    hours = "Dinsdag van 14 tot 16 uur."
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = ContactPerson


class WijkContactFactory(DjangoModelFactory):
    person = factory.SubFactory(ContactPersonFactory)

    class Meta:
        model = WijkContact


class PlaceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Buurtcentrum {n}")
    street = "Kerkstraat 1"
    postcode = "9000"

    class Meta:
        model = Place


class WijkFigureFactory(DjangoModelFactory):
    wijk = factory.SubFactory(WijkFactory)
    kind = "inwoners"
    value = Decimal("1000")
    city_average = Decimal("1200")
    source = "Testbron"
    reference_date = datetime.date(2025, 1, 1)

    class Meta:
        model = WijkFigure


class StreetFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Teststraat {n}")
    postcode = "9000"
    wijk = factory.SubFactory(WijkFactory)

    class Meta:
        model = Street


class WijkProjectFactory(DjangoModelFactory):
    wijk = factory.SubFactory(WijkFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    description = "Een project van de buren."
    status = "idee"
    year = 2026

    class Meta:
        model = WijkProject
