"""Send the search index updates that failed (backend unreachable) again."""

from django.core.management.base import BaseCommand
from modelsearch.backends import get_search_backends

from search.models import FailedIndexUpdate


class Command(BaseCommand):
    help = "Retry search index updates that failed while the search backend was unreachable."

    def handle(self, *args, **options):
        sent = failing = 0
        for row in list(FailedIndexUpdate.objects.select_related("content_type")):
            model = row.content_type.model_class()
            obj = model._default_manager.filter(pk=row.object_id).first()
            delete = obj is None or row.action == FailedIndexUpdate.Action.DELETE
            obj = obj or model(pk=row.object_id)
            try:
                for backend in get_search_backends(with_auto_update=True):
                    backend.delete(obj) if delete else backend.add(obj)
            except Exception as error:
                failing += 1
                self.stderr.write(f"{row}: {error.__class__.__name__}")
                continue
            FailedIndexUpdate.objects.filter(pk=row.pk).delete()
            sent += 1
        self.stdout.write(f"{sent} index updates sent, {failing} still failing.")
