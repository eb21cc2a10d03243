from django.apps import AppConfig


class FeedSourceAppConfig(AppConfig):
    name = "tests.feed_source_app"
    label = "feed_source_test"
    default_auto_field = "django.db.models.BigAutoField"
