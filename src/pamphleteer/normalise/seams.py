"""How well the end of one page runs on into the start of another: a weight and a reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bigrams import attraction
from .vocabulary import CLAUSE_BREAK, Vocabulary

# A sentence is over: full stop, question or exclamation mark, ellipsis, then closing marks.
_TERMINAL = re.compile(r"[.!?…][\"”’')\]*_]*$")
# `(?<!...)` starts a match only at a word's first letter: from further in, the scanner would
# retry the same failed match letter by letter, all through a long paragraph.
_BROKEN_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[-\u00ad\u2010]$")
_FIRST_WORD = re.compile(r"^[\"“‘'(\[]*([^\W\d_]+)")
_MARKERS = re.compile(r"<sup>[^<]{1,12}</sup>|\[\^[^\]]+\]|(?<=[^\W\d_][.,;:!?”’\"')])\d{1,3}$|(?<=[^\W\d_])\d{1,3}$")
_OPENS_BLOCK = re.compile(r"^(?:[•▪◦●■–*+-]\s|#{1,6}\s|\d{1,2}[.)]\s|>)")
_LINK_FIRST = re.compile(r"^(?:\[[^\]]*\]\(|<?https?://|<?www\.)")
_LINK_ONLY = re.compile(r"^(?:\[[^\]]*\]\([^)\s]*\)|<?(?:https?://|www\.)\S+?>?)$")
_OPENS_QUOTE = re.compile(r"^[\"“‘']")
# A bracketed reference after a finished sentence or quotation: ".” [Name, Title, p. 3]" ends the sentence.
_CITATION_AFTER_END = re.compile(r"(?<=[.!?…\"”’')])\s*\[[^\[\]]{1,160}\]$")
# A full stop after these ends no sentence: "see p." goes on with "325]" on the next page.
_PAGE_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:p|pp|vol|no|ch|fig)\.$", re.I)
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?:p|pp|vol|no|ch|fig|cf|ed|eds|trans|e\.g|i\.e|mr|mrs|dr|st|vs|viz)\.$", re.I)
# Text that closes a bracket before opening one goes on with a reference cut by the page end.
_CLOSES_FIRST = re.compile(r"^[^\[\]]*\]")
# Markdown quote lines: a quotation cut by a page break goes on in another "> " line.
_QUOTE_PREFIX = re.compile(r"^>\s?")
# Words that end a line only when the sentence goes on (articles, prepositions...).
_FUNCTION_WORD_ZIPF = 6.0
# Title lines and headings are short and carry no sentence punctuation.
_HEADING_CHARS = 60

# Weight of one unit of word-pair attraction (log10 of how much likelier than chance).
_ATTRACTION = 1.5
# A Markdown quotation (`> ` lines) cut by a page break and going on in `> ` lines, or not.
_QUOTE_GOES_ON = 2.0
_QUOTE_BROKEN = -4.0

SURE = 6.0
LIKELY = 2.0


@dataclass(frozen=True)
class Seam:
    """The evidence that `head` follows `tail` directly, in reading order.

    Attributes:
        weight: Positive when the text runs on, negative when it cannot.
        reason: The evidence, in words, for the report.
    """

    weight: float
    reason: str

    @property
    def confidence(self) -> str:
        """The weight in a word an editor can act on."""
        if self.weight >= SURE:
            return "sure"
        if self.weight >= LIKELY:
            return "likely"
        return "weak" if self.weight >= 0 else "doubtful"


def seam(tail: str, head: str, vocabulary: Vocabulary) -> Seam:
    """Weigh the join of a page ending in `tail` with one starting with `head`.

    >>> v = Vocabulary("")
    >>> seam("the change in mach-", "inery for the workers", v).confidence
    'sure'
    >>> seam("the tenants of the", "houses took over", v).confidence
    'sure'
    >>> seam("and so it ended.", "and then it began", v).confidence
    'doubtful'
    """
    return seam_between(page_end(tail), page_start(head), vocabulary)


def seam_between(end: PageEnd, start: PageStart, vocabulary: Vocabulary) -> Seam:
    """`seam` for a page end and a page start already read."""
    found = _text_seam(end, start, vocabulary)
    if not start.lower or found.weight <= 0:
        return found
    # A sentence that goes on over the page stays inside or outside the quotation it is in.
    if end.quoted != start.quoted:
        return Seam(found.weight + _QUOTE_BROKEN, found.reason + ", but in and out of a quotation")
    return Seam(found.weight + _QUOTE_GOES_ON, found.reason + ", inside a quotation") if end.quoted else found


@dataclass(frozen=True)
class PageEnd:
    """What the weighing reads in a page's end.

    Every page's end is weighed against every page's start. The facts read
    with regexes over a whole paragraph are the same for each pair, so they
    are read once per end (and per start, in `PageStart`), not once per pair.

    Attributes:
        text: The end without quote prefix, note markers or a closing citation.
        quoted: The end is a Markdown quotation line.
        broken: The first half of a word hyphenated at the very end, if any.
        finished: The end closes a sentence.
        last_letters: The last run of letters.
        last_word: The last word or number, if any.
        clause_words: The last two words or numbers of the last clause.
    """

    text: str
    quoted: bool
    broken: str
    finished: bool
    last_letters: str
    last_word: tuple[str, ...]
    clause_words: tuple[str, ...]


@dataclass(frozen=True)
class PageStart:
    """What the weighing reads in a page's start (see `PageEnd`).

    Attributes:
        text: The start without quote prefix.
        quoted: The start is a Markdown quotation line.
        lower: The start goes on in lower case.
        closes_first: A bracket closes before any opens.
        first_word: The first word, past opening quote marks and brackets.
        lead: The first word or number, if any.
        clause_words: The first two words or numbers of the first clause.
    """

    text: str
    quoted: bool
    lower: bool
    closes_first: bool
    first_word: str
    lead: tuple[str, ...]
    clause_words: tuple[str, ...]


def page_end(tail: str) -> PageEnd:
    """Read the facts of a page's end."""
    end = _clean_end(tail)
    broken = _BROKEN_WORD.search(end)
    letters = re.findall(r"[^\W\d_]+", end)
    return PageEnd(end, bool(_QUOTE_PREFIX.match(tail.strip())), broken.group(1) if broken else "", _finished(end),
                   letters[-1] if letters else "", tuple(_words(end)[-1:]), tuple(_words(CLAUSE_BREAK.split(end)[-1])[-2:]))


