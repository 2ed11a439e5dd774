"""Put back spaces that extraction lost between words: `council.These`, `beinggiven`, a drop cap `Alarge`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Block, Draft, note_blocks, notes_from_blocks
from .bigrams import apart_ratio, apart_ratios
from .passes import Change, PassContext, register
from .vocabulary import REAL_WORD_ZIPF, Vocabulary

NAME = "split-run-together-words"
# Never touched: web addresses, Markdown links and code, note and citation marks.
_PROTECTED = re.compile(r"\]\([^)]*\)|`[^`]*`|\[[\^@][^\]]*\]|<[^>]*>|\S*(?:https?://|www\.|@)\S*|\S+\.(?:org|com|net|html?)\S*")
# Every protected construct holds one of these. Most blocks hold none, and looking for them is far
# cheaper than scanning with _PROTECTED, whose address alternatives try every run of non-spaces.
_PROTECTED_HINTS = ("](", "`", "[^", "[@", "<", "http", "www.", "@", ".org", ".com", ".net", ".htm")
# A sentence mark with no space after it: "worker.These", "1930s.The", "said,the".
_GLUED_STOP = re.compile(r"(?:(?<=[\W_])|^)([^\W\d_]{2,}|\d+s)([.!?][\"”’)]*)([A-Z][^\W\d_]+|[AI](?=\s))")
# Initials glued to the name after them: "J.R.Hartley".
_GLUED_INITIAL = re.compile(r"(?:(?<=[\W_])|^)((?:[A-Z]\.){1,3})()([A-Z][^\W\d_A-Z]{2,})")
_GLUED_COMMA = re.compile(r"(?:(?<=[\W_])|^)([^\W\d_]{2,})([,;])([^\W\d_]{2,})")
# Each glued pattern with a short one that all its matches contain. The glued patterns try every
# word they pass; the short ones scan several times faster and rule out most text.
_GLUED = (
    (_GLUED_STOP, re.compile(r"[.!?][\"”’)]*[A-Z]")),
    (_GLUED_INITIAL, re.compile(r"[A-Z]\.[A-Z]")),
    (_GLUED_COMMA, re.compile(r"[,;][^\W\d_]")),
)
# A run of letters standing as one word (not part of a compound, an address or a hashtag), four letters
# at least (with an editor's bracketed initial, three after it): shorter runs are never split.
_TOKEN = re.compile(
    r"(?<![\w.\-/’'@#\]])(\[[^\W\d_]\][^\W\d_]{3,}|[^\W\d_]{4,})(?![\w\-/@]|['’](?=[^\W\d_])(?!s\b)|\.\w)"
)
# An editor's bracketed capital opening a word: "[O]ur".
_EDITED_INITIAL = re.compile(r"^\[([^\W\d_])\]")
# A drop cap (A or I) glued to the next word at the opening of the text: "Alarge", "Iwant".
_DROP_CAP = re.compile(r"^([“\"‘']?)([AI])([a-z]{2,})\b")
# A drop cap set apart from the rest of its word, which opens a run of small capitals: "E VERY THEORY of".
_SPACED_DROP_CAP = re.compile(r"^([“\"‘']?)([A-Z]) ([A-Z]{2,}(?:[ -][A-Z]{2,})*)(?=[\s,.;:!?]|$)")
# Halves that make words with anything: prefixes and suffixes, not words in their own right here.
_AFFIXES = {
    "non", "anti", "pre", "post", "sub", "super", "multi", "inter", "intra", "counter",
    "semi", "self", "ultra", "micro", "macro", "neo", "pseudo", "proto", "trans", "extra",
    "less", "ness", "ship", "hood", "wise", "ward", "wards", "like", "able", "ism", "isms", "ist", "ists",
    "ment", "ments", "ful", "dom", "fold", "ize", "ise", "ization", "isation",
}
# Zipf frequency a part must reach to count as a word of its own.
_PART_ZIPF = 3.5
# Words of one or two letters: abbreviations ("st", "mr") are as common, so they are listed.
_SHORT_WORDS = {
    "en": {"a", "i", "of", "in", "to", "on", "at", "by", "is", "it", "an", "as", "be", "we", "he", "me",
           "my", "no", "so", "up", "us", "or", "do", "go", "if", "am"},
}
# A run of letters this common is a word as it stands.
_WORD_ZIPF = 3.0
# Capitalised runs are split only after a very common first word ("The", "In") or a drop cap.
_OPENER_ZIPF = 5.5
_MAX_PARTS = 3
# Each of three parts must be this common: long runs split three ways by chance.
_THREE_PART_ZIPF = 4.0
# Endings that make words of words; a stem this common makes the run a word.
_ENDINGS = ("s", "es", "ed", "ing", "ly", "er", "ers", "ism", "isms", "ist", "ists", "al", "ally", "ness")
_STEM_ZIPF = 2.0
_VOWEL = re.compile(r"[aeiouy]")
# A rare run (below this Zipf) gives way to words apart this much likelier (log10).
_RARE_ZIPF = 2.0
_FAR_LIKELIER = 2.5
# A common word gives way only to words the document writes apart, and this much likelier.
_LIKELIER = 1.5
# A closed form below this Zipf that the web writes apart this many times as often is a slip.
_SLIP_ZIPF = 4.0
_SLIP_RATIO = 20.0
_SLIP_RATIO_ALONE = 50.0


@register(NAME)
def split_run_together_words(draft: Draft, context: PassContext) -> tuple[Draft, list[Change]]:
    """Split words that extraction ran together, when the evidence is strong.

    A run of letters is split only if it is no word (of the language or of
    the document), each part is a common word or one the document uses, and
    no part is a mere prefix or suffix. Names, web addresses and words the
    document itself writes closed up are left alone.

    >>> from pamphleteer.normalise.draft import Block
    >>> d = Draft("x", "pdf-text", blocks=(Block("para", "Alarge crowd was beinggiven orders by Hartley.The end", (1,)),))
    >>> split_run_together_words(d, PassContext("x", "pdf-text"))[0].blocks[0].text
    'A large crowd was being given orders by Hartley. The end'
    """
    changes: list[Change] = []
    blocks = _opening_drop_cap(draft.blocks, context.vocabulary, changes)
    every = (*blocks, *note_blocks(draft.notes))
    pieces = [_pieces(block) for block in every]
    # Each distinct run of letters in the whole text is weighed once, and only text holding one that
    # splits is searched run by run: a search of every block, run by run, cost more than the weighing.
    texts = [piece.text for items in pieces for piece in items if isinstance(piece, _Piece)]
    splitting = _splitting(set(_TOKEN.findall("\n".join(texts))), context.vocabulary)
    repaired = [_repair(block, items, splitting, changes) for block, items in zip(every, pieces, strict=True)]
    notes = notes_from_blocks(draft.notes, repaired[len(blocks):])
    return draft.but(blocks=tuple(repaired[: len(blocks)]), notes=notes), changes


def _opening_drop_cap(blocks: tuple[Block, ...], vocabulary: Vocabulary, changes: list[Change]) -> tuple[Block, ...]:
    """The text's opening drop cap, glued to the next word, stands apart: "Iwant to" is "I want to".

    A word list alone cannot tell "Iwant" from a rare word; the opening of the text can.
    """
    first = next((index for index, block in enumerate(blocks) if block.kind == "para"), None)
    spaced = _SPACED_DROP_CAP.match(blocks[first].text) if first is not None else None
    if first is not None and spaced is not None:
        return _spaced_drop_cap(blocks, first, spaced, vocabulary, changes)
    match = _DROP_CAP.match(blocks[first].text) if first is not None else None
    if match is None:
        return blocks
    whole, rest = match.group(2) + match.group(3), match.group(3)
    if vocabulary.zipf(whole) >= _WORD_ZIPF or not (vocabulary.zipf(rest) >= _WORD_ZIPF or vocabulary.count(rest)):
        return blocks
    block = blocks[first]
    after = f"{match.group(1)}{match.group(2)} {rest}"
    changes.append(Change(NAME, "split", block.line, match.group(0), after, "a drop cap"))
    return (*blocks[:first], block.with_text(after + block.text[match.end():]), *blocks[first + 1 :])


def _spaced_drop_cap(blocks: tuple[Block, ...], first: int, match: re.Match[str], vocabulary: Vocabulary,
                     changes: list[Change]) -> tuple[Block, ...]:
    """"E VERY THEORY of" is "Every theory of": the drop cap rejoins its word, and the small capitals
    after it are written in lower case, names capitalised. A lone "A" or "I" joins only where the
    word it makes is the commoner reading ("A LL" but not "A VERY")."""
    block = blocks[first]
    letter, words = match.group(2), re.split(r"([ -])", match.group(3))
    whole = (letter + words[0]).lower()
    alone = vocabulary.zipf(words[0]) if letter in "AI" else 0.0
    if vocabulary.zipf(whole) < _WORD_ZIPF or vocabulary.zipf(whole) <= alone:
        return blocks
    written = [whole.capitalize()] + [_small_capitals(word, vocabulary) for word in words[1:]]
    after = match.group(1) + "".join(written)
    changes.append(Change(NAME, "split", block.line, match.group(0), after, "a drop cap and small capitals"))
    return (*blocks[:first], block.with_text(after + block.text[match.end():]), *blocks[first + 1 :])


def _small_capitals(word: str, vocabulary: Vocabulary) -> str:
    if not word.strip(" -") or not word.isupper():
        return word
    capitalised = word.capitalize()
    return capitalised if vocabulary.is_name(capitalised) else word.lower()


def _splitting(runs: set[str], vocabulary: Vocabulary) -> dict[str, list[str]]:
    """The words each run that splits is made of, by run as written ("[O]ur" included); each distinct
    word weighed once."""
    distinct = {_unedited(run) for run in runs}
    vocabulary.weigh_apart(distinct)  # one pass over the text for all of them
    words = {word: split_word(word, vocabulary) for word in distinct}
    return {run: words[_unedited(run)] for run in runs if len(words[_unedited(run)]) > 1}


@dataclass(frozen=True)
class _Piece:
    """Text between protected constructs, its glued sentence marks already spaced (with their changes)."""

    start: int  # in the block's text
    text: str
    changes: list[Change]


def _pieces(block: Block) -> list[str | _Piece]:
    """The block's text as protected constructs (kept as they are) and pieces to repair."""
    items: list[str | _Piece] = []
    last = 0
    protected = _PROTECTED.finditer(block.text) if any(hint in block.text for hint in _PROTECTED_HINTS) else ()
    for match in protected:
        items += [_spaced(block, last, match.start()), match.group(0)]
        last = match.end()
    items.append(_spaced(block, last, len(block.text)))
    return items


