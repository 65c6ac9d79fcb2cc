## The words of the release pack (`nsc-report press`): what the command adds around the press
## release and the key findings (whose own words are the edition's, data/<edition>/press/), and
## the local note for each force. Project Fluent: see force.ftl for how to edit. The code is
## src/nsc_report/printing/press.py and press_notes.py, publishing/release_render.py and
## release_docx.py. Messages used in HTML (the pages' markup) escape every value.

### Around the release and the key findings

# $label: "EMBARGOED UNTIL 00:01 BST 22 April 2024".
press-embargo = { $label }. Not to be published, broadcast or shared before then.
# $who: who said it, as the source names them; $role: their role then, or "none".
press-quote-who = { $role ->
        [none] { $who }
       *[other] { $who }, { $role }
    }
press-notes-heading = Notes
press-note-back = back to the text
press-marks-heading = Notes on the figures
# $mark: ‡ or †; $status: illustrative or unverified; $caveat: what the report says of them.
press-mark-line = Figures marked { $mark } are { $status }: { $caveat }
press-ends = ENDS
# $field: an edition.yml field that is still empty ("help.press_contact").
press-empty-field = (not yet given: { $field } in edition.yml)
# The documents' titles (window bar, PDF and Word properties).
press-release-title = { $title } ({ $edition }): press release
press-findings-title = { $title } ({ $edition }): key findings
press-findings-kicker = { $week }
# $sources: the sources of an item's figures, joined.
press-findings-sources = Source: { $sources }
press-findings-more = Every figure is the report's: the register of figures says how each was computed and from what.

### The local note for each force, for local newsrooms

press-note-title = { $who }: local note, { $title } ({ $edition })
# $illustrative: yes when the edition's answers are constructed data.
press-note-kicker = { $illustrative ->
        [yes] Local note (illustrative data)
       *[no] Local note
    }
press-note-meta = For local newsrooms: { $who } in { $title }, published { $date }.
press-note-answers = Its answers to the Freedom of Information requests, by what it told us
# $status: the answers' status in words ("answered in full"); $count: how many.
press-note-status = { $status } ({ $count })
# One answer: $question (Q9), $wording, $period, $answer; $noted yes with the force's $note.
press-note-answer = { $question }: { $wording } ({ $period }): { $answer }{ $noted ->
        [yes] {" "}(the force's note: { $note })
       *[no] {""}
    }
# $where: site when the edition names the published site's address, with the force's $page
# in it; else none, and the page is named in words.
press-note-page = { $where ->
        [site] The report's page on { $who }: { $page }.
       *[none] The report's web version has a page on { $who }, with every figure and its source.
    }
