"""Shared tools of the demo loaders (``<app>/demo.py``, run by ``manage.py load_demo``).

Demo content is data: TOML files in ``<app>/demo_data/``. A loader reads them with
:func:`read_data`, looks every object up first and creates only what is missing, so running it
again (or after deleting one page) creates nothing twice. StreamField bodies are written in the
data as lists of blocks and turned into stream JSON by :func:`stream` with the block builders
of ``site_app.blocks`` (the tests build bodies with the same builders). Pictures are drawn by
Pillow (no stock photos).
"""

import hashlib
import io
import random
import secrets
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Locale, Page

from . import blocks


def read_data(module_file: str, name: str) -> dict:
    """The TOML file ``demo_data/<name>.toml`` next to the loader module ``module_file``."""
    path = Path(module_file).resolve().parent / "demo_data" / f"{name}.toml"
    return tomllib.loads(path.read_text("utf-8"))


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def translations(data: dict, source: str | None = None) -> dict[str, dict]:
    """The per-language parts of a data entry (``[x.en]``, ``[x.ar]``), source language left out."""
    source = source or settings.LANGUAGE_CODE
    languages = {code for code, _name in settings.LANGUAGES} - {source}
    return {code: value for code, value in data.items() if code in languages}


def translate(source, locale, **fields):
    """Get or create ``source``'s translation (a snippet) into ``locale`` with these values."""
    existing = source.get_translation_or_none(locale)
    if existing:
        return existing
    copy = source.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def add_in_place_of(parent, page):
    """Add ``page`` under ``parent``. A placeholder page holding its slug (the home demo puts
    one in the menu for every section an app fills) gives up its place in the menu and goes.

    The placeholder is deleted before the page is added, not renamed: renaming queues a
    ``page_slug_changed`` signal for the end of the transaction, which would then look up
    the deleted page."""
    placeholder = Page.objects.child_of(parent).filter(slug=page.slug).first()
    if placeholder is None:
        parent.add_child(instance=page)
        return page
    following = placeholder.get_next_sibling()
    following_pk = following.pk if following else None
    placeholder.delete()
    parent = Page.objects.get(pk=parent.pk)
    parent.add_child(instance=page)
    if following_pk is not None:
        page.move(Page.objects.get(pk=following_pk), pos="left")
    return type(page).objects.get(pk=page.pk)


def publish(page):
    page.save_revision().publish()
    return page


def child_page(parent, model, slug: str, **fields):
    """The live child of ``parent`` with this slug, created and published if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = publish(parent.add_child(instance=model(slug=slug, **fields)))
    return page


def translate_page(source, locale, **fields):
    """Get or create and publish ``source``'s translation into ``locale`` with these fields."""
    existing = source.get_translation_or_none(locale)
    if existing:
        return existing
    copy = source.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy)


# --- StreamField bodies from data -----------------------------------------------------------


@dataclass
class Refs:
    """What blocks in the data refer to by name: images, documents, pages, pictograms."""

    images: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    pictograms: dict = field(default_factory=dict)


def _shared_blocks() -> dict[str, Callable]:
    html = blocks.html_paragraphs
    return {
        "heading": lambda item, refs: blocks.heading(item["text"], item.get("level", "h2")),
        "paragraph": lambda item, refs: blocks.paragraph(html(*item["paragraphs"])),
        "summary": lambda item, refs: blocks.summary(
            item["points"], item.get("heading", "Samengevat")
        ),
        "pictogram_paragraph": lambda item, refs: blocks.pictogram_paragraph(
            refs.pictograms[item["pictogram"]], html(item["text"]), item.get("decorative", False)
        ),
        "image": lambda item, refs: blocks.image(
            refs.images[item["image"]],
            item["alt"],
            item.get("caption", ""),
            item.get("credit", ""),
        ),
        "quote": lambda item, refs: blocks.quote(item["quote"], item.get("attribution", "")),
        "call_to_action": lambda item, refs: blocks.call_to_action(
            item["title"],
            item["link_label"],
            item.get("text", ""),
            page=refs.pages.get(item.get("page")),
            url=item.get("url", ""),
        ),
        "document": lambda item, refs: blocks.document(
            refs.documents[item["document"]], item.get("title", ""), item.get("description", "")
        ),
    }


