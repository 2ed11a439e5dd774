"""Sentences of the harness's own essays, with {slots} filled per document (see slots.py)."""

from __future__ import annotations

from .slots import lines_of


# Opening sentences; several start with a one-letter word, which a drop cap glues to the next.
OPENERS = lines_of("""
A great deal has been written about {idea} since {year}, and most of it by people who never sat through a meeting of {body}.
A short history of {body} cannot settle every argument about it, but it can clear away some of the myths.
I came to this subject late, after years of reading accounts of {place} that left out the people who actually did the work.
I want to look again at an episode that both its admirers and its enemies have found convenient to forget.
In the spring of {year} {group} of {place} did something that no one had planned and few had foreseen.
Every revolution produces its own legend, and the legend usually tells us more about the victors than about the defeated.
""")

PROSE = lines_of("""
{Group} had organised themselves long before any party took an interest in them.
The first meetings were held in kitchens, in the back rooms of pubs and in the yard behind the old weighbridge.
Nobody who attended them thought of themselves as making history; they were trying to keep their wages from falling.
By {month} {year} the committee in {place} met every evening and kept minutes that still survive.
These minutes show a body that argued constantly, voted often and changed its mind when the members told it to.
The delegates were elected for short terms and could be recalled at any time by the people who had chosen them.
It was this right of recall, more than any programme, that made the committees different from the unions.
{Body} saw things differently, and said so in a long circular sent to every branch.
According to the circular, spontaneous action was a sign of immaturity that the movement would have to outgrow.
The argument was not new; it had been made against {group} in {place} a generation earlier.
What was new was that the people making it now had the means to enforce it.
Historians have tended to accept the official figures without asking who compiled them and why.
The figures for {place} show a fall in output of nearly a third between {year} and {year2}.
Yet the same figures show that the fall began before the committees took over, not after.
A closer look at the accounts suggests that shortages of coal and rolling stock explain most of the decline.
{Person} was one of the few observers who bothered to ask the workers themselves what had gone wrong.
Her notebooks record long conversations with {group} about pay, hours, safety and the conduct of the foremen.
His reports were never published in full, and the surviving drafts are scattered across three archives.
The picture that emerges is messier and more interesting than either side’s propaganda.
Self-management was not a slogan invented by intellectuals; it grew out of the daily practice of the workshops.
The so-called experts who arrived from the capital knew a great deal about accounting and very little about ships.
Within a few months the old managers were back in their offices, now paid by the state instead of the owners.
One-man management was defended as a temporary measure, and like most temporary measures it lasted for decades.
The rank-and-file delegates protested, but their protests were filed, acknowledged and ignored.
It is worth dwelling on how this happened, because it did not happen all at once.
There was no single decree that abolished the committees; they were starved of resources and left to wither.
Each step could be justified by an emergency, and there was never any shortage of emergencies.
The civil war, the blockade, the famine and the collapse of the currency all played their part.
But emergencies do not by themselves explain why power flowed in one direction only.
The decisive question was who controlled the distribution of food, fuel and raw materials.
Whoever held the warehouses held the factories, and whoever held the factories held the towns.
{Body} understood this perfectly well, which is why it moved so quickly to take over the depots.
The committees, by contrast, had no plan for coordinating production beyond the walls of a single plant.
This weakness was real, and it would be dishonest to pretend otherwise.
Attempts to build a federation of committees were made in {place} and again in {place2}.
Both attempts were blocked, the first by the union executive and the second by direct order of the ministry.
The delegates who had called the regional congress were arrested on the morning it was due to open.
Some were released after a few weeks; others spent years in camps in the far north.
Their names appear in no official history, and their own accounts were published only much later, abroad.
The long-term consequences of these defeats are still with us.
A movement that had begun with demands for dignity at work ended by accepting a new hierarchy as the price of survival.
It would be easy to blame individual leaders for this outcome, and some of them deserve the blame.
Yet the leaders were able to act as they did because a whole theory of organisation stood behind them.
That theory held that ordinary workers could not rise above a narrow, trade-union consciousness on their own.
Consciousness, it followed, had to be brought to them from outside by a disciplined body of professional revolutionaries.
Once this premise is accepted, the suppression of independent initiative appears not as a betrayal but as a duty.
Few of those who held the theory noticed how neatly it flattered their own importance.
The co-operative societies offer an instructive contrast.
In {place} the bakers ran their own shops for eleven years without a manager and without a loss.
Prices were set by a monthly assembly, and the accounts were pinned to the door for anyone to read.
When the authorities finally closed the shops, they cited irregularities that their own inspectors had failed to find.
The well-known story of the {place} tramways is usually told as a tale of chaos and breakdown.
The drivers’ own records tell a different tale: the trams ran, if not always on time, then at least more often than before.
What broke down was not the service but the relationship between the depot and the city council.
Local democracy is slow, quarrelsome and frequently exasperating to anyone in a hurry.
Those are not arguments against it; they are descriptions of what it costs.
The alternative, as {group} learned, was a system in which decisions were quick and nobody could question them.
In the textile belt the long-standing rivalry between spinners and weavers was overcome within a single season.
A joint council met in the old exchange building and divided the available cotton between the mills.
The arrangement was crude, but it kept forty thousand people in work through the hardest winter of the decade.
Critics have described such arrangements as parochial, and in a sense they were.
They were also the only institutions in the region that the workers regarded as their own.
It is a curious feature of the literature that the word “efficiency” is applied only to the decisions of managers.
When a committee of {group} decided to cut the working day, its decision was called irresponsible.
When the ministry decided to lengthen it by two hours without pay, its decision was called realistic.
This double standard runs through almost every official account of the period.
None of this means that the committees were always right, or that their members were saints.
There were thefts, feuds and petty tyrannies, as there are in every human organisation.
The question is not whether mistakes were made but who had the power to correct them.
Under the committees, a bad delegate could be removed at the next meeting.
Under the new regime, a bad director could be removed only by someone higher up, and only for disloyalty.
The difference between these two kinds of accountability is the whole of the argument.
The press of the period is of limited help, since most independent papers had been closed by {year}.
Those that survived did so by printing what the censors allowed and hinting at the rest.
Readers learned to read between the lines, and so must we.
A short paragraph on page four about a “reorganisation” at the {place} works usually meant a strike had been broken.
{Person} later estimated that more than two hundred such disputes went unreported in a single year.
Memoirs written decades afterwards must be used with care, but they cannot simply be set aside.
They preserve details that no official would have thought worth recording.
One former delegate remembered that the first act of the new director was to lock the meeting room.
Another recalled the day the bell that had called the assemblies was taken down and sold for scrap.
Small things, perhaps, but they tell us what the people involved thought was at stake.
The defenders of the new order argued that ownership had changed, and so the workers could have no grievance.
The factories belonged to the state, the state belonged to the workers, and therefore the workers owned the factories.
The syllogism was neat, and it convinced nearly everyone except the people who worked in the factories.
For them, the foreman was still the foreman, the clock was still the clock and the fines were still the fines.
A change of title on the gatepost did not alter the experience of the shop floor.
If socialism means anything, it must mean a change in that experience.
That is the standard by which the episode deserves to be judged, and by that standard it failed.
It failed, however, for reasons that can be understood, and what can be understood can be avoided.
The tenants’ associations of the port district took up the same questions in the field of housing.
They refused to pay rent to absentee landlords and paid it instead into a common fund for repairs.
Within two years the fund had rebuilt three streets and installed running water in more than six hundred flats.
The municipal housing board, when it was finally established, took over the fund and abolished the associations.
Its first annual report complained that tenants had developed “unreasonable expectations” about their homes.
There is an eloquent irony in that phrase, and it was not lost on the tenants.
Similar stories can be told about the schools, the clinics and the consumer co-operatives.
In each case, an initiative from below was first tolerated, then absorbed and finally replaced.
The pattern is so consistent that it cannot be explained by accident or by the failings of particular individuals.
Something in the structure of the new state pushed it, again and again, towards centralisation.
That something was the conviction, shared by almost the entire leadership, that only a centre could plan.
Planning from below was not so much rejected as never seriously considered.
The very phrase sounded like a contradiction to people raised on the textbooks of the day.
Yet the committees had been planning from below, after a fashion, for the best part of a year.
Their plans were modest and often improvised, but they were made by the people who had to carry them out.
The plans that replaced them were grander, and they were made by people who would never have to carry them out.
The results are well documented, and they do not favour the grand plans.
Output rose in some sectors, fell in others, and everywhere the cost was borne by those with least say.
Wages were frozen while prices doubled; the working day lengthened while the holidays disappeared.
Anyone who complained could be accused of sabotage, and many were.
It would be wrong to end on a note of unrelieved defeat.
The memory of the committees survived, passed on in stories, songs and the occasional smuggled pamphlet.
When {group} of {place} rose again in {year}, the first thing they did was elect a council of delegates.
Nobody had told them to; the idea was simply there, waiting, as it had been waiting for half a century.
Ideas of this kind cannot be abolished by decree, because they arise from the ordinary conditions of working life.
Wherever people work together, they will sooner or later ask why they should not also decide together.
The answer given by the authorities has always been the same: that the matter is too complicated.
The answer given by the workers has always been the same too: that it is not as complicated as all that.
Between these two answers lies the whole history of the labour movement.
The purpose of this essay has been to recover one chapter of that history from the condescension of its chroniclers.
If it has succeeded, it is because the sources speak so clearly once one takes the trouble to listen.
The question of the peasantry was, if anything, even more difficult.
Grain requisitioning turned the villages against the towns and the towns against the countryside.
Armed detachments seized seed corn as well as surplus, and the next harvest suffered accordingly.
The village assemblies, which had once welcomed the revolution, now barricaded their granaries.
No amount of exhortation could persuade a farmer to sow a field whose crop would be taken without payment.
A policy of exchange, trading manufactured goods for grain, was proposed repeatedly and rejected as utopian.
When it was finally adopted, under another name, it worked within a single season.
Those who had proposed it were not thanked; most of them were already in prison.
The twentieth-century labour movement was shaped by these events more deeply than it cares to admit.
Parties across the world adopted the organisational model of the victors without examining its record.
They imported its vocabulary, its discipline and its suspicion of anything it did not control.
The damage this did to the independent movements of {place} and elsewhere is hard to overstate.
A working-class politics that is worthy of the name will have to begin by unlearning those habits.
It will have to take seriously the idea that the means shape the ends, and that a hierarchy cannot abolish hierarchy.
None of this is abstract; it is a matter of how meetings are run, how delegates are chosen and who holds the keys.
The committees of {year} had answers to these questions that still repay study.
Their answers were provisional and incomplete, as all answers are.
But they were answers given in practice, under fire, by people with everything to lose.
That alone entitles them to a hearing.
""")

