## The Freedom of Information request letters of the next edition (`nsc-report requests`,
## src/nsc_report/cycle/letters.py): one to each force and one to the Crown Prosecution
## Service, written as Markdown and printed to PDF. The code passes the edition's values (the
## reference, the reply address, the dates, the codebook's questions and periods) and lays the
## lines out; every sentence is here. Project Fluent: see force.ftl for how to edit;
## `nsc-report proof` prints every variant.

### The head of the letter

# $edition: the edition's year.
letters-heading = # Freedom of Information request: stalking ({ $edition })
# The lines under the heading: the letter's $reference, the $address to reply to, the day it
# is $sent, and the authority's $name.
letters-reference = Reference: **{ $reference }**
letters-reply-to = Reply to: { $address }
letters-sent = Sent: { $sent }
letters-to = To: the Freedom of Information officer, { $name }
letters-greeting = Dear Freedom of Information officer,
# $publisher asks; $address, where the reply goes.
letters-intro = Under section 1 of the Freedom of Information Act 2000, { $publisher } asks for the information below, for its annual report on how stalking is recorded and acted on in England and Wales. Please send your reply to **{ $address }**, quoting the reference above.

### The questions

letters-questions-heading = ## The information we ask for
# A question of the codebook: its $id (Q1), its $wording, and $when, the periods it is asked
# for (letters-asked-for).
letters-question = **{ $id }.** { $wording }: { $when }.
# The one question of the letter to the Crown Prosecution Service; $when as above.
letters-cps-question = How many cases recorded by the police as stalking were charged as a different offence? Please give the figure { $when }.
# The periods a question is asked for: $spans, the periods that are spans of time (each
# letters-period-span, listed), and $points, those whose label says when by itself ("at the
# time of the request (early 2025)"), listed; $case spans, points or both.
letters-asked-for = { $case ->
        [spans] for { $spans }
        [points] { $points }
       *[both] for { $spans } and { $points }
    }
# A period that is a span of time: its $label ("year ending March 2024").
letters-period-span = the { $label }

### What the periods mean

letters-periods-heading = ## What the periods mean
# A period, its $label, and (for $kind dates) its first day $start and its $last; $kind point
# for a label that says when by itself, other for one whose dates the letter cannot give.
letters-period = { $kind ->
        [dates] - *{ $label }*: from { $start } to { $last }
        [point] - *{ $label }*: the number on the day you receive this request
       *[other] - *{ $label }*
    }

### The close

letters-partial = If you hold only part of the information, please give what you hold and say what is missing. If answering a question would exceed the cost limit (section 12), please answer the others and tell us which question you could not answer, so that we can narrow it. A figure of zero and information not held are different answers: please say which applies.
# $days: the working days the Act allows; $sent, the day the letter is sent; $due, the day the
# answer is due if it is received that day.
letters-deadline = The Act requires an answer promptly and no later than { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } after you receive this request: if you receive it on { $sent }, by **{ $due }**.
letters-closing = Yours faithfully,
# Under the closing: the $publisher, then on its own line the $address.
letters-signed = { $publisher }
letters-signed-address = { $address }

### The printed letter

# The title of a letter's PDF page: the authority's $name.
letters-page-title = { $name }: Freedom of Information request