def stream(items: list[dict], refs: Refs, extra: dict[str, Callable] | None = None) -> list:
    """Stream JSON for a body written in the data as ``[{type = "...", ...}, ...]``.

    Shared blocks are known here; an app passes its own block types in ``extra``
    (``{"section": function(item, refs) -> stream item}``).
    """
    builders = _shared_blocks() | (extra or {})
    return [builders[item["type"]](item, refs) for item in items]


# --- Pictures and files ---------------------------------------------------------------------

# Muted city palette; each pair is (background, shapes) with enough contrast to read as a picture.
PALETTES = [
    ("#0b5fa5", "#f2c94c"),
    ("#1d6f42", "#e8f3ec"),
    ("#7a2e8e", "#f6d5ff"),
    ("#a33a1e", "#ffe3d6"),
    ("#234e70", "#fbf8be"),
    ("#2f4858", "#86bbd8"),
]


def draw_illustration(seed: str, width: int = 1200, height: int = 800) -> bytes:
    """A deterministic abstract 'city' picture: sky, sun, rooftops and a street line."""
    rnd = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    background, accent = rnd.choice(PALETTES)
    picture = PILImage.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(picture)
    sun = rnd.randint(80, 140)
    sx, sy = rnd.randint(sun, width - sun), rnd.randint(sun, height // 3)
    draw.ellipse((sx - sun, sy - sun, sx + sun, sy + sun), fill=accent)
    x = 0
    while x < width:
        w = rnd.randint(90, 200)
        h = rnd.randint(height // 4, height // 2)
        top = height - h - 80
        draw.rectangle((x, top, x + w - 10, height - 80), fill=accent, outline=background)
        draw.polygon(
            [(x, top), (x + (w - 10) // 2, top - rnd.randint(30, 80)), (x + w - 10, top)],
            fill=accent,
        )
        for wy in range(top + 30, height - 120, 60):
            for wx in range(x + 20, x + w - 40, 45):
                draw.rectangle((wx, wy, wx + 20, wy + 28), fill=background)
        x += w
    draw.rectangle((0, height - 80, width, height), fill=background)
    draw.line((0, height - 40, width, height - 40), fill=accent, width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def image_from_bytes(title: str, description: str, data: bytes):
    """Get or create the Wagtail image ``title`` with this JPEG data."""
    from wagtail.images import get_image_model

    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    filename = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + ".jpg"
    image = model(title=title, description=description)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


def demo_image(title: str, alt: str, seed: str | None = None):
    """Get or create a Wagtail image with a generated illustration."""
    from wagtail.images import get_image_model

    existing = get_image_model().objects.filter(title=title).first()
    if existing:
        return existing
    return image_from_bytes(title, alt, draw_illustration(seed or title))


def demo_document(title: str, filename: str, data: bytes):
    """Get or create the Wagtail document ``title`` holding ``data``."""
    from wagtail.documents import get_document_model

    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    document = model(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document._set_document_file_metadata()  # file size and hash, as the upload form does
    document.save()
    return document


# --- Demo accounts -----------------------------------------------------------------------
# Loaders declare the accounts their part of the demo needs (a role and its groups);
# ``manage.py load_demo`` creates the missing ones at the end and prints each password once.
_ACCOUNTS: dict[str, tuple[str, tuple[str, ...]]] = {}


def demo_account(username: str, *, role: str, groups: tuple[str, ...] = ()) -> None:
    """Declare a demo account: ``role`` says what it is for, ``groups`` are group names."""
    _ACCOUNTS[username] = (role, tuple(groups))


def create_demo_accounts() -> list[tuple[str, str, str]]:
    """Create the declared accounts that do not exist yet; (username, role, password) each."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    created = []
    for username, (role, group_names) in _ACCOUNTS.items():
        if user_model.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username=username, email=f"{username}@example.org", password=password
        )
        user.groups.set(Group.objects.filter(name__in=group_names))
        created.append((username, role, password))
    return created