# Sentences that introduce a quotation; each ends with a colon.
QUOTE_INTROS = lines_of("""
As {person} put it in {year}:
{Person} described the mood of {group} in these words:
The resolution adopted by {body} was blunt:
A delegate from {place} recalled the meeting years later:
The official account tells a very different story:
{Person} drew the lesson plainly:
The minutes of the meeting record the following exchange:
One of the participants later wrote:
The circular from {body} left no room for doubt:
A contemporary observer was less impressed:
{Person}, writing from exile, summed up the experience:
The reply of the {place} delegates was characteristically direct:
""")

# Sentences that introduce a list; each ends with a colon.
LIST_INTROS = lines_of("""
The programme adopted in {month} {year} made several demands:
The committees took on a number of tasks at once:
Three features of the new arrangement stand out:
The delegates agreed on a short set of principles:
The case for the committees rested on a few simple claims:
""")

# Sentences spoken or written by the people quoted; a quotation joins two or three of them.
QUOTED = lines_of("""
We did not take the yards in order to hand them to a new master.
The committee is not a debating society; it is the only authority the men in this shop recognise.
Every decision was taken in the open, and anyone could speak who had worked a shift.
[T]he party cannot wait for the slowest worker to make up his mind.
There is no room for two powers in one factory … the director must be obeyed.
They called it discipline, but what they meant was silence.
We asked for bread and were given a lecture on the laws of history.
It is not the workers who are backward but the methods by which they are governed.
The assemblies were long, noisy and often badly chaired, and they were ours.
A delegate who forgets whom he represents will soon be reminded of it.
Nobody asked us; the order came down from [the ministry] and that was that.
Production cannot be organised by a show of hands, however enthusiastic.
Our comrades in the capital speak of ‘control’, but they mean control over us.
When the inspectors came they found the books in order and the stores full.
The state will wither, we were told, but first it must grow strong.
I have seen more democracy in one night at the depot than in ten years of elections.
Those who do the work must also decide how the work is done.
The trouble with the committees is that they take their own resolutions seriously.
We were not against planning; we were against being planned.
Every concession we won in the spring was taken back before the winter.
[O]ur task is not to follow the masses but to lead them, if necessary against their will.
The factory belongs to those who keep its fires burning.
There was no sabotage, only hunger, and hunger cannot be shot.
The new managers spoke a language we did not understand, and did not wish to learn ours.
""")
