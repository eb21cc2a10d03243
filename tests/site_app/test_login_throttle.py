"""Login throttling: after N wrong passwords the next attempt is refused, the right password
too, until the lock ends. For the admin, a page password and a document collection password."""

import time

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

LIMIT = 3
LOCK_SECONDS = 1


@pytest.fixture(autouse=True)
def short_lock(settings):
    settings.LOGIN_THROTTLE_LIMIT = LIMIT
    settings.LOGIN_THROTTLE_SECONDS = LOCK_SECONDS


def wait_for_the_lock_to_end():
    time.sleep(LOCK_SECONDS + 0.2)


# -- the admin -----------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "redacteur", "r@example.org", "juist-wachtwoord"
    )


def admin_login(client, password):
    return client.post("/admin/login/", {"username": "redacteur", "password": password})


def test_admin_login_is_locked_after_n_wrong_passwords_and_the_lock_ends(editor):
    client = Client()
    for _ in range(LIMIT):
        response = admin_login(client, "fout")
        assert response.status_code == 200
        assert "Je typte te vaak" not in response.content.decode()
    refused = admin_login(client, "fout")
    assert "Je typte te vaak een verkeerd wachtwoord" in refused.content.decode()
    right_but_locked = admin_login(client, "juist-wachtwoord")
    assert right_but_locked.status_code == 200
    assert "Je typte te vaak een verkeerd wachtwoord" in right_but_locked.content.decode()
    assert "_auth_user_id" not in client.session
    wait_for_the_lock_to_end()
    assert admin_login(client, "juist-wachtwoord").status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lock_holds_for_one_client_only(editor):
    locked = Client(REMOTE_ADDR="192.0.2.1")
    for _ in range(LIMIT):
        admin_login(locked, "fout")
    elsewhere = Client(REMOTE_ADDR="192.0.2.2")
    assert admin_login(elsewhere, "juist-wachtwoord").status_code == 302


def test_a_successful_login_clears_the_count(editor):
    client = Client()
    for _ in range(LIMIT - 1):
        admin_login(client, "fout")
    assert admin_login(client, "juist-wachtwoord").status_code == 302
    client.logout()
    for _ in range(LIMIT - 1):
        admin_login(client, "fout")
    assert admin_login(client, "juist-wachtwoord").status_code == 302


def test_authenticate_itself_refuses_a_locked_client(editor, rf):
    from django.contrib.auth import authenticate

    request = rf.post("/admin/login/")
    for _ in range(LIMIT):
        assert authenticate(request, username="redacteur", password="fout") is None
    assert authenticate(request, username="redacteur", password="juist-wachtwoord") is None
    wait_for_the_lock_to_end()
    assert authenticate(request, username="redacteur", password="juist-wachtwoord") == editor


# -- a page password -----------------------------------------------------------------------


@pytest.fixture
def protected_page(home):
    page = ContentPageFactory(parent=home, title="Voor de raad", slug="voor-de-raad")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )
    return page, f"/nl/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def page_password(client, url, password):
    return client.post(url, {"password": password, "return_url": "/nl/voor-de-raad/"})


def test_page_password_is_locked_after_n_wrong_ones_and_the_lock_ends(protected_page):
    _page, url = protected_page
    client = Client()
    assert 'name="password"' in client.get("/nl/voor-de-raad/").content.decode()
    for _ in range(LIMIT):
        assert page_password(client, url, "fout").status_code == 200
    refused = page_password(client, url, "fout")
    assert refused.status_code == 429
    assert "Je typte te vaak een verkeerd wachtwoord" in refused.content.decode()
    right_but_locked = page_password(client, url, "geheim-123")
    assert right_but_locked.status_code == 429
    assert 'name="password"' in client.get("/nl/voor-de-raad/").content.decode()
    wait_for_the_lock_to_end()
    assert page_password(client, url, "geheim-123").status_code == 302
    opened = client.get("/nl/voor-de-raad/")
    assert opened.status_code == 200 and 'name="password"' not in opened.content.decode()
    assert "public" not in opened["Cache-Control"]  # unlocked by a session: never shared


# -- a private document collection ---------------------------------------------------------


@pytest.fixture
def private_document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    private = root.add_child(name="Vertrouwelijk")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="doc-pw"
    )
    document = Document.objects.create(title="Nota", collection=private)
    document.file.save("nota.txt", ContentFile(b"vertrouwelijke inhoud"))
    return document, f"/documents/authenticate_with_password/{restriction.pk}/"


def test_private_documents_need_the_password_and_it_is_throttled(private_document):
    document, url = private_document
    client = Client()
    served = client.get(document.url)
    assert b"vertrouwelijke inhoud" not in b"".join(
        getattr(served, "streaming_content", [served.content])
    )
    for _ in range(LIMIT):
        assert client.post(url, {"password": "fout", "return_url": document.url}).status_code == 200
    assert client.post(url, {"password": "doc-pw", "return_url": document.url}).status_code == 429
    wait_for_the_lock_to_end()
    assert client.post(url, {"password": "doc-pw", "return_url": document.url}).status_code == 302
    opened = client.get(document.url)
    assert opened.status_code == 200
    assert b"".join(opened.streaming_content) == b"vertrouwelijke inhoud"
