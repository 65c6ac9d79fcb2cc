## The words of the published statistics: the section of a force's page (force.md) that sets
## real figures from official sources apart from the answers, its charts, tables and register
## of figures, and the national series in the chapters on attrition (attrition.md) and
## protection orders (spo.md). Project Fluent: see force.ftl for how to edit. The code is in
## src/nsc_report/sections/published/; a caption's sentence about a counting-rule change
## ($breaks) comes from counting-rules.ftl, and the sources' titles, citations and notes from
## data/public/.

published-ew = England and Wales
# A figure the source does not give, in a table's cell.
published-not-given = not given

### The section's label and the list of its sources (HTML, with a plain-text version)

published-notice-label = Published statistics
# $held: how many of the sources hold a figure for the force; $origins: who they come from (each a
# published-origin), only those.
published-notice = { $held ->
        [0] The published statistics this report reads hold no figure for { $who }; what they say of it is below. They are not answers to our Freedom of Information request.
       *[other] Real figures about { $who } from { $origins }. They are not answers to our Freedom of Information request, and carry no mark.
    }
# Where a published series' figures come from, in the notice.
published-origin = { $series ->
        [recorded_offences_2017_18] the Home Office
        [stalking_and_harassment] the Office for National Statistics
        [stalking_outcomes] the Home Office
        [proceedings_convictions] the Ministry of Justice
       *[other] answers the force gave to the BBC
    }
# $text: published-notice.
published-notice-html = <p class="nsc-published-label"><strong>{ published-notice-label }</strong> { $text }</p>
published-notice-text = { published-notice-label }. { $text }
# One source: $named is yes when its $citation already names its $compiler; $when: the month
# it was published.
published-source = <li>{ $title }: { $citation }.{ $named ->
        [yes] {" "}Published { $when }.
       *[no] {" "}Compiled by { $compiler } ({ $when }).
    } { $licence }.</li>
# A source named by the report's name for its series, in a list of them: not in quotation
# marks, which would give the report's words as the publisher's title.
published-source-title = { $title }
# The sources the section read that hold no figure for $who, by their $titles (set apart by
# semicolons: a title may hold "and").
published-source-none = <li>Read, with no figure for { $who }: { $titles }.</li>
published-source-none-text = - Read, with no figure for { $who }: { $titles }
# $items: every published-source that holds a figure for the force, then published-source-none.
published-sources = <ul class="nsc-published-sources">{ $items }</ul>
published-source-text = - { $title }: { $citation }

### Recorded crime: stalking alone (year ending March 2018) and the wider group

# $case: none (no count; $noted yes with the source's $note) or given ($n offences; $national
# yes with $total recorded by the $forces forces).
published-recorded = { $case ->
        [none] The published figures give no count of stalking offences recorded by { $who } in the year ending March 2018{ $noted ->
            [yes] {" "}({ $note })
           *[no] {""}
        }.
       *[given] In the year ending March 2018, { $who } recorded { $n } stalking { $n ->
            [one] offence
           *[other] offences
        } (offence code 8Q){ $national ->
            [yes] , of { $total } recorded by the { $forces } { $forces ->
                [one] force
               *[other] forces
            } of England and Wales
           *[no] {""}
        }. That is the one year in these published figures that counts stalking alone, force by force. Recorded crime measures what the police record, not how much stalking happens.
    }
# $given: no when no period has a count; else $first_n in the $first period, $last_n in the
# $last. A counting-rule caveat and the source's notes follow it.
published-group = { $given ->
        [no] The published figures give no count of stalking and harassment recorded by { $who }.
       *[yes] Later figures count "stalking and harassment" as one group: stalking, harassment, racially or religiously aggravated harassment and malicious communications together, so they are not counts of stalking. { $who } recorded { $first_n } { $first_n ->
            [one] offence
           *[other] offences
        } in this group in the { $first } and { $last_n } in the { $last }.
    }
# The paragraph: $group (published-group), then the counting-rule caveat where the rules
# changed within the years ($caveated yes with $caveat), then the $noted sources' $notes (each a
# published-group-note).
published-group-paragraph = { $group }{ $caveated ->
        [yes] {" "}{ $caveat }
       *[no] {""}
    }{ $noted ->
        [0] {""}
       *[other] {" "}{ $notes }
    }
