## The words of the methodology chapter (methodology.md): its glued sentences, its tables'
## captions, its register of figures, and the source line under every chart drawn from the
## forces' answers. Project Fluent: see force.ftl for how to edit. The code is
## src/nsc_report/sections/methodology.py (and sections/__init__.py for the source line).

### Sentences glued into the chapter

# $case: no-record (the edition keeps no tracker), none-answered (no force had answered by
# publication) or answered. $requests: the forces sent the request; $on_time and $late: those
# that answered within the $deadline (in working days) and after it; $unanswered: those that
# had not answered; $median: the median of the working days the forces took.
methodology-timeliness = { $case ->
        [no-record] No record was kept of when each answer arrived for this edition, so the report cannot say how many forces answered within the legal deadline.
        [none-answered] { $requests ->
            [one] The one force
           *[other] None of the { $requests } forces
        } had answered by the time of publication.
       *[answered] { $on_time } of the { $requests } { $requests ->
            [one] force
           *[other] forces
        } answered within the legal deadline of { $deadline } working { $deadline ->
            [one] day
           *[other] days
        }, and { $late } answered late; { $unanswered } had not answered by publication. Of the forces that answered, the median time taken was { $median } working { $median ->
            [one] day
           *[other] days
        }.
    }

# $illustrative: yes when the per-force figures are constructed; $edition: the edition's year;
# $forces: how many forces were asked; $unverified: how many national counts rest on a source
# not confirmed, and $caveat, why (their sources' caveats).
methodology-illustrative = { $illustrative ->
        [yes] The forces' answers to the { $edition } requests have not been published, so the per-force figures in this edition are illustrative: a constructed dataset for { $forces ->
            [one] the one force
           *[other] all { $forces } forces
        }, built so that its totals equal every published national figure. Which force falls in which group is made up{ $public ->
            [0] {""}
           *[other] , except where a fact is public
        }, and no figure about a named force should be read as that force's answer.{ $public ->
            [0] {""}
            [one] {" "}The fact that is public, printed with its source on its force's page, is this: { $facts }.
           *[other] {" "}The facts that are public, each printed with its source on its force's page, are these: { $facts }.
        } Every figure computed from these data is marked ‡ where it is printed. { $unverified ->
            [0] The national counts, the published headline figures and the Crown Prosecution Service answer are real and cited.
           *[other] The published headline figures and the Crown Prosecution Service answer are real and cited. So are the national counts, except the { $unverified } marked †, which are unverified: { $caveat }
        }
       *[no] The per-force figures in this edition are the answers the forces gave to the { $edition } requests.
    }

# One public fact among constructed data (methodology-illustrative's $facts). A Commissioner's
# commitment: the $body $made it or not in the $year.
methodology-public-commitment = { $body } { $made ->
        [yes] made
       *[no] did not make
    } the { $year } commitment to increase reports of stalking
# An answer a force made public itself: for Q6 to Q8, that it has at least one ($any yes) or none.
methodology-public-answer = { $question ->
        [Q6] { $who } has { $any ->
            [yes] at least one dedicated stalking officer
           *[no] no dedicated stalking officers
        }
        [Q7] { $who } has { $any ->
            [yes] at least one stalking single point of contact
           *[no] no stalking single points of contact
        }
        [Q8] { $who } has { $any ->
            [yes] at least one single point of contact for Stalking Protection Orders
           *[no] no single points of contact for Stalking Protection Orders
        }
       *[other] { $who }'s answer to { $question } is published
    }

# Where a reader can find help: $known yes with the Helpline's $name and $phone from edition.yml.
methodology-help-line = { $known ->
        [yes] { $name }{ $has_phone ->
            [yes] {" "}({ $phone })
           *[no] {""}
        }
       *[no] National Stalking Helpline
    }

### The source line under every chart drawn from the forces' answers (every chapter)

