## The words of the chapter on reports of stalking and the PCC commitment (reports.md): its
## sentences made from the data, its chart and its register of figures.
## Project Fluent: https://projectfluent.org/fluent/guide/
##
## Edit the words freely; keep the { $names } (the code fills them) and the variant keys in
## [brackets] (the code picks one by the data; `*` marks the one used otherwise). A sentence
## is on one line: a line break inside a message is printed. `nsc-report proof` prints every
## sentence below with each of its variants. The code is src/nsc_report/sections/reports.py.

### Words glued into the chapter

# The share of the Commissioners who made the commitment, in words: $half is more (over 50%),
# half (exactly 50%) or fewer.
reports-half = { $half ->
        [more] more than half
        [half] half
       *[fewer] fewer than half
    }
# Printed for the median change where no percentage change can be worked out.
reports-median-unknown = not known, since no percentage change can be worked out for any of them

### The chart (its title, caption and description; Markdown in its place when there is none)

# $case: no-forces (no force gave both years) or none-before (every force that did recorded
# none in the earlier year, $previous).
reports-chart-none = { $case ->
        [no-forces] No force gave recorded stalking for both the { $previous } and the { $period }, so there is no change to chart.
       *[none-before] Every force that gave recorded stalking for both years recorded none in the { $previous }, so no percentage change can be worked out, and there is no chart.
    }
# $grouped yes (the chart marks which forces' PCCs made the commitment): $decreased of the
# $comparable forces whose PCC made it recorded fewer offences. $grouped no (every force drawn
# alike): the title says what the chart shows, $increased of the $forces forces drawn recorded more.
reports-chart-title = { $grouped ->
        [yes] { $decreased } of { $comparable } { $comparable ->
            [one] force
           *[other] forces
        } whose PCC pledged more reports recorded fewer
       *[no] { $increased } of the { $forces } { $forces ->
            [one] force
           *[other] forces
        } that gave both years' figures recorded more stalking offences
    }
# $forces: those that gave both years; $year: the year of the commitment; $source: the source line;
# $grouped yes where the commitments are real and the chart marks which forces' PCCs made it.
reports-chart-caption = Percentage change in police-recorded stalking offences from the { $previous } to the { $period }, for the { $forces } { $forces ->
        [one] force
       *[other] forces
    } that gave both years' figures; { $grouped ->
        [yes] triangles mark forces whose Police and Crime Commissioner made the { $year } commitment.
       *[no] which forces' Commissioners made the { $year } commitment is not shown, as this edition's list of them is constructed.
    } { $source }
# What the chart draws, in words: the change for each of the $forces forces that gave both years
# ($previous, $period); $grouped yes where it marks which forces' Commissioners made the $year
# commitment ($comparable of them gave both years: $decreased recorded fewer, $increased_committed
# more), no where it draws every force alike and says nothing of commitments. Of all it draws,
# $increased recorded more, $fewer fewer and $same the same; $low and $high: the smallest and
# largest changes, of $low_force and $high_force, named where $named is yes (no where the
# answers are constructed: the chapter's sentences name no force beside their figures).
reports-chart-alt = Dot chart of the percentage change in recorded stalking offences from the { $previous } to the { $period }, for each of the { $forces } { $forces ->
        [one] force
       *[other] forces
    } that gave both years' figures{ $grouped ->
        [yes] ; triangles mark the { $comparable } whose Police and Crime Commissioner made the { $year } commitment to increasing reports, of which { $decreased } recorded fewer and { $increased_committed } more.
       *[no] , every force drawn alike.
    } In the later year, { $increased } recorded more{ $same ->
        [0] {" "}and { $fewer } fewer
       *[other] , { $fewer } fewer and { $same } the same
    }. The changes ranged from { $low }{ $named ->
        [yes] {" "}({ $low_force })
       *[no] {""}
    } to { $high }{ $named ->
        [yes] {" "}({ $high_force })
       *[no] {""}
    }.

