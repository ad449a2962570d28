# Interface strings of the default theme: English.
# English is the last fallback of every language, so this file must stay complete.

## Layout

skip-link = Skip to content
nav-label = Main
languages-label = Language
browse-label = Browse
breadcrumb-label = You are here
open-data = Open data:
data-json = JSON
data-csv = CSV
data-csv-tables = CSV tables:
data-table-commitments = commitments
data-table-updates = updates
data-table-localities = localities
# The data package (data/datapackage.json): every column of the tables, its type and meaning.
data-dictionary = data dictionary
feed-link = Updates feed (Atom)
feed-locality-link = Updates feed of this locality (Atom)
made-with = Made with pledgeboard.
list-separator = {", "}

## Trust signals (footer, the about page) and the accessibility statement (issue 18)

footer-publisher = Published by
footer-contact = Contact
contact-email = Email:
contact-phone = Phone:
# A phone number reached on a messaging application, shown as text.
contact-messaging = Messages (WhatsApp, Signal or Telegram):
footer-corrections = Report an error or send evidence
# When site.yaml has a contact but no `corrections` text.
corrections-default = Seen an error in these data, or have evidence of progress? Tell us through the contact above.
# Before the licence's name, linked: "Data and texts: CC BY 4.0".
footer-license = Data and texts:
accessibility-link = Accessibility
about-reuse = Reusing the data
about-license = The data and texts of this portal are published under this licence:
about-license-terms = You may reuse them on its terms.
about-no-license = No licence has been given for these data and texts: ask the publisher before reusing them.
about-files = Download the data:
accessibility-title = Accessibility statement
accessibility-intro = This portal is made to be read by everyone: on a cheap phone or a computer, on a slow connection, with a screen reader or with the keyboard alone.
accessibility-does = What the portal does
accessibility-no-script = Every page works without JavaScript. Only the search box needs it, and the lists lead to every commitment without it.
accessibility-small-screens = Pages fit small screens and stay light on slow connections.
accessibility-rtl = Languages written from right to left, such as Arabic, are laid out from right to left.
accessibility-contrast = Text and colours keep enough contrast, in light and in dark mode. A status is always written in words, never shown by colour alone.
accessibility-structure = Pages have headings, landmarks and a link that skips to the content, for screen readers and keyboard use.
accessibility-checked = The pages of the portal's theme are checked automatically with axe-core and the Nu Html Checker.
accessibility-limits = Known limits
accessibility-maps = Maps are drawings: each has beside it a list of the places it shows, with links.
accessibility-charts = Charts are drawings too: each has a table of its numbers.
accessibility-documents = Documents linked as evidence (reports, minutes, photos) come from others and may not be accessible.
accessibility-translations = Some texts are not yet translated into every language: the page then says so and shows them in another language.
accessibility-report = Report a problem
accessibility-report-contact = If something on this portal is hard to read or to use, tell us:
accessibility-report-publisher = If something on this portal is hard to read or to use, tell the organisation that publishes it.

## Page titles (also used by the renderer)

page-localities = Localities
page-all-commitments = All commitments
page-overdue = Overdue commitments
page-updates = Latest updates
page-status-index = By status
page-party-index = By party
page-topic-index = By topic
page-country-index = By country
page-not-found = Page not found
not-found-message = This page does not exist. Choose a language to go to the home page.

## Feed titles and list headings (used by the renderer)

feed-site-title = { $site } — latest updates
feed-locality-title = { $locality } — latest updates — { $site }
list-status-heading = Status: { $label }
list-party-heading = Pledged by: { $label }
list-topic-heading = Topic: { $label }
list-country-heading = Country: { $label }

## Home

as-of = Progress as of { $date }.
overdue-explained = A commitment is overdue when its due date has passed and it is still open.
by-party = Commitments by party
status = Status
party = Party
count = Commitments
latest-updates = Latest updates
all-updates = All the latest updates
all-localities = All localities

## Commitments

commitments = Commitments
locality = Locality
pledged-by = Pledged by
agreed = Agreed on
due = Due
no-due-date = No due date
overdue = Overdue
responsible = Responsible
topics = Topics
last-update = Last update
progress = Progress
percent = { $value }%
card-pledged-by = Pledged by:
card-due = Due:
card-updated = Last update:
history = History of updates
evidence = Evidence:

## Localities

country = Country
region = Region
dialogue-since = Dialogue since
partners = Partners
next-review = Next review

## Lists

no-commitments = There is no commitment here yet.
no-localities = No locality has been added yet.
none-overdue = No commitment is overdue.
no-updates = No update has been published yet.
no-updates-yet = No update has been recorded for this commitment yet.
pagination-label = Pages
page-of = Page { $current } of { $total }
page-n = Page { $n }
previous-page = Previous page
next-page = Next page

## Counts

commitments-count = { $count ->
    [one] { $count } commitment
   *[other] { $count } commitments
}
overdue-count = { $count ->
    [one] { $count } commitment overdue
   *[other] { $count } commitments overdue
}
done-count = { $count ->
    [one] { $count } completed
   *[other] { $count } completed
}
updates-count = { $count ->
    [one] { $count } update, newest first.
   *[other] { $count } updates, newest first.
}
showing-latest = { $count ->
    [one] This page shows the latest one.
   *[other] This page shows the latest { $count }.
}

## Statuses, parties and assessors (used by the renderer)

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
assessed-joint = Assessed jointly
assessed-independent = Assessed by an independent observer

## Countries (used by the renderer; a site may name them in site.yaml instead)

