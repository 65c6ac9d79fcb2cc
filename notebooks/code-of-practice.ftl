## The words of the chapter on the Code of Practice for Statistics (code-of-practice.md): its
## glued sentences and its register of figures. Project Fluent: see force.ftl for how to
## edit. The code is src/nsc_report/sections/practice.py.

# One item of the list of sources by status ("3 published"): $n sources of the $status
# published, unpublished (a part of it, such as the forces' answers, is not published),
# unverified or illustrative.
code-of-practice-sources-item = { $n } { $status ->
        [published] published
        [unpublished] not published
        [unverified] unverified
       *[illustrative] illustrative
    }
# $illustrative: yes when the per-force figures are constructed.
code-of-practice-illustrative = { $illustrative ->
        [yes] Its per-force figures are illustrative: constructed, not the forces' real answers, and marked as such wherever they are printed.
       *[no] Its figures are the answers as given, each marked with its status where it is not published.
    }

# Who outside the team had the findings before publication (pre_release.yml): $n people, the
# list of them ($people, each a code-of-practice-pre-release-person).
code-of-practice-pre-release = { $n ->
        [0] Nobody outside the team that writes the report had its findings before publication.
        [one] Before publication, { $n } person outside the team that writes the report had its findings: { $people }.
       *[other] Before publication, { $n } people outside the team that writes the report had its findings: { $people }.
    }
# The same where the list holds only those the edition's sources show (pre_release.yml
# `complete: false`): $n of them, $people; whether anyone else had the findings is not recorded.
code-of-practice-pre-release-known = { $n ->
        [one] The release shows that before publication this person outside the team that writes the report had its findings: { $people }. Whether anyone else outside the team had them is not recorded.
       *[other] The release shows that before publication these { $n } people outside the team that writes the report had its findings: { $people }. Whether anyone else outside the team had them is not recorded.
    }
# One person: $who, $role where $has_role is yes, $what they received, $dated yes when the date is
# recorded ($date).
code-of-practice-pre-release-person = { $who }{ $has_role ->
        [yes] , { $role }
       *[no] {""}
    } ({ $what }; { $dated ->
        [yes] on { $date }
       *[no] date not recorded
    })
# Where the software that computes every figure is published: $published yes with its
# $address (help.source_url in edition.yml); $form: methods (the Code of Practice's "Methods in
# the open", after a semicolon) or about (a sentence of the About page).
code-of-practice-software = { $form ->
       *[methods] { $published ->
            [yes] the software that computes every figure, and the data it reads, are published at { $address }.
           *[no] the executed notebooks that compute every figure are among the downloads, but the software they run, and some of the data it reads, are not yet published.
        }
        [about] { $published ->
            [yes] The report is built by open-source software, published at { $address } with the data it reads:
           *[no] The report is built by software from its data (the software is not yet published):
        }
    }
# $compared: yes when the edition has an earlier one ($previous) to compare its answers with.
code-of-practice-comparable = { $compared ->
        [yes] Where a question was asked in the { $previous } edition too, the report compares the answers, and says plainly where it cannot.
       *[no] The report holds no earlier edition's answers to these questions, so this edition compares none over time.
    }
code-of-practice-pre-release-unrecorded = This edition keeps no record of who outside the team that writes the report had its findings before publication.

### The register of figures: what each glued figure is (figures.csv, the register page)

code-of-practice-def-version = the current version of the edition and its date
code-of-practice-def-publication = the date of publication
code-of-practice-def-week = the awareness week of publication
code-of-practice-def-asked = police forces sent the request
code-of-practice-def-responded = forces that gave any figures
code-of-practice-def-sources = sources the edition cites
code-of-practice-def-source-statuses = the sources by status
code-of-practice-def-illustrative = whether the edition's per-force figures are real
code-of-practice-def-software = where the software that computes every figure is published
code-of-practice-def-comparable = whether the report compares the answers with an earlier edition's
code-of-practice-def-pre-release = who outside the team had the findings before publication
