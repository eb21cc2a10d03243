"""Readability scores are measured in the background (django-tasks), never inside the save."""

import pytest
from django_tasks import default_task_backend

from site_app.blocks import html_paragraphs, pictogram_paragraph
from site_app.plain_language.models import ReadabilityScore
from site_app.plain_language.tasks import measure_readability

pytestmark = pytest.mark.django_db

SHORT = "De stad luistert."
LONG = (
    "Deze zin is veel te lang voor een tekst in klare taal omdat hij maar doorgaat en "
    "doorgaat zonder ooit een punt te zetten."
)


@pytest.fixture
def queue(settings):
    """The dummy task backend: tasks are queued, not run."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_saving_queues_the_measurement_instead_of_running_it(make_note, pictogram, queue):
    note = make_note(plain_body=[pictogram_paragraph(pictogram, html_paragraphs(SHORT))])
    assert not ReadabilityScore.objects.filter(page=note).exists()
    queued = [r for r in queue.results if r.task.func is measure_readability.func]
    assert queued and {r.args[0] for r in queued} == {note.pk}
    for result in queued:
        measure_readability.call(*result.args, **result.kwargs)
    assert ReadabilityScore.objects.get(page=note, variant="plain").meets_targets


def test_a_draft_is_measured_from_its_revision(make_note, pictogram):
    note = make_note(plain_body=[pictogram_paragraph(pictogram, html_paragraphs(SHORT))])
    assert ReadabilityScore.objects.get(page=note, variant="plain").meets_targets
    note.plain_body = [pictogram_paragraph(pictogram, html_paragraphs(LONG))]
    note.save_revision()  # a draft: the live page keeps the short text
    stored = ReadabilityScore.objects.get(page=note, variant="plain")
    assert not stored.meets_targets
    assert stored.longest_sentence == 24


def test_a_replaced_revision_is_not_measured(make_note, pictogram, queue):
    note = make_note(plain_body=[pictogram_paragraph(pictogram, html_paragraphs(SHORT))])
    note.plain_body = [pictogram_paragraph(pictogram, html_paragraphs(LONG))]
    old = note.save_revision()
    note.plain_body = [pictogram_paragraph(pictogram, html_paragraphs(SHORT))]
    new = note.save_revision()
    measure_readability.call(note.pk, new.pk)
    measure_readability.call(note.pk, old.pk)  # arrives late: skipped
    assert ReadabilityScore.objects.get(page=note, variant="plain").meets_targets
