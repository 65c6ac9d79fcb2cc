## The words that name the changes to the Home Office Counting Rules, wherever the book names
## one: the force pages' published statistics (their sentences, charts and tables), the
## chapters on attrition and reports, and the methodology. Project Fluent: see force.ftl for
## how to edit. The code is src/nsc_report/sections/counting_rules.py; the changes themselves
## (when, what, since) are read from reference/counting_rules.csv.
##
## $month, $months and $first are filled from that table ("April 2018", "April 2018 and April
## 2020"); $what and $since are its words. A message that follows another sentence begins with
## {" "}, so that it prints nothing at all where no change falls within the figures.

### Lists of changes

# $earlier: every change but the last, named by month; $last: the last one.
counting-rules-months-again = { $earlier } and again in { $last }
# How often the rules changed: $n changes.
counting-rules-times = { $n ->
        [1] once
        [2] twice
        [3] three times
        [4] four times
        [5] five times
        [6] six times
        [7] seven times
        [8] eight times
        [9] nine times
       *[other] { $n } times
    }
# One change within a national series: its $month and $what changed; $checked no for a change
# not yet checked against its source, which says so inside the same brackets (a bracket
# beside a bracket reads badly: "May 2023 (unverified ...) (where ...)").
counting-rules-change = { $checked ->
        [yes] { $month } ({ $what })
       *[no] { $month } ({ $what }; unverified: not yet checked against its source)
    }

### Charts and their tables

# The caption's words for the $n changes a chart marks: $label names the one, $labels them all.
counting-rules-break-caption = {" "}{ $n ->
        [one] A dashed vertical line marks the counting-rule change ({ $label }); points are not joined across it.
       *[other] Dashed vertical lines mark the counting-rule changes ({ $labels }); points are not joined across them.
    }
# A table's column: the rules a period's figure was recorded under. $era: none (no change in
# the table), before (the first change, $month), from (the last) or between ($month to
# $until); $partly yes for a period with months under the older rules too, said after a comma
# where the era ends in a bracket of its own ($bracketed yes: a change not yet checked).
counting-rules-era = { $era ->
        [none] the same throughout
        [before] before { $month }
        [from] from { $month }
       *[between] { $month } to { $until }
    }{ $partly ->
        [yes] { $bracketed ->
            [yes] , partly before
           *[no] {" "}(partly before)
        }
       *[no] {""}
    }

### Sentences

# A force's series and its chart: the $n changes within it ($months).
counting-rules-series-caveat = { $n ->
        [one] The counting rules changed in { $months }, so figures either side of that date cannot be compared: the chart marks the change and does not join the points across it.
       *[other] The counting rules changed in { $months }, so figures either side of those dates cannot be compared: the chart marks { $n ->
            [2] both
            [3] the three
            [4] the four
            [5] the five
            [6] the six
            [7] the seven
            [8] the eight
            [9] the nine
           *[other] the { $n }
        } changes and does not join the points across them.
    }
# A chart's description: the changes within its years.
counting-rules-years-caveat = The counting rules changed in { $months }, so the years either side are not comparable.

# A national series of whole years. $case: undated (no year dated), since (a change before
# its first year, $month and $since), since-within (that and changes within it, $found),
# within (changes within it only, $found) or same (none). $changes: how many of them.
counting-rules-held = { $case ->
        [undated] No year of the series is dated, so no counting-rule change is placed in it.
        [since-within] Since { $month } { $since }, and the rules changed again in { $found }, so the years either side of { counting-rules-that } are not comparable.
        [since] Since { $month } { $since }, so the years either side of { counting-rules-that } are not comparable.
        [within] The counting rules changed in { $found }, so the years either side of { counting-rules-that } are not comparable.
       *[same] The counting rules did not change over these years.
    }
counting-rules-that = { $changes ->
        [one] that change
       *[other] those changes
    }

# The methodology: the rules over the years the report covers (its own counts and the
# published statistics it prints). $case: since (a change before them, $month and $since, and
# $later changes up to publication, $months), later (no change before them, $later since,
# $found: each with what it changed) or same (none). $changes: how many.
counting-rules-methodology = Police record crime under the Home Office Counting Rules. { $case ->
        [since] From { $month } { $since }{ $later ->
            [0] {""}
            [one] , and a further change took effect in { $months }
           *[other] , and further changes took effect in { $months }
        }. { counting-rules-methodology-counts }
        [later] Since the first of the years this report covers, the rules have changed in { $found }. { counting-rules-methodology-counts }
       *[same] They did not change over the years this report covers.
    }
counting-rules-methodology-counts = { $changes ->
        [one] Counts either side of that change are not comparable.
       *[other] Counts either side of these changes are not comparable.
    }

# A chapter comparing periods. $case: undated, unchanged (no change within them or since),
# within (changes within them, $within), after (changes after them up to publication, $after)
# or both. $changes: how many changes fell within them.
counting-rules-period = { $case ->
        [undated] The periods covered here are not dated, so no counting-rule change is placed.
        [unchanged] The Home Office Counting Rules did not change within the period covered here or since, up to publication.
        [within] { counting-rules-period-within }
        [after] The Home Office Counting Rules changed in { $after }, { counting-rules-period-after }
       *[both] { counting-rules-period-within } They changed again in { $after }, { counting-rules-period-after }
    }
counting-rules-period-within = The Home Office Counting Rules changed in { $within }, within the period covered here; figures either side of { counting-rules-that } are not directly comparable.
counting-rules-period-after = after the period covered here; figures for later years are not directly comparable with these.