def page_start(head: str) -> PageStart:
    """Read the facts of a page's start."""
    start = _QUOTE_PREFIX.sub("", head.strip())
    return PageStart(start, bool(_QUOTE_PREFIX.match(head.strip())), _starts_lower(start), bool(_CLOSES_FIRST.match(start)),
                     _first_word(start), tuple(_words(start)[:1]), tuple(_words(CLAUSE_BREAK.split(start)[0])[:2]))


def _text_seam(tail: PageEnd, head: PageStart, vocabulary: Vocabulary) -> Seam:
    end, start = tail.text, head.text
    if not end or not start:
        return Seam(0.0, "blank page edge")
    if _LINK_ONLY.match(end):
        return Seam(-2.0 if head.lower else 0.0, "a line that is only a link")
    if tail.broken:
        return _broken_word(tail.broken, head.first_word, vocabulary)
    if _cites_page(end) and re.match(r"^\d", start):
        return Seam(8.0, "a page reference goes on with its number")
    if end.count("[") > end.count("]"):
        if head.closes_first:
            return Seam(8.0, "a bracketed reference goes on and closes")
        return Seam(-2.0, "a bracketed reference is left open")
    if head.closes_first:
        return Seam(-3.0, "a bracket closes that no page end opened")
    if tail.finished:
        if head.lower:
            return Seam(-6.0, "a sentence ends, yet the next page starts mid-sentence")
        return Seam(0.5, "a sentence ends and a new one begins")
    if end.endswith(":"):
        if _OPENS_QUOTE.match(start) or _OPENS_BLOCK.match(start) or head.lower:
            return Seam(3.0, "a colon introduces what follows")
        return Seam(1.0, "a colon, then a new sentence")
    if len(end) <= _HEADING_CHARS and not re.search(r"[.,;]", end):
        if not head.lower:
            return Seam(0.0, "a heading or title line")
        if _title_case(end):
            return Seam(-2.0, "a heading, yet the next page goes on in lower case")
    return _mid_sentence(tail, head, vocabulary)


def reference_goes_on(end: str, start: str) -> bool:
    """True if a reference cut at `end` ("[Name, Title, p.") goes on at `start` ("160]").

    >>> reference_goes_on("[A. Name, Notes, p.", "160]"), reference_goes_on("[A. Name, Notes on", "Planning, p. 4]")
    (True, True)
    >>> reference_goes_on("It ended.", "Then it began [again].")
    False
    """
    start = _QUOTE_PREFIX.sub("", start.strip())
    number_first, closes_first = bool(re.match(r"^\d", start)), bool(_CLOSES_FIRST.match(start))
    if not (number_first or closes_first):
        return False  # either way the start must go on with the reference: the end need not be read
    end = _MARKERS.sub("", _QUOTE_PREFIX.sub("", end.strip())).rstrip()
    if _cites_page(end) and number_first:
        return True
    return end.count("[") > end.count("]") and closes_first


def ends_mid_sentence(text: str) -> bool:
    """True if `text` stops inside a sentence or a word (no full stop, colon or closing mark).

    >>> ends_mid_sentence("the workers of the"), ends_mid_sentence("It ended.”"), ends_mid_sentence("# A Title")
    (True, False, False)
    >>> ends_mid_sentence("“We stopped.” [A. Name, A Title, p. 12]"), ends_mid_sentence("> “When the inspectors came")
    (False, True)
    >>> ends_mid_sentence("“We stopped.” [A. Name, A Title, p."), seam("A Title, p.", "325]", Vocabulary("")).confidence
    (True, 'sure')
    >>> seam("“We stopped.” [A. Name, Notes on", "Planning, p. 4] Then", Vocabulary("")).confidence
    'sure'
    """
    end = _clean_end(text)
    opens_block = _OPENS_BLOCK.match(_QUOTE_PREFIX.sub("", text.strip()))
    return bool(end) and not _finished(end) and not end.endswith(":") and not opens_block