# How the share that recorded fewer is counted (one scope wherever it is printed): $stated yes
# when a published source (the Trust's release) gives the share ($share), in its own scope.
reports-share-scope = { $stated ->
        [yes] The Trust's release gives { $share } of the responding forces whose Commissioner made the commitment, without saying how it counted forces that did not give figures for both years; the share here is our own, of those that did, since a force without both can have recorded neither fewer nor more.
       *[no] The share is of the forces that gave figures for both years, since a force without both can have recorded neither fewer nor more.
    }

### The finding on the pledge, in words that fit the counts (the summary chapter and the landing
### page glue these; the briefings say it in briefing.ftl)

# $case: most-fewer (more than half of the $comparable forces that gave both years recorded
# fewer), some-fewer (half or fewer did), all-fewer, none-fewer, or no-forces (no pledged
# force gave both years); $more: some or none recorded more ($increased); $share: the share
# that recorded fewer; $period: the later year.
reports-pledge-heading = { $case ->
        [no-forces] A pledge, and no figures to compare.
        [none-fewer] A pledge, and no fall in recorded offences.
        [some-fewer] A pledge, and mixed results.
       *[most-fewer] A pledge, and fewer recorded offences.
        [all-fewer] A pledge, and fewer recorded offences.
    }
reports-pledge-summary = { $case ->
        [no-forces] No responding force whose Commissioner made that commitment gave figures for both years, so no change can be given.
        [none-fewer] Not one of the { $comparable } responding { $comparable ->
            [one] force
           *[other] forces
        } whose Commissioner made that commitment, and that gave figures for both years, recorded fewer stalking offences in the { $period } than in the year before; { $increased } recorded more.
        [all-fewer] Yet every one of the { $comparable } responding { $comparable ->
            [one] force
           *[other] forces
        } whose Commissioner made that commitment, and that gave figures for both years, recorded fewer stalking offences in the { $period } than in the year before.
        [some-fewer] { $share } of the responding forces whose Commissioner made that commitment recorded fewer stalking offences in the { $period } than in the year before, and { $increased } recorded more.
       *[most-fewer] Yet { $share } of the responding forces whose Commissioner made that commitment recorded fewer stalking offences in the { $period } than in the year before, and { $more ->
            [none] none
           *[some] only { $increased }
        } recorded more.
    }
# On the landing page, after the share that recorded fewer ($share, in bold; "none" where no
# pledged force gave both years): the rest of the finding, with the two years it compares
# ($previous, the earlier; $period, the later), never a bare "fewer".
reports-pledge-key = { $case ->
        [no-forces] of the responding forces whose Commissioner pledged more reports gave figures for both the { $previous } and the { $period }.
        [all-fewer] of responding forces whose Commissioner pledged more reports recorded fewer stalking offences in the { $period } than in the { $previous }.
        [none-fewer] of responding forces whose Commissioner pledged more reports recorded fewer stalking offences in the { $period } than in the { $previous }; { $increased } recorded more.
        [some-fewer] of responding forces whose Commissioner pledged more reports recorded fewer stalking offences in the { $period } than in the { $previous }; { $increased } recorded more.
       *[most-fewer] of responding forces whose Commissioner pledged more reports recorded fewer stalking offences in the { $period } than in the { $previous }; { $more ->
            [none] none
           *[some] only { $increased }
        } recorded more.
    }

### The register of figures: what each glued figure is (figures.csv, the register page)

