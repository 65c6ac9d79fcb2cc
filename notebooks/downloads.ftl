## The words of the downloads: the links on the downloads page (book/downloads.md, through its
## substitutions) and the notice every download of an edition with constructed data carries.
## Project Fluent: see force.ftl for how to edit. The code is src/nsc_report/publishing/
## downloads.py and publishing/config.py; the links' markup is here (HTML), and every value is
## escaped before it enters it.

### The downloads page

# $file: the PDF's file name.
downloads-pdf-link = <a class="nsc-download-pdf" href="downloads/{ $file }" download="{ $file }">The full report as a PDF (A4)</a>
# $file: the download's file name; $download: which download it is (by its substitution).
downloads-link = <a class="nsc-download" href="downloads/{ $file }" download="{ $file }">{ downloads-label }</a>
# (nsc_data_ods follows nsc_data in a sentence: "..., and the same workbook in the open format".)
downloads-label = { $download ->
        [foi_returns] FOI returns (CSV)
        [nsc_data] The whole dataset as a workbook (XLSX)
        [chart_data] The data table of every chart (ZIP of CSV files)
        [notebooks] The executed notebooks that compute every figure (ZIP)
        [published_statistics] Published statistics per force, with their sources (CSV)
        [figures_csv] The register of figures (CSV)
        [figures_json] The register of figures (JSON)
       *[nsc_data_ods] the same workbook in the open format (ODS)
    }
# The published statistics as this edition has them: those published by its data cut-off
# ($date); a later edition has the values published by its own.
downloads-published-as-of = as they had been published by this edition's data cut-off, { $date }
# Under the notebooks: $published yes when the software is published at an $address
# (help.source_url in edition.yml); until then, nothing is said to be where it is not.
downloads-software = { $published ->
        [yes] The notebooks run with the nsc_report Python package, published at { $address } with the data they read and a README that explains how to rebuild the report.
       *[no] The notebooks run with the nsc_report Python package, which is not yet published.
    }
# Only in an edition with illustrative data, above the list of files.
downloads-illustrative-note = Every file below that holds this edition's illustrative data has a name ending in -illustrative, and says so inside (a status column, a notes sheet, or for a ZIP a README beside the files it holds). The published statistics are real and keep their name.

### Inside the downloads (README.txt of each ZIP), only in an edition with illustrative data

# $caveat: what the constructed data are; $title and $edition: the report's; $content: what the
# ZIP holds, tables (the chart data, whose rows carry a status) or notebooks (the executed
# notebooks, which have no status column: the register of figures gives each figure's).
downloads-notice = ILLUSTRATIVE DATA, NOT REAL ANSWERS. { $caveat } { $title } ({ $edition }); { $content ->
        [notebooks] these executed notebooks compute the report's figures from those data. Which of the figures they print are illustrative, and which come from published sources, the report's register of figures says, figure by figure (its status column).
       *[tables] a chart's table made from data that are not published has a 'Data status' column, which says so on every row and names any value of the row that a published source states; a table without that column holds published figures only.
    }