def _spaced(block: Block, start: int, end: int) -> _Piece:
    changes: list[Change] = []

    def stop(match: re.Match[str]) -> str:
        spaced = f"{match.group(1)}{match.group(2)} {match.group(3)}"
        line = block.line_at(start + match.start())
        changes.append(Change(NAME, "split", line, match.group(0), spaced, "a punctuation mark with no space after it"))
        return spaced

    text = block.text[start:end]
    for glued, hint in _GLUED:
        if hint.search(text):
            text = glued.sub(stop, text)
    return _Piece(start, text, changes)


def _repair(block: Block, items: list[str | _Piece], splitting: dict[str, list[str]], changes: list[Change]) -> Block:
    texts = []
    for item in items:
        if isinstance(item, str):
            texts.append(item)
            continue
        changes += item.changes
        # Most pieces hold no run that splits: a look for each such run is far cheaper than a search.
        held = splitting and any(run in item.text for run in splitting)
        texts.append(_split_runs(block, item, splitting, changes) if held else item.text)
    text = "".join(texts)
    return block if text == block.text else block.with_text(text)


def _split_runs(block: Block, piece: _Piece, splitting: dict[str, list[str]], changes: list[Change]) -> str:
    def word(match: re.Match[str]) -> str:
        parts = splitting.get(match.group(1))
        if parts is None:
            return match.group(0)
        if match.group(1).startswith("["):
            parts = [f"[{parts[0][0]}]{parts[0][1:]}", *parts[1:]]
        after = " ".join(parts)
        line = block.line_at(piece.start + match.start())
        changes.append(Change(NAME, "split", line, match.group(0), after, "words run together"))
        return after

    return _TOKEN.sub(word, piece.text)


