## The words of a force's page (force.md), its chart, its register of figures and the link to
## its briefing. Project Fluent: https://projectfluent.org/fluent/guide/
##
## Edit the words freely; keep the { $names } (the code fills them) and the variant keys in
## [brackets] (the code picks one by the data; `*` marks the one used otherwise). A sentence
## is on one line: a line break inside a message is printed. `nsc-report proof` prints every
## sentence below with each of its variants. The code is src/nsc_report/sections/force.py.

### The heading and the opening paragraph

# $illustrative: yes when the edition's answers are constructed (illustrative) data.
force-heading = { $illustrative ->
        [yes] { $who } (illustrative data)
       *[no] { $who }
    }

# A force that gave at least one figure. $forces: how many forces were asked; $answered,
# $partial and $asked: its questions answered in full, in part, and asked (a question asked about two years is one question, answered in full when both years were: measures.gaps.scorecard).
# Each figure of the answers ($answered, $partial, $better, $same) carries its own mark; the
# forces and questions asked (the request's design, published) none: no mark at the end.
force-intro-figures = { $who } is { $forces ->
        [one] the one police force
       *[other] one of the { $forces } police forces
    } of England and Wales we asked about stalking, in the { $region } region. { $illustrative ->
        [yes] In this edition's illustrative data, it answered
       *[no] It answered
    } { $answered } of the { $asked } { $asked ->
        [one] question
       *[other] questions
    } in full (for a question asked about two years, both years){ $partial ->
        [0] {""}
       *[other] {" "}and { $partial } in part
    }: { force-intro-place }.

# Where the force stands by answers: $better forces answered more, $same as many.
force-intro-place = { $better ->
        [0] no force answered more
        [one] { $better } force answered more
       *[other] { $better } forces answered more
    }{ $same ->
        [0] {""}
       *[other] , and { $same } answered the same number
    }

# A force that gave no figure at all. $status: what most of its answers were; $mark: the mark
# of the answers (none when they are published), after what they say.
force-intro-no-figures = { $who } is { $forces ->
        [one] the one police force
       *[other] one of the { $forces } police forces
    } of England and Wales we asked about stalking, in the { $region } region. { $illustrative ->
        [yes] In this edition's illustrative data, it
       *[no] It
    } { $status ->
        [not_held] said in reply to our Freedom of Information request that it does not hold the information
        [refused_s12] refused our Freedom of Information request, saying that finding the answer would cost more than the legal limit (section 12 of the Freedom of Information Act)
        [refused_other] refused our Freedom of Information request under another exemption
        [partial] answered our Freedom of Information request only in part, without a figure
       *[no_response] did not respond to our Freedom of Information request
    }{ $mark }, so this page has no figures from its answers (published statistics about it, below, are not answers). It is in none of the report's comparisons: a force without figures cannot be ranked, and we do not count it as zero.

### Where it stands among the forces (one sentence per measure, and the chart)

# A measure a force is compared on: $measure its key (measures/force.py); $previous the
# previous period (short). $form: heading (a strip's label, a table's column), sentence (to open
# a sentence: no unit), title (inside a title: no unit, not capitalised) or definition (in the
# register's definition).
force-measure = { $form ->
        [sentence] { $measure ->
            [recorded] Stalking offences recorded
            [pct_change] Change in recorded stalking since { $previous }
            [spo_per_1000] Cases with an SPO application, counted by kind of order, per 1,000 recorded offences
            [officers] Dedicated stalking officers
           *[spocs] Stalking single points of contact
        }
        [title] { $measure ->
            [recorded] stalking offences recorded
            [pct_change] change in recorded stalking since { $previous }
            [spo_per_1000] cases with an SPO application, counted by kind of order, per 1,000 recorded offences
            [officers] dedicated stalking officers
           *[spocs] stalking single points of contact
        }
        [definition] { $measure ->
            [recorded] stalking offences recorded
            [pct_change] change in recorded stalking since { $previous } (%)
            [spo_per_1000] cases with an SPO application, counted by kind of order, per 1,000 recorded offences
            [officers] dedicated stalking officers
           *[spocs] stalking single points of contact
        }
       *[heading] { $measure ->
            [recorded] Stalking offences recorded
            [pct_change] Change in recorded stalking since { $previous } (%)
            [spo_per_1000] SPO cases by kind of order, per 1,000 offences
            [officers] Dedicated stalking officers
           *[spocs] Stalking single points of contact
        }
    }

