## The words of the chapter on the data gaps (data-gaps.md): its sentences made from the data,
## its scorecard (chart and table) and its register of figures.
## Project Fluent: https://projectfluent.org/fluent/guide/
##
## Edit the words freely; keep the { $names } (the code fills them) and the variant keys in
## [brackets] (the code picks one by the data; `*` marks the one used otherwise). A sentence
## is on one line: a line break inside a message is printed. `nsc-report proof` prints every
## sentence below with each of its variants. The code is src/nsc_report/sections/data_gaps.py.

### Words glued into the chapter

# $all_full: the forces that answered every question in full.
data-gaps-all-full-words = { $all_full ->
        [0] No force
       *[other] { $all_full } of the forces
    }
# $named: no where the answers are illustrative (no force is named); $force answered $share.
data-gaps-top-text = { $named ->
        [yes] the most complete, { $force }, answered { $share } of them
       *[no] the most complete force answered { $share } of them
    }
# Printed for the median share where no force gave any figure.
data-gaps-responder-median-none = not known, as no force gave any figures
# One of the questions the fewest forces answered in full ($forces of them); listed.
data-gaps-least-item = { $question } ({ $forces } { $forces ->
        [one] force
       *[other] forces
    })
# $any: no when every question was answered by some force; $questions: a list of the others.
data-gaps-unanswerable = { $any ->
        [yes] No force could answer { $questions }.
       *[no] Every question was answered, in full or in part, by at least one force.
    }

### The scorecard: its table's caption, and the chart's title, caption and description

data-gaps-scores-caption = Answers per force, out of the questions asked
# $over_half of the $asked forces answered more than half the questions in full.
data-gaps-chart-title = Only { $over_half } of { $asked } { $asked ->
        [one] force
       *[other] forces
    } answered more than half the questions in full
# The forces that gave no figure and neither ignored the request nor refused on cost: $refused
# refused under another exemption, $not_held held no information (each to most questions).
data-gaps-other = { $refused ->
        [0] { $not_held ->
            [0] no force refused under another exemption or held no information
           *[other] { $not_held } held no information
        }
       *[other] { $not_held ->
            [0] { $refused } refused under another exemption
           *[other] { $refused } refused under another exemption and { $not_held } held no information
        }
    }

# $legend: each symbol with its answer, separated by semicolons; $source: the source line.
data-gaps-chart-caption = How each force answered { $questions ->
        [one] the question
       *[other] each of the { $questions } questions
    }; forces ordered by the share answered in full. Symbols: { $legend }. { $source }
# $other: the forces that refused under another exemption or held no information
# (data-gaps-other).
data-gaps-chart-alt = Grid of { $asked } { $asked ->
        [one] force
       *[other] forces
    } by { $questions } { $questions ->
        [one] question
       *[other] questions
    } showing each answer. { $responded } { $responded ->
        [one] force
       *[other] forces
    } gave at least one figure; { $not_responded } gave none: { $no_response } did not respond, { $refused_s12 } refused on cost and { $other }. { $over_half } { $over_half ->
        [one] force
       *[other] forces
    } answered more than half of the questions in full.

### The register of figures: what each glued figure is (figures.csv, the register page)

data-gaps-def-asked = police forces sent the Freedom of Information request
data-gaps-def-responded = forces that gave at least one figure in answer to the request
# After the number of forces that gave any figures: $asked, the forces sent the request.
data-gaps-finding-responded = of the { $asked } police { $asked ->
        [one] force
       *[other] forces
    } asked gave any figures in reply to the Freedom of Information requests
data-gaps-def-not-responded = forces that gave no figure at all
# $answer: the answer such a force gave to most questions.
data-gaps-def-silent = forces that gave no figure and, to every question or most of them, { $answer ->
        [no_response] sent no response
        [refused_s12] refused on cost (section 12)
        [refused_other] refused under another exemption
       *[not_held] held no information
    }
data-gaps-def-other-text = the forces that gave no figure and, to every question or most of them, refused under another exemption or held no information, each kind counted in words
data-gaps-def-questions = questions asked in the Freedom of Information request
data-gaps-def-full-share = share of all force-and-question answers that were full answers (a question asked for two years counts once, by its weaker answer)
data-gaps-def-all-full = forces that answered every question in full
data-gaps-def-all-full-words = forces that answered every question in full, in words
data-gaps-def-over-half = forces that answered more than half the questions in full
data-gaps-def-top-force = the force that answered the most questions in full (ties broken alphabetically)
data-gaps-def-top-text = the force that answered the most questions in full and its share (unnamed where the answers are illustrative)
data-gaps-def-top-share = share of the questions that force answered in full
data-gaps-def-responder-median = median share of questions answered in full, over the forces that gave at least one figure
data-gaps-def-least-answered = the three questions the fewest forces answered in full, with how many did
data-gaps-def-unanswerable = the questions no force answered, even in part

# The table's column of each force's share of questions answered in full.
data-gaps-column-answered = Answered in full (%)
