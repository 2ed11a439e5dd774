"""Slot values for the essays' sentences, and filling {slots} from a seeded random source."""

from __future__ import annotations

import random
import re

_SLOT = re.compile(r"\{(\w+)\}")


def lines_of(text: str) -> tuple[str, ...]:
    """The non-blank lines of a text block, stripped: how the sentence lists are written."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())

VALUES: dict[str, tuple[str, ...]] = {
    "group": (
        "the dockworkers", "the textile workers", "the railway crews", "the miners", "the print workers",
        "the tram drivers", "the hospital porters", "the farm labourers", "the shipyard fitters", "the bakers",
        "the telegraph clerks", "the seamstresses", "the gas workers", "the metalworkers", "the brewery hands",
        "the schoolteachers", "the carters", "the glassblowers", "the sawmill crews", "the postal sorters",
    ),
    "body": (
        "the factory councils", "the strike committee", "the district federation", "the neighbourhood assemblies",
        "the co-operative bank", "the party executive", "the ministry of supply", "the planning board",
        "the union executive", "the council of delegates", "the food commission", "the housing board",
        "the central bureau", "the port authority", "the regional congress", "the shop stewards’ committee",
    ),
    "place": (
        "Harbour Ward", "Eastfield", "Vellmar", "Oster Bay", "Saltmarsh", "Lowgate", "Brennick", "Carrow",
        "Millbrook", "Tarnow Heights", "Greyhaven", "Ashcombe", "Kellerby", "Redwater", "Stonemoor", "Fenwick",
    ),
    "person": (
        "Ilse Varga", "Tomas Rein", "Edith Marlow", "Jakob Sten", "Nadia Orlova", "Piet Hallam", "Maren Kolb",
        "Aurel Danescu", "Hedda Lind", "Bruno Falk", "Clara Weiss", "Oskar Brandt", "Lidia Moravec",
        "Samuel Okafor", "Greta Holm", "Felix Amsel", "Vera Lasko", "Arno Quist",
    ),
    "book": (
        "The Council Idea", "Bread and Ballots", "A History of the Harbour Strike", "Notes on Planning from Below",
        "The Long Winter of the Committees", "Against the Manager’s Chair", "Democracy at the Bench",
        "The Commune of the River Towns", "Ten Years in the Union", "The Lost Assemblies", "Keys to the Depot",
        "A Season of Delegates", "The Workshop and the State", "Recall and Revolt",
    ),
    "idea": (
        "self-management", "workers’ control", "direct democracy", "mutual aid", "federalism",
        "central planning", "the general strike", "recallable delegation", "collective bargaining",
        "the one-party state",
    ),
    "press": ("Harrow Press", "Lantern Books", "Fieldfare", "Northgate University Press", "Old Mill Editions"),
    "journal": ("The Commons Review", "Workers’ Quarterly", "Council Papers", "The Free Press Monthly", "Bench and Yard"),
    "month": (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ),
    "slug": (
        "archive/councils-and-the-state", "texts/the-harbour-strike-revisited", "library/notes-on-recall",
        "essays/planning-from-below-a-reply", "pamphlets/bread-and-ballots", "record/minutes-of-the-district-federation",
    ),
    "site": ("archive.example.org", "library.example.net", "texts.example.org"),
}


class Slots:
    """Fills one sentence's {slots}: the same name twice gives the same value.

    A capital first letter ({Group}) capitalises the value; a trailing digit
    ({place2}) draws another value of the same slot; {year}, {page} and
    {number} are numbers.

    >>> Slots(random.Random(1)).fill("{Group} of {place} ({year}) and {group}")
    'The print workers of Vellmar (1912) and the print workers'
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._chosen: dict[str, str] = {}

    def fill(self, template: str) -> str:
        return _SLOT.sub(lambda match: self._value(match.group(1)), template)

    def _value(self, key: str) -> str:
        name = key.lower()
        if name not in self._chosen:
            self._chosen[name] = self._draw(name.rstrip("0123456789"))
        value = self._chosen[name]
        return value[:1].upper() + value[1:] if key[:1].isupper() else value

    def _draw(self, base: str) -> str:
        if base == "year":
            return str(self._rng.randint(1880, 1979))
        if base in ("page", "number"):
            return str(self._rng.randint(3, 420))
        return self._rng.choice(VALUES[base])
