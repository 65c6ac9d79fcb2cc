## The words the build puts on the web report's pages around the chapters: the notice of
## illustrative data at the top of every page, the footer, the note on marked figures, the
## editions page, the notice of a newer edition and the register of figures (and its annex in
## the PDF). Project Fluent: see force.ftl for how to edit. The code is src/nsc_report/
## publishing/ (config.py, sphinx_ext.py, archive.py, register.py); the markup is here (HTML),
## and every value is escaped before it enters it.

### Every page

# At the top of every page while the edition's data are illustrative: in full, and on a phone
# as one line whose link points at the methodology.
site-banner = <span class="nsc-banner-long">Illustrative data: the per-force figures in this edition are constructed to match the published national totals and are not the forces' real answers. The methodology explains which figures are real.</span><span class="nsc-banner-short">Illustrative data, not real answers: <a class="nsc-banner-link" href="#">what this means</a></span>
# The footer. $phone and $site are links; $has_phone and $has_site: yes when the edition has them.
site-help = <p class="nsc-help"><strong>Worried about stalking?</strong> Call the { $helpline }{ $has_phone ->
        [yes] {" "}on { $phone }
       *[no] {""}
    }{ $has_site ->
        [yes] , or visit { $site }
       *[no] {""}
    }. In an emergency, call 999.</p>
# $draft: yes while the edition is a draft (facts of publication marked BEFORE PUBLICATION): its
# version's date is last year's, standing in, and is not printed.
site-publisher = <p class="nsc-publisher">{ $publisher }: { $title } ({ $edition }). { $draft ->
        [yes] A draft, not yet published.
       *[no] Version { $version }, { $date } (every change is listed under Revisions and corrections).
    }</p>
# On every page of an earlier edition. $root: from the page's edition to the site's root.
site-newer = <span class="nsc-newer"><strong>This is the { $this } edition. A newer edition, { $current }, has been published:</strong> <a class="nsc-newer-link" href="#" data-site-root="{ $root }">see every edition</a>.</span>

### The note at the top of a page with marked figures

# $status: illustrative or unverified; $short: what illustrative data are, in a few words
# (label-illustrative-short in labels.ftl); $caveat: the caveat of the data; $mark: the mark,
# read by a screen reader as the word after it.
site-provenance-paragraph = <p class="nsc-provenance-{ $status }"><strong>{ $status ->
        [illustrative] { $short }.
       *[unverified] Unverified figures.
    }</strong> { $caveat } On this page, figures computed from these data are marked <span aria-hidden="true">{ $mark }</span><span class="nsc-visually-hidden">{ $status ->
        [illustrative] illustrative
       *[unverified] unverified
    }</span>.</p>
# The key's rule, the same on the web, on paper (print.ftl) and in briefings (briefing.ftl): a
# mark follows a figure, or ends a sentence made from these data and covers every figure in it.
site-provenance-published = <p class="nsc-provenance-published">A mark after a figure marks that figure; a mark at the end of a sentence marks every figure in that sentence. Figures without a mark, in a sentence without one, are published statistics or come from published sources.</p>
# The start of the note (the paragraphs above that the page needs follow).
site-provenance = <aside class="nsc-provenance" id="nsc-provenance" role="note" aria-label="About the figures on this page">

### The editions page (book/editions)

site-editions-heading = Editions
# A column of the table of editions: $column edition, title, published (its date), web or pdf.
site-editions-column = { $column ->
        [edition] Edition
        [title] Title
        [published] Published
        [web] Web
       *[pdf] PDF
    }
# $current: yes on the current edition's page; $this: the page's edition; $newest: the title of
# the current edition; $up: from the page to the site's root.
site-editions-intro = The report is published once a year; its subject and its method can change from one year to the next. Each edition stays online with its own words and data, and its PDF. { $current ->
        [yes] This is the current edition.
       *[no] This is the { $this } edition. The current edition is { $latest }: <a href="{ $up }index.html">{ $newest }</a>.
    }