def _unedited(run: str) -> str:
    """The word a run of letters stands for: "[O]ur" is "Our"."""
    if not run.startswith("["):
        return run  # most runs: no need to try the pattern
    edited = _EDITED_INITIAL.match(run)
    return edited.group(1) + run[3:] if edited else run


def split_word(token: str, vocabulary: Vocabulary) -> list[str]:
    """The words a run of letters is made of, or the run alone if it should stand.

    >>> v = Vocabulary("a priori, in which the apriori view of the river")
    >>> split_word("awidespread", v), split_word("apriori", v), split_word("inwhich", v)
    (['a', 'widespread'], ['apriori'], ['in', 'which'])
    >>> split_word("managerialist", v), split_word("Theworker", v), split_word("Kowalczyk", v)
    (['managerialist'], ['The', 'worker'], ['Kowalczyk'])
    >>> split_word("ofthe", v), split_word("theRiver", v), split_word("McDonald", v)
    (['of', 'the'], ['the', 'River'], ['McDonald'])
    """
    if token[1:] != token[1:].lower():
        return _split_camel_case(token, vocabulary)
    if vocabulary.zipf(token) >= _SLIP_ZIPF and not vocabulary.writes_apart(token):
        return [token]  # a common word splits only into words the document writes apart
    if _stands_as_word(token, vocabulary):
        return [token]
    parts = _best_parts(token.lower(), vocabulary)
    if len(parts) < 2 or not _evidence_enough(token, parts, vocabulary):
        return [token]
    if token[0].isupper():
        parts[0] = parts[0][0].upper() + parts[0][1:]
    return parts