country-AF = Afghanistan
country-BF = Burkina Faso
country-BJ = Benin
country-CD = Democratic Republic of the Congo
country-CF = Central African Republic
country-CI = Côte d’Ivoire
country-CM = Cameroon
country-DZ = Algeria
country-EG = Egypt
country-GH = Ghana
country-GM = The Gambia
country-GN = Guinea
country-IQ = Iraq
country-JO = Jordan
country-KE = Kenya
country-LB = Lebanon
country-LR = Liberia
country-LY = Libya
country-MA = Morocco
country-ML = Mali
country-MM = Myanmar
country-MR = Mauritania
country-NE = Niger
country-NG = Nigeria
country-NP = Nepal
country-PK = Pakistan
country-SD = Sudan
country-SL = Sierra Leone
country-SN = Senegal
country-SO = Somalia
country-SS = South Sudan
country-SY = Syria
country-TD = Chad
country-TG = Togo
country-TN = Tunisia
country-TZ = Tanzania
country-YE = Yemen

## Time and evidence (issue 16): how long overdue, the latest update, the date of the data

# Under a month in days, under two years in months, then in years.
overdue-by-days = { $count ->
    [one] Overdue by { $count } day
   *[other] Overdue by { $count } days
}
overdue-by-months = { $count ->
    [one] Overdue by { $count } month
   *[other] Overdue by { $count } months
}
overdue-by-years = { $count ->
    [one] Overdue by { $count } year
   *[other] Overdue by { $count } years
}
latest-update = Latest update
earlier-updates = Earlier updates
data-as-of = Data as of { $date }

# ---- first screen ----
home-heading = How far have the commitments come?
done-of-total = { $total ->
    [one] { $done } of { $total } commitment completed
   *[other] { $done } of { $total } commitments completed
}
overdue-short = { $count } overdue
menu = Menu

# ---- sides ----
# Both sides' view: several parties' assessments of one review.
views-differ = Views differ
views-differ-note = { $points ->
    [0] The parties' assessments differ on the status.
    [one] The parties' assessments differ by { $points } point of progress.
   *[other] The parties' assessments differ by { $points } points of progress.
}
# The notice on a page that shows text in another language: $shown is the
# language shown, $language the page's (names below, "in English").
fallback-notice = This page is partly in { $shown }: it has not been translated into { $language } yet.
fallback-notice-link = Other languages
language-en = English
language-fr = French
language-ar = Arabic
language-ne = Nepali
language-ha = Hausa
# ---- charts ----
chart-data = The chart's data
chart-month = Month
chart-completed-title = Commitments completed over time
chart-completed-column = Completed
chart-completed-desc = { $count ->
    [one] { $count } commitment completed by { $date }, counted month by month since { $start }.
   *[other] { $count } commitments completed by { $date }, counted month by month since { $start }.
}
chart-multiples-title = Status of commitments by locality
chart-multiples-desc = For each locality, the share of its commitments in each status, on the same scale, with their number.
chart-timeline-title = Timeline
chart-timeline-desc = { $count ->
    [one] { $count } update by date and progress
   *[other] { $count } updates by date and progress
}
# ---- map ----
map-locality-title = { $locality } on the map of { $country }
map-country-title = Localities in { $country } on the map
map-overview-title = Localities on the map
map-dots = { $count ->
    [one] One locality is marked with a dot.
   *[other] { $count } localities are marked with dots.
}
map-dots-link = Each dot links to the locality's page.
map-missing = { $count ->
    [one] One locality has no coordinates and is not shown.
   *[other] { $count } localities have no coordinates and are not shown.
}
map-places = Places on the map
map-coordinates = (latitude { $lat }, longitude { $lon })
# ---- scale ----
localities-count = { $count ->
    [one] { $count } locality
   *[other] { $count } localities
}
group-continued = continued from the previous page
# ---- print ----
print-link = Print sheet for a dialogue session
print-title = Print sheet: { $locality }
print-online = Online:
print-keys = To ask about a commitment, quote its reference.
short-key = Reference
print-progress = Progress: { $value }%
print-latest = Latest update, { $date }:
print-next-review = Next review: { $date }

# ---- bundle ----
bundle-readme = To read the portal, open the file index.html of this folder with a web browser (Firefox, Chrome, Edge, Safari…). It needs no internet connection and nothing to install.
# The footer's link to the zip of the portal (site.yaml `offline_bundle`);
# $size is a number, $unit one of kb, mb, gb.
offline-bundle = Download the whole portal to read offline (ZIP, { $size } { $unit ->
    [kb] KB
    [gb] GB
   *[mb] MB
})

# ---- calendar ----
calendar-site-name = { $site } — due dates and review sessions
calendar-locality-name = { $locality } — due dates and review sessions — { $site }
calendar-due = Due: { $title }
calendar-due-where = Commitment agreed in { $locality }
calendar-review = Review session: { $locality }
calendar-review-description = The next session of the dialogue in { $locality }, where the parties review how far their commitments have come.
calendar-link = Add the due dates and review sessions to your calendar
calendar-locality-link = Add this locality's due dates and review sessions to your calendar

# ---- share ----
# The share image (link previews), described for readers who cannot see it.
share-image-alt = Progress of the commitments: { $place }

# ---- search ----
search-link = Search
search-title = Search the commitments
search-label = Words to find (title, locality, topic…)
search-any = All
search-found = Commitments found: { $count }
search-none = No commitment has these words.
search-short = Type a few more letters of the word.
search-more = More results
search-no-script = Searching needs JavaScript, which this browser does not run. You can find every commitment from the pages below.