site-editions-table = <div class="nsc-table-wrap" role="region" tabindex="0" aria-label="Table: editions of the report">
site-editions-caption = Editions of the report, newest first
# Below the table: the editions published before the first one listed ($first, its year), which
# are not part of this series (the research notes: the report is annual, its theme and method
# change). $since: y and that year ("y2024"), which selects the list written out where it is known.
site-editions-earlier = { $since ->
        [y2024] The table lists the editions published in this series, which begins with 2024. Earlier editions of the annual report were published outside this series, and are not online here; each had its own theme and method: 2021, “Unmasking Stalking: A Changing Landscape” (a survey, during the pandemic); 2022, “Bridging the Gap” (a survey on access to independent stalking advocates, the edition from which the Commissioners' commitment to increase reports of stalking dates); 2023, “Standing Against Stalking: Supporting Young People” (a survey of people aged 16 to 24). The 2016 and 2018 editions asked the police forces and the Police and Crime Commissioners for their figures, as this series asks the police forces.
       *[other] The table lists the editions published in this series, which begins with { $first }. Earlier editions of the annual report were published outside this series, and are not online here.
    }
# One edition: $this is yes for the page's own edition, $current yes for the current one (on
# an earlier edition's page); $path: where its pages sit; $pdf: its PDF's file name.
site-editions-row = <tr><th scope="row">{ $this ->
        [yes] { $year } (this edition)
       *[no] { $year }
    }{ $current ->
        [yes] {" "}(current)
       *[no] {""}
    }</th><td>{ $title }</td><td>{ $date }</td><td><a href="{ $up }{ $path }index.html">Read the { $year } report</a></td><td><a href="{ $up }{ $path }book/downloads/{ $pdf }">{ $year } report (PDF)</a></td></tr>

### The register of figures (book/figures) and its annex in the PDF

site-register-heading = Where each figure comes from
# A column of the register's tables: $column key, printed (as printed), status, definition
# (what it is), computed (what from), forces (the forces counted), source or pages (where it
# is printed).
site-register-column = { $column ->
        [key] Key
        [printed] As printed
        [status] Status
        [definition] What it is
        [computed] Computed from
        [forces] Forces counted
        [source] Source
       *[pages] Printed on
    }
# $total: the figures registered; $linked: those linked from the text; $unverified and
# $illustrative: the marks of those statuses.
# $csv and $json: the names of its download files (the edition's, '-illustrative' for one
# with constructed figures).
site-register-intro = Every figure in this report is computed from its data when the report is built. This register lists all { $total } of them, chapter by chapter: the figure as printed, what it is, what it was computed from (the share's numerator and denominator, the questions, periods and data files), the forces it counts, the source it cites, its status and the pages that print it. A figure is *published* when everything it comes from is real and cited, *unverified* ({ $unverified }) when a source is real but not confirmed, and *illustrative* ({ $illustrative }) when it is computed from constructed data; the status column gives the caveat. In the text, { $linked ->
        [one] the one linked figure
       *[other] each of the { $linked } figures
    } is a link to its entry here; a sentence or label assembled from the data is listed too. The register can also be downloaded as <a href="downloads/{ $csv }">{ $csv }</a> and <a href="downloads/{ $json }">{ $json }</a>.
site-register-chapter = Figures of the chapter: { $title }
site-register-forces = Force pages
# The register's column of the forces a figure counts: how many ($forces), opening their list,
# and the $status of the list (published, unverified or illustrative): the status of the data
# it was computed from, which may be constructed where the figure's value is published; $public
# of the forces (may be 0) have their place in it from a published source, and are named without
# the mark.
site-register-forces-counted = { $forces ->
        [one] { $forces } force
       *[other] { $forces } forces
    }{ $status ->
        [published] {""}
        [unverified] {""}: the list of forces is unverified
       *[illustrative] {""}: the list of forces is constructed{ $public ->
            [0] {""}
            [one] , except the force named without a mark, which a statement of its own places there
           *[other] , except the forces named without a mark, which statements of their own place there
        }
    }
# The same column where the list is not printed: which Commissioners made the commitment, where
# that is constructed.
site-register-forces-unpublished = which forces: not published in this edition
# The register's cells: the pages of a figure that no page prints; a figure that counts no
# force; the questions a figure was computed from ($questions, listed).
site-register-not-printed = not printed
site-register-no-forces = none
site-register-questions = questions { $questions }
# A page of the printed report only (its annex), named without a link: $page, its title.
site-register-printed-only = { $page } (printed report)
# The release calendar's event (the .ics file a reader adds to a calendar): $publisher, the
# $year of the next edition and the $date it is announced for.
site-calendar-summary = Report on stalking, { $year } edition, published ({ $publisher })
site-calendar-description = { $publisher }: the { $year } edition of the annual report on stalking is to be published on { $date }.
# The embargo's banner, at the top of every page of an embargoed site: $label, label-embargo.
site-embargo-banner = <span class="nsc-embargo"><strong>{ $label }.</strong> Not to be published, broadcast or shared before then.</span>
site-register-forces-intro = Each force's page prints the same figures about that force; open a force to see them.
site-register-page = Figures of the page: { $title }
# The start of one table of the register (its column heads and rows follow). $name: its id.
site-register-table = <div class="nsc-table-wrap nsc-register" role="region" tabindex="0" aria-label="Table: { $caption }"><table class="nsc-table" id="nsc-table-figures-{ $name }"><caption>{ $caption }</caption>
site-annex-heading = Annex: where each figure comes from
# $file: the name of the register's CSV download (figures-illustrative.csv where any figure is).
site-annex-intro = Each figure printed in this report, with what it is. The web report's register adds what each was computed from, and { $file }, among its downloads, holds all of it.

## The release calendar on the editions page: the next edition's announced date ($year, $date)
## and its calendar file ($file), or that none is announced.
site-next-edition-none = <p class="nsc-next-edition">The date of the next edition has not been announced yet.</p>
site-next-edition = <p class="nsc-next-edition"><strong>Next edition:</strong> the { $year } edition is to be published on { $date }. <a href="downloads/{ $file }" download="{ $file }">Add it to your calendar</a> (an iCalendar file).</p>
