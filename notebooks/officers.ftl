## The words of the chapter on specialist officers and single points of contact (officers.md):
## its chart and its register of figures. Project Fluent: see force.ftl for how to edit. The
## code is src/nsc_report/sections/officers.py.

### The chart

# In place of the chart (Markdown), when no force gave any figure.
officers-chart-none = No force gave any figure in answer to our request, so none said whether it had a dedicated stalking officer, and there is no chart.
officers-chart-bars = Dedicated stalking officer
# $some: the forces that said they had at least one; $total: the responding forces.
officers-chart-title = Only { $some } of { $total } { $total ->
        [one] force
       *[other] forces
    } said they had a dedicated stalking officer
# $period: when the question asked about (at the time of the request); $source: the source line.
officers-chart-caption = Responding forces by their answer on officers whose time is wholly reserved for stalking, { $period }. { $source }
# $some, $none and $unstated: the forces that said they had at least one, none, or did not say.
officers-chart-alt = Bar chart. Of { $total } responding { $total ->
        [one] force
       *[other] forces
    }, { $some } said they had at least one dedicated stalking officer, { $none } said they had none and { $unstated } did not say.

### The register of figures: what each glued figure is (figures.csv, the register page)

officers-def-asked = police forces asked (the Trust's release)
officers-def-no-figure = forces asked less those the release says stated they had at least one dedicated stalking officer and those it says stated they had none (the map's "no figure given")
officers-def-responding = forces that gave at least one figure in answer to the request (every force was asked about dedicated officers, Q6)
# $category: at-least-one, none or unstated.
# After the number of forces ($forces) that said they had at least one dedicated officer.
officers-finding-at-least-one = { $forces ->
        [one] force
       *[other] forces
    } said they had at least one dedicated stalking officer
officers-def-category = responding forces whose answer on officers wholly dedicated to stalking (Q6) was: { $category ->
        [at-least-one] at least one
        [none] none
       *[unstated] did not say
    }
# What the forces that did not say either way told us instead: $described gave an account of
# officers who work on stalking, $not_held did not hold the information, $refused refused the
# question (each may be 0; $unstated is their sum). Each count prints as a figure, with its mark.
officers-unstated = { $unstated ->
        [0] Each of them said one or the other.
       *[other] The other { $unstated } did not say either way: { officers-unstated-parts }.
    }
officers-unstated-parts = { $described ->
        [0] {""}
       *[other] { $described } described officers who work on stalking but not whether any is dedicated
    }{ $described ->
        [0] {""}
       *[other] { $not_held ->
            [0] {""}
           *[other] { $refused ->
                [0] {" "}and{" "}
               *[other] ,{" "}
            }
        }
    }{ $not_held ->
        [0] {""}
       *[other] { $not_held } did not hold the information
    }{ $refused ->
        [0] {""}
       *[other] { $described ->
            [0] { $not_held ->
                [0] {""}
               *[other] {" "}and{" "}
            }
           *[other] { $not_held ->
                [0] {" "}and{" "}
               *[other] {" "}and{" "}
            }
        }
    }{ $refused ->
        [0] {""}
       *[other] { $refused } refused the question
    }
# $kind: described, not-held or refused (officers-unstated's three kinds of answer).
officers-def-unstated-kind = responding forces that did not say whether they had a dedicated stalking officer (Q6) and { $kind ->
        [described] described officers who work on stalking instead
        [not-held] did not hold the information
       *[refused] refused the question
    }
officers-def-unstated-text = what the responding forces that did not say whether they had a dedicated stalking officer (Q6) told us instead, by the status of their answers
officers-def-dedicated-total = officers wholly dedicated to stalking (Q6), summed over the forces that said
# $question: Q7 (stalking single points of contact) or Q8 (those for Stalking Protection Orders).
officers-def-spoc-forces = forces that gave the number of { officers-spoc-what } ({ $question })
officers-def-spoc-total = { officers-spoc-what } ({ $question }), summed over the forces that gave a figure
officers-def-spoc-zero = forces that said they had no { officers-spoc-what } ({ $question })
officers-spoc-what = { $question ->
        [Q7] stalking single points of contact
       *[Q8] single points of contact for SPOs
    }

# A force's answer on dedicated officers: $category at-least-one, none or unstated; $capital
# yes where it labels the chart's bar, no in the table's column.
officers-answer = { $capital ->
        [yes] { $category ->
            [at-least-one] At least one
            [none] None
           *[unstated] Did not say
        }
       *[no] { $category ->
            [at-least-one] at least one
            [none] none
           *[unstated] did not say
        }
    }
# The chart's table's column of each force's count of dedicated officers.
officers-column-dedicated = Dedicated stalking officers
