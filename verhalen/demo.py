"""Demo stories (``demo_data/stories.toml``): an index, raconteurs, series and stories.

Every object is looked up by its slug first and created only when missing; so are its
translations. Portraits are drawn by Pillow from the "look" in the data.
"""

import hashlib
import io
import random
from pathlib import Path

from django.conf import settings
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Locale

from home.models import HomePage
from site_app.blocks import call_to_action, html_paragraphs, image_value, paragraph, quote
from site_app.demo_tools import (
    Refs,
    child_page,
    demo_account,
    demo_document,
    demo_image,
    image_from_bytes,
    publish,
    read_data,
    stream,
    translate,
    translate_page,
    translations,
)
from site_app.groups import MODERATORS_GROUP, ensure_group
from site_app.models import Pictogram, Theme, Wijk

from .blocks import audio, gallery, video
from .models import Raconteur, StoryIndexPage, StoryPage, StorySeriesPage

MEDIA_DIR = Path(__file__).resolve().parent / "demo_data" / "media"


def propose_call_to_action(item, refs) -> dict:
    """A call to action that invites residents to tell their story: it leads to the form."""
    index = refs.pages["index"]
    return call_to_action(
        item["title"],
        item["link_label"],
        item.get("text", ""),
        url=index.full_url + index.reverse_subpage("propose"),
    )


STORY_BLOCKS = {
    "propose_call_to_action": propose_call_to_action,
    "gallery": lambda item, refs: gallery(
        [(image_value(refs.images[i["image"]], i["alt"]), i["caption"]) for i in item["images"]],
        heading=item.get("heading", ""),
        credit=item.get("credit", ""),
    ),
    "audio": lambda item, refs: audio(
        item["title"], refs.documents[item["audio"]], item["transcript"]
    ),
    "video": lambda item, refs: video(
        item["title"], item["transcript"], video=refs.documents[item["video"]]
    ),
}


class Portraits:
    """Drawn head-and-shoulders portraits and their alt text, from ``[portraits]`` data."""

    def __init__(self, data: dict):
        self.colours = data["colours"]
        self.skin = data["skin"]
        self.hair = data["hair"]
        self.alt_templates = data["alt"]

    def draw(self, seed: str, *, hair: str, hair_colour: str, shirt: str, background: str):
        """JPEG bytes, deterministic for a seed."""
        rnd = random.Random(hashlib.sha256(seed.encode()).hexdigest())
        size = 800
        picture = PILImage.new("RGB", (size, size), self.colours[background]["value"])
        draw = ImageDraw.Draw(picture)
        skin = rnd.choice(self.skin)
        hair_fill = self.colours.get(hair_colour, {}).get("value", hair_colour)
        draw.ellipse((140, 560, 660, 1060), fill=self.colours[shirt]["value"])
        draw.rectangle((350, 470, 450, 600), fill=skin)
        if hair == "lang":
            draw.rounded_rectangle((230, 190, 570, 620), radius=150, fill=hair_fill)
        if hair == "hoofddoek":
            draw.ellipse((220, 150, 580, 600), fill=hair_fill)
            draw.polygon([(260, 480), (540, 480), (600, 640), (200, 640)], fill=hair_fill)
        draw.ellipse((270, 200, 530, 500), fill=skin)
        if hair in ("kort", "lang"):
            draw.chord((260, 180, 540, 420), 180, 360, fill=hair_fill)
        if hair == "pet":
            draw.chord((260, 170, 540, 400), 180, 360, fill=hair_fill)
            draw.rectangle((260, 280, 600, 300), fill=hair_fill)
        for eye_x in (350, 450):
            draw.ellipse((eye_x - 14, 330, eye_x + 14, 358), fill="#1a1a1a")
        draw.arc((350, 380, 450, 450), 20, 160, fill="#1a1a1a", width=8)
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=82)
        return buffer.getvalue()

    def alt(self, name: str, lang: str, *, hair: str, shirt: str, background: str, **_look):
        return self.alt_templates[lang].format(
            name=name,
            hair=self.hair[hair][lang],
            shirt=self.colours[shirt][lang],
            background=self.colours[background][lang],
        )

    def image(self, title: str, name: str, look: dict):
        from wagtail.images import get_image_model

        existing = get_image_model().objects.filter(title=title).first()
        if existing:
            return existing
        return image_from_bytes(title, self.alt(name, "nl", **look), self.draw(title, **look))


def first_name(portrayed: str) -> str:
    """'Fatma, 64 jaar' -> 'Fatma'; 'Ahmed en de Oude Dokken' -> 'Ahmed'."""
    return portrayed.split(",")[0].split()[0]


