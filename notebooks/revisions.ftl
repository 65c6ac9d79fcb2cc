## The words of the record of revisions and corrections (revisions.md): its glued sentences,
## its table and its register of figures. Project Fluent: see force.ftl for how to edit. The
## code is src/nsc_report/sections/revisions.py.

# The current version for a sentence ("1.0, dated 22 April 2024"); also glued by the Code of
# Practice chapter. $version: its number; $date: its date, written out.
# $draft: yes while the edition is a draft (its version's date is last year's: not printed).
revisions-version = { $draft ->
        [yes] a draft, not yet published
       *[no] { $version }, dated { $date }
    }

# $revised: yes when a version after the first was published; $reissues: how many versions
# were published after the first; $corrections and $revisions: how many changes of each kind
# they made, in all.
revisions-summary = { $revised ->
       *[no] Nothing has been corrected or revised since this edition was published.
        [yes] Since it was published, this edition has been reissued { $reissues ->
            [one] once
           *[other] { $reissues } times
        }, with { revisions-changes }; each change is listed below, with what it changed and why.
    }
revisions-changes = { $corrections ->
        [0] { revisions-revisions }
       *[other] { $corrections } { $corrections ->
            [one] correction
           *[other] corrections
        }{ $revisions ->
            [0] {""}
           *[other] {" "}and { revisions-revisions }
        }
    }
revisions-revisions = { $revisions } { $revisions ->
        [one] revision
       *[other] revisions
    }
# What is kept of the earlier versions ($earlier: how many have their register of figures, as
# it stood, kept with the data; $names: their numbers, "1.0"). Not printed when none is.
# $published: yes when the data are published at an $address (help.source_url); until then a
# reader cannot get them, and the sentence says so.
revisions-kept = { $earlier ->
        [one] The register of figures of version { $names }, as it stood, is kept with the report's data
       *[other] The registers of figures of versions { $names }, as they stood, are kept with the report's data
    }{ $published ->
        [yes] , published at { $address }.
       *[no] ; the report's data are not yet published in full, and { $earlier ->
            [one] it is
           *[other] they are
        } not among the downloads.
    }

### The table: one row per version

revisions-caption = Every version of { $title } ({ $edition })
revisions-release = Version { $version }
# A column of the table of versions: $column release, date, summary (what the version is) or
# changes.
revisions-column = { $column ->
        [release] Release
        [date] Date
        [summary] What it is
       *[changes] Changes
    }
# The changes of a version that has none (the first).
revisions-no-changes = No changes: this is the version first published.
# One change in a version: its $kind (correction or revision), $what changed and $why, in
# words for readers, and how many $figures of the report it concerns (0 when it concerns
# only the words around them, a chart or a download). The figures' names are data, not for this page.
revisions-change = { $kind ->
        [correction] Correction
       *[revision] Revision
    }: { $what } Why: { $why }{ $figures ->
        [0] {""}
        [one] {" "}It concerns one figure.
       *[other] {" "}It concerns { $figures } figures.
    }

### The register of figures: what each glued figure is (figures.csv, the register page)

revisions-def-version = the current version of the edition and its date
revisions-def-versions = versions of the edition published
revisions-def-corrections = corrections made since publication
revisions-def-revisions = revisions made since publication
revisions-def-summary = what has changed since publication
revisions-def-kept = what is kept of the earlier versions
