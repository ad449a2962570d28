# Interface strings of the default theme: English (complete; the last fallback).
skip-link = Skip to content
nav-label = Main
browse-label = Browse
languages-label = Language
page-localities = Localities
nav-commitments = All commitments
page-all-commitments = All commitments
page-overdue = Overdue
page-updates = Latest updates
page-status-index = By status
page-party-index = By party
page-topic-index = By topic
page-country-index = By country
page-not-found = Page not found
not-found-message = This page does not exist. Choose a language to go to the home page.
open-data = Open data:
feed-link = Updates feed (Atom)
made-with = Made with pledgeboard.
feed-site-title = { $site }: latest updates
feed-locality-title = { $locality }: latest updates ({ $site })
list-status-heading = Status: { $label }
list-party-heading = Pledged by: { $label }
list-topic-heading = Topic: { $label }
list-country-heading = Country: { $label }
at-a-glance = At a glance
by-status = Commitments by status
by-party = Commitments by party
status = Status
party = Party
count = Number
share = Share
percent = { $value }%
progress = Progress
progress-value = { $value }%
pledged-by = Pledged by
agreed = Agreed
due = Due
overdue = Overdue
responsible = Responsible
topics = Topics
country = Country
region = Region
dialogue-since = Dialogue since
partners = Partners
next-review = Next review
history = History of updates
latest-updates = Latest updates
no-updates = No update has been published yet.
none-overdue = No commitment is overdue.
evidence = Evidence
source-n = source { $n }
showing-updates = The latest { $shown } of { $total } updates.
commitments-count = { $count ->
    [one] { $count } commitment
   *[other] { $count } commitments
}
done-count = { $count ->
    [one] { $count } completed
   *[other] { $count } completed
}
overdue-count = { $count ->
    [one] { $count } commitment overdue
   *[other] { $count } commitments overdue
}
status-not-started = Not started
status-in-progress = In progress
status-stalled = Stalled
status-suspended = Suspended
status-completed = Completed
status-not-completed = Not completed
status-withdrawn = Withdrawn
party-police = Police
party-community = Community
party-local-government = Local government
party-justice = Courts and prosecutors
assessed-police = Assessed by the police
assessed-community = Assessed by the community
assessed-joint = Assessed jointly by police and community
assessed-independent = Assessed by an independent observer
country-BF = Burkina Faso
country-CM = Cameroon
country-IQ = Iraq
country-LY = Libya
country-ML = Mali
country-MM = Myanmar
country-NE = Niger
country-NG = Nigeria
country-NP = Nepal
country-SN = Senegal
country-TD = Chad
country-TN = Tunisia
country-TZ = Tanzania
country-YE = Yemen
list-separator = {", "}
pagination-label = Pages
page-of = Page { $current } of { $total }
previous-page = Previous page
next-page = Next page
