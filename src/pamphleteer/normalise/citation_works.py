"""Which work a written citation means: by title, by author, by URL, or the one cited last."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from ..project.references import Reference
from ..citation_forms import Locator, Written, expand_range

# Words that may stand beside a title in a citation without naming anything
# the references do not hold ("in", "ed.", "vol.", months).
_GLUE = frozenset(
    "a an the of in and by ed eds edited trans vol vols no nos pp p s see also introduction reprinted "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_TOKEN = re.compile(r"[a-z0-9]+")
_APOSTROPHE = re.compile(r"['’](?:s\b)?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def tokens(text: str) -> list[str]:
    """Lower-case words without accents, apostrophes or punctuation, for comparing names.

    >>> tokens("Renée's “Workers’ Control,” Smith-Jones & co.")
    ['renee', 'workers', 'control', 'smith', 'jones', 'and', 'co']
    """
    if not text.isascii():  # accents taken off (only non-ASCII characters are looked at: there are few)
        text = _NON_ASCII.sub(_unless_combining, unicodedata.normalize("NFKD", text))
    return _TOKEN.findall(_APOSTROPHE.sub("", text.lower().replace("&", " and ")))


def _unless_combining(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def distance(a: str, b: str) -> int:
    """Edits between two strings, a swap of neighbours counting once (typos such as "Hisotry").

    This is the optimal string alignment distance, worked out by rapidfuzz in C.

    >>> distance("hisotry", "history"), distance("smtih", "smith"), distance("harbour", "harp")
    (1, 1, 4)
    """
    return OSA.distance(a, b)


def _close(a: str, b: str) -> bool:
    """Near enough to be a typo: one slip per twelve letters, and only in longer words."""
    slips = max(1, len(a) // 12)
    # Strings whose lengths differ by more than the slips allowed are that many edits apart at
    # least: most pairs are ruled out before the (costly) edit distance.
    return a == b or (min(len(a), len(b)) >= 5 and abs(len(a) - len(b)) <= slips
                      and OSA.distance(a, b, score_cutoff=slips) <= slips)


@dataclass(frozen=True)
class Found:
    """A work found for a citation; `doubt` says why an editor should look (typo, guess)."""

    key: str
    doubt: str = ""


@dataclass
class Ledger:
    """The works a chapter has cited so far, latest last, with the place last cited in each."""

    keys: list[str] = field(default_factory=list)
    places: dict[str, Locator] = field(default_factory=dict)

    def cite(self, key: str, locator: Locator) -> None:
        self.keys.append(key)
        self.places[key] = locator

    @property
    def last(self) -> str:
        return self.keys[-1] if self.keys else ""


class WorkIndex:
    """The references, ready to be looked up by the words of a citation."""

    def __init__(self, references: Mapping[str, Reference]) -> None:
        self.references = dict(references)
        self._forms = {key: _forms(ref) for key, ref in self.references.items()}
        self._vocabulary = {key: _vocabulary(ref) for key, ref in self.references.items()}
        self._families = {key: [tokens(name.short) for name in ref.names() or ref.names("editor")]
                          for key, ref in self.references.items()}

    def by_title(self, description: str) -> Found | None:
        """The work whose title (or another name it is cited by) the description holds.

        Words beside the title must be explained by the entry (author, journal,
        editors, volume, date), so "Workers and Councils" is not "Workers".
        A misspelt title or name is accepted, and said to be doubtful.
        """
        words = tokens(description)
        for strict, doubt in ((True, ""), (False, "a name matched despite a misspelling")):
            found = self._title_matches(words, strict)
            if found:
                return _one(found, doubt)
        return None

    def _title_matches(self, words: list[str], strict: bool) -> list[tuple[int, str]]:
        found = []
        for key, forms in self._forms.items():
            for form in forms:
                for start in _occurrences(words, form, fuzzy=not strict):
                    rest = words[:start] + words[start + len(form):]
                    if self._explained(key, rest, strict):
                        found.append((len(form), key))
        return found

    def title_forms(self) -> list[tuple[str, list[str]]]:
        """Every (key, words) a work may be named by, in key order."""
        return [(key, form) for key in sorted(self._forms) for form in self._forms[key]]

    def name_words(self, key: str) -> frozenset[str]:
        """The words of the names of a work's authors and editors."""
        ref = self.references[key]
        return frozenset(word for name in ref.names() + ref.names("editor")
                         for word in tokens(f"{name.given} {name.family} {name.literal}"))

    def has_family(self, key: str, words: list[str]) -> bool:
        """True if `words` hold the family name of one of the work's authors or editors."""
        return any(_occurrences(words, family, fuzzy=False) for family in self._families.get(key, []))

    def explains(self, key: str, words: list[str]) -> bool:
        """True if every word is something the entry says (or glue such as "in", "ed.")."""
        return bool(words) and self._explained(key, words)

    def _explained(self, key: str, rest: list[str], strict: bool = False) -> bool:
        vocabulary = self._vocabulary[key]
        return all(word in vocabulary or word in _GLUE or word.isdigit() or (not strict and _near(word, vocabulary))
                   for word in rest)

    def by_author(self, author: str, ledger: Ledger, context: str = "") -> Found | None:
        """The work an author-only citation means ("Smith, Op. Cit.", "Doe, p. 320").

        The author's latest work cited in the chapter; else their only work in
        the references; else the one of theirs the chapter names most often.
        """
        words = tokens(author)
        if not words:
            return None
        for strict, doubt in ((True, ""), (False, "author’s name matched despite a misspelling")):
            for key in reversed(ledger.keys):
                if self._is_by(key, words, strict):
                    return Found(key, doubt)
            theirs = sorted(key for key in self.references if self._is_by(key, words, strict))
            if theirs:
                return self._likeliest(theirs, context, doubt)
        return None

    def _likeliest(self, keys: list[str], context: str, doubt: str) -> Found | None:
        """One of an author's works: the only one, or the one the chapter names most often."""
        if len(keys) == 1:
            return Found(keys[0], doubt)
        named = sorted(((self._named(key, context), key) for key in keys), reverse=True)
        if named[0][0] > named[1][0]:
            return Found(named[0][1], "author has several works; chose the one the text names most")
        return None

    def _is_by(self, key: str, words: list[str], strict: bool) -> bool:
        for family in self._families.get(key, []):
            if _occurrences(words, family, fuzzy=not strict and len(family) == 1):
                rest = [w for w in words if w not in family and not any(_close(w, f) for f in family)]
                return self._explained(key, rest, strict)
        return False

    def _named(self, key: str, context: str) -> int:
        title = tokens(self.references[key].title)
        return len(_occurrences(tokens(context), title, fuzzy=False)) if title else 0

    def by_url(self, url: str) -> Found | None:
        """The work at this address (a trailing slash does not matter)."""
        wanted = url.strip().rstrip("/.")
        for key, ref in sorted(self.references.items()):
            if ref.url and ref.url.rstrip("/") == wanted:
                return Found(key)
        return None

    def belongs(self, key: str, locator: Locator) -> Locator:
        """The locator without what the entry itself holds (an article's volume and page range)."""
        ref = self.references[key]
        volume = locator.volume if tokens(locator.volume)[-1:] != tokens(ref.text("volume")) else ""
        pages = locator.pages
        if pages and ref.text("page") and pages[0] == expand_range(ref.text("page")) and len(pages) > 1:
            pages = pages[1:]
        return Locator(volume, pages)


