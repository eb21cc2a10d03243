"""Shared blocks: a link goes to a page or a web address, never both or neither."""

import pytest
from wagtail.blocks import StructBlockValidationError

from site_app.blocks import CallToActionBlock, LinkBlock

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("block", [LinkBlock(), CallToActionBlock()])
@pytest.mark.parametrize(
    ("page", "url", "valid"),
    [
        (False, "https://stad.gent/", True),
        (True, "", True),
        (False, "", False),
        (True, "https://stad.gent/", False),
    ],
)
def test_page_or_url(home, block, page, url, valid):
    raw = {"label": "Meer", "title": "Doe mee", "text": "", "link_label": "Lees meer"}
    raw |= {"page": home.pk if page else None, "url": url}
    value = block.to_python({k: v for k, v in raw.items() if k in block.child_blocks})
    if valid:
        block.clean(value)
    else:
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
        assert "url" in error.value.block_errors
