"""Query text: cleaning, light per-language word forms, spelling hints, snippets, masking.

The backends index whole words. So that "wijken" finds "wijk" and "adviezen" finds "advies"
on every backend (SQLite FTS has no Dutch stemmer), each word of the query is widened to the
words of the site's own vocabulary that share its *key* (a light stem per language), and a word
the vocabulary does not know is corrected to its closest known key (the spelling hint).
"""

import difflib
import re
import unicodedata

from wagtail.search.query import And, Or, PlainText

MAX_TERMS = 12
WORD = re.compile(r"\w+", re.UNICODE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
PHONE = re.compile(r"(?<!\w)\+?\d[\d\s()./-]{6,}\d(?!\w)")
AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def mask_personal_data(text: str) -> str:
    """The query as the log may keep it: e-mail addresses and phone numbers replaced."""
    text = EMAIL.sub("[e-mail]", text)
    return PHONE.sub("[telefoon]", text)


def words(text: str) -> list[str]:
    """The words of a query, lower case, without operators or punctuation."""
    return [word.lower() for word in WORD.findall(text.replace("_", " "))][:MAX_TERMS]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _collapse(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def key(word: str, language: str) -> str:
    """A light stem: word forms that should find each other share a key."""
    word = _fold(word)
    if language == "ar":
        word = word.translate(AR_LETTERS)
        for prefix in AR_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                word = word[len(prefix) :]
                break
        if word.endswith("ات") and len(word) > 4:
            word = word[:-2]
        return word
    if language == "nl":
        if word.endswith("'s") or (len(word) > 4 and word.endswith("en")):
            word = word[:-2]
        elif len(word) > 3 and word.endswith("s"):
            word = word[:-1]
        if word.endswith("z"):
            word = word[:-1] + "s"
        elif word.endswith("v"):
            word = word[:-1] + "f"
        word = _collapse(word)
        return word[:-1] if len(word) > 3 and word.endswith("s") else word
    if language == "en":
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        return word
    if language == "tr":
        for suffix in ("ler", "lar"):
            if len(word) > 5 and word.endswith(suffix):
                return word[:-3]
        return word
    if len(word) > 3 and word.endswith(("s", "x")):
        return word[:-1]
    return word


class Vocabulary:
    """The words of the site's titles and summaries in one language, grouped by key."""

    def __init__(self, texts, language: str):
        self.language = language
        self.by_key: dict[str, set[str]] = {}
        for text in texts:
            for word in WORD.findall(text or ""):
                word = word.lower()
                if len(word) > 1 and not word.isdigit():
                    self.by_key.setdefault(key(word, language), set()).add(word)
        self.known = {word for forms in self.by_key.values() for word in forms}

    def forms(self, word: str) -> tuple[set[str], str | None]:
        """The vocabulary's forms of ``word``, and the correction when it was misspelt."""
        word_key = key(word, self.language)
        if word_key in self.by_key:
            return {word, *self.by_key[word_key]}, None
        if word in self.known or len(word) < 4 or word.isdigit():
            return {word}, None
        close = difflib.get_close_matches(word_key, self.by_key, n=1, cutoff=0.8)
        if not close:
            return {word}, None
        forms = self.by_key[close[0]]
        best = difflib.get_close_matches(word, forms, n=1, cutoff=0) or sorted(forms)
        return {word, *forms}, best[0]


def build_query(terms: list[str], vocabulary: Vocabulary, operator: str = "and"):
    """The backend query for ``terms``, the corrected query text (None if nothing changed) and
    the forms of each term."""
    parts, corrected, changed, all_forms = [], [], False, []
    for term in terms:
        forms, correction = vocabulary.forms(term)
        corrected.append(correction or term)
        changed = changed or bool(correction)
        ordered = sorted(forms, key=lambda form: (form != term, form))
        all_forms.append(ordered)
        parts.append(
            PlainText(ordered[0]) if len(ordered) == 1 else Or([PlainText(f) for f in ordered])
        )
    query = parts[0] if len(parts) == 1 else (And(parts) if operator == "and" else Or(parts))
    return query, (" ".join(corrected) if changed else None), all_forms


def snippet(text: str, terms: list[str], language: str, width: int = 220) -> list[tuple[str, bool]]:
    """A part of ``text`` around the first matching word, as (text, is_match) pieces."""
    text = " ".join((text or "").split())
    if not text:
        return []
    wanted = {key(term, language) for term in terms}
    matches = [m for m in WORD.finditer(text) if key(m.group(), language) in wanted]
    start = 0
    if matches and len(text) > width:
        start = max(0, matches[0].start() - width // 3)
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 and start - space < 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    pieces, position = [], start
    if start > 0:
        pieces.append(("… ", False))
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    pieces.append((text[position:end], False))
    if end < len(text):
        pieces.append((" …", False))
    return [piece for piece in pieces if piece[0]]