def _split_camel_case(token: str, vocabulary: Vocabulary) -> list[str]:
    """ "placesPedro", "theRiver": a capital inside a run that is no word starts the next word."""
    parts = re.findall(r"[^\W\d_][^\W\d_A-Z]*", token)
    if vocabulary.zipf(token) >= REAL_WORD_ZIPF or "".join(parts) != token or len(parts[0]) < 3:
        return [token]
    known = all(vocabulary.zipf(part) >= _WORD_ZIPF or vocabulary.count(part) >= 2 for part in parts)
    return parts if known and len(parts) <= _MAX_PARTS else [token]


def _evidence_enough(token: str, parts: list[str], vocabulary: Vocabulary) -> bool:
    """Whether the words apart explain the run better than the run as a word.

    A real word stands unless the document writes the words apart and, for
    a common word, they are also far likelier; a name stands (capitalised
    runs split only after a drop cap, a very common word or a name the
    document uses); "a" may end a run (not a capitalised one), but no one-letter word stands inside one.
    """
    whole, zipf = token.lower(), vocabulary.zipf(token)
    apart = vocabulary.phrase_count(*parts) > vocabulary.count(whole)
    if _typed_for_words(whole, parts, vocabulary):
        return True
    likelier = sum(vocabulary.zipf(part) - 9.0 for part in parts) - (zipf - 9.0)
    if zipf >= _WORD_ZIPF and not (apart and likelier >= _LIKELIER):
        return False
    if REAL_WORD_ZIPF <= zipf < _WORD_ZIPF and not (apart or (zipf < _RARE_ZIPF and likelier >= _FAR_LIKELIER)):
        return False
    if any(len(part) == 1 for part in parts[1:-1]) or (len(parts[-1]) == 1 and parts[-1] != "a"):
        return False
    if parts[-1] == "a" and token[0].isupper():
        return False  # a name's own form ("Kovalska"), not a name and an article
    if len(parts) > 2 and min(vocabulary.zipf(part) for part in parts) < _THREE_PART_ZIPF:
        return False
    if not apart and _inflected_word(whole, vocabulary):
        return False
    if token[0].isupper():
        first = parts[0][0].upper() + parts[0][1:]
        return parts[0] in ("a", "i") or vocabulary.zipf(first) >= _OPENER_ZIPF or vocabulary.cased.get(first, 0) >= 2
    return parts[0] != "i"


