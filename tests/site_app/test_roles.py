"""Roles instead of one superuser: the demo's groups (site_app.groups) and what each may see.

Residents' personal data (story proposals) is for Moderatoren only: a Communicatie editor, who
edits and publishes every page, gets a 403 on the proposals and on the personal-data views."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, PagePermissionTester

from site_app import demo_tools
from site_app.groups import COMMUNICATION_GROUP, MODERATORS_GROUP
from tests.factories import StoryProposalFactory

pytestmark = pytest.mark.django_db


def _member(django_user_model, group_name: str):
    user = django_user_model.objects.create_user(f"test-{group_name.lower()}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_demo_has_one_account_per_group(demo):
    created = {username: role for username, role, _password in demo_tools.create_demo_accounts()}
    assert {"communicatie", "moderator"} <= set(created)
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    assert list(users.get(username="communicatie").groups.values_list("name", flat=True)) == [
        COMMUNICATION_GROUP
    ]
    moderator_groups = users.get(username="moderator").groups.values_list("name", flat=True)
    assert MODERATORS_GROUP in moderator_groups
    assert not users.get(username="communicatie").is_superuser


def test_communicatie_publishes_pages_but_sees_no_personal_data(demo, client, django_user_model):
    editor = _member(django_user_model, COMMUNICATION_GROUP)
    moderator = _member(django_user_model, MODERATORS_GROUP)
    proposal = StoryProposalFactory(name="Mevrouw Voorbeeld", email="voorbeeld@example.org")
    story = Page.objects.get(slug="een-nieuwe-kade-aan-de-oude-dokken", locale__language_code="ar")
    assert PagePermissionTester(editor, story).can_publish()
    assert not PagePermissionTester(moderator, story).can_edit()
    args = ["verhalen.storyproposal", proposal.pk]
    urls = [
        reverse("verhalen_storyproposal:list"),
        reverse("verhalen_storyproposal:edit", args=[proposal.pk]),
        reverse("personal_data:erase", args=args),
        reverse("personal_data:export", args=args),
    ]
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Mevrouw Voorbeeld" not in response.content.decode(), url
    client.force_login(moderator)
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert "Mevrouw Voorbeeld" in client.get(urls[1]).content.decode()


def test_the_erase_page_is_titled_after_the_proposal(demo, client, django_user_model):
    moderator = _member(django_user_model, MODERATORS_GROUP)
    proposal = StoryProposalFactory(message="De bakker op de hoek bakt al vijftig jaar brood")
    client.force_login(moderator)
    html = client.get(
        reverse("personal_data:erase", args=["verhalen.storyproposal", proposal.pk])
    ).content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    assert proposal.title in title, title
    breadcrumbs = html[html.index("w-breadcrumbs") :]
    assert breadcrumbs.index(proposal.title) < breadcrumbs.index("Persoonsgegevens wissen")
    assert reverse("verhalen_storyproposal:list") in breadcrumbs
