## The words of the printed report (the PDF, `nsc-report pdf`) that are not in its chapters:
## its cover, back cover, running head, the legend of marks in its margin and its document
## properties. Project Fluent: see force.ftl for how to edit. The code is src/nsc_report/
## printing/pdf.py; the pages' markup is here (HTML), and every value is escaped before it
## enters it.

### The running head (every page) and the PDF's properties

print-title = { $title } ({ $edition })
# $version: print-version.
print-subject = { $subtitle }. { $version }
print-keywords = stalking; police; Crown Prosecution Service; Freedom of Information
# The part of the printed report's contents that holds the annexes.
print-annex-caption = Annex
# $draft: yes while the edition is a draft (its version's date is last year's: not printed).
print-version = { $draft ->
        [yes] A draft, not yet published
       *[no] Version { $version }, { $date }
    }

### The legend of marks, in the margin of every page

# $illustrative and $unverified: yes when the edition has figures of that status, each with its
# mark ($illustrative_mark, $unverified_mark) and what it means ($illustrative_caveat,
# $unverified_caveat); with neither, the $publisher.
print-legend = { $illustrative ->
        [yes] { $illustrative_mark } Illustrative: { $illustrative_caveat }{ $unverified ->
            [yes] {" "}{ $unverified_mark } Unverified: { $unverified_caveat }
           *[no] {""}
        }{" "}{ print-legend-rule }
       *[no] { $unverified ->
            [yes] { $unverified_mark } Unverified: { $unverified_caveat } { print-legend-rule }
           *[no] { $publisher }
        }
    }
# What a mark covers: the same rule as the web page's key (site.ftl, site-provenance-published).
print-legend-rule = A mark after a figure marks that figure; a mark at the end of a sentence marks every figure in it. Figures without a mark, in a sentence without one, are published.

### After a link to a download (the links of the downloads page, on paper)

# $where: site when the edition names the published site's address; $file: the download's
# address there, or with none its file's name (never a path: readers cannot follow one).
print-download = { $where ->
        [site] ({ $file })
       *[none] ({ $file }, among the downloads of the web report)
    }
# The same, set inside the link's own closing bracket where its words end in one ("The full
# report as a PDF (A4; nsc-stalking-report-2024.pdf, among the downloads of the web report)"):
# no bracket beside a bracket.
print-download-within = { $where ->
        [site] ; { $file }
       *[none] ; { $file }, among the downloads of the web report
    }

### The cover

# $kicker: the awareness week; $version: print-version; $notice: print-cover-notice or nothing.
# $held: the embargo line of an embargoed build, or nothing.
print-cover = <section class="nsc-cover" aria-label="Cover">{ $held }<p class="nsc-cover-kicker">{ $kicker }</p><h1 class="nsc-cover-title">{ $title }</h1><p class="nsc-cover-subtitle">{ $subtitle }</p><p class="nsc-cover-meta">{ $publisher }<br>Edition { $edition }, { $published }{ $version }</p>{ $notice }</section>
# The version line under the date (none on a draft).
print-cover-version = <br>{ $version }
# "published <date>" on the covers (a draft says edition-draft-published instead).
print-published = published { $date }
print-cover-embargo = <p class="nsc-cover-embargo">{ $label }</p>
print-cover-notice = <p class="nsc-cover-notice"><strong>Illustrative data.</strong> The per-force figures in this edition are constructed to match the published national totals; they are not the forces' real answers. The methodology explains which figures are real.</p>

### The back cover

# $lines: the paragraphs below, those the edition has.
print-back-cover = <section class="nsc-back-cover" aria-label="Back cover"><h2>Help and contact</h2>{ $lines }</section>
# $has_phone and $has_site: yes when the edition gives the $phone and the $website.
print-back-help = <p><strong>Worried about stalking?</strong> Call the { $helpline }{ $has_phone ->
        [yes] {" "}on { $phone }
       *[no] {""}
    }{ $has_site ->
        [yes] , or visit { $website }
       *[no] {""}
    }. In an emergency, call 999.</p>
# Only where the edition names the published site's address.
print-back-site = <p>This report, its data and a page for every police force are published at { $site }.</p>
print-back-publisher = <p>{ $publisher }. { $title }, edition { $edition }, { $published }.</p>