# A note of the source's on the $periods it concerns.
published-group-note = For the { $periods }: { $note }.
published-group-chart-title = { $who } recorded { $n } stalking and harassment { $n ->
        [one] offence
       *[other] offences
    } in the { $period }
published-group-chart-caption = Stalking and harassment (stalking, harassment, racially or religiously aggravated harassment and malicious communications) recorded by { $who }, rolling years. Source: { $credit }.{ $breaks }
published-group-chart-alt = { $who } recorded { $first_n } stalking and harassment { $first_n ->
        [one] offence
       *[other] offences
    } in the { $first } and { $last_n } in the { $last }.{ $caveated ->
        [yes] {" "}{ $caveat }
       *[no] {""}
    }
published-group-axis = Offences recorded
published-group-period-axis = Year ending
published-col-period = Period
published-col-group = Stalking and harassment recorded
published-col-rules = Counting rules
published-col-note = Note

### Outcomes: the charge rate

# $rated: yes with the latest $period's $charged of $outcomes ($rate); $national yes with
# England and Wales's $ew_rate.
published-charge = { $rated ->
        [yes] In { $period }, { $charged } of the { $outcomes } { $outcomes ->
            [one] outcome
           *[other] outcomes
        } { $who } assigned to stalking offences { $charged ->
            [one] was
           *[other] were
        } a charge or summons ({ $rate }){ $national ->
            [yes] , against { $ew_rate } in England and Wales
           *[no] {""}
        }.
       *[no] The published outcomes give no charge rate for { $who } in any year.
    }
# The force's paragraph: $rate (published-charge), the caveat, and the $missing years' notes
# ($notes: each a published-charge-missing).
published-charge-paragraph = { $rate } { published-charge-caveat }{ $missing ->
        [0] {""}
       *[other] {" "}{ $notes }
    }
published-charge-caveat = Outcomes assigned in a year are not the outcomes of that year's crimes: an offence recorded in one year can be charged in a later one. The published compilation has no figures for 2017/18.
# The $years with no rate, and why ($note, from the source, or published-charge-unassigned).
published-charge-missing = There is no rate for { $years }. { $note }.
published-charge-unassigned = no outcomes were assigned
published-charge-chart-title = { $rate } of the outcomes { $who } assigned to stalking offences in { $period } were a charge or summons
# A charge-rate chart's text alternative: the line of $who (beside England and Wales where
# $compared is yes), its first and last years with a rate, and those rates.
published-charge-chart-alt = Line chart of the share of the outcomes assigned to stalking offences that were a charge or summons, year by year, for { $who }{ $compared ->
        [yes] {" "}beside { published-ew }
       *[no] {""}
    }: { $first_rate } in { $first } and { $last_rate } in { $last }. Points are not joined across a change in the counting rules.
published-charge-chart-caption = Outcomes of charge or summons as a share of all outcomes assigned to stalking offences (8Q) in each financial year, { $who } and { published-ew }. Outcomes in a year are not the outcomes of that year's crimes. Source: { $credit }.{ $breaks }
published-charge-axis = Charge or summons (% of outcomes)
published-charge-period-axis = Financial year (April to March)
published-no-rate = no rate
published-col-year = Year
published-col-charged = Charged or summonsed
published-col-outcomes = All outcomes
published-col-rate = Charge rate (%)
# A column of a force's ($who) or England and Wales's figures.
published-col-of = { $who }: { $column ->
        [charged] charged or summonsed
        [outcomes] all outcomes
        [rate] charge rate
        [proceedings] proceeded against
       *[convicted] convicted
    }

### Courts: proceedings and convictions

# $given: no when the court figures have no row for the area in any year they cover ($first to
# $last); else $proceedings in $period, $convicted
# (yes with $c convictions) and $national (yes with England and Wales's $ew_p and $ew_c).
published-court = { $given ->
        [no] The published court figures have no row for the police force area of { $who } for any year from { $first } to { $last }.
       *[yes] In { $period }, { $proceedings } { $proceedings ->
            [one] defendant was
           *[other] defendants were
        } proceeded against for stalking in the police force area of { $who } and { $convicted ->
            [yes] { $c } { $c ->
                [one] was
               *[other] were
            } convicted
           *[no] the published figures give no count of convictions
        }{ $national ->
            [yes] {" "}(England and Wales: { $ew_p } and { $ew_c })
           *[no] {""}
        }. A conviction in one year can follow proceedings begun in an earlier one, so no conviction rate is worked out from these counts. The stalking offences came into force on 25 November 2012; the figures start in 2013.
    }
