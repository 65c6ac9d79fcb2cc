## The words the data's codes are printed as, wherever a chapter, a force page, a table, a chart,
## the site or a download shows them: an answer's status, a figure's provenance, the bands of
## SPO applications, the offences stalking may be charged as instead and how much of that a
## force could say. The code (src/nsc_report/sections/labels.py, and the site's and the
## downloads' modules) passes the data's code (a key, such as `refused_s12`) and prints what
## this file says for it. Project Fluent: see force.ftl for how to edit; `nsc-report proof`
## prints every variant.

# An answer's status: $status is its code in foi_returns.csv (the methodology's table lists the
# codes beside these words).
label-status = { $status ->
        [answered] answered in full
        [partial] answered in part
        [not_held] information not held
        [refused_s12] refused: cost limit (section 12)
        [refused_other] refused: other exemption
       *[no_response] no response
    }

# A figure's provenance, in words (read by screen readers instead of its mark, and beside a
# count of sources): $status published, unverified or illustrative.
label-provenance = { $status ->
        [published] published
        [unverified] unverified
       *[illustrative] illustrative
    }
# The mark after a figure, a table's cell or a chart title's figure that is not published, on the
# web and in print ($status illustrative or unverified; the words layer prints it, in every
# notebook and page): the $mark for the eye, its word for a screen reader and in the tooltip.
label-mark-html = <sup class="nsc-mark nsc-mark-{ $status }" title="{ label-provenance } figure">{ label-mark-symbol-html }</sup>
# The symbol and its word alone (a name in the register's list of the forces a figure counts,
# which is not a figure of the page).
label-mark-symbol-html = <span aria-hidden="true">{ $mark }</span><span class="nsc-visually-hidden"> ({ label-provenance })</span>
# A fact of the reference data not yet checked against its source (a counting-rule change, the
# body that oversees a force; `nsc-report check` lists each): $text as the sentence, cell or
# label prints it, followed there by what a reader needs to know of it. "Unverified" is the
# word of the marks' legend for a real fact with a caveat.
label-unchecked = { $text } (unverified: not yet checked against its source)
# In every chart's title, card and short notice made from constructed data.
label-illustrative-short = Illustrative data, not real answers
# Under the title of a chart of data that are not published ($status illustrative or
# unverified), in its image, its text and its data file; $caveated yes when there is a
# $caveat, the data's caveat.
label-chart-notice = { $status ->
        [illustrative] { label-illustrative-short }
       *[unverified] { $caveated ->
            [yes] Unverified figures. { $caveat }
           *[no] Unverified figures.
        }
    }

# The 'Data status' of one row of a chart's data file: the chart's $notice (label-chart-notice)
# and, where a published source states some of the row's values ($some yes), which: $columns,
# each a column's name and its value ("Answer (at least one)").
label-row-status = { $some ->
        [yes] { $notice }, except { $columns }, which a published source states
       *[no] { $notice }
    }

# A period of the published statistics (public/series.csv): $kind year-ending (with $month,
# mar, jun, sep or dec, and $year), calendar ($year) or span, from its $first month to its
# $last day or month (each as label-month or label-date prints it).
label-public-period = { $kind ->
        [year-ending] year ending { $month ->
            [mar] March
            [jun] June
            [sep] September
           *[dec] December
        } { $year }
        [calendar] { $year }
       *[span] { $first } to { $last }
    }

# A band of interim plus full SPO applications in a year: $band low, mid or high; $low and
# $high the band's first and last counts ($high is not given for the highest band, which has
# no last count).
label-spo-band = { $band ->
        [low] { $high } or fewer
        [mid] { $low } to { $high }
       *[high] more than { $above }
    }

# An offence stalking may be charged as instead (Q2 to Q4): $offence harassment, malcomms or
# s2a.
label-offence = { $offence ->
        [harassment] harassment (s2 or s4)
        [malcomms] malicious communications
       *[s2a] s2A stalking instead of s4A
    }

# How much of Q2 to Q4 a force could say: $level detailed (all three in full), partial, or none
# (no figure for any); $capital yes where it starts a chart's bar label.
label-breakdown-level = { $capital ->
        [yes] { $level ->
            [detailed] Detailed breakdown
            [partial] Partial data
           *[none] No data
        }
       *[no] { $level ->
            [detailed] detailed breakdown
            [partial] partial data
           *[none] no data
        }
    }

