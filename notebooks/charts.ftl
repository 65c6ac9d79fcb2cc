## The words every chart and table of the report prints around its data (present/charts.py,
## present/tables.py): the data table's name for screen readers and its caption, the button
## that shows it, the download links and the charts' tooltips. Project Fluent: see force.ftl
## for how to edit; `nsc-report proof` prints every variant.

# What a screen reader calls a table's scrolling region: $caption, the table's caption.
charts-table-region = Table: { $caption }
# A chart's data table, under the chart: what a screen reader calls its scrolling region, and
# its caption. $title: the chart's title.
charts-data-region = Data table: { $title }
charts-data-caption = Data for: { $title }
# The button that opens a chart's data table.
charts-show-data = Show the data table
# A chart's downloads: $csv and $svg, the files' addresses (relative to the page); $csv-name
# and $svg-name, the names they are saved under.
charts-downloads = <p class="nsc-chart-downloads"><a class="nsc-download" download="{ $csv-name }" href="{ $csv }">Download the data (CSV)</a> <a class="nsc-download" download="{ $svg-name }" href="{ $svg }">Download the chart (SVG)</a></p>
# A tooltip's name for a value the pointer is on: $field area (the line's area), period, answer
# (a force's answer to a question), or rules (a change of counting rules, then its words).
charts-tooltip = { $field ->
        [area] Area
        [period] Period
        [answer] answer
       *[rules] Counting rules changed
    }
# A change of counting rules, where the chart marks it: $month (such as "Apr 2020").
charts-rules-mark = { $month } rules
# Under the title of a chart's image read on its own (its download), where the image prints a
# mark: what each mark means, in the words of the page's key (site.ftl, print.ftl).
# $illustrative and $unverified: yes where it prints that mark ($illustrative_mark,
# $unverified_mark).
charts-image-key = { $illustrative ->
        [yes] { $illustrative_mark } marks a figure computed from constructed data, not real answers.{" "}
       *[no] {""}
    }{ $unverified ->
        [yes] { $unverified_mark } marks an unverified figure.{" "}
       *[no] {""}
    }Figures without a mark are published.
