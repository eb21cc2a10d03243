"""Catalogue of the pictogram library in ``site_app/static/pictograms``.

Every pictogram is a hand-drawn SVG on one 48x48 grid: 3-unit round strokes in ``currentColor``,
a 4-unit safe margin and no fills except an occasional small solid dot. The SVG files carry no
title: where a pictogram stands without visible text, the template gives it the label in the
active language as alt text; next to visible text it is decorative (empty alt).

Each entry has:

* ``name``: the file name without ``.svg`` (lowercase ASCII, hyphens);
* ``labels``: short labels per language (nl, en, fr, tr, ar), used as alt text;
* ``keywords``: comma-separated Dutch search keywords, e.g. for a pictogram picker.

The tuple is sorted by name.
"""

# Turkish labels rightly use the dotless i (U+0131); it is not a confusable character here.

PICTOGRAMS: tuple[dict, ...] = (
    {
        "name": "afval",
        "labels": {"nl": "Afval", "en": "Waste", "fr": "Déchets", "tr": "Çöp", "ar": "نفايات"},
        "keywords": "vuilnis, vuilbak, sorteren, recyclage, containerpark, ophaling, zwerfvuil",
    },
    {
        "name": "bal",
        "labels": {"nl": "Bal", "en": "Ball", "fr": "Ballon", "tr": "Top", "ar": "كرة"},
        "keywords": "sport, voetbal, spelen, bewegen, sportclub",
    },
    {
        "name": "blad",
        "labels": {"nl": "Blad", "en": "Leaf", "fr": "Feuille", "tr": "Yaprak", "ar": "ورقة شجر"},
        "keywords": "milieu, klimaat, natuur, duurzaam, groen, energie",
    },
    {
        "name": "boom",
        "labels": {"nl": "Boom", "en": "Tree", "fr": "Arbre", "tr": "Ağaç", "ar": "شجرة"},
        "keywords": "groen, natuur, bomen, publieke ruimte, plein",
    },
    {
        "name": "brief",
        "labels": {"nl": "Brief", "en": "Letter", "fr": "Lettre", "tr": "Mektup", "ar": "رسالة"},
        "keywords": "e-mail, post, bericht, contact, nieuwsbrief",
    },
    {
        "name": "bus",
        "labels": {"nl": "Bus", "en": "Bus", "fr": "Bus", "tr": "Otobüs", "ar": "حافلة"},
        "keywords": "openbaar vervoer, halte, tram, mobiliteit, reizen",
    },
    {
        "name": "buurtcentrum",
        "labels": {
            "nl": "Buurtcentrum",
            "en": "Community centre",
            "fr": "Centre de quartier",
            "tr": "Mahalle merkezi",
            "ar": "مركز الحي",
        },
        "keywords": "ontmoeting, buurthuis, wijkcentrum, samenkomen, vereniging",
    },
    {
        "name": "camera",
        "labels": {
            "nl": "Camera",
            "en": "Camera",
            "fr": "Appareil photo",
            "tr": "Fotoğraf makinesi",
            "ar": "كاميرا",
        },
        "keywords": "foto, beeld, fotograferen, video, media",
    },
    {
        "name": "document",
        "labels": {
            "nl": "Document",
            "en": "Document",
            "fr": "Document",
            "tr": "Belge",
            "ar": "مستند",
        },
        "keywords": "formulier, bestand, verslag, pdf, attest, papieren",
    },
    {
        "name": "fiets",
        "labels": {
            "nl": "Fiets",
            "en": "Bicycle",
            "fr": "Vélo",
            "tr": "Bisiklet",
            "ar": "دراجة هوائية",
        },
        "keywords": "mobiliteit, fietsen, fietspad, verkeer, fietsenstalling",
    },
    {
        "name": "geld",
        "labels": {"nl": "Geld", "en": "Money", "fr": "Argent", "tr": "Para", "ar": "مال"},
        "keywords": "euro, betalen, premie, subsidie, budget, kosten, financiën",
    },
    {
        "name": "gelijke-kansen",
        "labels": {
            "nl": "Gelijke kansen",
            "en": "Equal opportunities",
            "fr": "Égalité des chances",
            "tr": "Fırsat eşitliği",
            "ar": "تكافؤ الفرص",
        },
        "keywords": "armoede, rechtvaardigheid, weegschaal, ongelijkheid, sociale steun, inclusie",
    },
    {
        "name": "groep",
        "labels": {"nl": "Groep", "en": "Group", "fr": "Groupe", "tr": "Grup", "ar": "مجموعة"},
        "keywords": "mensen, samen, bewoners, vereniging, gemeenschap",
    },
    {
        "name": "hart",
        "labels": {"nl": "Hart", "en": "Heart", "fr": "Cœur", "tr": "Kalp", "ar": "قلب"},
        "keywords": "welzijn, zorg, gezondheid, hulp, liefde, vrijwilligers",
    },
    {
        "name": "huis",
        "labels": {"nl": "Huis", "en": "House", "fr": "Maison", "tr": "Ev", "ar": "منزل"},
        "keywords": "wonen, woning, thuis, huren, kopen, sociale huisvesting",
    },
    {
        "name": "info",
        "labels": {
            "nl": "Informatie",
            "en": "Information",
            "fr": "Information",
            "tr": "Bilgi",
            "ar": "معلومات",
        },
        "keywords": "info, uitleg, meer weten, hulp, loket",
    },
    {
        "name": "jongeren",
        "labels": {
            "nl": "Jongeren",
            "en": "Young people",
            "fr": "Jeunes",
            "tr": "Gençler",
            "ar": "الشباب",
        },
        "keywords": "jeugd, kinderen, tieners, jeugdwerk, skaten, spelen",
    },
    {
        "name": "kalender",
        "labels": {
            "nl": "Kalender",
            "en": "Calendar",
            "fr": "Calendrier",
            "tr": "Takvim",
            "ar": "تقويم",
        },
        "keywords": "datum, agenda, activiteiten, afspraak, planning, evenement",
    },
    {
        "name": "klok",
        "labels": {"nl": "Klok", "en": "Clock", "fr": "Horloge", "tr": "Saat", "ar": "ساعة"},
        "keywords": "tijd, uur, openingsuren, duur, wachten",
    },
    {
        "name": "let-op",
        "labels": {
            "nl": "Let op",
            "en": "Warning",
            "fr": "Attention",
            "tr": "Dikkat",
            "ar": "تنبيه",
        },
        "keywords": "waarschuwing, opgelet, belangrijk, gevaar, melding",
    },
    {
        "name": "luisteren",
        "labels": {
            "nl": "Luisteren",
            "en": "Listen",
            "fr": "Écouter",
            "tr": "Dinlemek",
            "ar": "الاستماع",
        },
        "keywords": "oor, horen, audio, voorlezen, gehoor",
    },
    {
        "name": "microfoon",
        "labels": {
            "nl": "Microfoon",
            "en": "Microphone",
            "fr": "Microphone",
            "tr": "Mikrofon",
            "ar": "ميكروفون",
        },
        "keywords": "spreken, opnemen, podcast, interview, geluid, stem",
    },
    {
        "name": "park",
        "labels": {"nl": "Park", "en": "Park", "fr": "Parc", "tr": "Park", "ar": "حديقة عامة"},
        "keywords": "groen, zitbank, bank, recreatie, speeltuin, publieke ruimte",
    },
    {
        "name": "persoon",
        "labels": {"nl": "Persoon", "en": "Person", "fr": "Personne", "tr": "Kişi", "ar": "شخص"},
        "keywords": "mens, bewoner, inwoner, burger, profiel, account",
    },
    {
        "name": "pijl",
        "labels": {"nl": "Pijl", "en": "Arrow", "fr": "Flèche", "tr": "Ok işareti", "ar": "سهم"},
        "keywords": "verder, volgende, meer, ga naar, link",
    },
    {
        "name": "rss",
        "labels": {
            "nl": "RSS-feed",
            "en": "RSS feed",
            "fr": "Flux RSS",
            "tr": "RSS beslemesi",
            "ar": "موجز RSS",
        },
        "keywords": "nieuws, feed, abonneren, updates, volgen",
    },
    {
        "name": "schild",
        "labels": {"nl": "Schild", "en": "Shield", "fr": "Bouclier", "tr": "Kalkan", "ar": "درع"},
        "keywords": "veiligheid, netheid, politie, preventie, bescherming, overlast",
    },
    {
        "name": "school",
        "labels": {"nl": "School", "en": "School", "fr": "École", "tr": "Okul", "ar": "مدرسة"},
        "keywords": "onderwijs, leren, boek, lezen, opleiding, kinderopvang",
    },
    {
        "name": "senior",
        "labels": {
            "nl": "Senior",
            "en": "Older person",
            "fr": "Personne âgée",
            "tr": "Yaşlı kişi",
            "ar": "كبير السن",
        },
        "keywords": "senioren, ouderen, ouder worden, woonzorgcentrum, pensioen",
    },
    {
        "name": "spreken",
        "labels": {
            "nl": "Spreken",
            "en": "Speak",
            "fr": "Parler",
            "tr": "Konuşmak",
            "ar": "التحدث",
        },
        "keywords": "praten, gesprek, zeggen, mening, chat, tekstballon",
    },
    {
        "name": "stad",
        "labels": {"nl": "Stad", "en": "City", "fr": "Ville", "tr": "Şehir", "ar": "مدينة"},
        "keywords": "gemeente, centrum, gebouwen, stedelijk, skyline",
    },
    {
        "name": "stadhuis",
        "labels": {
            "nl": "Stadhuis",
            "en": "City hall",
            "fr": "Hôtel de ville",
            "tr": "Belediye binası",
            "ar": "مبنى البلدية",
        },
        "keywords": "stadsbestuur, gemeentehuis, loket, burgemeester, gemeenteraad, administratie",
    },
    {
        "name": "stemmen",
        "labels": {
            "nl": "Stemmen",
            "en": "Voting",
            "fr": "Voter",
            "tr": "Oy vermek",
            "ar": "التصويت",
        },
        "keywords": "participatie, democratie, verkiezing, stembus, inspraak, meebeslissen",
    },
    {
        "name": "taal",
        "labels": {"nl": "Taal", "en": "Language", "fr": "Langue", "tr": "Dil", "ar": "اللغة"},
        "keywords": "talen, vertaling, wereld, Nederlands leren, meertalig, anderstalig",
    },
    {
        "name": "telefoon",
        "labels": {
            "nl": "Telefoon",
            "en": "Phone",
            "fr": "Téléphone",
            "tr": "Telefon",
            "ar": "هاتف",
        },
        "keywords": "bellen, telefoonnummer, contact, gsm, oproep",
    },
    {
        "name": "theater",
        "labels": {
            "nl": "Theater",
            "en": "Theatre",
            "fr": "Théâtre",
            "tr": "Tiyatro",
            "ar": "مسرح",
        },
        "keywords": "cultuur, erfgoed, voorstelling, museum, kunst, podium",
    },
    {
        "name": "toegankelijk",
        "labels": {
            "nl": "Toegankelijk",
            "en": "Accessible",
            "fr": "Accessible",
            "tr": "Erişilebilir",
            "ar": "سهل الوصول",
        },
        "keywords": "rolstoel, beperking, handicap, toegankelijkheid, drempelvrij, lift",
    },
    {
        "name": "vergadering",
        "labels": {
            "nl": "Vergadering",
            "en": "Meeting",
            "fr": "Réunion",
            "tr": "Toplantı",
            "ar": "اجتماع",
        },
        "keywords": "overleg, bijeenkomst, infoavond, gemeenteraad, samenkomst, debat",
    },
    {
        "name": "verhaal",
        "labels": {"nl": "Verhaal", "en": "Story", "fr": "Histoire", "tr": "Hikâye", "ar": "قصة"},
        "keywords": "getuigenis, vertellen, ervaring, blog, artikel",
    },
    {
        "name": "vinkje",
        "labels": {
            "nl": "Vinkje",
            "en": "Check mark",
            "fr": "Coche",
            "tr": "Onay işareti",
            "ar": "علامة صح",
        },
        "keywords": "klaar, gelukt, bevestigd, in orde, goedgekeurd, afgewerkt",
    },
    {
        "name": "vraag",
        "labels": {"nl": "Vraag", "en": "Question", "fr": "Question", "tr": "Soru", "ar": "سؤال"},
        "keywords": "hulp, vragen, veelgestelde vragen, faq, uitleg",
    },
    {
        "name": "water",
        "labels": {"nl": "Water", "en": "Water", "fr": "Eau", "tr": "Su", "ar": "ماء"},
        "keywords": "rivier, kanaal, golven, waterkant, regenwater, overstroming",
    },
    {
        "name": "werk",
        "labels": {"nl": "Werk", "en": "Work", "fr": "Travail", "tr": "İş", "ar": "عمل"},
        "keywords": "economie, job, vacature, ondernemen, handel, tewerkstelling",
    },
    {
        "name": "wijk",
        "labels": {
            "nl": "Wijk",
            "en": "Neighbourhood",
            "fr": "Quartier",
            "tr": "Mahalle",
            "ar": "حي",
        },
        "keywords": "buurt, locatie, plaats, adres, kaart, waar",
    },
    {
        "name": "zoeken",
        "labels": {"nl": "Zoeken", "en": "Search", "fr": "Rechercher", "tr": "Arama", "ar": "بحث"},
        "keywords": "vinden, opzoeken, zoekfunctie, vergrootglas",
    },
    {
        "name": "zon",
        "labels": {"nl": "Zon", "en": "Sun", "fr": "Soleil", "tr": "Güneş", "ar": "شمس"},
        "keywords": "weer, zomer, warmte, hitte, zonne-energie, licht",
    },
)
