## The words of the record of revisions and corrections (revisions.md): its glued sentences,
## its table and its register of figures. Project Fluent: see force.ftl for how to edit. The
## code is src/nsc_report/sections/revisions.py.

# The current version for a sentence ("1.0, dated 22 April 2024"); also glued by the Code of
# Practice chapter. $version: its number; $date: its date, written out.
revisions-version = { $version }, dated { $date }

# $revised: yes when a version after the first was published; $corrections and $revisions:
# how many changes of each kind have been made since.
revisions-summary = { $revised ->
       *[no] Nothing has been corrected or revised since this edition was published.
        [yes] Since it was published, this edition has been corrected { $corrections } { $corrections ->
            [one] time
           *[other] times
        } and revised { $revisions } { $revisions ->
            [one] time
           *[other] times
        }; each change is listed below with the figures it touched.
    }

### The table: one row per version

revisions-caption = Every version of { $title } ({ $edition })
revisions-release = Version { $version }
# One change in a version: its $kind (correction or revision), $what changed and $why; with
# $figured yes, the $figures (register ids) it touched.
revisions-change = { $kind ->
        [correction] Correction
       *[revision] Revision
    }: { $what } Why: { $why }{ $figured ->
        [yes] {" "}Figures: { $figures }.
       *[no] {""}
    }

### The register of figures: what each glued figure is (figures.csv, the register page)

revisions-def-version = the current version of the edition and its date
revisions-def-versions = versions of the edition published
revisions-def-corrections = corrections made since publication
revisions-def-revisions = revisions made since publication
revisions-def-summary = what has changed since publication
