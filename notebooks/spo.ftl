## The words of the chapter on Stalking Protection Orders (spo.md): its sentences made from the
## data, its chart and its register of figures. Project Fluent: https://projectfluent.org/fluent/guide/
##
## Edit the words freely; keep the { $names } (the code fills them) and the variant keys in
## [brackets] (the code picks one by the data; `*` marks the one used otherwise). A sentence
## is on one line: a line break inside a message is printed. `nsc-report proof` prints every
## sentence below with each of its variants. The code is src/nsc_report/sections/spo.py.

### Sentences glued into the chapter

# Printed for the median where no force gave both figures.
spo-unknown = an unknown number

# $gave: no when no force gave both application figures; $zero: the forces that made none.
spo-zero = { $gave ->
        [no] Nor can we say whether any force made none.
       *[yes] { $zero ->
            [0] Every force made at least one.
            [one] One force made none at all.
           *[other] { $zero } forces made none at all.
        }
    }

# $gave: no when no force gave both figures; $named: no where the answers are illustrative
# (no force is named); $force applied in the most cases, $most of them.
spo-top-sentence = { $gave ->
        [no] No force gave both figures, so we cannot say which made the most.
       *[yes] { $named ->
            [yes] { $force } applied in the most, { $most }.
           *[no] The force that applied in the most cases, counted by kind of order, did so in { $most }.
        }
    }
# Printed for the force and its total where no force gave both figures.
spo-top-force-none = no force
spo-top-total-none = none

### The chart (its title, caption and description; Markdown in its place when there is none)

spo-chart-none = No force gave both its interim and its full application figures for the { $period }, so there is no chart of cases with an application.
# $low: the forces in the lowest band ($label) of the $forces that gave both figures.
spo-chart-title = { $low } of { $forces } { $forces ->
        [one] force
       *[other] forces
    } applied for SPOs in { $label } cases in a year, counted by kind of order
# $first and $second: the applications at the dashed lines; $source: the source line.
spo-chart-caption = Cases in which each force applied for a Stalking Protection Order, counted by kind of order (the cases with an interim application plus those with a full one: a case with both counts once for each), { $period }, for the { $forces } { $forces ->
        [one] force
       *[other] forces
    } in the release's three bands, which this report reads as those that gave both figures; dashed lines mark { $first } and { $second } cases. { $source }
# The forces in each band ($low, $mid, $high, labelled $low_label ...); the force that applied
# in the most cases made $most, named ($top) where $named is yes (no where the answers are
# constructed: the chapter's sentence leaves it unnamed, spo-top-sentence); $median: the median.
spo-chart-alt = Bar chart of the cases in which each force applied for an SPO, counted by kind of order. { $low } { $low ->
        [one] force
       *[other] forces
    } applied in { $low_label } cases, { $mid } in { $mid_label } and { $high } in { $high_label }. { $named ->
        [yes] { $top } applied in the most cases ({ $most })
       *[no] The force that applied in the most cases did so in { $most }
    }; the median was { $median }.
# Columns of the chart's table: the cases with an application of each $kind (interim or full),
# their total, and the force's band.
spo-chart-col = { $kind ->
        [interim] Cases with an interim application
        [full] Cases with a full application
        [total] Cases, counted by kind of order
       *[band] Band
    }
# The chart's axis.
spo-chart-axis = Cases with an SPO application, counted by kind of order
# A column of the chart's table.
spo-chart-per-1000 = Per 1,000 recorded stalking offences
# A column of the chart's table: the force's recorded stalking offences (Q1) in the $period.
spo-chart-recorded = Stalking offences recorded in the { $period }

### The register of figures: what each glued figure is (figures.csv, the register page)

spo-def-asked = police forces asked (the Trust's release)
spo-def-responding = forces that gave at least one figure in answer to the request (the Trust's release)
spo-def-forces-with-figures = forces in the Trust's release's three bands of SPO applications; this report reads them as those that gave both their interim (Q9) and full (Q10) counts
spo-def-forces-without-figures = forces that answered less those in the release's bands of SPO applications: in this report's reading, those without both SPO figures
spo-def-forces-no-figure = forces asked less those in the release's bands of SPO applications (the map's "no figure given")
# $label: the band's label ("10 or fewer").
spo-def-band = forces whose cases with an SPO application, counted by kind of order (cases with an interim plus cases with a full application), in the { $period } were { $label }
# After a band's number of forces ($forces): its $label and the $period.
spo-finding-band = { $forces ->
        [one] force
       *[other] forces
    } applied for Stalking Protection Orders in { $label } cases, counted by kind of order, in the whole { $period }
# $band: 1, 2 or 3.
spo-def-band-label = the label of SPO band { $band }: cases with an SPO application in a year, counted by kind of order (cases with an interim plus cases with a full application)
spo-def-band-low-share = share of the forces that gave both SPO application figures that applied for SPOs in { $label } cases, counted by kind of order, in the { $period }
spo-def-total = cases with an SPO application, counted by kind of order: cases with an interim plus cases with a full application (a case with both counts once for each), summed over the forces that gave both figures
spo-def-interim = cases with an interim SPO application (Q9), summed over the forces that gave both figures
spo-def-full = cases with a full SPO application (Q10), summed over the forces that gave both figures
spo-def-median = median per force of cases with an SPO application, counted by kind of order, over the forces that gave both figures
# $forces: the forces the median rate is over (with its mark), those that gave both SPO figures
# and recorded any stalking offence.
spo-def-median-per-1000 = median per force of cases with an SPO application (counted by kind of order) per 1,000 stalking offences it recorded (Q1), over the { $forces } { $forces ->
        [one] force
       *[other] forces
    } that gave both SPO figures and recorded any stalking offence (Q1)
spo-def-rate-forces = forces that gave both SPO application figures and recorded any stalking offence (Q1): those with a rate per 1,000 offences
spo-def-zero-forces = forces that gave both SPO figures and applied for no order in any case
spo-def-zero-text = how many of the forces that gave both SPO application figures made none
# $outcome: what became of the applications, asked in $question (Q11, Q12 or Q13).
spo-outcome = { $outcome ->
        [not-authorised] applications stopped inside the force before court
        [refused] applications refused by a court
       *[positive] orders granted with positive requirements
    }
spo-def-outcome = { spo-outcome } ({ $question }), summed over the forces that gave a figure and both application figures
spo-def-outcome-forces = forces that gave a figure for { spo-outcome } ({ $question }) and both application figures
spo-def-period = the period the SPO questions asked about
# $gave: no when no force gave both figures (said after the definition).
spo-def-top-force = the force with the most cases with an SPO application, counted by kind of order{ $gave ->
        [no] : no force gave both figures
       *[yes] {""}
    }
spo-def-top-total = cases with an SPO application, counted by kind of order, of the force with the most{ $gave ->
        [no] : no force gave both figures
       *[yes] {""}
    }
spo-def-top-sentence = which force applied for SPOs in the most cases, counted by kind of order, and in how many (unnamed where the answers are illustrative)