published-court-caption = Defendants proceeded against for stalking and convicted, in the police force area of { $who } and in { published-ew }, by calendar year. Source: { $source }.
published-col-proceedings = Proceeded against
published-col-convicted = Convicted

### Stalking Protection Orders, as forces told the BBC

# $case: given ($years: published-orders-year for each year a figure was given), no-figure
# (the force answered without one: $note) or absent (its answers were not published).
published-orders = { $case ->
        [given] In answers to the BBC Shared Data Unit, { $who } said it applied for { $years }.
        [no-figure] { $who } gave the BBC Shared Data Unit no figure for the orders it applied for in 2020/21 and 2021/22. { $note }.
       *[absent] { $who } is not among the forces whose answers to the BBC Shared Data Unit on Stalking Protection Orders in 2020/21 and 2021/22 were published.
    }
# $n orders applied for in $period ($first: yes for the first year listed); $granted yes with
# the $won granted.
published-orders-year = { $n }{ $first ->
        [yes] { $n ->
            [one] {" "}Stalking Protection Order
           *[other] {" "}Stalking Protection Orders
        }
       *[no] {""}
    } in { $period }{ $granted ->
        [yes] {" "}({ $won } granted in that year)
       *[no] {""}
    }
# The paragraph: $orders (published-orders), the $noted notes of the source ($notes: each a
# published-orders-note), and the answers of June 2021 where the force gave them ($early yes
# with $early_text, a published-orders-early).
# $conflicted: how many pairs of its answers cannot both be right, said in $conflicts.
published-orders-paragraph = { $orders }{ $noted ->
        [0] {""}
       *[other] {" "}{ $notes }
    }{ $early ->
        [yes] {" "}{ $early_text }
       *[no] {""}
    }{ $conflicted ->
        [0] {""}
       *[other] {" "}{ $conflicts }
    }
# A note of the source's on one $period.
published-orders-note = For { $period }: { $note }.
# The answers of June 2021, for the $period from January 2020 to the day the force's answer
# was correct to: $given yes with $n applied for ($granted yes with $won granted), or no with
# the force's $note. That compilation's count of applications is the sum of the orders granted,
# rejected and not yet heard; $apart yes where the force's yearly counts are printed before it.
published-orders-early = { $given ->
        [yes] From { $period } it applied for { $n }{ $granted ->
            [yes] , and { $won } { $won ->
                [one] was
               *[other] were
            } granted
           *[no] {""}
        } (answers to the BBC Data Unit, June 2021, whose count of applications is the orders granted, rejected or not yet heard).{ $apart ->
            [yes] {" "}The two compilations count applications differently, so their figures are not compared.
           *[no] {""}
        }
       *[no] For { $period } it gave the BBC Data Unit no figure. { $note }.
    }
# The note on the row of those answers in the force's table, where the yearly rows count
# applications otherwise.
published-orders-early-note = Counted as the orders granted, rejected or not yet heard by the day the answer was correct to; not compared with the yearly counts.
# Two answers on orders applied for, counted alike, that cannot both be right: the $longer
# period holds the whole of the $shorter one, yet its count is the smaller. Both are printed as
# given. (Answers that count differently are not set against each other.)
published-orders-conflict = These answers cannot both be right: { $longer } includes the whole of { $shorter }, yet its figure is the smaller; both are printed as given.
# The same, in the table's note on one of the two rows: $other, the period of the other answer.
published-orders-conflict-note = Cannot be reconciled with the answer for { $other }, printed as given.
published-orders-caption = Stalking Protection Orders { $who } applied for and was granted, as it told the BBC
published-col-applied = Applied for
published-col-granted = Granted
published-col-answer-to = Answer given to

### The chapters: national series (attrition.md and spo.md)

