"""Weight on the wire: images below the fold load lazily, the first (lead) image does not."""

import re

import pytest
import wagtail_factories

from tests.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def img_tags(html: str) -> list[str]:
    return re.findall(r"<img\b[^>]*>", html)


def test_lead_image_loads_at_once_and_images_further_down_lazily(client, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lead = wagtail_factories.ImageFactory(title="lead", width=1600, height=900)
    body = wagtail_factories.ImageFactory(title="body", width=900, height=600)
    index = StoryIndexPageFactory(parent=home)
    StoryPageFactory(
        parent=index,
        slug="met-beeld",
        lead_image=lead,
        lead_image_alt="Een kade bij avond",
        body=[
            {"type": "paragraph", "value": "<p>Tekst.</p>"},
            {
                "type": "image",
                "value": {
                    "image": {"image": body.pk, "alt_text": "De oude loods", "decorative": False},
                    "caption": "",
                    "credit": "",
                },
            },
        ],
    )
    page = img_tags(client.get("/nl/verhalen/met-beeld/").content.decode())
    [lead_tag] = [tag for tag in page if "Een kade bij avond" in tag]
    [body_tag] = [tag for tag in page if "De oude loods" in tag]
    assert 'loading="lazy"' not in lead_tag
    assert 'loading="lazy"' in body_tag
    listing = img_tags(client.get("/nl/verhalen/").content.decode())
    cards = [tag for tag in listing if "card__image" in tag]
    assert cards and all('loading="lazy"' in tag for tag in cards)
