## The words of the chapter from report to conviction (attrition.md): its sentences made from
## the data, its chart and its register of figures. Project Fluent: https://projectfluent.org/fluent/guide/
##
## Edit the words freely; keep the { $names } (the code fills them) and the variant keys in
## [brackets] (the code picks one by the data; `*` marks the one used otherwise). A sentence
## is on one line: a line break inside a message is printed. `nsc-report proof` prints every
## sentence below with each of its variants. The code is src/nsc_report/sections/attrition.py.

### Sentences glued into the chapter

# Printed for the cases jailed where the source does not hold them.
attrition-not-held = n/a
# Where the headline rate comes from, when no published source states it.
attrition-rate-arithmetic = our arithmetic on the counts below
# $verified: no when the period of this year's counts is not confirmed.
attrition-comparison-caveat = { $verified ->
        [no] The two rates come from different sources, and the period of this year's counts is not confirmed, so they stand side by side here and no change between them is measured.
       *[yes] The two rates come from different sources and periods, so they stand side by side here and no change between them is measured.
    }
# $citation: the source's citation, its first letter in lower case; $caveated: yes when the
# source has a $caveat, printed after it.
attrition-counts-caveat = These counts come from { $citation }.{ $caveated ->
        [yes] {" "}{ $caveat }
       *[no] {""}
    }
# $held: no when the edition holds no national count; $years: a list of attrition-series-year.
attrition-series = { $held ->
        [no] This edition holds no national count of recorded stalking offences.
       *[yes] Police in England and Wales recorded { $years }.
    }
# One year of the list: $first is yes for the first, which says what is counted.
attrition-series-year = { $count }{ $first ->
        [yes] {" "}stalking offences
       *[no] {""}
    } in the { $period }

### The chart (its title, caption and description)

# $stated: yes when a published source states the $rate (the headline), no for our arithmetic.
# The source gives no definition of its rate: the title says what the counts give, and that
# the source's figure is the same, never that the source defines it so.
attrition-chart-title = { $stated ->
        [yes] Convictions were only { $rate } of the number of stalking offences police recorded in these counts: the same figure as the rate the Trust's release states
       *[no] Convictions were only { $rate } of the number of stalking offences police recorded
    }
# The label on a stage's bar: its $count and, after the first ($shared yes), its $share of the
# recorded offences; $mark: the mark of the count, $share_mark of its share (none where published).
attrition-chart-bar = { $count }{ $mark }{ $shared ->
        [yes] {" "}({ $share }{ $share_mark })
       *[no] {""}
    }
# $citation: the source of the counts; $caveated: yes when it has a $caveat.
attrition-chart-caption = Stalking offences recorded by police in England and Wales, and stalking cases charged, convicted and jailed, each stage counted on its own; { $period }. Source: { $citation }.{ $caveated ->
        [yes] {" "}{ $caveat }
       *[no] {""}
    }
# $stages: each bar the chart draws, in order, a sentence each (attrition-chart-alt-stage).
attrition-chart-alt = Bar chart of the count at each stage, each counted on its own (not one group of cases followed through). { $stages }
# One bar of the chart, as a sentence: its $measure (recorded_stalking, charged, convicted or
# jailed), its $count and, after the first, its $share of the offences recorded (each with its
# mark; no brackets, which a mark read aloud as a word in brackets would nest).
attrition-chart-alt-stage = { $measure ->
        [recorded_stalking] Police recorded { $count } stalking { $count ->
            [one] offence.
           *[other] offences.
        }
        [charged] { $count } { $count ->
            [one] case was
           *[other] cases were
        } charged, { $share } of the number recorded.
        [convicted] { $count } { $count ->
            [one] case
           *[other] cases
        } ended in a conviction, { $share } of the number recorded.
       *[jailed] { $count } { $count ->
            [one] case
           *[other] cases
        } ended in a prison sentence, { $share } of the number recorded.
    }

### The register of figures: what each glued figure is (figures.csv, the register page)

attrition-def-recorded = stalking offences recorded by police in England and Wales (the national count behind the conviction rate)
attrition-def-charged = stalking cases that led to a charge
attrition-def-convicted = stalking cases that ended in a conviction
# $held: no when the source does not hold the figure.
attrition-def-jailed = stalking cases that ended in a prison sentence{ $held ->
        [no] {" "}(not held)
       *[yes] {""}
    }
attrition-def-rate-stated = the report's headline conviction rate, as the edition's published source states it
attrition-def-rate-source-stated = the source that states the headline conviction rate
attrition-def-rate = convictions as a share of stalking offences recorded by police: the report's headline conviction rate
attrition-def-rate-source = where the headline conviction rate comes from
attrition-def-rate-exact = the conviction rate to two decimal places
attrition-def-per-1000 = convictions for every 1,000 recorded stalking offences
attrition-def-charge-rate = charges as a share of recorded stalking offences
attrition-def-conviction-share = convictions as a share of recorded stalking offences, the report's own division of the counts from press coverage, as the conviction chart draws it (the Trust's release states the same rate)
attrition-def-jailed-rate = cases that ended in a prison sentence as a share of recorded stalking offences
attrition-def-period = the period of the national counts
attrition-def-source = the source of the national counts
attrition-def-caveat = the source's caveat, if any
attrition-def-counts-caveat = what the caveat means for the counts
attrition-def-prev-rate = the conviction rate the previous report published
attrition-def-prev-charge-rate = the charge rate the previous report published
attrition-def-prev-period = the period of the previous report's rates
attrition-def-prev-source = the source of the previous report's rates
attrition-def-not-convicted = recorded stalking offences that did not end in a conviction
attrition-def-comparison-caveat = why the two conviction rates are not compared
attrition-def-series = recorded stalking in every year the report holds
attrition-def-series-rules = the counting rules the years of recorded stalking were counted under, and any change within them

# A column of the chart's table: $column stage, count (also the chart's axis: each stage's
# label says what it counts, offences recorded or cases charged ...) or share.
attrition-column = { $column ->
        [stage] Stage
        [count] Number
       *[share] Share of recorded (%)
    }

### A figure's finding in plain words, read after the figure (a social card shows it: no
### question codes, no counting rules; those are the register's definitions above)

# After the rate a published source states, in the source's own words.
attrition-finding-rate-stated = of stalking cases result in a conviction, as the Trust's release states
attrition-finding-rate = conviction rate: convictions as a share of the stalking offences police recorded
