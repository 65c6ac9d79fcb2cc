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
# In place of an edition.yml $field that is still empty ("press_contact" of help:): words for the
# journalist who reads it, never the field's name (`nsc-report check` lists the empty field and
# refuses publication until it is given).
press-empty-field = { $field ->
        [press_contact] contact details to follow
        [site_url] the report's web address, to follow
        [website] the Trust's web address, to follow
        [helpline_phone] the Helpline's number, to follow
       *[other] to follow
    }
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
# Above what a force or its Commissioner made public (a stated commitment, an answer).
press-note-public = What is on the public record
press-note-answers = The Freedom of Information requests, question by question, as the report coded the answers
# $status: the status in words ("answered in full"); $count: the questions it stands for, of
# the $asked, each counted once as the report counts it (a question asked about two years is
# answered in full only when both years were). $mark: the mark of the answers after the count
# (none when they are published); the questions asked are the request's (published).
press-note-status = { $status } ({ $count }{ $mark } of { $asked } { $asked ->
        [one] question
       *[other] questions
    })
# One question: $question (Q9), $wording, and $answers, a list of press-note-period.
press-note-question = { $question }: { $wording }: { $answers }
# Its answer for one period: $answer (the status, in the words of the report's note where that
# note says no more), $period; $noted yes with the report's $note where it says more than the
# status. A note is the report's coding note on the answer (the answers file's), never the
# force's own words.
press-note-period = { $answer } ({ $period }{ $noted ->
        [yes] ; the report's note on it: { $note }
       *[no] {""}
    })
# $where: site when the edition names the published site's address, with the force's $page
# in it; else none, and the page is named in words.
press-note-page = { $where ->
        [site] The report's page on { $who }: { $page }.
       *[none] The report's web version has a page on { $who }, with every figure and its source.
    }
