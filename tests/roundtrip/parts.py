"""Headings, list items, note texts, citations and web leftovers for the harness's essays."""

from __future__ import annotations

from .slots import lines_of

# Essay titles, kept apart from section headings so a running head never repeats one.
TITLES = lines_of("""
Councils Against the Clock
The Committees and the State
A Republic of Workshops
The Keys and the Gate
After the Assemblies
Power at the Point of Production
The Delegates’ Year
Bread, Work and the Ballot
""")

HEADINGS = lines_of("""
The Committees Take Shape
What Did the Strike Committees Want?
From Control to Management
A Note on the Sources
Planning from Below
The Winter of {year}
Who Held the Warehouses?
The Federation That Never Met
Bread, Coal and Rolling Stock
The Return of the Managers
Delegates and Directors
Was There an Alternative?
The Tenants Organise
How the Assemblies Were Run
The Question of the Villages
Figures and Their Uses
Discipline and Its Discontents
The Press Under Censorship
Memory and Its Keepers
Lessons for Today
The Co-operatives of {place}
Why Did the Unions Agree?
An Experiment in {place}
The Myth of Chaos
Recall as a Principle
The Long Retreat
Accounting for Defeat
After the Congress
The Politics of Supply
What Remains
""")

ITEMS = lines_of("""
Delegates are elected for three months and may be recalled at any time.
The accounts of every workshop are open to all who work in it.
Wages are set by the assembly, not by the director
No decision about hiring or dismissal is taken without the shop committee.
Food and fuel are shared out by a joint council of town and country.
The working day is fixed by agreement and posted at the gate.
Technical staff answer to the assembly like everyone else
Disputes between workshops go to a federal congress of delegates.
Training is open to all, so that expertise does not become a privilege.
The militia is elected and answers to the councils, not to a ministry.
Minutes of every meeting are printed and sold at cost
Repairs to housing are paid from a common fund run by the tenants.
Nobody may hold a paid office for more than two years in succession.
Surplus goods are exchanged with the villages at prices agreed in public.
""")

CITATION = "[{person}, {book}, p. {page}]"

NOTES = lines_of("""
{Person}, *{book}* ({press}, {year}), p. {page}.
Quoted in {person}, *{book}*, p. {page}.
{Person}, “{book}”, *{journal}*, no. {number}, {year}.
https://{site}/{slug}
The figures are disputed; {person} gives a much lower estimate for {place}.
Minutes of {body}, {month} {year}, cited in {person}, *{book}*, p. {page}.
On this point see also {person}, *{book}*, especially the chapter on {place}.
{Person} was a delegate to the congress of {year} and later served on {body}.
The full text is available at https://{site}/{slug} in several translations.
I have followed the spelling of the original, which varies from one edition to the next.
{Person}, letter to {person2}, {month} {year}, in *{book}*, p. {page}.
The word translated here as “council” could also mean “assembly” or simply “meeting”.
""")

# Web leftovers: a link line that a scraper glues to the next sentence, and image captions.
LINKS = lines_of("""
See also {person}: {book}
Further reading: {book} by {person}
Read more from the {journal} archive
""")

CAPTIONS = lines_of("""
Delegates outside the {place} depot, {year}
{Group} of {place} on the march
A meeting of {body} in the old exchange
Barricades in {place}, {month} {year}
""")
