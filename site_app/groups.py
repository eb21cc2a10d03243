"""Wagtail groups and their rights, made the same way by every app (and its demo loader).

An app describes a group: its model permissions (``"app_label.codename"``), the page subtrees
it may work in and with which page actions, and the collections whose documents and images it
may use. :func:`ensure_group` creates what is missing and never takes a right away, so loaders
can call it on every run.
"""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

ADMIN_ACCESS = "wagtailadmin.access_admin"
#: Page actions: "add" (create pages below), "change" (edit), "publish" (and unpublish),
#: "bulk_delete", "lock", "unlock".
EDIT_AND_PUBLISH = ("add", "change", "publish")
#: Collection rights that let a group upload and pick documents and images.
USE_MEDIA = (
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
)


#: The site's editors: edit and publish every page in every language, use the media, translate;
#: no personal data (no rights on the models that hold residents' data).
COMMUNICATION_GROUP = "Communicatie"
#: The moderators: residents' proposals and their personal data. Each app with such a model
#: adds its rights to this group with ``ensure_group(MODERATORS_GROUP, permissions=...)``.
MODERATORS_GROUP = "Moderatoren"
COMMUNICATION_PERMISSIONS = (
    "wagtail_localize.submit_translation",
    "site_app.change_contactdetails",
)


def ensure_communication_group() -> Group:
    return ensure_group(
        COMMUNICATION_GROUP,
        permissions=COMMUNICATION_PERMISSIONS,
        pages=[Page.get_first_root_node()],
        page_actions=(*EDIT_AND_PUBLISH, "lock", "unlock"),
        collections=[Collection.get_first_root_node()],
    )


def permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(action: str) -> Permission:
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=f"{action}_page"
    )


def ensure_group(
    name: str,
    *,
    permissions: Iterable[str] = (),
    pages: Iterable[Page] = (),
    page_actions: Iterable[str] = EDIT_AND_PUBLISH,
    collections: Iterable[Collection] = (),
    collection_permissions: Iterable[str] = USE_MEDIA,
    admin: bool = True,
) -> Group:
    """The group called ``name`` with at least these rights (created when missing).

    ``pages`` are subtree roots: the rights hold for each page and everything below it. Pass a
    page's translations too when the group works in every language.
    """
    group, _created = Group.objects.get_or_create(name=name)
    wanted = [*([ADMIN_ACCESS] if admin else []), *permissions]
    group.permissions.add(*(permission(dotted) for dotted in wanted))
    actions = [_page_permission(action) for action in page_actions]
    for page in pages:
        for action in actions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=action)
    media = [permission(dotted) for dotted in collection_permissions]
    for collection in collections:
        for right in media:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=right
            )
    return group


def ensure_collection(name: str) -> Collection:
    """A collection directly under the root collection (created when missing)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)