# $year: the year of the commitment.
reports-def-commissioners = Police and Crime Commissioners in { $year }, with the mayors and the Mayor's Office that hold a Commissioner's powers (one per force, except the City of London, which has a police authority)
reports-def-pccs-committed = forces whose Police and Crime Commissioner made the { $year } commitment to increase reports of stalking
reports-def-forces = territorial police forces of England and Wales
reports-def-pccs-share = share of the Commissioners (and mayors with their powers) who made the { $year } commitment
reports-def-pccs-share-words = the share of PCCs who made the { $year } commitment, in words
reports-def-commitment-year = the year of the PCCs' commitment
reports-def-responding = forces that gave at least one figure in answer to the request
reports-def-responding-committed = forces that gave at least one figure and whose PCC made the commitment
reports-def-comparable = forces whose PCC made the commitment that gave recorded stalking (Q1) for both years
reports-def-not-comparable = responding forces whose PCC made the commitment but that did not give Q1 for both years
reports-def-pledge-heading = the summary's heading on the PCC pledge, in words that fit the counts
reports-def-pledge-summary = the summary's finding on the PCC pledge: the share of the forces whose PCC made the commitment that recorded fewer offences, and how many recorded more
reports-def-pledge-key = the landing page's finding on the PCC pledge, after the share of the forces whose PCC made the commitment that recorded fewer offences: how many recorded more
reports-def-decreased = forces whose PCC made the commitment that recorded fewer stalking offences (Q1) in the later year
reports-def-increased = forces whose PCC made the commitment that recorded more stalking offences (Q1) in the later year
# The register's definition of the share that recorded fewer. $scope: release where the share
# printed is the one the Trust's release states, in the release's scope (of the responding
# forces whose Commissioner made the commitment: the release does not say how it counted those
# without both years), else report (the report's own count). $data: the status of the answers
# (illustrative where constructed); $decreased of the $comparable forces that gave both years,
# of the $responding that answered; $all: the share over all $responding; $gaps: yes where
# some of them did not give both years (the two counts then differ).
reports-def-share-decreased = { $scope ->
        [release] share of the forces that answered the request and whose PCC had made the commitment that recorded fewer stalking offences (Q1) in the later year, as the Trust's release states it, without saying how it counted forces that did not give figures for both years. The report's own count{ $data ->
            [illustrative] , from its constructed answers,
           *[other] {""}
        } is { $decreased } of the { $comparable } of them that gave both years{ $gaps ->
            [yes] ; over all { $responding } of them it would be { $all }
           *[no] {""}, which is all of them
        }
       *[report] share of the responding forces whose PCC made the commitment that recorded fewer stalking offences (Q1) in the later year, counted over those that gave both years (a force without both recorded neither fewer nor more)
    }
reports-def-share-decreased-own = the report's own share of the responding forces whose PCC made the commitment that recorded fewer stalking offences (Q1) in the later year, counted over those that gave both years (a force without both recorded neither fewer nor more)
# After the share that recorded fewer (a card): $year, the year of the commitment.
# $year: of the pledge; $period, the later year, and $previous, the earlier, that it compares.
reports-finding-share-decreased = of responding forces whose Commissioner pledged in { $year } to increase stalking reports recorded fewer in the { $period } than in the { $previous }
reports-def-share-scope = how the share of the forces that recorded fewer offences is counted
reports-def-forces-both-years = forces that gave recorded stalking (Q1) for both years
reports-def-forces-up-all = forces, whatever their PCC did, that recorded more stalking offences (Q1) in the later year
reports-def-committed-median-change = median percentage change in recorded stalking (Q1) over the forces whose PCC made the commitment and that gave both years
reports-def-period-previous = the earlier year of Q1
reports-def-period-current = the later year of Q1
reports-def-counting-rules = the counting-rule changes within the years of Q1, and after them up to publication

# The chart's group of a force, where it is shown: $committed yes when its Commissioner made
# the commitment.
reports-chart-group = { $committed ->
        [yes] PCC committed
       *[no] No commitment
    }
# The chart's words around its data: $column change (its table's column of the change),
# group (the table's column and the legend of the group), axis (the axis of the change) or
# tooltip (the change, where the pointer is on a force).
reports-chart-column = { $column ->
        [change] Change (%)
        [group] PCC commitment
        [axis] Change in recorded stalking (%)
       *[tooltip] % change
    }