def _one(found: list[tuple[int, str]], doubt: str) -> Found | None:
    """The work with the longest matching title, unless two works tie."""
    best = max(length for length, _ in found)
    keys = sorted({key for length, key in found if length == best})
    return Found(keys[0], doubt) if len(keys) == 1 else None


def _forms(ref: Reference) -> list[list[str]]:
    names = [ref.title, ref.text("title-short"), *[str(alias) for alias in ref.fields.get("cited-as", ()) or ()]]
    forms = [tokens(name) for name in names if name]
    return [form for form in forms if form]


def _vocabulary(ref: Reference) -> frozenset[str]:
    words: list[str] = []
    for role in ("author", "editor"):
        for name in ref.names(role):
            given = tokens(name.given)
            words += given + [word[0] for word in given] + tokens(f"{name.family} {name.literal}")  # "C. Sirianni"
    for name in ("title", "title-short", "container-title", "publisher", "volume", "issue", "page", "note"):
        words += tokens(ref.text(name))
    words += tokens(ref.issued)
    for alias in ref.fields.get("cited-as", ()) or ():
        words += tokens(str(alias))
    return frozenset(words)


def _near(word: str, vocabulary: frozenset[str]) -> bool:
    return len(word) >= 5 and any(_close(word, known) for known in vocabulary if len(known) >= 5)


def _occurrences(words: list[str], form: list[str], fuzzy: bool) -> list[int]:
    """Where `form` stands in `words` as whole words (allowing a typo if `fuzzy`)."""
    width = len(form)
    if form and not fuzzy:  # word lists compared as they are: no words joined for each window
        first = form[0]
        return [start for start in range(len(words) - width + 1)
                if words[start] == first and words[start:start + width] == form]
    wanted = " ".join(form)
    found = []
    for start in range(len(words) - width + 1):
        window = " ".join(words[start:start + width])
        if _close(window, wanted):
            found.append(start)
    return found


def resolve(written: Written, index: WorkIndex, ledger: Ledger, context: str = "") -> tuple[Found | None, Locator]:
    """The work and locator a written citation stands for, given what the chapter cited before."""
    locator = written.locator
    if written.op_cit:
        found = index.by_author(written.work, ledger) if written.work else (Found(ledger.last) if ledger.last else None)
        if found and written.ibid and not locator.pages:
            locator = ledger.places.get(found.key, locator)
        if found and not locator.volume and ledger.places.get(found.key, Locator()).volume:
            locator = Locator(ledger.places[found.key].volume, locator.pages)
    else:
        found = index.by_title(written.work) or index.by_author(written.work, ledger, context)
    if found is None:
        return None, locator
    return found, index.belongs(found.key, locator)
