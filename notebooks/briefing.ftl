## The words of a force's two-page briefing (PDF), printed by `nsc-report pdf` from the force's
## page (force.md, whose sentences it repeats) and the chapters' glued figures. Project Fluent:
## see force.ftl for how to edit. The code is src/nsc_report/printing/briefing.py; the page's
## markup is here too (HTML), and every value is escaped before it enters it.

### The head of the page

briefing-title = { $who }: { $report } ({ $edition }), briefing
# $illustrative: yes when the edition's answers are constructed data.
briefing-kicker = { $illustrative ->
        [yes] illustrative briefing
       *[no] briefing
    }
briefing-subtitle = { $illustrative ->
        [yes] An illustrative briefing: how the report presents a force's answers, with constructed figures
       *[no] What the force told the National Stalking Consortium, and how it compares
    }
# $subtitle: briefing-subtitle; $body: who oversees the force; $date: the publication date.
briefing-meta =
    <p class="meta">{ $subtitle }. To send to { $body }.
    { $report }, edition { $edition }, published
    { $date }.</p>
# Only in an illustrative edition: $short and $caveat say what the data are, $mark their mark.
briefing-notice = <p class="notice"><strong>{ $short }.</strong> { $caveat } Every figure marked { $mark }, and every figure in a sentence that ends with { $mark }, is computed from these constructed data; figures without a mark, in a sentence without one, are published statistics.</p>
briefing-running = Illustrative briefing: figures marked { $mark }, or in a sentence ending { $mark }, are constructed, not { $who }'s real answers

# One of the force's sentences in brief (glued by its page), with the $mark of its figures
# (none where $mark is empty: a sentence resting only on real data).
briefing-marked = { $text }{ $marked ->
        [yes] <sup class="mark">{ $mark }</sup>
       *[no] {""}
    }

### Headings and the answers table

briefing-in-brief = In brief
briefing-its-answers = Question by question
briefing-answers-caption = { $who }: its answer to each question
briefing-where-it-stands = Where it stands among the forces
briefing-national = The national picture
briefing-must-change = What must change

### The force's published statistics (boxed apart from its answers)

# $sentences: the page's four sentences, each a briefing-paragraph; $held: how many of their
# series hold a figure for the force; $compilers: who compiled those series (only those).
briefing-published = <section class="published" aria-labelledby="published-heading"><h2 id="published-heading">Published statistics <span class="tag">real figures, not answers to our request</span></h2>{ $sentences }<p class="sources">{ $held ->
        [0] These sources hold no figure for this force; each is cited on the force's page of the web report.
       *[other] Compiled by { $compilers }; every source, with its licence, is cited on the force's page of the web report.
    }</p></section>
briefing-paragraph = <p>{ $text }</p>

### The national picture: the report's headline findings, with the chapters' figures

briefing-national-rate = Only { $rate } of stalking cases result in a conviction, as the Trust's release states.
briefing-national-responded = { $responded } of { $asked } police { $asked ->
        [one] force
       *[other] forces
    } gave any figures in reply to our request.
# $case, $more: as reports-pledge-key in reports.ftl (the same finding in the same words, with
# the two years it compares: $previous, the earlier, and $period, the later).
briefing-national-fewer = { $case ->
        [no-forces] No responding force whose Commissioner pledged more reports gave figures for both the { $previous } and the { $period }.
        [none-fewer] Not one of the { $comparable } responding { $comparable ->
            [one] force
           *[other] forces
        } whose Commissioner pledged more reports, and that gave figures for both years, recorded fewer stalking offences in the { $period } than in the { $previous }; { $increased } recorded more.
        [all-fewer] All { $comparable } responding { $comparable ->
            [one] force
           *[other] forces
        } whose Commissioner pledged more reports, and that gave figures for both years, recorded fewer stalking offences in the { $period } than in the { $previous }.
        [some-fewer] { $share } of responding forces whose Commissioner pledged more reports recorded fewer stalking offences in the { $period } than in the { $previous }; { $increased } recorded more.
       *[most-fewer] { $share } of responding forces whose Commissioner pledged more reports recorded fewer stalking offences in the { $period } than in the { $previous }; { $more ->
            [none] none
           *[some] only { $increased }
        } recorded more.
    }
briefing-national-spo = { $forces } { $forces ->
        [one] force
       *[other] forces
    } applied for Stalking Protection Orders in { $band } cases in a whole year, counted by kind of order.
briefing-national-officers = { $some } { $some ->
        [one] force
       *[other] forces
    } said they had a dedicated stalking officer; { $none } said they had none.
# $partial: the forces that gave part of the breakdown (said, so that the published figure of
# detailed breakdowns is not read as all the forces that could say anything).
briefing-national-other = { $detailed } { $detailed ->
        [one] force
       *[other] forces
    } could give a detailed breakdown of how often stalking was charged as another offence{ $partial ->
        [0] {""}
       *[other] ; { $partial } gave part of it
    }.

### The foot of the page

# $has_phone and $has_site: yes when the edition gives the $phone and the $website.
briefing-help = <p class="help"><strong>Worried about stalking?</strong> Call the { $helpline }{ $has_phone ->
        [yes] {" "}on { $phone }
       *[no] {""}
    }{ $has_site ->
        [yes] , or visit { $website }
       *[no] {""}
    }. In an emergency, call 999.</p>
# $where: site when the edition names the published site's address ($site), with the force's
# $page in it; else none, and the page is named in words (a path means nothing on paper).
briefing-footer =
    <footer>{ $source } The full report, with this force's page{ $where ->
        [site] {" "}at { $site }/{ $page }
       *[none] {" "}in the web report
    },
    explains every figure and its source. { $publisher }.</footer>
briefing-pdf-title = { $who }: briefing, { $report } ({ $edition })
briefing-pdf-subject = What a force told us about stalking, and how it compares
