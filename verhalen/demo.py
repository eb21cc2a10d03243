"""Demo stories: an index, four raconteurs, two series and twelve stories, all written by us.

People and shops in these stories are invented; places are real wijken of the city. Portraits
are drawn by Pillow (no photos of real people). The audio file in ``demo_media/`` is a Dutch
computer voice (espeak-ng) reading the transcript below, and the video is a short animation drawn
with Pillow; both were rendered once with ffmpeg and are shipped as they are.

Idempotent: every object is looked up by its slug first and only created when missing.
"""

import hashlib
import io
import random
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.models import HomePage
from site_app.demo import publish, translate_page
from site_app.demo_images import demo_image
from site_app.models import Pictogram, Theme, Wijk

from .models import Raconteur, StoryIndexPage, StoryPage, StorySeriesPage

MEDIA_DIR = Path(__file__).resolve().parent / "demo_media"

# Portrait drawing: (name of the colour in Dutch, English, Arabic; value)
COLOURS = {
    "geel": (("gele", "yellow", "صفراء"), "#f2c94c"),
    "blauw": (("blauwe", "blue", "زرقاء"), "#86bbd8"),
    "groen": (("groene", "green", "خضراء"), "#1d6f42"),
    "rood": (("rode", "red", "حمراء"), "#a33a1e"),
    "paars": (("paarse", "purple", "بنفسجية"), "#7a2e8e"),
    "roze": (("roze", "pink", "وردية"), "#f6d5ff"),
    "grijs": (("grijze", "grey", "رمادية"), "#9e9e9e"),
}
SKIN = ["#f1c27d", "#c68642", "#8d5524", "#e0ac69", "#ffdbac"]
HAIR = {
    "kort": ("kort haar", "short hair", "شعر قصير"),
    "lang": ("lang haar", "long hair", "شعر طويل"),
    "hoofddoek": ("een hoofddoek", "a headscarf", "حجاب"),
    "pet": ("een pet", "a cap", "قبعة"),
}


def draw_portrait(seed: str, *, hair: str, hair_colour: str, shirt: str, background: str) -> bytes:
    """A simple drawn head-and-shoulders portrait, deterministic for a seed."""
    rnd = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    size = 800
    picture = PILImage.new("RGB", (size, size), COLOURS[background][1])
    draw = ImageDraw.Draw(picture)
    skin = rnd.choice(SKIN)
    hair_fill = COLOURS[hair_colour][1] if hair_colour in COLOURS else hair_colour
    draw.ellipse((140, 560, 660, 1060), fill=COLOURS[shirt][1])
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


def portrait_alt(name: str, lang: str, *, hair: str, shirt: str, background: str, **_look) -> str:
    index = {"nl": 0, "en": 1, "ar": 2}[lang]
    shirt_word = COLOURS[shirt][0][index]
    background_word = COLOURS[background][0][index]
    hair_words = HAIR[hair][index]
    if lang == "en":
        return (
            f"Drawn portrait of {name} with {hair_words} and a {shirt_word} jumper, "
            f"on a {background_word} background."
        )
    if lang == "ar":
        return f"رسم لوجه {name} مع {hair_words} وكنزة {shirt_word}، على خلفية {background_word}."
    return (
        f"Getekend portret van {name} met {hair_words} en een {shirt_word} trui, "
        f"op een {background_word} achtergrond."
    )


def portrait_image(title: str, name: str, **look):
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_portrait(title, **look)
    filename = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + ".jpg"
    image = image_model(title=title, description=portrait_alt(name, "nl", **look))
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


