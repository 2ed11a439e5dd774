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

# Section headings, each with a sentence on its subject that a topical section opens with.
HEADINGS = lines_of("""
The Committees Take Shape | The committees took shape slowly, one workshop at a time, before anyone thought to give them a name.
What Did the Strike Committees Want? | What the strike committees wanted was simpler than their enemies have ever been willing to admit.
From Control to Management | The step from control to management was taken by {group} almost without noticing it.
A Note on the Sources | The sources for this story are uneven, and a note on them is needed before going further.
Planning from Below | Planning from below began as a matter of necessity rather than of principle.
The Winter of {year} | The winter of {year} was the hardest that anyone in {place} could remember.
Who Held the Warehouses? | The warehouses of {place} changed hands three times in as many months.
The Federation That Never Met | A federation of the committees was proposed again and again, but it never met.
Bread, Coal and Rolling Stock | Bread, coal and rolling stock were the three shortages that decided everything else.
The Return of the Managers | The managers returned quietly, first as advisers and then as directors.
Delegates and Directors | Delegates and directors answered to different masters, and everyone on the shop floor knew it.
Was There an Alternative? | Whether there was an alternative is the question every defender of the regime would rather see closed.
The Tenants Organise | The tenants organised later than the workers did, but they learned quickly.
How the Assemblies Were Run | The assemblies were run by rules that anyone could learn in a single evening.
The Question of the Villages | The villages posed a question that the towns had never learned to answer.
Figures and Their Uses | Figures have their uses, and most of the figures for this period were made to be used.
Discipline and Its Discontents | Discipline was the word of the hour, and its discontents were many.
The Press Under Censorship | Under censorship the press became a puzzle that its readers learned to solve.
Memory and Its Keepers | Memory has its keepers, and they are rarely the people who lived through the events.
Lessons for Today | Lessons for today are easy to draw and hard to draw honestly.
The Co-operatives of {place} | The co-operatives of {place} were founded by {group} in a single season.
Why Did the Unions Agree? | Why the unions agreed to their own demotion is still argued over.
An Experiment in {place} | The experiment in {place} lasted barely a year, but it was watched everywhere.
The Myth of Chaos | The myth of chaos was invented after the fact, by those who had ended the experiment.
Recall as a Principle | Recall was treated as a principle, not as a weapon kept for emergencies.
The Long Retreat | The long retreat began with a concession that seemed at the time to cost nothing.
Accounting for Defeat | Accounting for the defeat means looking at more than the mistakes of the defeated.
After the Congress | After the congress the delegates went home to find their committees already dissolved.
The Politics of Supply | Supply was politics, because whoever controlled it controlled everyone who depended on it.
What Remains | What remains of the committees is a set of habits rather than a set of institutions.
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
