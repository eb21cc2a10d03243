"""Index updates that did not reach the search backend, kept until a retry succeeds."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FailedIndexUpdate(models.Model):
    class Action(models.TextChoices):
        ADD = "add", _("toevoegen of bijwerken")
        DELETE = "delete", _("verwijderen")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=10, choices=Action.choices)
    attempts = models.PositiveIntegerField(default=1)
    first_failed_at = models.DateTimeField(auto_now_add=True)
    last_failed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mislukte indexering")
        verbose_name_plural = _("mislukte indexeringen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_one_failed_update_per_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id} ({self.action})"

    @classmethod
    def record(cls, obj, action: str) -> None:
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
        row, created = cls.objects.get_or_create(
            content_type=content_type, object_id=str(obj.pk), defaults={"action": action}
        )
        if not created:
            row.action = action
            row.attempts = models.F("attempts") + 1
            row.save(update_fields=["action", "attempts", "last_failed_at"])

    @classmethod
    def forget(cls, obj) -> None:
        if cls.objects.exists():
            content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
            cls.objects.filter(content_type=content_type, object_id=str(obj.pk)).delete()
