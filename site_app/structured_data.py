"""schema.org JSON-LD shared by the content types: the publisher (with its logo) and Article.

Dates are full ISO 8601 date-times with their offset; a field that holds only a date is read as
midnight in the site's time zone.
"""

import datetime

from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import get_language

from .models import SiteSettings

LOGO = "img/logo.png"
LOGO_SIZE = 512


def iso_datetime(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).isoformat()


def publisher(request) -> dict:
    site_settings = SiteSettings.for_request(request)
    return {
        "@type": "GovernmentOrganization",
        "name": site_settings.organisation_name,
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


def article(page, request, *, url: str, headline: str, description: str, published=None):
    """An Article for ``page`` at ``url`` (absolute); ``published`` defaults to its first
    publication. Add author, image, about … to the returned dict."""
    published = published or page.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": headline[:110],
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": get_language(),
        "publisher": publisher(request),
    }
    if published:
        data["datePublished"] = iso_datetime(published)
    if page.last_published_at:
        data["dateModified"] = iso_datetime(page.last_published_at)
    return data
