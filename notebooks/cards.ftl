## The words of the social cards (the picture a link to the report shows when it is shared):
## the line above a card's title, its alt text and the text to post with it. Project Fluent:
## see force.ftl for how to edit. The code is src/nsc_report/publishing/cards.py; the figure,
## its finding in plain words, caveat and sources come from the register of figures as printed
## (a figure's finding is written in its chapter's words file; its register definition, with
## question codes and counting rules, is not for a card).

### The card

# Above a chapter's card title: the report's $title and $edition (the landing page's card has
# the publisher instead).
cards-kicker = { $title } ({ $edition })
# The caveat a figure of constructed data carries on a card ($short: label-illustrative-short).
cards-caveat-illustrative = { $short }.
# The source of a figure computed from the report's own reference data: the report.
cards-source-report = { $publisher }, { $title } ({ $edition })
# Where a figure's sources do not all fit whole (on the card or in the post): the first $kept
# of them, whole ($sources), and that the report cites the $others; $kept 0: the report alone.
cards-source-fewer = { $kept ->
        [0] the report, which cites { $others ->
            [one] it
            [2] both
           *[other] all { $others } sources
        } in full
       *[other] { $sources }; { $others ->
            [one] one other source
           *[other] { $others } other sources
        } cited in full in the report
    }
# The card's source line, at its foot: $figure yes on a card of a figure ($source, its
# citations), no on the report's own card ($source, the publisher).
cards-face-source = { $figure ->
        [yes] Source: { $source }
       *[no] Published by { $source }
    }

### The alt text (what the card is, the finding it shows and its source, as the ONS asks)

# $embargoed: yes with the embargo's $label; $chapter: yes for a chapter's card (its $card
# title), no for the landing page's. $figure: no with the edition's $subtitle, or yes with the
# figure's $text, its $finding (read after it: "of stalking cases result in a conviction"), its
# $status in words where it is marked ($marked), its $caveat ($caveated) and its $source.
cards-alt = { $embargoed ->
        [yes] { $label }.{" "}
       *[no] {""}
    }Social media card for { $chapter ->
        [yes] the chapter “{ $card }” of{" "}
       *[no] {""}
    }{ $title } ({ $edition }), { $publisher }. { $figure ->
        [no] { $subtitle }.
       *[yes] It shows { $text } { $finding }{ $marked ->
            [yes] {" "}({ $status })
           *[no] {""}
        }.{ $caveated ->
            [yes] {" "}{ $caveat }
           *[no] {""}
        } Source: { $source }.
    }

### The text to post with it (within a post's length: the finding and the source are
### shortened first, each a part below, and the caveat and the address are never cut)

# A card without a figure: its $card title, the report's $title and $edition, the $publisher.
cards-post-plain = { $card }: { $title } ({ $edition }), { $publisher }.
# The finding: its $text and $mark, then $finding (cards-post-finding, perhaps shortened),
# the $caveat with the mark ($caveated), then $source (cards-post-source, perhaps shortened).
cards-post = { $text }{ $mark } { $finding }{ $caveated ->
        [yes] {" "}{ $mark } { $caveat }
       *[no] {""}
    }{ $source }
cards-post-finding = { $finding }.
cards-post-source = {" "}Source: { $source }.
# The post, then the page's $url where there is one ($linked).
cards-post-link = { $post }{ $linked ->
        [yes] {" "}{ $url }
       *[no] {""}
    }