# $case: none-given (no force gave the figure), not-given (this force gave none), alone (no
# other force gave it) or ranked. $of: the forces that gave it; $value and $median: the
# force's figure and the median of the forces' figures (midway between the two middle
# ones when they are an even number: no force need have it). Each figure carries its own mark
# where it stands, and $mark (the answers' mark, none when they are published) follows each
# claim about the answers that has no figure ("none had a higher one"): $of is published where
# a published source states it (the release's 7 and 12 forces that gave a number of officers).
force-standing = { $case ->
        [none-given] { $label }: no force has a figure for this{ $mark }, so there is no comparison.
        [not-given] { $label }: { force-standing-lacks }{ $mark }{ $lacks ->
            [figure] , so it has
           *[other] {" "}and
        } no place in this comparison ({ $of } { $of ->
            [one] force
           *[other] forces
        } { $lacks ->
            [figure] did
           *[other] { $of ->
                [one] has one
               *[other] have one
            }
        }).
        [alone] { $label }: { $value }; no other force gave this figure{ $mark }.
       *[ranked] { $label }: { $value } (of the { $of } forces that gave this figure, { force-standing-order }; the median: { $median }).
    }

# Why a force has no value ($lacks, measures.force.lacking): figure (a figure it gives itself:
# it gave none); for the rate of SPO cases per 1,000 recorded offences, the input it did not
# give in the $period: spo (its applications for either kind of order), spo-interim or
# spo-full (one kind), recorded (the offences it recorded), spo-recorded (neither), or
# recorded-none (it recorded none); for the change since the $previous year, previous,
# current or both (the year or years without a figure) or previous-none (none recorded in
# the $previous year). Each but figure ends on what the force has not: "so it has no rate".
force-standing-lacks = { $lacks ->
        [spo] { $who } gave no figure for the cases in which it applied for an order (interim or full) in the { $period }, so it has no rate
        [spo-interim] { $who } gave no figure for the cases in which it applied for an interim order in the { $period }, so it has no rate
        [spo-full] { $who } gave no figure for the cases in which it applied for a full order in the { $period }, so it has no rate
        [recorded] { $who } gave its figures for orders but not the number of stalking offences it recorded in the { $period }, which the rate is reckoned against, so it has no rate
        [recorded-none] { $who } recorded no stalking offences in the { $period }, so it has no rate per 1,000 of them
        [spo-recorded] { $who } gave no figure for the stalking offences it recorded in the { $period }, nor for the cases in which it applied for an order of either kind, so it has no rate
        [previous] { $who } gave no figure for the stalking offences it recorded in the { $previous }, so it has no change to give
        [current] { $who } gave no figure for the stalking offences it recorded in the { $period }, so it has no change to give
        [both] { $who } gave no figure for the stalking offences it recorded in either year, so it has no change to give
        [previous-none] { $who } recorded no stalking offences in the { $previous }, so it has no change to give as a percentage
       *[figure] { $who } gave no figure
    }

# $higher and $lower: the forces with a higher and a lower figure; $ties: those with the same.
force-standing-order = { $ties ->
        [0] { force-standing-higher } and { force-standing-lower }
       *[other] { force-standing-higher }, { force-standing-lower } and { $ties } the same
    }
force-standing-higher = { $higher ->
        [0] none{ $mark } had a higher one
       *[other] { $higher } had a higher one
    }
force-standing-lower = { $lower ->
        [0] none{ $mark } a lower one
       *[other] { $lower } a lower one
    }

# The chart's title: $best is yes when the force is highest on a $measure of the $of forces that
# gave that figure (not of all forces: many gave none), $tied yes where another force has the same
# figure, $mark the mark of the answers on the claim of its rank; else the $shown measures on
# which it gave a figure.
force-chart-title = { $best ->
        [yes] { $of ->
            [one] { $who } is the only force{ $mark } that gave a figure for { $measure }
           *[other] { $who } is { $tied ->
                [yes] joint highest
               *[no] highest
            }{ $mark } of the { $of } forces that gave a figure for { $measure }
        }
       *[no] How { $who } compares with the other forces on the { $shown } { $shown ->
            [one] measure
           *[other] measures
        } for which it gave a figure
    }
force-chart-caption = Each row is one measure; each grey dot a force that gave the figure, the diamond { $who } and the black tick the median. Rows are scaled separately, from 0 (or from the lowest value, where that is below 0) to the largest value; a row without the diamond is a measure for which { $who } gave no figure. { $period } (officers: at the time of the request). { $source }
force-chart-axis = Lowest to highest among forces with a figure
force-chart-median = Median
# The median's name in its tooltip.
force-chart-median-tooltip = median
# A column of the chart's table: $column measure or rank.
# The table's columns: how many forces gave the figure ($column of) stands apart from the
# force's rank among them, since a published source may state it where the rank is constructed.
force-chart-column = { $column ->
        [measure] Measure
        [of] Forces with a figure
       *[rank] Rank (1 = highest)
    }