def _typed_for_words(whole: str, parts: list[str], vocabulary: Vocabulary) -> bool:
    """A closed form the web uses mostly as a slip for two words ("atleast", "infact"): the two words.

    The document writing them apart elsewhere lowers the bar.
    """
    if len(parts) != 2 or vocabulary.zipf(whole) >= _SLIP_ZIPF:
        return False
    return apart_ratio(*parts) >= (_SLIP_RATIO if vocabulary.phrase_count(*parts) else _SLIP_RATIO_ALONE)


def _stands_as_word(token: str, vocabulary: Vocabulary) -> bool:
    """What `_evidence_enough` would decide for any parts, decided without searching for them.

    A run this common stands unless the document writes its words apart
    (which `apart` needs) or it is a slip for two words (`_typed_for_words`,
    whose bar is the higher one, as the document never writes them apart).
    Most runs weighed are such words ("capitalist"), and the search for
    parts cost far more than these look-ups.
    """
    if vocabulary.zipf(token) < _RARE_ZIPF or vocabulary.writes_apart(token):
        return False
    return not any(ratio >= _SLIP_RATIO_ALONE for ratio in apart_ratios(token.lower()))


def _inflected_word(word: str, vocabulary: Vocabulary) -> bool:
    """True if `word` is a known word with an ending: "sophisms", "organizationalists"."""
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and vocabulary.zipf(stem) >= _STEM_ZIPF:
            return True
    return False


def _best_parts(word: str, vocabulary: Vocabulary) -> list[str]:
    """The most probable split into two or three words (the run itself, if none).

    Probabilities multiply (Zipf values add, less 9 each), so a split into
    more parts must be worth it.
    """
    best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
    for end in range(1, len(word) + 1):
        # Only starts some split reaches (in increasing order, as `best` fills) can begin a part.
        for start in [start for start in best if start >= end - 24]:
            whole = start == 0 and end == len(word)
            if len(best[start][1]) < _MAX_PARTS and not whole and _acceptable(word[start:end], vocabulary):
                score = best[start][0] + vocabulary.zipf(word[start:end]) - 9.0
                if end not in best or score > best[end][0]:
                    best[end] = (score, best[start][1] + [word[start:end]])
    split = best.get(len(word))
    return split[1] if split else [word]


def _acceptable(part: str, vocabulary: Vocabulary) -> bool:
    if part in _AFFIXES:
        return False
    if len(part) <= 2:
        return part in _SHORT_WORDS.get(vocabulary.language, ())
    if not _VOWEL.search(part):
        return False  # "sms", "tv": abbreviations, not words run together
    zipf = vocabulary.zipf(part)
    return zipf >= _PART_ZIPF or (vocabulary.count(part) >= 2 and zipf >= 2.0) or vocabulary.count(part) >= 3
