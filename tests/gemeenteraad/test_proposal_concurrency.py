"""On PostgreSQL: 20 identical supports sent at the same moment store one row; 20 different
ones store 20. The database's unique constraint decides, not a check before the insert.

PostgreSQL only (CI runs the suite on it): SQLite serialises every writer, so it cannot show
a race at all; there the test is skipped with that reason, never reported as a pass.
"""

import datetime
import threading

import pytest
from django.db import connection, connections

from gemeenteraad.models import CitizenProposal, ProposalSupport
from gemeenteraad.proposals.views import add_support

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises all writes",
    ),
]
THREADS = 20


def run_at_once(work) -> list:
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker(number):
        try:
            barrier.wait()
            work(number)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def proposal():
    return CitizenProposal.objects.create(
        title="Gelijktijdig", question="Vraag", wants_chair_advice=False, status="steun-verzamelen"
    )


def support(proposal, family_name):
    return add_support(
        proposal,
        family_name=family_name,
        given_names="Jan",
        birth_date=datetime.date(1980, 5, 1),
        postcode="9000",
        email="gelijktijdig@voorbeeld.invalid",
        language="nl",
    )


def test_twenty_identical_supports_at_once_store_one(proposal):
    errors = run_at_once(lambda number: support(proposal, "Dezelfde"))
    assert errors == []
    assert ProposalSupport.objects.filter(proposal=proposal).count() == 1


def test_twenty_different_supports_at_once_store_twenty(proposal):
    errors = run_at_once(lambda number: support(proposal, f"Ander{number}"))
    assert errors == []
    assert ProposalSupport.objects.filter(proposal=proposal).count() == THREADS
