## The words of 'Find your force' (find-your-force.md): the tile map, its legends and its
## table (which is also the annex of every force, annex-forces.md), the list of forces by
## region, and the register of figures. Project Fluent: see force.ftl for how to edit. The
## code is src/nsc_report/sections/find_force.py; the page's markup is there, and every value
## is escaped before it enters it.

### The measures the reader can colour the map by: each one's name (in the chooser and above
### its legend), its classes (the legend, lowest first) and its column in the table

find-your-force-spo = Cases with an SPO application, counted by kind of order, { $period }
find-your-force-spo-short = Cases with an SPO application, counted by kind of order
find-your-force-change = Change in recorded stalking since { $previous }
find-your-force-change-short = Change in recorded stalking
# $level: fell, up-to-10 or over-10.
find-your-force-change-class = { $level ->
        [fell] fell
        [up-to-10] rose by up to 10%
       *[over-10] rose by more than 10%
    }
find-your-force-answered = Questions answered in full (for a question asked about two years, both years)
find-your-force-answered-short = Answered in full
# $level: low (under a third), middle or high (two thirds or more).
find-your-force-answered-class = { $level ->
        [low] fewer than a third
        [middle] a third to two thirds
       *[high] two thirds or more
    }
find-your-force-officers = Dedicated stalking officers
find-your-force-officers-short = Dedicated officers
# $level: none, one or more.
find-your-force-officers-class = { $level ->
        [none] none
        [one] one
       *[more] two or more
    }
# $year: the year of the Police and Crime Commissioners' commitment.
find-your-force-pcc = PCC's { $year } commitment to more reports
find-your-force-pcc-short = PCC commitment
# $level: none (no commitment) or committed.
find-your-force-pcc-class = { $level ->
        [none] no commitment
       *[committed] committed
    }
# What a force's square (and its row of the table) says: $case made (its PCC made the
# commitment), not-made, none (another body oversees it) or unpublished (its row is
# constructed; the map shows the commitment only where no row is).
find-your-force-pcc-value = { $case ->
        [made] yes
        [not-made] no
        [unpublished] not published
       *[none] no PCC
    }

### The map (HTML)

find-your-force-choose = Colour the map by
# $forces: how many forces the map shows.
find-your-force-map-label = Map of the { $forces } police { $forces ->
        [one] force
       *[other] forces
    }: each square links to a force's page
# One class of a legend: its $label and the $forces in it.
find-your-force-legend-item = { $label } ({ $forces } { $forces ->
        [one] force
       *[other] forces
    })
# $derived yes for a figure computed from others (the change: both years' offences recorded).
find-your-force-legend-none = { $derived ->
        [yes] no figure: a figure it is computed from was not given
       *[no] no figure given
    }
find-your-force-map-as-table = The map as a table
# The map in plain text (for a reader who cannot see it).
find-your-force-map-text = Map of the { $forces } { $forces ->
        [one] force
       *[other] forces
    } (see the table below it)
# The table: $period for SPO applications, $previous for the change, $year of the commitment.
# $commitments yes where the edition's commitments are real (the table then says which PCCs
# made it), no where they are constructed (it is not shown).
find-your-force-table-caption = Every force at a glance: cases with an SPO application, counted by kind of order, in the { $period }; change in recorded stalking since { $previous }; questions answered in full (for a question asked about two years, both years); dedicated stalking officers at the time of the request{ $commitments ->
        [yes] ; whether the force's PCC made the { $year } commitment
       *[no] {""}
    }. – means no figure: the force did not give it, or (for the change) did not give the stalking offences it recorded in both years.

### The list of forces by region (HTML)

find-your-force-filter = Type a force or a region
find-your-force-count = { $forces } { $forces ->
        [one] force
       *[other] forces
    }
find-your-force-list-text = Every force by region

### The register of figures: what each glued figure is (figures.csv, the register page)

find-your-force-def-forces = territorial police forces of England and Wales, each with its own page
find-your-force-def-regions = regions of England and Wales
find-your-force-def-some-answer = forces that gave at least one figure in answer to the request