# $citation: the edition's FOI returns as a source; $illustrative: yes when they are constructed.
methodology-foi-source = Source: { $citation }.{ $illustrative ->
        [yes] {" "}Illustrative data: see the methodology.
       *[no] {""}
    }

### The tables' captions

methodology-questions-caption = The questions sent to every police force
methodology-status-caption = How each answer was coded, with the number of answers (force x question x period) given each code
methodology-sources-caption = Sources of the national figures and of the facts the report states
# The table of sources: its columns ($column: source, published, checked or caveat) and cells.
methodology-sources-column = { $column ->
        [source] Source
        [published] Published
        [checked] Checked
       *[caveat] Caveat
    }
# $published: no when part of the source is not published ($unpublished says which part), unverified
# when its status is unverified (as the Code of Practice counts the sources), else yes.
methodology-source-published = { $published ->
       *[yes] yes
        [no] no: { $unpublished }
        [unverified] yes, but unverified (counted so in the Code of Practice's list)
    }
# $how: copy (a copy is kept with the edition), recorded (a check by $by, of $what) or none.
methodology-source-checked = { $how ->
        [copy] yes: every build checks the quotations and figures taken from it word for word against the copy kept with the report's data
        [recorded] yes: by { $by }; { $what }
       *[none] no check recorded
    }

# The second table of sources: the published statistics the force pages print.
methodology-public-caption = Sources of the published statistics on the force pages
methodology-public-column = { $column ->
        [source] Source
        [compiler] Compiled by
        [published] Published
        [licence] Licence
       *[checked] Checked
    }
methodology-public-checked = yes: the project's tests check every figure against a copy of the file as published, kept with the report's data

### The register of figures: what each glued figure is (figures.csv, the register page)

methodology-def-questions = questions asked in the Freedom of Information request
methodology-def-forces = police forces sent the request
methodology-def-rows = rows of the answers file: one per force, question and period
methodology-def-publication-date = the date of publication
methodology-def-edition = the edition's year
methodology-def-title = the edition's title
methodology-def-theme = the edition's theme
methodology-def-awareness-week = the awareness week of publication
methodology-def-illustrative = whether the per-force data are illustrative
methodology-def-illustrative-text = what is real and what is illustrative in this edition's data
methodology-def-org-years = a lower bound, not the years since the Trust was founded: the Trust's release says it was set up “over” this many years ago
methodology-def-helpline-started = the year the Helpline started
methodology-def-victims-supported = victims the Helpline has supported
methodology-def-org-source = where the facts about the Trust come from
methodology-def-period-current = the period the requests asked about
methodology-def-period-previous = the year before it
methodology-def-funding-amount = the ring-fenced funding for specialist stalking support services that the Trust's release calls for, in millions of pounds
methodology-def-funding-exact = the ring-fenced funding for specialist stalking support services that the Trust's release calls for, in pounds
# After the amount, on a card and in its post, which cite the release: where the release
# prints the amount otherwise ($corrected yes), what it $printed, as the report's chapter and
# the release pack's note say.
methodology-finding-funding-exact = of ring-fenced funding for specialist stalking support services, which the Trust calls for{ $corrected ->
        [yes] {" "}(its release prints “{ $printed }”, a misprint corrected here)
       *[no] {""}
    }
methodology-def-funding-as-printed = the funding ask as the press release printed it
methodology-def-help-line = where a reader can find help
methodology-def-help-website = the Trust's web address
methodology-def-counting-rules = the counting-rule changes over the years the report covers (its own counts and the published statistics it prints), up to publication
methodology-def-timeliness = how many forces answered within the legal deadline, and the median time taken (from the tracker)

# A column of the chapter's tables (the questions, the status codes): $column names it.
methodology-column = { $column ->
        [question] Question
        [wording] What was asked
        [period] Period
        [unit] Unit
        [code] Code
        [meaning] Meaning
       *[coded] Answers coded so
    }