# $first and $last: the first and last years with a rate ($first_rate, $last_rate; $charged
# of $outcomes in the last). $changes: the counting-rule changes within the years (in
# $months), and $effect what they did to the count: more, fewer, or both ways.
published-national-charge = Published outcomes tell more than the counts above. In { $first }, { $first_rate } of the outcomes police in England and Wales assigned to stalking offences were a charge or summons; in { $last }, { $last_rate } ({ $charged } of { $outcomes }).{ $changes ->
        [0] {""}
       *[other] {" "}The counting rules changed in { $months }, and { $effect ->
            [more] { $changes ->
                [one] the change
               *[other] each change
            } added offences to the count
            [fewer] { $changes ->
                [one] the change
               *[other] each change
            } took offences out of the count
           *[both] the changes moved the count both ways
        }, so the years either side are not comparable and the fall cannot be read as police charging less often.
    } Outcomes assigned in a year are not the outcomes of that year's crimes.
# $changes: how often the counting rules changed over the years shown ($times, in words:
# "twice") since the $first of them.
published-national-charge-title = A charge or summons was { $rate } of stalking outcomes in { $period }{ $changes ->
        [0] {""}
       *[other] , under counting rules that changed { $times } since { $first }
    }
published-national-charge-caption = Outcomes of charge or summons as a share of all outcomes assigned to stalking offences (8Q) in each financial year, { published-ew }. Source: { $credit }.{ $breaks }
published-national-court = Court figures run from { $first } to { $last }. In { $first }, the first full year of the stalking offences, { $first_p } { $first_p ->
        [one] defendant
       *[other] defendants
    } in England and Wales { $first_p ->
        [one] was
       *[other] were
    } proceeded against for stalking and { $first_c } convicted; in { $last }, { $last_p } and { $last_c }. A conviction in one year can follow proceedings begun in an earlier one, so the two counts are not divided here.
published-national-court-caption = Defendants proceeded against for stalking and convicted, { published-ew }, by calendar year. Source: { $source }.
# $years: published-national-orders-year for each year, as a list that opens a sentence; then
# the answers that gave more orders granted than applied for ($more of them: $answers, each a
# published-national-orders-more).
published-national-orders = Published answers to the BBC Shared Data Unit give a longer view than our request. { $years }. The forces that answered differ from year to year, so the totals are not a national count and are not compared.{ $more ->
        [0] {""}
       *[other] {" "}{ $answers }
    }
published-national-orders-year = { $forces } { $forces ->
        [one] force
       *[other] forces
    } gave the number they applied for in { $period } (together { $applied })
# A force that gave more orders $granted than $applied for in $period.
published-national-orders-more = { $who } reported { $granted } { $granted ->
        [one] order
       *[other] orders
    } granted in { $period } and { $applied } applied for: orders granted can follow applications of an earlier year, or the answer is inconsistent; it is printed as given.
published-national-orders-caption = Stalking Protection Orders applied for and granted, as forces told the BBC. Source: { $source }.
published-col-forces = Forces that gave a figure
published-col-forces-applied = Orders applied for (those forces)
published-col-forces-granted = Forces that gave orders granted
published-col-granted-total = Orders granted (those forces)

### The register of figures: what each glued figure is (figures.csv, the register page)

published-def-recorded-text = stalking recorded by { $who } in the year ending March 2018, with the total of all forces
published-def-group-text = stalking and harassment recorded by { $who }
published-def-charge-text = the share of outcomes assigned to stalking offences in { $who } that were a charge or summons, with England and Wales
published-def-court-text = stalking prosecutions and convictions in the { $who } police force area
published-def-orders-text = Stalking Protection Orders { $who } applied for and was granted, as it told the BBC
published-def-recorded = stalking offences (8Q) recorded by { $who }
published-def-charge-rate = outcomes assigned to stalking offences in { $who } that were a charge or summons
published-def-proceedings = defendants proceeded against for stalking in the police force area of { $who }
published-def-convicted = defendants convicted of stalking in the police force area of { $who }
published-def-national-charge = the share of outcomes assigned to stalking offences in England and Wales that were a charge or summons, first and last year published
published-def-national-court = defendants proceeded against for stalking and convicted in England and Wales, first and last year published
published-def-national-orders = Stalking Protection Orders applied for by the forces that answered the BBC, by year