def demo_document(title: str, filename: str, data: bytes):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    document = document_model(title=title)
    document.file.save(filename, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


RACONTEURS = [
    (
        "nadia",
        "Nadia",
        ["brugse-poort-rooigem", "rabot-blaisantvest"],
        "Nadia woont al vijftien jaar in de Brugse Poort. Ze schrijft over mensen die je elke "
        "dag ziet, maar niet echt kent.",
        {"hair": "lang", "hair_colour": "#2b1d14", "shirt": "groen", "background": "geel"},
    ),
    (
        "koen",
        "Koen",
        ["ledeberg", "oud-gentbrugge", "dampoort"],
        "Koen was leraar en is nu met pensioen. Hij fietst door Ledeberg en Gentbrugge. Hij "
        "praat met iedereen die wil praten.",
        {"hair": "kort", "hair_colour": "grijs", "shirt": "blauw", "background": "roze"},
    ),
    (
        "ayse",
        "Ayşe",
        ["muide-meulestede-afrikalaan", "sluizeken-tolhuis-ham"],
        "Ayşe studeert fotografie. Ze volgt hoe de buurt rond de Oude Dokken verandert.",
        {"hair": "hoofddoek", "hair_colour": "paars", "shirt": "grijs", "background": "blauw"},
    ),
    (
        "lotte",
        "Lotte",
        ["bloemekenswijk", "nieuw-gent-uz", "sint-amandsberg"],
        "Lotte werkt in een buurtcentrum. Ze luistert naar bewoners en schrijft op wat hen "
        "bezighoudt.",
        {"hair": "kort", "hair_colour": "#b5651d", "shirt": "rood", "background": "groen"},
    ),
]

RACONTEUR_BIOS = {
    "en": {
        "nadia": "Nadia has lived in Brugse Poort for fifteen years. She writes about people you see "
        "every day but do not really know.",
        "koen": "Koen was a teacher and is now retired. He cycles through Ledeberg and Gentbrugge. "
        "He talks to anyone who wants to talk.",
        "ayse": "Ayşe studies photography. She follows how the area around the Oude Dokken changes.",
        "lotte": "Lotte works in a community centre. She listens to residents and writes down what "
        "is on their minds.",
    },
    "ar": {
        "nadia": "تسكن نادية في بروخسه بورت منذ خمس عشرة سنة. تكتب عن أناس تراهم كل يوم لكنك لا "
        "تعرفهم حقًا.",
        "koen": "كان كون معلمًا وهو الآن متقاعد. يتجول بالدراجة في ليدبرخ وخنتبروخه ويتحدث مع كل من "
        "يريد الحديث.",
        "ayse": "تدرس عائشة التصوير. تتابع كيف يتغير الحي حول الأرصفة القديمة.",
        "lotte": "تعمل لوتّه في مركز للحي. تستمع إلى السكان وتكتب ما يشغلهم.",
    },
}

SERIES = {
    "100-portretten": (
        "100 portretten",
        "Honderd Gentenaars vertellen wie ze zijn. Elk portret is kort. Samen tonen ze de vele "
        "gezichten van de stad.",
    ),
    "oude-dokken": (
        "De Oude Dokken verandert",
        "Aan de Oude Dokken komen nieuwe huizen, kades en groen. Onze vertellers volgen de buurt "
        "tijdens de werken. Wie woonde hier al? Wie komt er wonen?",
    ),
}

INDEX = {
    "nl": (
        "Verhalen",
        "Vrijwillige vertellers brengen de verhalen van Gentenaars. Zo zie je hoe mensen hun "
        "straat en hun wijk beleven.",
    ),
    "en": (
        "Stories",
        "Volunteer storytellers share the stories of people in Ghent. They show how people "
        "live their street and their neighbourhood.",
    ),
    "ar": (
        "حكايات",
        "يروي رواة متطوعون حكايات سكان غنت. هكذا ترى كيف يعيش الناس شارعهم وحيّهم.",
    ),
}
PROPOSAL_INTRO = (
    "Een verteller leest elk voorstel. Past het, dan maken we samen een afspraak. Je beslist "
    "zelf wat er over jou online komt."
)

# (slug, title, intro, portrayed, raconteurs, series, wijken, themes, date, sentences, quote,
#  lead portrait look or None for a drawn street scene)
STORIES = [
    (
        "fatma-en-haar-geveltuin",
        "Fatma en haar geveltuin",
        "Fatma maakte van één stoeptegel een kleine tuin. Nu doet de hele straat mee.",
        "Fatma, 64 jaar",
        ["nadia"],
        "100-portretten",
        ["brugse-poort-rooigem"],
        ["publieke-ruimte-en-groen", "milieu-en-klimaat"],
        date(2026, 3, 14),
        [
            "Fatma woont al dertig jaar in dezelfde straat.",
            "Drie jaar geleden haalde ze één stoeptegel weg.",
            "Ze plantte er een klimroos en wat lavendel.",
            "De buren vonden het eerst vreemd.",
            "Nu heeft bijna elk huis een geveltuin.",
            "In de zomer ruikt de straat naar bloemen.",
            "Fatma geeft zaadjes aan wie erom vraagt.",
        ],
        ("Een tuin van dertig centimeter is ook een tuin.", "Fatma"),
        {"hair": "hoofddoek", "hair_colour": "groen", "shirt": "rood", "background": "geel"},
    ),
    (
        "de-kapper-van-de-sleepstraat",
        "De kapper van de Sleepstraat",
        "Mehmet knipt al twintig jaar haar. Zijn zaak is ook een plek om te praten.",
        "Mehmet, kapper",
        ["ayse"],
        "100-portretten",
        ["sluizeken-tolhuis-ham"],
        ["werk-en-economie", "cultuur-en-erfgoed"],
        date(2026, 2, 20),
        [
            "Mehmet opende zijn zaak in 2006.",
            "Hij knipt jonge mannen, vaders en grootvaders.",
            "Soms komen drie generaties op één zaterdag.",
            "Aan de muur hangen foto's van oude klanten.",
            "Wie wacht, drinkt thee en praat over de buurt.",
            "Mehmet weet wie er verhuist en wie een baby krijgt.",
        ],
        ("Mijn stoel is een beetje een biechtstoel.", "Mehmet"),
        {"hair": "kort", "hair_colour": "#1a1a1a", "shirt": "blauw", "background": "paars"},
    ),
    (
        "jef-werkt-als-de-stad-slaapt",
        "Jef werkt als de stad slaapt",
        "Jef is verpleegkundige in het UZ. Hij fietst elke avond naar zijn nachtdienst.",
        "Jef, verpleegkundige",
        ["lotte"],
        "100-portretten",
        ["nieuw-gent-uz"],
        ["welzijn-en-zorg", "mobiliteit"],
        date(2026, 1, 28),
        [
            "Jef begint om tien uur 's avonds.",
            "Hij fietst twintig minuten door een stille stad.",
            "Op de afdeling is het rustig, maar nooit stil.",
            "Hij praat met patiënten die niet kunnen slapen.",
            "Om zeven uur fietst hij terug naar huis.",
            "Dan gaat de stad net open.",
            "Jef vraagt meer licht op het fietspad langs de ring.",
        ],
        ("'s Nachts hoor je wat mensen echt bezighoudt.", "Jef"),
        {"hair": "kort", "hair_colour": "#b5651d", "shirt": "groen", "background": "blauw"},
    ),
    (
        "rosa-leert-nederlands",
        "Rosa leert Nederlands op haar zeventigste",
        "Rosa kwam uit Portugal naar Gent. Nu volgt ze elke week les in het buurthuis.",
        "Rosa, 71 jaar",
        ["koen"],
        "100-portretten",
        ["ledeberg"],
        ["onderwijs", "senioren"],
        date(2026, 4, 2),
        [
            "Rosa woont sinds 1990 in Ledeberg.",
            "Ze werkte lang in een wasserij.",
            "Daar sprak iedereen Portugees of Frans.",
            "Nu wil ze met haar kleinkinderen praten.",
            "Elke dinsdag gaat ze naar de les in het buurthuis.",
            "Ze oefent ook bij de bakker en op de markt.",
            "Haar kleinzoon verbetert haar soms. Dan lachen ze samen.",
        ],
        ("Het is nooit te laat om een taal te leren.", "Rosa"),
        {"hair": "lang", "hair_colour": "grijs", "shirt": "paars", "background": "geel"},
    ),
    (
        "voetbal-op-het-pleintje",
        "Voetbal op het pleintje",
        "Op een klein plein in Rabot spelen elke avond tientallen kinderen voetbal.",
        "Het pleintje en zijn spelers",
        ["nadia"],
        None,
        ["rabot-blaisantvest"],
        ["sport", "jeugd", "publieke-ruimte-en-groen"],
        date(2026, 5, 9),
        [
            "Om vier uur gaat de schoolbel.",
            "Tien minuten later ligt er een bal op het plein.",
            "Twee truien zijn de doelpalen.",
            "Ilyas is dertien en fluit vaak de match.",
            "Hij let op dat iedereen mee mag doen.",
            "Ook de kleinsten en ook de meisjes.",
            "De kinderen vragen een echt doel en een net rond het plein.",
        ],
        ("Hier maakt het niet uit waar je vandaan komt.", "Ilyas, 13 jaar"),
        None,
    ),
    (
        "een-nieuwe-kade-aan-de-oude-dokken",
        "Een nieuwe kade aan de Oude Dokken",
        "De werken aan de Oude Dokken zijn volop bezig. Ahmed woont er al veertig jaar en kijkt "
        "toe.",
        "Ahmed en de Oude Dokken",
        ["ayse"],
        "oude-dokken",
        ["muide-meulestede-afrikalaan"],
        ["wonen", "publieke-ruimte-en-groen", "participatie-en-democratie"],
        date(2026, 6, 1),
        [
            "Vroeger lagen hier schepen vol hout en graan.",
            "Ahmed werkte zelf in de haven.",
            "Nu staan er kranen en bouwhekken.",
        ],
        ("Ik hoop dat er plaats blijft voor de mensen die hier al wonen.", "Ahmed"),
        {"hair": "kort", "hair_colour": "grijs", "shirt": "grijs", "background": "blauw"},
    ),
    (
        "vissen-aan-het-houtdok",
        "Vissen aan het Houtdok",
        "Elke zondag zit Marcel met zijn hengel aan het water. Hij ziet de buurt veranderen.",
        "Marcel, 78 jaar",
        ["ayse"],
        "oude-dokken",
        ["muide-meulestede-afrikalaan"],
        ["senioren", "cultuur-en-erfgoed"],
        date(2026, 6, 15),
        [
            "Marcel vist hier al sinds hij een jongen was.",
            "Vroeger ving hij paling, nu vooral baarsjes.",
            "Hij gooit alles terug in het water.",
            "Om hem heen wordt er gebouwd.",
            "Marcel vindt het goed dat er een park komt.",
            "Hij hoopt dat er een bank blijft staan aan het water.",
        ],
        ("De vissen zijn gebleven. Ik ook.", "Marcel"),
        {"hair": "pet", "hair_colour": "blauw", "shirt": "rood", "background": "groen"},
    ),
    (
        "de-buurtwinkel-die-bleef",
        "De buurtwinkel die bleef",
        "Rond de Dampoort sloten veel winkels. De kruidenier van Samira bleef open.",
        "Samira, winkelierster",
        ["koen"],
        None,
        ["dampoort"],
        ["werk-en-economie", "armoede-en-gelijke-kansen"],
        date(2026, 3, 30),
        [
            "Samira opent elke ochtend om zeven uur.",
            "Ze verkoopt brood, groenten en alles wat je vergeten bent.",
            "Wie krap zit, mag soms later betalen.",
            "Ze kent haar klanten bij naam.",
            "Oudere buren bellen haar als ze niet buiten kunnen.",
            "Dan brengt haar zoon de boodschappen.",
        ],
        ("Een winkel is meer dan een kassa.", "Samira"),
        {"hair": "hoofddoek", "hair_colour": "blauw", "shirt": "geel", "background": "roze"},
    ),
    (
        "samen-koken-in-de-bloemekenswijk",
        "Samen koken in de Bloemekenswijk",
        "Elke donderdag koken buren samen in het buurtcentrum. Iedereen betaalt wat hij kan.",
        "De kookploeg van donderdag",
        ["lotte"],
        None,
        ["bloemekenswijk"],
        ["armoede-en-gelijke-kansen", "welzijn-en-zorg"],
        date(2026, 2, 12),
        [
            "Om drie uur snijden de eersten groenten.",
            "Om zes uur zitten er veertig mensen aan tafel.",
            "De kok is elke week iemand anders.",
            "Vorige week was het linzensoep uit Syrië.",
            "Deze week maakt Gerda stoofvlees.",
            "Wie geen geld heeft, eet ook mee.",
            "Niemand vraagt waarom.",
        ],
        ("Aan tafel is iedereen gewoon buur.", "Gerda, vrijwilliger"),
        None,
    ),
    (
        "kinderen-tekenen-hun-straat",
        "Kinderen tekenen hun straat",
        "Kinderen uit Oud Gentbrugge tekenden hoe hun straat veiliger kan. De stad kijkt mee.",
        "Klas 5B van de wijkschool",
        ["koen"],
        None,
        ["oud-gentbrugge"],
        ["jeugd", "participatie-en-democratie", "veiligheid-en-netheid"],
        date(2026, 4, 22),
        [
            "De kinderen wandelden met hun juf door de buurt.",
            "Ze zochten plekken waar ze zich niet veilig voelen.",
            "Een donker tunneltje. Een kruispunt zonder zebrapad.",
            "Daarna tekenden ze hoe het beter kan.",
            "Meer licht, bloembakken en een brede stoep.",
            "Iemand van de stad kwam de tekeningen bekijken.",
            "Het zebrapad komt er na de zomer.",
        ],
        ("Wij zijn ook de buurt.", "Lina, 11 jaar"),
        None,
    ),
    (
        "een-bank-onder-de-boom",
        "Een bank onder de boom",
        "Buren in Sint-Amandsberg vroegen een bank in hun straat. Nu praten ze meer met elkaar.",
        "De buren van een straat in Sint-Amandsberg",
        ["lotte"],
        None,
        ["sint-amandsberg"],
        ["participatie-en-democratie", "publieke-ruimte-en-groen", "senioren"],
        date(2026, 5, 20),
        [
            "In de straat staat een grote linde.",
            "Maar er was geen plek om te zitten.",
            "De buren dienden een idee in voor het wijkbudget.",
            "Ze kregen genoeg stemmen.",
            "Sinds de lente staat er een houten bank.",
            "Oudere buren rusten er uit na de boodschappen.",
            "Kinderen eten er een ijsje.",
        ],
        ("Een bank is een uitnodiging om te blijven.", "Een buurvrouw"),
        None,
    ),
    (
        "het-laatste-oude-huis-aan-het-dok",
        "Het laatste oude huis aan het dok",
        "Tussen de nieuwe gebouwen staat nog één oud huis. Lieve woont er met haar katten.",
        "Lieve, 69 jaar",
        ["ayse"],
        "oude-dokken",
        ["muide-meulestede-afrikalaan"],
        ["wonen", "cultuur-en-erfgoed"],
        date(2026, 7, 3),
        [
            "Lieve woont al haar hele leven in dit huis.",
            "Haar vader werkte op de dokken.",
            "Rondom haar verdwenen de oude huizen één voor één.",
            "Zij wilde niet verhuizen.",
            "Nu kijkt ze uit op een nieuwe kade.",
            "De nieuwe buren komen soms koffie drinken.",
            "Lieve vertelt hen dan hoe het vroeger was.",
        ],
        ("Mijn huis is het geheugen van de straat.", "Lieve"),
        {"hair": "kort", "hair_colour": "grijs", "shirt": "paars", "background": "roze"},
    ),
]

FULL_STORY = "een-nieuwe-kade-aan-de-oude-dokken"
AUDIO_TRANSCRIPT = (
    "Ik ben Ahmed. Ik woon al veertig jaar aan de Oude Dokken. Vroeger werkte ik in de haven. "
    "We laadden hout en graan. Nu bouwen ze hier nieuwe huizen en een park. Dat is mooi. "
    "Maar ik hoop dat er plaats blijft voor de mensen die hier al wonen."
)
TIMELINE_TEXT = """De Oude Dokken: wat gebeurt er wanneer?

Dit is een voorbeeldbestand bij een demoverhaal. De data zijn niet echt.

Voorjaar: de kade wordt opgebroken.
Zomer: de nieuwe wandelweg langs het water wordt aangelegd.
Najaar: de bomen worden geplant.
"""

# The full story's body in each language it exists in. Keys are block types in order.
FULL_BODY = {
    "nl": {
        "summary_heading": "Samengevat",
        "summary": [
            "Aan de Oude Dokken komen nieuwe huizen en een park.",
            "Ahmed woont hier al veertig jaar.",
            "Hij vindt het mooi, maar ook spannend.",
        ],
        "intro_paragraphs": [
            "Vroeger lagen hier schepen vol hout en graan.",
            "Ahmed werkte zelf in de haven.",
            "Nu staan er kranen en bouwhekken.",
        ],
        "heading": "Wat verandert er?",
        "change_paragraphs": [
            "Langs het water komen nieuwe woningen.",
            "De oude loodsen krijgen een nieuw leven.",
            "Langs de kade komt een brede wandelweg met bomen.",
        ],
        "pictogram_text": "Er komt meer groen langs het water.",
        "image_alt": "Tekening van een kraan, nieuwe huizen en een bootje op het water.",
        "image_caption": "Zo tekende Ayşe de kade in het voorjaar.",
        "quote": "Ik hoop dat er plaats blijft voor de mensen die hier al wonen.",
        "quote_by": "Ahmed",
        "gallery_heading": "Tekeningen van de werken",
        "gallery": [
            ("Tekening van rijen huizen onder een gele zon.", "De eerste nieuwe huizen."),
            ("Tekening van daken en ramen in de avond.", "Het dok bij avond."),
            ("Tekening van een straat met oude en nieuwe gevels.", "Oud en nieuw naast elkaar."),
        ],
        "audio_title": "Ahmed over de haven, voorgelezen door een computerstem",
        "audio_transcript": AUDIO_TRANSCRIPT,
        "video_title": "Een korte tekenfilm over de nieuwe kade",
        "video_transcript": (
            "Een tekening die beweegt, zonder geluid.\n\n"
            "Je ziet het water van het dok. Een bootje vaart langzaam van links naar rechts. "
            "Op de kade tilt een kraan een blok op en laat het weer zakken. "
            "Achter de kade komen één voor één nieuwe huizen op."
        ),
        "document_title": "Wat gebeurt er wanneer?",
        "document_description": "Een voorbeeld van een planning, als tekstbestand.",
        "cta_title": "Woon jij ook aan de Oude Dokken?",
        "cta_text": "Vertel ons hoe jij de werken beleeft.",
        "cta_label": "Lees meer verhalen",
    },
    "ar": {
        "summary_heading": "باختصار",
        "summary": [
            "ستُبنى بيوت جديدة وحديقة عند الأرصفة القديمة.",
            "يعيش أحمد هنا منذ أربعين سنة.",
            "يرى أن التغيير جميل، لكنه يقلقه أيضًا.",
        ],
        "intro_paragraphs": [
            "في الماضي كانت هنا سفن محملة بالخشب والحبوب.",
            "عمل أحمد نفسه في الميناء.",
            "واليوم ترى هنا رافعات وسياجات بناء.",
        ],
        "heading": "ما الذي يتغير؟",
        "change_paragraphs": [
            "ستُبنى مساكن جديدة على ضفة الماء.",
            "ستحصل المستودعات القديمة على حياة جديدة.",
            "وعلى الرصيف سيكون ممشى عريض مع أشجار.",
        ],
        "pictogram_text": "ستكون هناك خضرة أكثر على ضفة الماء.",
        "image_alt": "رسم لرافعة وبيوت جديدة وقارب صغير على الماء.",
        "image_caption": "هكذا رسمت عائشة الرصيف في الربيع.",
        "quote": "أتمنى أن يبقى مكان للناس الذين يسكنون هنا منذ زمن.",
        "quote_by": "أحمد",
        "gallery_heading": "رسوم من أعمال البناء",
        "gallery": [
            ("رسم لصفوف من البيوت تحت شمس صفراء.", "أول البيوت الجديدة."),
            ("رسم لسطوح ونوافذ في المساء.", "الرصيف في المساء."),
            ("رسم لشارع فيه واجهات قديمة وجديدة.", "القديم والجديد جنبًا إلى جنب."),
        ],
        "audio_title": "أحمد يتحدث عن الميناء (بصوت حاسوبي، باللغة الهولندية)",
        "audio_transcript": (
            "ترجمة ما تسمعه: أنا أحمد. أسكن عند الأرصفة القديمة منذ أربعين سنة. "
            "في الماضي عملت في الميناء. كنا نحمّل الخشب والحبوب. "
            "الآن يبنون هنا بيوتًا جديدة وحديقة. هذا جميل. "
            "لكنني أتمنى أن يبقى مكان للناس الذين يسكنون هنا منذ زمن."
        ),
        "video_title": "فيلم رسوم قصير عن الرصيف الجديد",
        "video_transcript": (
            "رسم متحرك بلا صوت.\n\n"
            "ترى ماء الحوض. قارب صغير يبحر ببطء من اليسار إلى اليمين. "
            "على الرصيف ترفع رافعة كتلة ثم تنزلها. "
            "وخلف الرصيف تظهر بيوت جديدة واحدًا بعد الآخر."
        ),
        "document_title": "ماذا يحدث ومتى؟ (بالهولندية)",
        "document_description": "مثال على جدول زمني، في ملف نصي.",
        "cta_title": "هل تسكن أنت أيضًا عند الأرصفة القديمة؟",
        "cta_text": "أخبرنا كيف تعيش أعمال البناء.",
        "cta_label": "اقرأ حكايات أخرى",
    },
}

TRANSLATIONS = {
    # (story slug, language): title, intro, portrayed, sentences, quote, quote attribution
    ("fatma-en-haar-geveltuin", "en"): (
        "Fatma and her facade garden",
        "Fatma turned one paving stone into a small garden. Now the whole street joins in.",
        "Fatma, 64",
        [
            "Fatma has lived in the same street for thirty years.",
            "Three years ago she took out one paving stone.",
            "She planted a climbing rose and some lavender.",
            "At first the neighbours thought it was strange.",
            "Now almost every house has a facade garden.",
            "In summer the street smells of flowers.",
            "Fatma gives seeds to anyone who asks.",
        ],
        "A garden of thirty centimetres is still a garden.",
        "Fatma",
    ),
    ("een-nieuwe-kade-aan-de-oude-dokken", "ar"): (
        "رصيف جديد عند الأرصفة القديمة",
        "أعمال البناء عند الأرصفة القديمة في أوجها. أحمد يسكن هنا منذ أربعين سنة ويراقب.",
        "أحمد والأرصفة القديمة",
        None,
        None,
        None,
    ),
}
SERIES_TRANSLATIONS = {
    ("100-portretten", "en"): (
        "100 portraits",
        "A hundred people from Ghent tell who they are. Each portrait is short. Together they "
        "show the many faces of the city.",
    ),
    ("oude-dokken", "ar"): (
        "الأرصفة القديمة تتغير",
        "عند الأرصفة القديمة تُبنى بيوت وأرصفة ومساحات خضراء جديدة. يتابع رواتنا الحي خلال "
        "الأعمال. من كان يسكن هنا؟ ومن سيأتي للسكن؟",
    ),
}


def first_name(portrayed: str) -> str:
    """'Fatma, 64 jaar' -> 'Fatma'; 'Ahmed en de Oude Dokken' -> 'Ahmed'."""
    return portrayed.split(",")[0].split()[0]


def _p(*sentences: str) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def _image_value(image, alt: str) -> dict:
    return {"image": image.pk, "decorative": False, "alt_text": alt}


def full_body(lang: str, media: dict, index_page, pictogram) -> list:
    text = FULL_BODY[lang]
    return [
        {
            "type": "summary",
            "value": {"heading": text["summary_heading"], "points": text["summary"]},
        },
        {"type": "paragraph", "value": _p(*text["intro_paragraphs"])},
        {"type": "heading", "value": {"text": text["heading"], "level": "h2"}},
        {"type": "paragraph", "value": _p(*text["change_paragraphs"])},
        {
            "type": "pictogram_paragraph",
            "value": {
                "pictogram": pictogram.pk,
                "text": _p(text["pictogram_text"]),
                "decorative": False,
            },
        },
        {
            "type": "image",
            "value": {
                "image": _image_value(media["scene"], text["image_alt"]),
                "caption": text["image_caption"],
                "credit": "",
            },
        },
        {"type": "quote", "value": {"quote": text["quote"], "attribution": text["quote_by"]}},
        {
            "type": "gallery",
            "value": {
                "heading": text["gallery_heading"],
                "images": [
                    {"image": _image_value(image, alt), "caption": caption}
                    for image, (alt, caption) in zip(media["gallery"], text["gallery"], strict=True)
                ],
                "credit": "",
            },
        },
        {
            "type": "audio",
            "value": {
                "title": text["audio_title"],
                "audio": media["audio"].pk,
                "transcript": text["audio_transcript"],
            },
        },
        {
            "type": "video",
            "value": {
                "title": text["video_title"],
                "embed": None,
                "video": media["video"].pk,
                "captions": None,
                "transcript": text["video_transcript"],
            },
        },
        {
            "type": "document",
            "value": {
                "document": media["timeline"].pk,
                "title": text["document_title"],
                "description": text["document_description"],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "title": text["cta_title"],
                "text": text["cta_text"],
                "link_label": text["cta_label"],
                "page": index_page.pk,
                "url": "",
            },
        },
    ]


def simple_body(sentences, quote, attribution) -> list:
    middle = max(1, len(sentences) // 2)
    return [
        {"type": "paragraph", "value": _p(*sentences[:middle])},
        {"type": "quote", "value": {"quote": quote, "attribution": attribution}},
        {"type": "paragraph", "value": _p(*sentences[middle:])},
    ]


def load_media() -> dict:
    def shipped(title, filename):
        return demo_document(title, filename, (MEDIA_DIR / filename).read_bytes())

    return {
        "scene": demo_image("Tekening van de nieuwe kade", FULL_BODY["nl"]["image_alt"], "kade"),
        "gallery": [
            demo_image(f"Tekening van de werken {n}", alt, seed=f"werken-{n}")
            for n, (alt, _caption) in enumerate(FULL_BODY["nl"]["gallery"], start=1)
        ],
        "audio": shipped("Ahmed over de haven (computerstem)", "ahmed-over-de-haven.mp3"),
        "video": shipped("Tekenfilm: de nieuwe kade", "de-nieuwe-kade.webm"),
        "timeline": demo_document(
            "De Oude Dokken: wat gebeurt er wanneer?",
            "oude-dokken-planning.txt",
            TIMELINE_TEXT.encode(),
        ),
    }


def load_raconteurs(nl, wijken) -> dict:
    raconteurs = {}
    for slug, name, wijk_slugs, bio, look in RACONTEURS:
        raconteur = Raconteur.objects.filter(slug=slug, locale=nl).first()
        if raconteur is None:
            photo = portrait_image(f"Portret van verteller {name}", name, **look)
            raconteur = Raconteur(slug=slug, name=name, bio=bio, photo=photo, locale=nl)
            raconteur.save()
            raconteur.wijken.set([wijken[s] for s in wijk_slugs])
            raconteur.save()
        raconteurs[slug] = raconteur
        for code, bios in RACONTEUR_BIOS.items():
            locale = Locale.objects.filter(language_code=code).first()
            if locale and not raconteur.has_translation(locale):
                translation = raconteur.copy_for_translation(locale)
                translation.bio = bios[slug]
                translation.save()
    return raconteurs


@transaction.atomic
def load(stdout) -> None:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        stdout.write("Stories: no home page yet, nothing to do.")
        return
    wijken = {w.slug: w for w in Wijk.objects.filter(locale=nl)}
    themes = {t.slug: t for t in Theme.objects.filter(locale=nl)}

    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = INDEX["nl"]
        index = home.add_child(
            instance=StoryIndexPage(
                title=title,
                slug="verhalen",
                intro=intro,
                proposal_intro=PROPOSAL_INTRO,
                listing_summary=intro,
                show_in_menus=True,
            )
        )
        publish(index)
    for code, (title, intro) in INDEX.items():
        if code != "nl":
            translate_page(index, locales[code], title=title, intro=intro, listing_summary=intro)

    raconteurs = load_raconteurs(nl, wijken)
    series = {}
    for slug, (title, intro) in SERIES.items():
        page = StorySeriesPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = index.add_child(
                instance=StorySeriesPage(title=title, slug=slug, intro=intro, listing_summary=intro)
            )
            publish(page)
        series[slug] = page

    media = load_media()
    pictogram = Pictogram.objects.filter(shipped_name="boom", locale=nl).first()
    stories = {}
    for (
        slug,
        title,
        intro,
        portrayed,
        raconteur_slugs,
        series_slug,
        wijk_slugs,
        theme_slugs,
        story_date,
        sentences,
        (quote, attribution),
        look,
    ) in STORIES:
        story = StoryPage.objects.child_of(index).filter(slug=slug).first()
        if story is None:
            if look:
                lead = portrait_image(f"Portret: {title}", first_name(portrayed), **look)
                alt = lead.description
            else:
                alt = (
                    f"Tekening van een straat met huizen onder een zon, bij het verhaal '{title}'."
                )
                lead = demo_image(f"Straattekening: {title}", alt, seed=slug)
            if slug == FULL_STORY:
                body = full_body("nl", media, index, pictogram)
            else:
                body = simple_body(sentences, quote, attribution)
            story = index.add_child(
                instance=StoryPage(
                    title=title,
                    slug=slug,
                    intro=intro,
                    listing_summary=intro,
                    portrayed=portrayed,
                    date=story_date,
                    series=series.get(series_slug),
                    lead_image=lead,
                    lead_image_alt=alt,
                    body=body,
                )
            )
            story.raconteurs.set([raconteurs[s] for s in raconteur_slugs])
            story.wijken.set([wijken[s] for s in wijk_slugs])
            story.themes.set([themes[s] for s in theme_slugs])
            publish(story)
        stories[slug] = story

    for (slug, code), (title, intro) in SERIES_TRANSLATIONS.items():
        translate_page(series[slug], locales[code], title=title, intro=intro, listing_summary=intro)

    looks = {item[0]: item[11] for item in STORIES}
    for (slug, code), (title, intro, portrayed, sentences, quote, by) in TRANSLATIONS.items():
        story = stories[slug]
        if slug == FULL_STORY:
            pictogram_translation = pictogram.get_translation_or_none(locales[code]) or pictogram
            index_translation = index.get_translation_or_none(locales[code]) or index
            body = full_body(code, media, index_translation, pictogram_translation)
        else:
            body = simple_body(sentences, quote, by)
        alt = portrait_alt(first_name(portrayed), code, **looks[slug])
        translate_page(
            story,
            locales[code],
            title=title,
            intro=intro,
            listing_summary=intro,
            portrayed=portrayed,
            lead_image_alt=alt,
            body=body,
        )

    stdout.write(
        f"Stories: {StoryPage.objects.count()} stories, {Raconteur.objects.count()} raconteurs, "
        f"{StorySeriesPage.objects.count()} series pages (all languages)."
    )
