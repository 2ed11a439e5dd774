"""Compose essays deterministically from the harness's own sentences: sections, quotes, lists, notes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import parts, prose
from .document import Block, Document
from .slots import Slots


@dataclass(frozen=True)
class Recipe:
    """What an essay holds, and how often.

    Attributes:
        words: Stop adding sections once the essay has this many words.
        notes: Give sentences footnotes (web text carries none).
        links: Put web link lines ("See also ...") before some paragraphs.
        note_rate: Share of sentences that get a note marker.
        quote_rate: Share of paragraphs that introduce a block quotation.
        list_rate: Share of paragraphs that introduce a bullet list.
        topical: Open each section on its heading's subject, as essays do: a
            sentence naming it stands early in the section's first paragraph.
    """

    words: int = 2500
    notes: bool = True
    links: bool = False
    note_rate: float = 0.07
    quote_rate: float = 0.2
    list_rate: float = 0.06
    topical: bool = False


def generate(seed: int, recipe: Recipe = Recipe()) -> Document:
    """An essay of about `recipe.words` words; the same seed gives the same essay.

    >>> doc = generate(3, Recipe(words=1500))
    >>> words = sum(len(text.split()) for text in [b.text for b in doc.blocks] + list(doc.notes))
    >>> doc == generate(3, Recipe(words=1500)), doc.blocks[0].kind, 1500 <= words < 2000
    (True, 'para', True)
    """
    return _Composer(random.Random(seed), recipe).essay()


class _Pool:
    """Draws from a list without repeats until it runs out, then reshuffles."""

    def __init__(self, rng: random.Random, items: tuple[str, ...]) -> None:
        self._rng, self._items, self._left = rng, items, []

    def draw(self) -> str:
        if not self._left:
            self._left = list(self._items)
            self._rng.shuffle(self._left)
        return self._left.pop()


class _Composer:
    def __init__(self, rng: random.Random, recipe: Recipe) -> None:
        self.rng, self.recipe = rng, recipe
        self.blocks: list[Block] = []
        self.notes: list[str] = []
        self.groups = 0
        self.pools = {name: _Pool(rng, getattr(module, name)) for module, names in (
            (prose, ("PROSE", "QUOTE_INTROS", "LIST_INTROS", "QUOTED")),
            (parts, ("HEADINGS", "ITEMS", "NOTES", "LINKS")),
        ) for name in names}

    def fill(self, template: str) -> str:
        return Slots(self.rng).fill(template)

    def draw(self, pool: str) -> str:
        return self.fill(self.pools[pool].draw())

    def essay(self) -> Document:
        self.paragraph(opening=True)
        for _ in range(self.rng.randint(1, 2)):
            self.paragraph()
        while self.words() < self.recipe.words:
            self.section()
        title = self.rng.choice(parts.TITLES)
        return Document(title, self.fill("{Person}"), self.rng.randint(1960, 2020), tuple(self.blocks),
                        tuple(self.notes), self.fill("An essay on {idea}"))

    def words(self) -> int:
        return sum(len(text.split()) for text in [b.text for b in self.blocks] + self.notes)

    def section(self) -> None:
        heading, _, topic = self.pools["HEADINGS"].draw().partition(" | ")
        slots = Slots(self.rng)  # the topic sentence names the same place or year as the heading
        self.blocks.append(Block("heading", slots.fill(heading)))
        for index in range(self.rng.randint(3, 6)):
            self.paragraph(topic=slots.fill(topic) if index == 0 and self.recipe.topical else "")

    def paragraph(self, opening: bool = False, topic: str = "") -> None:
        if self.recipe.links and not opening and self.rng.random() < 0.08:
            self.blocks.append(Block("para", self.draw("LINKS")))
        sentences = [self.fill(self.rng.choice(prose.OPENERS))] if opening else []
        sentences += [self.draw("PROSE") for _ in range(self.rng.randint(2, 6))]
        if topic:
            sentences.insert(self.rng.randint(0, 2), topic)
        sentences = [self.with_note(sentence) for sentence in sentences]
        roll = self.rng.random()
        if not opening and roll < self.recipe.quote_rate:
            self.blocks.append(Block("para", " ".join([*sentences, self.draw("QUOTE_INTROS")])))
            self.quotation()
        elif not opening and roll < self.recipe.quote_rate + self.recipe.list_rate:
            self.blocks.append(Block("para", " ".join([*sentences, self.draw("LIST_INTROS")])))
            self.bullet_list()
        else:
            self.blocks.append(Block("para", " ".join(sentences)))

    def with_note(self, sentence: str) -> str:
        """The sentence with a note marker after its last word or, sometimes, after a word inside it."""
        if not self.recipe.notes or self.rng.random() >= self.recipe.note_rate:
            return sentence
        self.notes.append(self.draw("NOTES"))
        marker = f"[^{len(self.notes)}]"
        words = sentence.split(" ")
        inside = [i for i, word in enumerate(words[:-1]) if len(word) > 3 and i > 0]
        if inside and self.rng.random() < 0.3:
            index = self.rng.choice(inside)
            words[index] += marker
            return " ".join(words)
        return sentence + marker

    def quotation(self) -> None:
        """One to three paragraphs of quotation; later ones open with a quote mark and only the last closes."""
        self.groups += 1
        count = 1 if self.rng.random() < 0.75 else self.rng.randint(2, 3)
        for index in range(count):
            text = "“" + " ".join(self.draw("QUOTED") for _ in range(self.rng.randint(1, 3)))
            if index == count - 1:
                text += "” " + self.fill(parts.CITATION)
            self.blocks.append(Block("quote", text, self.groups))

    def bullet_list(self) -> None:
        self.groups += 1
        for _ in range(self.rng.randint(3, 5)):
            self.blocks.append(Block("item", self.draw("ITEMS"), self.groups))
