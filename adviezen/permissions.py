"""Who may do what in the register: one group per council, and the Stadsbestuur.

* A council's group adds, edits and publishes pages in its own council's subtree only (its
  council page and its advice, in every language the council page exists in).
* The Stadsbestuur group edits and publishes in the whole register and is the only group with
  the ``respond_to_advice`` permission: it writes the city's response and the outcome.

Both are made with :func:`site_app.groups.ensure_group`, so they are created the same way by
the admin (when a council page is created), the demo loader and the tests.
"""

from django.contrib.auth.models import Group

from site_app.groups import EDIT_AND_PUBLISH, ensure_collection, ensure_group

from .history import RESPOND

CITY_GROUP = "Stadsbestuur"
MEDIA_COLLECTION = "Adviezen"


def council_group_name(council) -> str:
    return f"Adviesraad {council.short_name}"


def ensure_council_group(council) -> Group:
    """The group of ``council``'s members, with rights on its subtree in every language."""
    from .models import AdvisoryCouncilPage

    pages = list(AdvisoryCouncilPage.objects.filter(translation_key=council.translation_key))
    chosen = next((page.members_group for page in pages if page.members_group_id), None)
    group = ensure_group(
        chosen.name if chosen else council_group_name(council),
        pages=pages,
        page_actions=EDIT_AND_PUBLISH,
        collections=[ensure_collection(MEDIA_COLLECTION)],
    )
    AdvisoryCouncilPage.objects.filter(translation_key=council.translation_key).exclude(
        members_group=group
    ).update(members_group=group)
    council.members_group = group  # the caller may save this instance again (a revision)
    return group


def ensure_city_group(register) -> Group:
    """The Stadsbestuur: edits and publishes in the register and writes the city's response."""
    from .models import AdviceIndexPage

    pages = list(AdviceIndexPage.objects.filter(translation_key=register.translation_key))
    return ensure_group(
        CITY_GROUP,
        permissions=[RESPOND],
        pages=pages,
        page_actions=("change", "publish"),
        collections=[ensure_collection(MEDIA_COLLECTION)],
    )