force-chart-rank = { $rank }{ $tied ->
        [yes] {" "}(tied)
       *[no] {""}
    }
# In place of the chart (Markdown), for a force that gave none of its figures.
force-chart-none = { $who } gave none of these figures, so it is not shown against the other forces.

### Protection orders, specialist officers and the Commissioner's commitment

# $case: no-figure, or figure with $interim and $full, the cases with an application of each
# kind, and $total, the two added (a case with both kinds counts in each, as the bands count);
# $band: its band's label, $lowest yes for the lowest band; $same: the other forces in that band.
# The band's limits are the release's (published): each figure of the answers carries its own
# mark, and $mark (the answers' mark, none when they are published) follows what they say in
# words; no mark at the end of a sentence.
force-spo = { $case ->
        [no-figure] { $who } did not tell us how many cases led to an application for a Stalking Protection Order in the { $period }, so we cannot place it in a band{ $mark }.
       *[figure] In the { $period } { $who } { $total ->
            [0] did not apply for a Stalking Protection Order, interim or full, in any case{ $mark }
           *[other] applied for an interim Stalking Protection Order in { $interim ->
                [0] no case{ $mark }
                [one] { $interim } case
               *[other] { $interim } cases
            } and for a full order in { $full ->
                [0] none{ $mark }
               *[other] { $full }
            }: { $total } cases counted by kind of order (a case with both kinds counts once for each)
        }. That puts it in the { $lowest ->
            [yes] lowest band
           *[no] band
        } of { $band } cases, counted by kind of order, with { $same ->
            [0] no other force{ $mark }
            [one] { $same } other force
           *[other] { $same } other forces
        }.
    }

# $commissioner: none (another body oversees it: $body), made or not-made (by $body_capital,
# its name opening the sentence), or unpublished (the edition's commitments are constructed:
# no act of a named office is printed from them). $source: the citation of the source a made or
# not-made row rests on, printed in the sentence (it is the sentence's only evidence). A sentence of its own: it rests on the commitments data, the
# next on the force's answers, and each carries the mark of what it rests on.
force-pcc = { $commissioner ->
        [none] It has no Police and Crime Commissioner, so it was not part of the { $year } commitment to increase reports of stalking: { $body } oversees it.
        [made] { $body_capital } made the { $year } commitment to increase reports of stalking. Source: { $source }.
        [unpublished] Whether { $body } made the { $year } commitment to increase reports of stalking is not published in this edition.
       *[not-made] { $body_capital } did not make the { $year } commitment to increase reports of stalking. Source: { $source }.
    }
# $change: none-before (no offence recorded in the $previous period, $now in the current one),
# unknown (no figures for both), or known ($direction rose, fell or same, by $amount).
force-change = { $change ->
        [none-before] It recorded no stalking offences in the { $previous } and { $now } in the { $period }, so no percentage change can be given.
        [unknown] { $who } did not give us recorded stalking for both the { $previous } and the { $period }, so we cannot say whether recorded stalking rose or fell.
       *[known] Between the { $previous } and the { $period }, the stalking offences it recorded { $direction ->
            [rose] rose by { $amount }
            [fell] fell by { $amount }
           *[same] did not change
        }.
    }

# $case: none (no figure for any of the three), or some: $items lists force-officers-item.
force-officers = { $case ->
        [none] { $who } gave no figures for its specialist officers or single points of contact.
       *[some] At the time of our request { $who } reported { $items }.
    }
# One of the three answers: $question Q6, Q7 or Q8; $figure partial (answered in part, without a
# number), no (with its $status) or yes ($n).
force-officers-item = { $figure ->
        [partial] no number of { force-officers-many } (its answer covered the question only in part)
        [no] no figure for { force-officers-many } ({ $status })
       *[yes] { $n ->
            [0] no { force-officers-many }
            [one] { $n } { force-officers-one }
           *[other] { $n } { force-officers-many }
        }
    }
# An answer the force made public itself (its row cites the $source), stated as the source
# states it: for Q6 to Q8, that it has at least one ($any yes) or none of them; for another
# question, only that its answer is published. $constructed yes where the force's other figures
# are constructed (the sentence then says that they are, unlike this one).
force-public = { $question ->
        [Q6] { $who } has said that it has { force-public-officers }
        [Q7] { $who } has said that it has { force-public-officers }
        [Q8] { $who } has said that it has { force-public-officers }
       *[other] { $who }'s answer to { $question } is published
    }. Source: { $source }.{ $constructed ->
        [yes] {" "}This is published; the figures this edition gives for the force's answers are constructed.
       *[no] {""}
    }
