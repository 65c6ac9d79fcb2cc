## The words of the chapter on what changed since the previous edition (change.md), of the
## same comparison on each force's page, and of the table of the national series (the
## attrition chapter). Project Fluent: see force.ftl for how to edit. The code is
## src/nsc_report/sections/change.py.

### Sentences glued into the chapter

# $changed: how many linked questions changed their wording or what they count; $questions:
# them, listed.
change-changed = { $changed ->
        [0] No question changed its wording or what it counts.
        [one] { $questions } changed between the editions, so its figures are shown side by side but not compared.
       *[other] { $questions } changed between the editions, so their figures are shown side by side but not compared.
    }
# $new: how many questions are not linked to one of the $previous edition's; $questions: them.
change-new = { $new ->
        [0] Every question was asked in both editions.
        [one] { $questions } was not linked to a question of the { $previous } edition, so it has no comparison.
       *[other] { $questions } were not linked to a question of the { $previous } edition, so they have no comparison.
    }

### The chapter's tables

change-national-caption = Each question asked in both editions: totals over the forces that answered in full both times, { $previous } and { $current }
# The periods a question asked about in the $previous and the $current edition.
change-periods = { $previous } and { $current }
# Why a question's totals are not compared: the question changed ($case noted: the codebook's
# $changed says how; wording: it was worded $was; unit: it counted $was, now $unit), or
# no-force (no force answered in full in both editions).
change-national-note = { $case ->
        [noted] Not compared: { $changed }.
        [wording] Not compared: the wording changed (it was: "{ $was }").
        [unit] Not compared: it now counts { $unit } where it counted { $was }.
       *[no-force] Not compared: no force answered in full in both editions.
    }
# A total that includes revised figures: $change is the change ("+120 (+0.9%)"); $revised
# forces gave the $period again in this edition with a different figure, and the totals use
# those; $printed is the $previous edition's total with the figures as first given.
change-national-revised = { $change }, with { $revised ->
        [one] one force's revised figure
       *[other] { $revised } forces' revised figures
    } for { $period } (as first given in the { $previous } edition, the total was { $printed })
change-forces-caption = Questions asked in both editions that each force answered in full, { $previous } and { $current }

### On each force's page (Markdown, with the table in it)

change-force-heading = ## Since the { $previous } edition
# $asked: the force's questions asked in both editions; $compared: those whose figures can be
# compared; $lost and $gained: how many it answered in full only in the $previous or only in
# the $current edition, listed in $lost_list and $gained_list.
change-force-summary = { $name } was asked { $asked } of this edition's questions in the { $previous } edition too. { $compared ->
        [0] None of its figures can be compared: it did not answer in full in both editions, or the question changed.
       *[other] Its figures can be compared for { $compared } of them.
    }{ $lost ->
        [0] {""}
       *[other] {" "}It answered { $lost_list } in full in { $previous } but not in { $current }.
    }{ $gained ->
        [0] {""}
       *[other] {" "}It answered { $gained_list } in full in { $current }, which it had not in { $previous }.
    }
change-force-caption = { $name }: its answers in the { $previous } and { $current } editions
# A partial answer with a figure: $partial yes; $value the figure.
change-force-answer = { $partial ->
        [yes] { $value } (in part)
       *[no] { $value }
    }
# A change measured from a revised figure: the force gave the $period again in this edition,
# $revised where the $previous edition printed $was; $change is the change ("+10 (+0.7%)").
change-force-revised = { $change } from { $revised }, its revised figure for { $period } (the { $previous } edition printed { $was })
# Why a force's answers are not compared: the question changed ($case noted, wording or unit,
# as in change-national-note), or the force gave no full answer in either edition (neither),
# in the previous one (before) or in this one (now): $edition is that edition.
change-force-reason = { $case ->
        [noted] Not compared: the question changed ({ $changed })
        [wording] Not compared: the question changed (the wording changed (it was: "{ $was }"))
        [unit] Not compared: the question changed (it now counts { $unit } where it counted { $was })
        [neither] Not compared: no full answer in either edition
        [before] Not compared: no full answer in { $edition }
       *[now] Not compared: no full answer in { $edition }
    }

### The national series (the attrition chapter's table)

# A difference of 0, where a table gives a count's change ("+12 (+9.1%)" otherwise).
change-no-change = no change
# A column heading of the chapter's tables and of the national series: $column names it;
# $edition, an edition's year, where it has one.
change-column = { $column ->
        [question] Question
        [periods] Periods
        [edition] { $edition } edition
        [change] Change
        [both] Forces answering in full in both
        [only] Only { $edition }
        [force] Force
        [answered] Answered in full in { $edition }
        [difference] Difference
        [period] Period
        [recorded] Stalking offences recorded by police
        [rate] Conviction rate
       *[source] Source
    }
# A year of the national series with no figure.
change-not-held = not held
change-series-caption = Recorded stalking and the conviction rate in England and Wales, every year this report holds

### The register of figures: what each glued figure is (figures.csv, the register page)

change-def-previous = the edition this one is compared with
change-def-edition = this edition
change-def-linked = questions asked in this edition's Freedom of Information request that match one of the previous edition's
change-def-asked = questions asked in this edition's Freedom of Information request
change-def-compared = linked questions whose totals could be compared (unchanged, and answered in full by some force in both editions)
# $up and $down: how many compared questions rose and fell; $questions: them, listed.
change-def-up = compared questions whose like-for-like total rose: { $up ->
        [0] none
       *[other] { $questions }
    }
change-def-down = compared questions whose like-for-like total fell: { $down ->
        [0] none
       *[other] { $questions }
    }
change-def-changed-text = the linked questions that changed
change-def-new-text = the questions not linked to the previous edition
