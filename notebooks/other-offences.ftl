## The words of the chapter on stalking charged as another offence (other-offences.md): its
## chart, the Crown Prosecution Service's answer and its register of figures. Project Fluent:
## see force.ftl for how to edit. The code is src/nsc_report/sections/other_offences.py.

# The CPS's answer as the source reports it: with $quoted yes, $answer (its last full stop
# dropped) and the $quote, the source's own words for the CPS's reason (the release reports
# the reason in indirect speech: the words are the release's, not the CPS's).
other-offences-cps-answer = { $quoted ->
        [yes] { $answer }: the release reports that it “{ $quote }”.
       *[no] { $answer }
    }

# After the forces that gave outcome 15B and their total: the share it is of recorded stalking,
# which needs the same forces' recorded offences (Q1). $case: all (every force that gave it
# gave Q1 too), some ($both of them did: their $offences were $share of those), none-gave,
# none-recorded (those that gave Q1 recorded none) or nothing (no force gave the figure).
other-offences-15b-share-sentence = { $case ->
        [all] Those offences were { $share } of the stalking offences the same forces recorded.
        [some] For the { $both ->
            [one] one of them
           *[other] { $both } of them
        } that also gave the number of stalking offences { $both ->
            [one] it
           *[other] they
        } recorded, the { $offences } { $offences ->
            [one] offence
           *[other] offences
        } closed with outcome 15B { $offences ->
            [one] was
           *[other] were
        } { $share } of those recorded.
        [none-gave] None of them gave the number of stalking offences it recorded, so no share of those can be given.
        [none-recorded] The forces among them that gave the number of stalking offences they recorded recorded none, so no share can be given.
       *[nothing] So no share of recorded stalking can be given.
    }

### The chart

# In place of the chart (Markdown), when no force gave any figure.
other-offences-chart-none = No force gave any figure in answer to our request, so no force can be classed by how fully it answered Q2 to Q4, and there is no chart.
other-offences-chart-bars = Data on stalking charged as another offence or as the lesser stalking offence
# $detailed: the forces that gave a detailed breakdown; $total: the responding forces; $partial:
# those that gave part of it (the published figure is of detailed breakdowns: the forces that
# gave part of one could say something, and the title must not say they could not).
other-offences-chart-title = Only { $detailed } of { $total } { $total ->
        [one] force
       *[other] forces
    } could give a detailed breakdown of how often stalking was charged as another offence{ $partial ->
        [0] {""}
       *[other] ; { $partial } gave part of it
    }
# $period: the period asked about; $source: the source line.
# $stated yes where every bar is a count the Trust's release states (or the rest of them), with
# the release's $citation; no where the bars count this edition's coding of the answers ($source).
other-offences-chart-caption = { $stated ->
        [yes] The forces that answered our request about the { $period }, by whether they could give a detailed breakdown of the stalking cases charged as a different crime, as the Trust's release counts them (those that gave part of one are the rest of the forces that answered). Source: { $citation }.
       *[no] Responding forces by how fully they answered Q2 to Q4 (stalking offences charged as harassment, malicious communications, or s2A instead of s4A stalking), { $period }. { $source }
    }
# The caption of the table of each responding force's answers to Q2 to Q4, under the chart
# (which counts them); $period: the period asked about.
other-offences-forces-caption = Each responding force's answers: stalking offences recorded in the { $period } charged as harassment, as malicious communications, or as s2A instead of s4A stalking, and how fully it answered
# The button that opens that table.
other-offences-forces-show = Show each force's answers
# In place of that table, when no force gave any figure.
other-offences-forces-none = No force answered our request, so there are no forces' answers to list.
# $detailed, $partial and $none: the forces that gave a detailed breakdown, partial data, no data.
other-offences-chart-alt = Bar chart. Of { $total } responding { $total ->
        [one] force
       *[other] forces
    }, { $detailed } gave a detailed breakdown, { $partial } gave partial data and { $none } gave no data.

### The register of figures: what each glued figure is (figures.csv, the register page)

other-offences-def-responding = forces that gave at least one figure in answer to the request
# After the number of forces that gave a detailed breakdown: $total, the responding forces.
other-offences-finding-detailed = of the { $total } responding { $total ->
        [one] force
       *[other] forces
    } could give a detailed breakdown of how often stalking was charged as another offence
# $level: detailed, partial or none: the release's meaning first (it states the detailed and the
# none; the partial is the rest of the responding forces), then the report's own coding of its
# answers; $data: the status of those answers (illustrative where constructed).
other-offences-def-level = { $level ->
        [detailed] responding forces that gave a detailed breakdown of stalking cases charged as a different crime, as the Trust's release states it
        [partial] the other responding forces, which gave part of such a breakdown (the release's responding forces less its detailed and its none)
       *[none] responding forces that could give no data on stalking cases charged as a different crime, as the Trust's release states it
    }; the report's coding{ $data ->
        [illustrative] {""} of its constructed answers
       *[other] {""}
    }: { $level ->
        [detailed] Q2, Q3 and Q4 all answered in full
        [partial] a figure for some of Q2, Q3 and Q4, not all three in full
       *[none] no figure for Q2, Q3 or Q4
    }
other-offences-def-15b-all-forces = forces that gave outcome 15B (Q5)
other-offences-def-15b-all-offences = stalking offences closed with outcome 15B (Q5), summed over every force that gave the figure
other-offences-def-15b-share-text = the share of recorded stalking closed with outcome 15B, said of the forces that gave both Q5 and Q1
other-offences-def-15b-forces = forces that gave both outcome 15B (Q5) and recorded stalking (Q1)
other-offences-def-15b-offences = stalking offences closed with outcome 15B (Q5), summed over those forces
other-offences-def-15b-share = offences closed with outcome 15B (Q5) as a share of the stalking offences the same forces recorded (Q1)
# What the share prints when there is none: $forces, those that gave both figures.
other-offences-15b-empty = { $forces ->
        [0] none
       *[other] no share, since those forces recorded no stalking offences
    }
other-offences-def-cps-answer = the Crown Prosecution Service's answer, in its words as the source reports them
other-offences-def-cps-collated = whether the CPS collates the figure
other-offences-def-period = the period Q2 to Q5 asked about
# $offence: what the offence is called (measures/other_offences.py); $question: Q2, Q3 or Q4.
other-offences-def-offences = offences charged as { $offence }, summed over the forces that gave a figure to { $question }
other-offences-def-forces = forces that gave a figure for { $question }
