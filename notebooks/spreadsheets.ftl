## The words of the data workbook (nsc-data.xlsx and nsc-data.ods, the downloads): its cover,
## its notes sheet, and each table's title and source. Project Fluent: see force.ftl for how
## to edit. The code is src/nsc_report/publishing/spreadsheets.py.
##
## A table's title may refer to a note as $$name$$ (status, missing, periods, published): the
## workbook prints it as [note N], numbered in the order a reader meets the notes. The labels
## of the cover, contents and notes sheets ("Table of contents", "Note text") are gptables'.

### Every table sheet, and the contents and notes sheets

spreadsheets-one-table = This worksheet contains one table.
# Below each table's title: what an empty cell means. $missing: the mark of a missing number.
spreadsheets-instructions = { spreadsheets-one-table } An empty cell in a text column (such as note or caveat) means there is nothing to add; { $missing } marks a number that is not available (see the notes).

### The cover

spreadsheets-title = { $title } ({ $edition }): data
spreadsheets-intro = The data behind { $title }, edition { $edition }, published { $date } by { $publisher }.
# $period: the edition's current period in words.
spreadsheets-period = Period: { $period }, unless a table says otherwise.
# $status: the status of the forces' answers (illustrative, unverified or published); $caveat
# says what illustrative data are.
spreadsheets-status = { $status ->
        [illustrative] These are illustrative data, not real answers: { $caveat }
       *[other] The answers are as the forces gave them.
    }
spreadsheets-charts = The data table of every chart is in the chart data download (CSV files).
spreadsheets-about-answers = Source of the answers: { $citation }.
spreadsheets-about-published = Published statistics: Home Office, Office for National Statistics, Ministry of Justice, and Freedom of Information answers compiled by the BBC.
spreadsheets-website = Website: { $website }

### The notes sheet

spreadsheets-note-status = { spreadsheets-status } Rows of constructed data say so in their data_status column.
spreadsheets-note-missing = { $missing } marks a value that is not available: the force gave no figure (the status column says why: not held, refused, no response) or the published table has none (the note column says why). It is never zero.
spreadsheets-note-periods = Periods are financial years (April to March) or years ending in the month given; the period_label column gives each in words.
# The answers' source_id column, where some row cites a source: $sources, each id with its
# citation ("south_yorkshire_police_2024: South Yorkshire Police, ...").
spreadsheets-note-public = A row with a source_id is an answer the force also made public itself: the column names the published source that states it ({ $sources }). What that source states is published; the row's value keeps the status its data_status column gives.
spreadsheets-note-published = Published statistics are real figures from official sources or answers given to the BBC under the Freedom of Information Act, whatever this edition's own data are; each row cites its source and licence.

### The tables: each one's title (in A1) and source

spreadsheets-returns-title = Answers of the police forces to our Freedom of Information request, by question and period, { $title } { $edition } $$status$$
# $citation: the citation of the edition's request.
spreadsheets-source = Source: { $citation }
spreadsheets-published-title = Published statistics on stalking by police force area: recorded offences, outcomes, prosecutions and convictions, and Stalking Protection Orders $$published$$
spreadsheets-published-source = Source: Home Office, Office for National Statistics, Ministry of Justice and Freedom of Information answers to the BBC, as cited in each row
spreadsheets-national-title = National figures the { $edition } edition cites
spreadsheets-national-source = Source: as cited in the source column
# A force's row of the commitments sheet: $case made or not-made (by its Commissioner),
# none (it has no Commissioner: another body oversees it), or unpublished (the edition's row
# is constructed, and an act of a named office is not given from constructed data).
spreadsheets-commitment = { $case ->
        [made] made the commitment
        [not-made] did not make the commitment
        [unpublished] not published in this edition
       *[none] no Police and Crime Commissioner
    }
# The caveat of a row 'not published in this edition': $caveat, that of the constructed list of
# commitments (edition.yml) the row withholds.
spreadsheets-commitment-withheld = { $caveat } This row does not say whether this force's Commissioner made it: no act of a named office is given from constructed data.
spreadsheets-commitments-title = Commitments of Police and Crime Commissioners to increase reports of stalking $$status$$
# Each row cites what it rests on: the commitment's source, or who oversees the force.
spreadsheets-commitments-source = Source: as cited in the source column (a row not published in this edition cites none)
# The questions' source: the report itself.
spreadsheets-report-source = Source: { $title } { $edition }
# $forces: how many forces the sheet lists.
spreadsheets-forces-title = { $forces ->
        [one] The { $forces } police force
       *[other] The { $forces } police forces
    } of England and Wales, with their codes and regions
# $ours: the columns that are the report's own (short names, the map's tile positions), if
# $has_ours.
spreadsheets-forces-source = Source: Office for National Statistics police force area codes, names and regions{ $has_ours ->
        [yes] ; { $ours } are the report's own, for its map
       *[no] {""}
    }
spreadsheets-questions-title = The questions of the { $edition } Freedom of Information request