def simple_body(text: dict) -> list:
    """Two paragraphs of the story's sentences with its quote in between."""
    sentences = text["sentences"]
    middle = max(1, len(sentences) // 2)
    return [
        paragraph(html_paragraphs(*sentences[:middle])),
        quote(text["quote"], text["attribution"]),
        paragraph(html_paragraphs(*sentences[middle:])),
    ]


def load_media(media: dict) -> Refs:
    images = {key: demo_image(**image) for key, image in media["images"].items()}
    documents = {
        key: demo_document(item["title"], item["file"], (MEDIA_DIR / item["file"]).read_bytes())
        for key, item in media["files"].items()
    }
    return Refs(images=images, documents=documents)


def load_raconteurs(data, portraits: Portraits, locales, wijken) -> dict:
    nl = locales[settings.LANGUAGE_CODE]
    raconteurs = {}
    for item in data["raconteur"]:
        raconteur = Raconteur.objects.filter(slug=item["slug"], locale=nl).first()
        if raconteur is None:
            photo = portraits.image(
                f"Portret van verteller {item['name']}", item["name"], item["look"]
            )
            raconteur = Raconteur(
                slug=item["slug"],
                name=item["name"],
                bio=item["bio"][settings.LANGUAGE_CODE],
                photo=photo,
                locale=nl,
            )
            raconteur.save()
            raconteur.wijken.set([wijken[slug] for slug in item["wijken"]])
            raconteur.save()
        for code, bio in translations(item["bio"]).items():
            translate(raconteur, locales[code], bio=bio)
        raconteurs[item["slug"]] = raconteur
    return raconteurs


def load_story(data, index, portraits, refs, lookups) -> StoryPage:
    """One story (created if missing), with its translations."""
    item, text = data, data[settings.LANGUAGE_CODE]
    story = StoryPage.objects.child_of(index).filter(slug=item["slug"]).first()
    full = lookups["full_story"]
    if story is None:
        if "look" in item:
            title = f"Portret: {text['title']}"
            lead = portraits.image(title, first_name(text["portrayed"]), item["look"])
            alt = lead.description
        else:
            alt = lookups["street_alt"].format(title=text["title"])
            lead = demo_image(f"Straattekening: {text['title']}", alt, seed=item["slug"])
        if item["slug"] == full["slug"]:
            body = stream(full[settings.LANGUAGE_CODE]["body"], refs, STORY_BLOCKS)
        else:
            body = simple_body(text)
        story = index.add_child(
            instance=StoryPage(
                title=text["title"],
                slug=item["slug"],
                intro=text["intro"],
                listing_summary=text["intro"],
                portrayed=text["portrayed"],
                date=item["date"],
                series=lookups["series"].get(item.get("series")),
                lead_image=lead,
                lead_image_alt=alt,
                body=body,
            )
        )
        story.raconteurs.set([lookups["raconteurs"][slug] for slug in item["raconteurs"]])
        story.wijken.set([lookups["wijken"][slug] for slug in item["wijken"]])
        story.themes.set([lookups["themes"][slug] for slug in item["themes"]])
        publish(story)
    return story


def translate_story(story, item, code, locale, index, portraits, refs, full) -> None:
    text = item[code]
    if item["slug"] == full["slug"]:
        local_refs = Refs(
            images=refs.images,
            documents=refs.documents,
            pages={"index": index.get_translation_or_none(locale) or index},
            pictograms={
                name: pictogram.get_translation_or_none(locale) or pictogram
                for name, pictogram in refs.pictograms.items()
            },
        )
        body = stream(full[code]["body"], local_refs, STORY_BLOCKS)
    else:
        body = simple_body(text)
    translate_page(
        story,
        locale,
        title=text["title"],
        intro=text["intro"],
        listing_summary=text["intro"],
        portrayed=text["portrayed"],
        lead_image_alt=portraits.alt(first_name(text["portrayed"]), code, **item["look"]),
        body=body,
    )


def ensure_moderators() -> None:
    """Moderatoren handle the story proposals and their personal data (view, change, erase)."""
    ensure_group(
        MODERATORS_GROUP,
        permissions=("verhalen.view_storyproposal", "verhalen.change_storyproposal"),
    )
    demo_account(
        "moderator",
        role=f"{MODERATORS_GROUP}: residents' proposals and their personal data",
        groups=(MODERATORS_GROUP,),
    )


@transaction.atomic
def load(stdout) -> None:
    ensure_moderators()
    data = read_data(__file__, "stories")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        stdout.write("Stories: no home page yet, nothing to do.")
        return
    portraits = Portraits(data["portraits"])

    index_data = data["index"]
    text = index_data[settings.LANGUAGE_CODE]
    index = child_page(
        home,
        StoryIndexPage,
        index_data["slug"],
        title=text["title"],
        intro=text["intro"],
        proposal_intro=index_data["proposal_intro"],
        listing_summary=text["intro"],
        show_in_menus=True,
    )
    for code, text in translations(index_data).items():
        translate_page(
            index,
            locales[code],
            title=text["title"],
            intro=text["intro"],
            listing_summary=text["intro"],
        )

    lookups = {
        "wijken": {w.slug: w for w in Wijk.objects.filter(locale=nl)},
        "themes": {t.slug: t for t in Theme.objects.filter(locale=nl)},
        "full_story": data["full_story"],
        "street_alt": data["portraits"]["street_alt"],
    }
    lookups["raconteurs"] = load_raconteurs(data, portraits, locales, lookups["wijken"])
    lookups["series"] = {}
    for item in data["series"]:
        text = item[settings.LANGUAGE_CODE]
        lookups["series"][item["slug"]] = child_page(
            index, StorySeriesPage, item["slug"], listing_summary=text["intro"], **text
        )

    refs = load_media(data["media"])
    refs.pages = {"index": index}
    refs.pictograms = {"boom": Pictogram.objects.filter(shipped_name="boom", locale=nl).first()}
    stories = {
        item["slug"]: load_story(item, index, portraits, refs, lookups) for item in data["story"]
    }

    for item in data["series"]:
        for code, text in translations(item).items():
            translate_page(
                lookups["series"][item["slug"]],
                locales[code],
                listing_summary=text["intro"],
                **text,
            )
    for item in data["story"]:
        for code in translations(item):
            translate_story(
                stories[item["slug"]],
                item,
                code,
                locales[code],
                index,
                portraits,
                refs,
                data["full_story"],
            )

    stdout.write(
        f"Stories: {StoryPage.objects.count()} stories, {Raconteur.objects.count()} raconteurs, "
        f"{StorySeriesPage.objects.count()} series pages (all languages)."
    )
