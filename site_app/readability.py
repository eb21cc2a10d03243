"""Readability figures for editors: Flesch-Douma, sentence lengths and long words.

What is measured
----------------
* **Text units.** Text comes from rich text HTML, plain strings or a StreamField. Every block
  element (paragraph, list item, heading, table cell, ...) and every plain string is its own
  unit, so a heading or a list item without a full stop still ends where it ends.
* **Sentences.** A unit is split after a word that ends in ``.``, ``!``, ``?`` or ``…``
  (closing quotes and brackets allowed). Not after a number that opens the unit (``1.`` in a
  numbered heading), an initial or a known abbreviation (``bv.``, ``o.a.``, ...). A unit
  without end punctuation is one sentence.
* **Words.** Whitespace-separated tokens (also split on ``/``) with their leading and trailing
  punctuation removed; a token counts as a word if it holds at least one letter or digit.
  ``19e-eeuwse`` and ``1.000`` are one word each.
* **Syllables (Dutch).** Per word part (split on hyphens and apostrophes) the larger of two
  estimates, at least one:

  - pyphen's ``nl_NL`` hyphenation dictionary (positions + 1), which is what ``textstat`` uses;
  - the number of vowel groups (``ij`` counts as a vowel; a diaeresis ``ë``/``ï`` starts a
    new group), which catches the short syllables a hyphenation dictionary never splits off
    (``a-vond``, ``o-ver``, ``i-dee``).

  Hyphenation dictionaries under-count syllables, which flatters the score; taking the
  larger estimate keeps our figures on the strict side. A number written in digits counts as
  one syllable.
* **Flesch-Douma** (Dutch) = 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words).
  For English we show Flesch Reading Ease (206.835 - 1.015 * wps - 84.6 * spw, pyphen
  ``en_GB``) for information. Other languages get sentence figures only.
* **Too short to judge.** Below 30 words the Flesch score is shown but not counted as a
  problem: a page title and one sentence say little about how readable a text is.
* **Long words** are words of four syllables or more; their share is shown for information
  (there is no target for it in QUALITY.md).

Targets (docs QUALITY.md): standard pages average ≤ 15 words per sentence, none over 25,
Flesch-Douma ≥ 60; plain-language versions average ≤ 10, none over 15, Flesch-Douma ≥ 65.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

# --- Targets -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Targets:
    key: str
    label: str
    max_average: float
    max_longest: int
    min_flesch: float


STANDARD = Targets("standard", _("standaardtekst"), 15, 25, 60)
PLAIN = Targets("plain", _("klare taal"), 10, 15, 65)
TARGETS = {STANDARD.key: STANDARD, PLAIN.key: PLAIN}

LONG_WORD_SYLLABLES = 4
# A Flesch score on a handful of words (a title and one sentence) says little: below this
# many words it is shown, but not held against the text.
MIN_WORDS_FOR_FLESCH = 30

# --- Syllables ---------------------------------------------------------------------------

_VOWELS = set("aeiouyáéíóúàèìòùâêîôûäëïöü")
_DIAERESIS = set("äëïöü")
_WORD_PARTS = re.compile(r"[-‐‑'’]+")


@lru_cache(maxsize=4)
def _pyphen(language: str):
    import pyphen

    return pyphen.Pyphen(lang={"nl": "nl_NL", "en": "en_GB"}[language])


def _vowel_groups(part: str) -> int:
    """Count vowel groups in a Dutch word part (``ij`` is one vowel)."""
    text = part.replace("ij", "y")
    groups = 0
    previous_vowel = False
    for index, char in enumerate(text):
        is_vowel = char in _VOWELS
        # A diphthong ending in "i" before an "e" splits: draai-en, mooi-e, groei-en, lui-e.
        after_diphthong = (
            char == "e" and index >= 2 and text[index - 1] == "i" and text[index - 2] in _VOWELS
        )
        if is_vowel and (not previous_vowel or char in _DIAERESIS or after_diphthong):
            groups += 1
        # "ij" followed by a vowel is a syllable boundary: bij-een, vrij-e.
        previous_vowel = is_vowel and char != "y"
    return groups


def syllables(word: str, language: str = "nl") -> int:
    """Estimated syllables in one word (see the module docstring)."""
    word = unicodedata.normalize("NFC", word.lower())
    total = 0
    for part in _WORD_PARTS.split(word):
        if not part:
            continue
        if part.replace(".", "").replace(",", "").isdigit():
            total += 1
            continue
        if language in ("nl", "en"):
            by_dictionary = len(_pyphen(language).positions(part)) + 1
        else:
            by_dictionary = 1
        by_vowels = _vowel_groups(part) if language == "nl" else 0
        total += max(1, by_dictionary, by_vowels)
    return max(1, total)


# --- Sentences and words -----------------------------------------------------------------

ABBREVIATIONS = {
    "bv.",
    "bijv.",
    "o.a.",
    "enz.",
    "e.d.",
    "ca.",
    "nr.",
    "dr.",
    "prof.",
    "mr.",
    "mevr.",
    "st.",
    "vs.",
    "d.w.z.",
    "m.a.w.",
    "i.p.v.",
    "t.e.m.",
    "t/m.",
    "e.g.",
    "i.e.",
    "etc.",
    "no.",
}
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = re.compile(r"[.!?…؟][" + re.escape(_CLOSERS) + r"]*$")
_STRIP = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)


def words_in(text: str) -> list[str]:
    """The words of a piece of text, punctuation stripped."""
    result = []
    for token in text.replace("/", " ").split():
        word = _STRIP.sub("", token)
        if any(char.isalnum() for char in word):
            result.append(word)
    return result


def _ends_sentence(token: str, first: bool) -> bool:
    if not _SENTENCE_END.search(token):
        return False
    bare = token.rstrip(_CLOSERS).lower()
    if bare in ABBREVIATIONS:
        return False
    core = bare.rstrip(".")
    if bare.endswith(".") and core.isdigit() and first:
        return False  # "1." numbering a heading or a list item
    # A single initial such as "J." in "J. Peeters".
    return not (bare.endswith(".") and len(core) == 1 and core.isalpha())


def split_sentences(unit: str) -> list[str]:
    """Split one text unit (a paragraph, list item, heading) into sentences."""
    sentences, current = [], []
    for token in unit.split():
        current.append(token)
        if _ends_sentence(token, first=len(current) == 1):
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return [sentence for sentence in sentences if words_in(sentence)]


# --- Text from HTML and StreamFields ------------------------------------------------------

BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
SKIP_TAGS = {"script", "style", "template", "noscript", "svg", "math", "head", "title"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units: list[str] = []
        self._buffer: list[str] = []
        self._skip_depth = 0

    def _flush(self):
        text = " ".join("".join(self._buffer).split())
        if text:
            self.units.append(text)
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self._skip_depth += 1
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skip_depth:
            self._buffer.append(data)

    def close(self):
        super().close()
        self._flush()


def units_from_html(html: str) -> list[str]:
    """Text units of an HTML fragment: one per block element, scripts and styles skipped."""
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    return parser.units


def units_from_stream(stream_value) -> list[str]:
    """Text units of a StreamField value, walking the block definitions.

    Only text is read: rich text, character and text blocks. Choices (a heading level),
    URLs, pages, images, documents and snippets are skipped; a pictogram's label is alt
    text, not running text.
    """
    units: list[str] = []
    if not stream_value:
        return units
    for child in stream_value:
        units.extend(_units_from_block(child.block, child.value))
    return units


def _units_from_block(block, value) -> list[str]:
    from wagtail import blocks

    if value in (None, ""):
        return []
    if isinstance(block, blocks.RichTextBlock):
        return units_from_html(getattr(value, "source", str(value)))
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [unit for unit in str(value).splitlines() if unit.strip()]
    if isinstance(block, blocks.StructBlock):
        if not hasattr(value, "items"):  # e.g. ImageBlock: its value is an Image
            return []
        units = []
        for name, child_block in block.child_blocks.items():
            units.extend(_units_from_block(child_block, value.get(name)))
        return units
    if isinstance(block, blocks.ListBlock):
        units = []
        for item in value:
            units.extend(_units_from_block(block.child_block, item))
        return units
    if isinstance(block, blocks.StreamBlock):
        units = []
        for child in value:
            units.extend(_units_from_block(child.block, child.value))
        return units
    return []


@dataclass(frozen=True)
class LongLine:
    """A block with a word limit of its own (``Meta.max_words``, e.g. a pictogram line) that
    holds more words than that."""

    text: str
    words: int
    limit: int


def long_lines(stream_values: Iterable) -> list[LongLine]:
    """The blocks in these StreamField values that are longer than their own word limit."""
    found: list[LongLine] = []
    for stream_value in stream_values:
        for child in stream_value or ():
            _collect_long_lines(child.block, child.value, found)
    return found


def _collect_long_lines(block, value, found: list[LongLine]) -> None:
    from wagtail import blocks

    if value in (None, ""):
        return
    limit = getattr(block.meta, "max_words", None)
    if limit:
        text = " ".join(_units_from_block(block, value))
        count = len(words_in(text))
        if count > limit:
            found.append(LongLine(text, count, limit))
        return
    if isinstance(block, blocks.StructBlock) and hasattr(value, "items"):
        for name, child_block in block.child_blocks.items():
            _collect_long_lines(child_block, value.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _collect_long_lines(block.child_block, item, found)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _collect_long_lines(child.block, child.value, found)


# --- Scores ------------------------------------------------------------------------------


def flesch_douma(words: int, sentences: int, syllable_count: int) -> float:
    """206.835 - 0.93 * (words per sentence) - 77 * (syllables per word)."""
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllable_count / words)


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    """Flesch (1948), for English: 206.835 - 1.015 * wps - 84.6 * spw."""
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


FORMULAS = {
    "nl": ("Flesch-Douma", flesch_douma),
    "en": ("Flesch Reading Ease", flesch_reading_ease),
}


@dataclass(frozen=True)
class Score:
    language: str
    sentence_lengths: tuple[int, ...]
    words: int
    syllables: int
    long_words: int
    longest_sentence_text: str = ""
    sentences_text: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @property
    def sentences(self) -> int:
        return len(self.sentence_lengths)

    @property
    def is_empty(self) -> bool:
        return not self.words

    @property
    def average_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def longest_sentence(self) -> int:
        return max(self.sentence_lengths, default=0)

    @property
    def long_word_share(self) -> float:
        """Share of words with four syllables or more, 0-1."""
        return self.long_words / self.words if self.words else 0.0

    @property
    def formula_name(self) -> str:
        return FORMULAS[self.language][0] if self.language in FORMULAS else ""

    @property
    def flesch(self) -> float | None:
        """Flesch-Douma for Dutch, Flesch Reading Ease for English, else None."""
        if self.is_empty or self.language not in FORMULAS:
            return None
        return FORMULAS[self.language][1](self.words, self.sentences, self.syllables)

    def long_sentences(self, limit: int) -> list[str]:
        return [
            text
            for text, length in zip(self.sentences_text, self.sentence_lengths, strict=False)
            if length > limit
        ]

    def missed(self, targets: Targets) -> set[str]:
        """The targets this text misses: ``average``, ``longest`` and/or ``flesch``."""
        if self.is_empty:
            return set()
        missed = set()
        if self.average_sentence_length > targets.max_average:
            missed.add("average")
        if self.longest_sentence > targets.max_longest:
            missed.add("longest")
        if (
            self.language == "nl"
            and self.words >= MIN_WORDS_FOR_FLESCH
            and self.flesch is not None
            and self.flesch < targets.min_flesch
        ):
            missed.add("flesch")
        return missed

    def problems(self, targets: Targets) -> list[str]:
        """What misses the targets, in words an editor understands (empty = all fine)."""
        missed = self.missed(targets)
        problems = []
        if "average" in missed:
            problems.append(
                _("Zinnen zijn gemiddeld %(value)s woorden lang; het doel is hoogstens %(target)s.")
                % {
                    "value": number_format(self.average_sentence_length, 1),
                    "target": targets.max_average,
                }
            )
        if "longest" in missed:
            problems.append(
                _("De langste zin telt %(value)s woorden; het doel is hoogstens %(target)s.")
                % {"value": self.longest_sentence, "target": targets.max_longest}
            )
        if "flesch" in missed:
            problems.append(
                _("Flesch-Douma is %(value)s; het doel is minstens %(target)s.")
                % {"value": number_format(self.flesch, 0), "target": targets.min_flesch}
            )
        return problems

    def meets(self, targets: Targets) -> bool:
        return not self.problems(targets)


def score_units(units: Iterable[str], language: str = "nl") -> Score:
    """Score text units (see :func:`units_from_html` and :func:`units_from_stream`)."""
    language = (language or "nl").split("-")[0].lower()
    lengths, texts = [], []
    word_total = syllable_total = long_total = 0
    for unit in units:
        for sentence in split_sentences(unit):
            words = words_in(sentence)
            lengths.append(len(words))
            texts.append(sentence)
            word_total += len(words)
            for word in words:
                count = syllables(word, language)
                syllable_total += count
                if count >= LONG_WORD_SYLLABLES:
                    long_total += 1
    longest = ""
    if lengths:
        longest = texts[lengths.index(max(lengths))]
    return Score(
        language=language,
        sentence_lengths=tuple(lengths),
        words=word_total,
        syllables=syllable_total,
        long_words=long_total,
        longest_sentence_text=longest,
        sentences_text=tuple(texts),
    )


def score_text(text: str, language: str = "nl") -> Score:
    """Score plain text; each line is a unit."""
    return score_units(text.splitlines(), language)


def score_html(html: str, language: str = "nl") -> Score:
    return score_units(units_from_html(html), language)


# --- Pages -------------------------------------------------------------------------------


def sources_for(page) -> dict[str, tuple[Targets, list[str]]]:
    """The texts of a page to score, by variant (``full``, ``plain``), with their targets.

    A page type says what to score with ``readability_sources()``; otherwise a page with a
    ``body`` StreamField is scored as a standard text (title, intro and body).
    """
    from wagtail.blocks import StreamValue

    if hasattr(page, "readability_sources"):
        return page.readability_sources()
    body = getattr(page, "body", None)
    if isinstance(body, StreamValue):
        units = [page.title, getattr(page, "intro", "") or "", *units_from_stream(body)]
        return {"full": (STANDARD, [unit for unit in units if unit])}
    return {}


def streams_for(page) -> dict[str, list]:
    """The StreamField values of a page by variant, to check blocks against their own limits
    (see :func:`long_lines`). A page type says which with ``readability_streams()``."""
    from wagtail.blocks import StreamValue

    if hasattr(page, "readability_streams"):
        return page.readability_streams()
    body = getattr(page, "body", None)
    return {"full": [body]} if isinstance(body, StreamValue) else {}


def score_page(page) -> dict[str, tuple[Targets, Score]]:
    language = page.locale.language_code if getattr(page, "locale_id", None) else "nl"
    return {
        variant: (targets, score_units(units, language))
        for variant, (targets, units) in sources_for(page).items()
    }


def measures(model) -> bool:
    """Whether pages of ``model`` have texts to score (see :func:`sources_for`)."""
    from wagtail.fields import StreamField

    if hasattr(model, "readability_sources"):
        return True
    fields = {field.name: field for field in model._meta.get_fields()}
    return isinstance(fields.get("body"), StreamField)