def starts_mid_sentence(text: str) -> bool:
    """True if `text` opens in lower case, going on with a sentence begun elsewhere.

    A link or web address standing first is not a sentence: it says nothing.
    """
    text = _QUOTE_PREFIX.sub("", text.strip())
    return (_starts_lower(text) and not _LINK_FIRST.match(text)) or bool(_CLOSES_FIRST.match(text))


def _clean_end(tail: str) -> str:
    """The tail without quote prefix, note markers, hard-break spaces or a citation after the last sentence."""
    end = _MARKERS.sub("", _QUOTE_PREFIX.sub("", tail.strip())).rstrip()
    return _CITATION_AFTER_END.sub("", end)


def _finished(end: str) -> bool:
    """True if `end` closes a sentence: a full stop (not an abbreviation's), question or exclamation mark..."""
    return bool(_TERMINAL.search(end)) and not _abbreviated(end, _ABBREVIATION)


def _cites_page(end: str) -> bool:
    """True if `end` stops after "p." or the like, so that a page number goes on."""
    return _abbreviated(end, _PAGE_ABBREVIATION)


def _abbreviated(end: str, abbreviation: re.Pattern[str]) -> bool:
    # The patterns, anchored at the end after a full stop, are tried at every position of a
    # page's last paragraph; looking at its last character first spares that for most ends.
    return end.endswith(".") and bool(abbreviation.search(end))


def _starts_lower(text: str) -> bool:
    first = re.search(r"[^\W\d_]", text)
    return bool(first) and first.group(0).islower() and not _OPENS_BLOCK.match(text)


def _first_word(text: str) -> str:
    match = _FIRST_WORD.match(text)
    return match.group(1) if match else ""


def _broken_word(left: str, right: str, vocabulary: Vocabulary) -> Seam:
    if not right or not right[0].islower():
        return Seam(-1.0, "a line-end hyphen before a capital")
    if vocabulary.count(left + right) or vocabulary.zipf(left + right) >= 2.0:
        return Seam(9.0, f"the hyphenated word {left}-{right} closes up")
    if vocabulary.is_word(left + right) or (vocabulary.is_word(left) and vocabulary.is_word(right)):
        return Seam(6.0, f"the hyphenated {left}-{right} makes words")
    return Seam(3.0, "a line-end hyphen, continued in lower case")


def _mid_sentence(end: PageEnd, start: PageStart, vocabulary: Vocabulary) -> Seam:
    """A page that stops mid-sentence: the next must go on with the same sentence."""
    function_word = bool(end.last_letters) and vocabulary.zipf(end.last_letters) >= _FUNCTION_WORD_ZIPF
    word, text = start.first_word, start.text
    if start.lower or re.match(r"^\d", text):
        base = 3.0 if text[0].isdigit() else 7.0 if function_word else 6.0
        base += _pull(end, start, vocabulary)
        phrase = _shared_phrase(end.clause_words, start.clause_words, vocabulary)
        if phrase:
            bonus = 3.0 if phrase.count(" ") == 2 else 1.0
            return Seam(base + bonus, f"the sentence goes on, with “{phrase}” as elsewhere in the text")
        return Seam(base, "the sentence goes on in lower case" if text[0].isalpha() else "the sentence goes on with a number")
    if _OPENS_BLOCK.match(text):
        return Seam(-4.0, "a sentence is cut, yet the next page opens a list or heading")
    if word and vocabulary.is_name(word):
        return Seam(2.0, f"the sentence may go on with the name {word}")
    if word and word[0].isupper() and vocabulary.opens_sentences(word):
        return Seam(-3.0 if function_word else -1.5, "a sentence is cut, yet the next page starts a new one")
    return Seam(0.0, "a sentence is cut; what follows is unclear")


def _pull(end: PageEnd, start: PageStart, vocabulary: Vocabulary) -> float:
    """How much the last word before the seam and the first after it belong together in the language.

    Two pages that both go on in lower case fit many others; "not so | much"
    reads on where "not so | are" does not.
    """
    before, after = end.last_word, start.lead
    if not before or not after or CLAUSE_BREAK.search(end.text[-1:]):
        return 0.0
    return _ATTRACTION * attraction(before[0], after[0], vocabulary.language)


def _title_case(text: str) -> bool:
    """Every word but the short ones capitalised, as in a heading: "Delegates and Directors", not "Each step"."""
    words = [word for word in re.findall(r"[^\W\d_]+", text) if len(word) > 3]
    return len(words) >= 2 and all(word[0].isupper() for word in words)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", text)


def _shared_phrase(before: tuple[str, ...], after: tuple[str, ...], vocabulary: Vocabulary) -> str:
    """The longest phrase across the seam that the document also writes elsewhere, if any."""
    if not before or not after:
        return ""
    candidates = [before[-2:] + after[:1], before[-1:] + after[:2], before[-1:] + after[:1]]
    for words in candidates:
        if len(words) >= 2 and vocabulary.phrase_count(*words):
            return " ".join(words)
    return ""
