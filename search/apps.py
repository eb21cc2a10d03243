from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from . import kinds  # noqa: F401  (registers the searchable kinds)
        from .engine import forget_vocabulary
        from .registry import kinds as searchable

        page_published.connect(forget_vocabulary, dispatch_uid="search-vocabulary-published")
        page_unpublished.connect(forget_vocabulary, dispatch_uid="search-vocabulary-unpublished")
        for kind in searchable():
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_vocabulary,
                    sender=kind.model,
                    dispatch_uid=f"search-vocabulary-{signal is post_save}-{kind.slug}",
                )