force-public-officers = { $any ->
        [yes] at least one { force-officers-one }
       *[no] no { force-officers-many }
    }
force-officers-one = { $question ->
        [Q6] dedicated stalking officer
        [Q7] stalking single point of contact
       *[Q8] single point of contact for Stalking Protection Orders
    }
force-officers-many = { $question ->
        [Q6] dedicated stalking officers
        [Q7] stalking single points of contact
       *[Q8] single points of contact for Stalking Protection Orders
    }

### What it could not tell us

# $case: complete, nothing (no figure at all) or some ($missing of the $asked questions).
# $missing carries the mark of the answers; $mark (that mark, none when they are published)
# follows what the answers say; the questions asked ($asked) are published: no mark at the end.
force-gaps = { $case ->
        [complete] { $who } answered every question in full{ $mark }.
        [nothing] { $who } gave no figure{ $mark } in answer to { $asked ->
            [one] the one question we asked about
           *[other] any of the { $asked } questions we asked
        }.
       *[some] { $who } could not, or did not, give a full answer to { $missing } of the { $asked } { $asked ->
            [one] question
           *[other] questions
        }. Each is listed here with how the report coded its answer.
    }
# The list below it (Markdown). Every answer alike: one line; $noted yes when it has a $note:
# the report's coding note on the answer (the answers file's), not the force's words. An
# item's $period is the year asked about; $at_request yes for a question asked about the time
# of the request. The question's $wording, the status and the note may each end in brackets of
# their own, so none of them is set in brackets (no bracket beside or inside a bracket). $mark:
# the mark of the answers (none when they are published), at the end of each statement of them.
force-gaps-every = Every question, as the report coded its answer: { $status }{ $noted ->
        [yes] ; the report's note on it: { $note }
       *[no] {""}
    }{ $mark }.
force-gaps-item = - **{ $question }** { $wording }, { $at_request ->
        [yes] at the time of the request
       *[no] { $period }
    }: { $status }{ $noted ->
        [yes] ; the report's note on it: { $note }
       *[no] {""}
    }{ $mark }
force-gaps-nothing = Nothing: every answer was complete.

### Question by question (the table)

force-answers-caption = { $who }: its answer to each question we asked
force-answers-at-request = At request
# $figure yes when the part answer has a $value.
force-answers-partial = { $figure ->
        [yes] { $value }, answered in part
       *[no] no number (answered in part)
    }

### Its region and its briefing (HTML, with a plain-text version)

# $compass yes for a region named by a point of the compass ("the North East").
force-in-region = { $compass ->
        [yes] in the { $region }
       *[no] in { $region }
    }
force-region-only = { $who } is the only force { force-in-region }.
# $others: how many other forces; $links: their names, each a link (force-region-link).
force-region-others = { $others ->
        [one] The other force
       *[other] The other forces
    } { force-in-region }: { $links }.
force-region-link = <a href="{ $page }">{ $name }</a>
force-briefing-link = <p class="nsc-briefing-link"><a class="nsc-download" href="../downloads/forces/{ $file }" download="{ $file }">Download the two-page briefing on { $who } (PDF, A4)</a>, to send to { $body } or to a local partner.</p>
force-briefing-link-text = Briefing: downloads/forces/{ $file }

### The register of figures: what each glued figure is (figures.csv, the register page)

force-def-name = the force's name
force-def-heading = the page's heading: the force's name, and whether its figures are illustrative
force-def-overseer = the body that oversees the force at publication
force-def-region = the force's region
force-def-period = the period most questions asked about
force-def-asked = questions { $who } was asked (a question asked about two years counts once)
force-def-answered = questions { $who } answered in full (a question asked about two years, for both years), counted as the data-gaps chapter counts them
force-def-intro = how many questions { $who } answered, and how that compares with the other forces
force-def-standing = where { $who } stands among the forces that gave the same figure: { $measure }
force-def-spo = { $who }'s cases with an SPO application, counted by kind of order (cases with an interim plus cases with a full application, Q9 and Q10), and their band
force-def-pcc = whether { $who }'s PCC made the commitment
force-def-change = the change in { $who }'s recorded stalking (Q1)
force-def-public = what { $who } has said in public of its answers, with the source
force-def-officers = { $who }'s specialist officers and single points of contact (Q6 to Q8)
force-def-gaps = the questions { $who } did not answer in full
