"""Blocks only stories need: a photo gallery, audio and video, each accessible on its own.

Audio and video always carry a transcript. It is shown on the page in a ``<details>`` element,
so it works without JavaScript and is found by search engines and screen readers alike.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from site_app.blocks import BaseStreamBlock, require_exactly_one

AUDIO_EXTENSIONS = ("mp3", "ogg", "oga", "opus", "m4a")
VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)

TRANSCRIPT_HELP = _(
    "Alles wat je hoort, in woorden. Zet een witregel tussen twee sprekers of stukken. "
    "Zo kan iedereen het verhaal volgen, ook wie niet hoort of geen geluid kan afspelen."
)


def _check_extension(document, allowed, field, message):
    if document and document.file_extension.lower() not in allowed:
        raise blocks.StructBlockValidationError(
            block_errors={field: ValidationError(message % {"allowed": ", ".join(allowed)})}
        )


class GalleryImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("beeld"))
    caption = blocks.CharBlock(label=_("onderschrift"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Foto")


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("titel"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld: Beelden uit de straat. Laat leeg als er geen titel nodig is."),
    )
    images = blocks.ListBlock(GalleryImageBlock(), label=_("foto's"), min_num=2, max_num=12)
    credit = blocks.CharBlock(label=_("fotograaf of bron"), max_length=120, required=False)

    class Meta:
        icon = "image"
        label = _("Fotoreeks")
        template = "verhalen/blocks/gallery_block.html"
        description = _(
            "Twee tot twaalf foto's naast elkaar, elk met alt-tekst of gemarkeerd als decoratief."
        )


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("titel"),
        max_length=120,
        help_text=_("Wat hoor je? Bijvoorbeeld: Fatma vertelt over haar straat."),
    )
    audio = DocumentChooserBlock(
        label=_("geluidsbestand"), help_text=_("Een MP3-, OGG- of M4A-bestand uit de documenten.")
    )
    transcript = blocks.TextBlock(label=_("transcriptie"), help_text=TRANSCRIPT_HELP)

    class Meta:
        icon = "media"
        label = _("Geluid")
        template = "verhalen/blocks/audio_block.html"
        preview_value = {
            "title": "Fatma vertelt over haar straat",
            "audio": None,
            "transcript": (
                "Ik woon hier al twintig jaar. In de zomer zitten we buiten. "
                "Dan praat iedereen met iedereen."
            ),
        }
        description = _("Een geluidsfragment met een verplichte transcriptie op de pagina.")

    def clean(self, value):
        value = super().clean(value)
        _check_extension(
            value.get("audio"),
            AUDIO_EXTENSIONS,
            "audio",
            _("Kies een geluidsbestand (%(allowed)s)."),
        )
        return value


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("titel"),
        max_length=120,
        help_text=_("Wat zie je? Bijvoorbeeld: Een wandeling door de Bloemekenswijk."),
    )
    embed = EmbedBlock(
        label=_("video op een videosite"),
        required=False,
        help_text=_("Het webadres van de video, bijvoorbeeld op YouTube of Vimeo."),
    )
    video = DocumentChooserBlock(
        label=_("of een videobestand"),
        required=False,
        help_text=_("Een MP4- of WebM-bestand uit de documenten."),
    )
    captions = DocumentChooserBlock(
        label=_("ondertitels"),
        required=False,
        help_text=_("Een WebVTT-bestand (.vtt) met ondertitels voor het videobestand."),
    )
    transcript = blocks.TextBlock(
        label=_("transcriptie"),
        help_text=_(
            "Wat je hoort én wat je ziet, in woorden. Zo kan iedereen de video volgen, "
            "ook wie niet ziet of niet hoort."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "verhalen/blocks/video_block.html"
        description = _(
            "Een video van een videosite of een videobestand, met een verplichte transcriptie."
        )

    def clean(self, value):
        value = super().clean(value)
        require_exactly_one(
            value, "embed", "video", _("Geef het webadres van een video óf kies een videobestand.")
        )
        _check_extension(
            value.get("video"), VIDEO_EXTENSIONS, "video", _("Kies een videobestand (%(allowed)s).")
        )
        _check_extension(
            value.get("captions"),
            CAPTION_EXTENSIONS,
            "captions",
            _("Kies een ondertitelbestand (%(allowed)s)."),
        )
        if value.get("captions") and not value.get("video"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "captions": ValidationError(
                        _("Ondertitels horen bij een videobestand, niet bij een videosite.")
                    )
                }
            )
        return value


class StoryStreamBlock(BaseStreamBlock):
    gallery = GalleryBlock()
    audio = AudioBlock()
    video = VideoBlock()


# --- StreamField JSON for these blocks (see site_app.blocks) ---------------------------------


def _pk(obj):
    return getattr(obj, "pk", obj)


def gallery(images, heading: str = "", credit: str = "") -> dict:
    """``images``: (ImageBlock value, caption) pairs, see :func:`site_app.blocks.image_value`."""
    return {
        "type": "gallery",
        "value": {
            "heading": heading,
            "images": [{"image": value, "caption": caption} for value, caption in images],
            "credit": credit,
        },
    }


def audio(title: str, document, transcript: str) -> dict:
    return {
        "type": "audio",
        "value": {"title": title, "audio": _pk(document), "transcript": transcript},
    }


def video(title: str, transcript: str, video=None, embed=None, captions=None) -> dict:
    return {
        "type": "video",
        "value": {
            "title": title,
            "embed": embed,
            "video": _pk(video),
            "captions": _pk(captions),
            "transcript": transcript,
        },
    }
