## The words of the edition as a whole that belong to no one chapter: what a draft edition says
## on every page (the banner), on the PDF's cover and on the editions page. An edition is a
## draft while its edition.yml still holds facts of publication marked BEFORE PUBLICATION
## (last year's title, date, funding ask or Helpline total standing in). Project Fluent: see
## force.ftl for how to edit. The code is src/nsc_report/publishing/config.py (the banner),
## src/nsc_report/printing/pdf.py (the covers) and src/nsc_report/publishing/archive.py.

# At the top of every page of a draft edition (HTML).
edition-draft-banner = <span class="nsc-draft"><strong>Draft, not published.</strong> Some facts of this edition (such as its title, publication date, funding ask or the Helpline's total) are still last year's, to be revised before publication.</span>
# On the PDF's cover of a draft edition (HTML).
edition-draft-cover = <p class="nsc-cover-notice"><strong>Draft, not published.</strong> Some facts of this edition (such as its title, publication date, funding ask or the Helpline's total) are still last year's, to be revised before publication.</p>
# In place of "published <date>" on the covers, and of the date on the editions page.
edition-draft-published = a draft, not yet published
edition-draft-date = draft, not yet published
