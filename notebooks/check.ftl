## The messages of `nsc-report check` to the report's authors and editors: what stands between
## an edition and its publication, one line per problem, and the one-line summary. Project
## Fluent: see force.ftl for how to edit. The code is src/nsc_report/publishing/check.py (and
## publishing/review.py for `nsc-report figures --compare`).
##
## The summary sorts the problems into kinds by words of these messages ("illustrative",
## "help.", "not checked", "leaves the site"): keep those words when you reword one.

### The data and the edition's file (edition.yml)

# $file: a data file whose status is illustrative.
check-illustrative-file = { $file } is illustrative (constructed data): replace it with the real answers and mark it published
check-illustrative-source = source { $key } is illustrative
check-unverified-no-caveat = source { $key } is unverified but has no caveat to print beside its figures
# $mark: FILL IN or BEFORE PUBLICATION. A key's line ($has_key yes): the $key, the marker's
# $note (what to give) and, where $has_value is yes, the $value standing in; any other line
# (a chapter's): the $line itself. Long values end in an ellipsis at a word boundary.
check-still-marked = { $has_key ->
        [yes] { $key } still marked { $mark }: { $note }{ $has_value ->
            [yes] ; now { $value }
           *[no] {""}
        }
       *[no] still marked { $mark }: { $line }
    }
check-no-help = no 'help' section: the helpline and web addresses readers need
check-help-empty = help.{ $key } is empty: fill it in from a cited source

### Facts that were not checked against a source

# $body: who oversees a force; $note: why it is not checked.
check-oversight-unchecked = not checked against a source: { $body } ({ $note })
# $month: when the counting rules changed ("May 2023").
check-rule-unchecked = not checked against a source: the counting-rule change of { $month } ({ $note })
# A source not shown to be public by the data cut-off: $citation, $when it was published
# (a day where $day is yes, else a month) and the $cut_off.
check-source-date = { $day ->
        [yes] published after the data cut-off ({ $cut_off }): { $citation }, dated { $when }; the edition may use only what was public by then
       *[no] not checked against a source: the day “{ $citation }” was made public, known only as { $when }, the month of the data cut-off ({ $cut_off }) or later; find the day, or leave the fact out
    }

### Answers not yet in, links, revisions

# The forces whose answers are still as `intake import` left them, said once: $forces of them
# ($answers answers), $list: each as a check-not-yet-in-force, in the file's order; $notes:
# the rows' notes.
check-not-yet-in = { $forces } { $forces ->
        [one] force's answers are
       *[other] forces' answers are
    } not yet in ({ $answers } { $answers ->
        [one] answer
       *[other] answers
    }; { $notes }): { $list }. Import them as they come; once the deadline has passed, give these rows the status no_response in the workbook (`nsc-report intake workbook`), with a note such as "No response received by the report's deadline", and import it
# $count answers of $force ($code) not yet in, the first at $line of the file.
check-not-yet-in-force = { $force } ({ $code }, { $count } from line { $line })
check-link-out = a link that leaves the site: { $url }
# $folder: where the figures of this version are to be recorded.
check-no-record = no record of the figures as published in version { $version }: run `nsc-report figures --write { $folder }` when it is published
# $figures: the first ten figures' ids; $more: yes when there are more than ten.
check-unrecorded = { $count } { $count ->
        [one] figure
       *[other] figures
    } changed since version { $version } was published, and no later version lists them: { $figures }{ $more ->
        [yes] {" "}...
       *[no] {""}
    }; `nsc-report figures --compare { $folder }` drafts the entry

# A figure the edition's source states (stated.yml, under $meaning) that the data give otherwise.
check-stated-differs = the figure { $figure } computes { $text }, but the source states { $stated } (under { $meaning }): correct the data or the statement

### The release pack (`nsc-report press`): its templates, and the pack against the report

# $role: fig, quote or edition, the kind of reference; $name: what it names.
check-press-unknown = { $role ->
        [fig] a figure that is not in the register of figures
        [quote] a quotation that quotations.yml does not hold
       *[other] a field of edition.yml that a release cannot print
    }: { $name }
check-press-typed-number = a number typed into the release's words: { $number } (print the register's figure instead, {"{"}fig{"}"}`notebook/key`; data/<edition>/press/README.md)
check-press-typed-quote = a quotation typed into the release that is not word for word in a source document: "{ $quotation }" (print it from quotations.yml instead, {"{"}quote{"}"}`id`)
check-press-not-in-register = the release pack prints { $id } ({ $text }), which the register of figures does not hold: run `nsc-report press` again
check-press-differs = the release pack prints { $id } as { $printed }, but the report prints { $text }: run `nsc-report press` again
# $mark: the figure's mark, or "-" where it has none.
check-press-no-mark = the release prints { $id } ({ $status }) without its mark { $mark }: { $text } must be printed as the report prints it
check-press-quote-differs = the release does not print quotation { $id } word for word as quotations.yml holds it: run `nsc-report press` again

### The summary (one line, printed by `make report` and `nsc-report check`)

check-publishable = Edition { $edition } can be published: nsc-report check finds nothing in the way.
# $why: each kind of problem with its number, each a check-summary-kind, joined by "; ".
# $elsewhere: yes when another command (the build) prints it, which then points to the list.
check-not-publishable = Edition { $edition } is not publishable: { $why }.{ $elsewhere ->
        [yes] { " " }Run `nsc-report check --edition { $edition }` for each file and line.
       *[no] {""}
    }
check-summary-kind = { check-kind } ({ $count })
check-kind = { $kind ->
        [illustrative] illustrative data
        [contacts] empty contact fields
        [unchecked] unchecked facts
        [fill-in] FILL IN markers
        [before-publication] last year's values marked BEFORE PUBLICATION
        [links] links that leave the site
        [unrecorded] figures changed without a revision entry
        [carried] carried over unchanged from the previous edition
        [not-yet-in] forces' answers not yet in
        [no-caveat] unverified sources without a caveat
        [invalid] invalid data
        [press] problems of the release pack
       *[other] other problems
    }

### `nsc-report figures --compare`: the figures that changed since a reference

check-compare-no-register = The reference holds no register of figures (its notebooks were executed before figures were registered), so there is nothing to compare with.
check-compare-none = No published figure changed.
# Compared with a recorded version: $count changes later versions of revisions.yml already list
# (or figures that state the versions), left out of the list and the draft.
check-compare-recorded = { $count } other { $count ->
        [one] figure
       *[other] figures
    } changed since version { $version } {  $count ->
        [one] is
       *[other] are
    } already listed by a later version in revisions.yml (or {  $count ->
        [one] states
       *[other] state
    } the versions): not shown, and left out of the draft entry.
check-compare-changed = { $count } published { $count ->
        [one] figure
       *[other] figures
    } changed (in value or status), appeared or vanished:
# A figure's value beside the status it is printed with, where the status changed ($status:
# published, illustrative or unverified).
check-compare-status = { $text } [{ $status }]