# A count with its noun, glued into a chapter as one figure ("1 force", "27 forces") so that
# the noun is in the number the count calls for: a chapter's Markdown cannot choose a variant.
# $n the count (printed as the chapter prints it), $noun which noun (the glue key ends with it,
# hyphens as underscores: `officers_responding_forces`). `were`: the count as the subject of
# "were" ("1 was charged").
label-counted = { $noun ->
        [questions] { $n ->
            [one] { $n } question
           *[other] { $n } questions
        }
        [sources] { $n ->
            [one] { $n } source
           *[other] { $n } sources
        }
        [officers] { $n ->
            [one] { $n } officer
           *[other] { $n } officers
        }
        [offences] { $n ->
            [one] { $n } offence
           *[other] { $n } offences
        }
        [stalking-offences] { $n ->
            [one] { $n } stalking offence
           *[other] { $n } stalking offences
        }
        [recorded-stalking-offences] { $n ->
            [one] { $n } recorded stalking offence
           *[other] { $n } recorded stalking offences
        }
        [cases] { $n ->
            [one] { $n } case
           *[other] { $n } cases
        }
        [such-cases] { $n ->
            [one] { $n } such case
           *[other] { $n } such cases
        }
        [applications] { $n ->
            [one] { $n } application
           *[other] { $n } applications
        }
        [orders] { $n ->
            [one] { $n } order
           *[other] { $n } orders
        }
        [police-forces] { $n ->
            [one] { $n } police force
           *[other] { $n } police forces
        }
        [territorial-police-forces] { $n ->
            [one] { $n } territorial police force
           *[other] { $n } territorial police forces
        }
        [were] { $n ->
            [one] { $n } was
           *[other] { $n } were
        }
       *[forces] { $n ->
            [one] { $n } force
           *[other] { $n } forces
        }
    }

# The name of the whole of the two nations, where a table has a row for them beside the forces.
label-england-and-wales = England and Wales
# The column a chart's data table (and its CSV) adds when its data are not published.
label-data-status = Data status
# A stage of national attrition (national.csv's measure): $stage recorded_stalking, charged,
# convicted or jailed; $unit, what its count is of (national.csv's unit: offences or cases;
# none where not said).
label-attrition-stage = { $stage ->
        [recorded_stalking] Recorded by police
        [charged] Charged
        [convicted] Convicted
       *[jailed] Jailed
    }{ $unit ->
        [offences] {" "}(offences)
        [cases] {" "}(cases)
       *[none] {""}
    }
# A month of the year, its number $month (1 to 12).
label-month-name = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
# A day as printed ("22 April 2024"): $day and $year as text, $month its number.
label-date = { $day } { label-month-name } { $year }
# A month as printed ("April 2020"): $year as text, $month its number.
label-month = { label-month-name } { $year }
# The embargo on every output made before publication, at the moment it lifts: $time (00:01),
# $zone (BST), and the day ($day, $month, $year as label-date takes them).
label-embargo = EMBARGOED UNTIL { $time } { $zone } { label-date }

# A column heading (or axis title) that many tables and charts share: $column force, region,
# question, asked (what the question asked), period, answer, note, or forces (a count of
# forces, along a chart's axis).
label-column = { $column ->
        [force] Force
        [region] Region
        [question] Question
        [asked] Asked
        [period] Period
        [answer] Answer
        [note] Note
       *[forces] Number of forces
    }
# A data file a figure was computed from, as the register of figures names it for a reader
# (never its path in the project's repository, which is not published): $file, what it holds;
# $where: download (it is in the $download among the report's downloads), edition (it is
# another $edition's), or none (no download holds it).
label-data-file = { $file ->
        [returns] the forces' answers to the requests
        [questions] the questions asked
        [commitments] which Commissioners made the commitment
        [forces] the list of police forces
        [national] the national figures the report cites
        [public] the published statistics
        [oversight] the bodies that oversee each force, named on the force pages
        [meta] the report's record of its edition (title, periods and dates)
        [cps] the Crown Prosecution Service's answer, quoted in the report
        [tracker] the record of the requests sent and answered
        [revisions] the list of revisions, on the Revisions page
        [counting_rules] the changes to the counting rules, listed in the methodology
        [pre_release] who saw the findings before publication, listed in the Code of Practice
        [stated] the figures the Trust's press release states
       *[other] other data of the report
    }{ $where ->
        [download] {""} ({ $download }, among the downloads)
        [edition] {""} (of the { $edition } edition)
       *[none] {""}
    }
