# Interface strings of the default theme: Hausa (Boko script).
# Hausa plural categories (CLDR) are one and other.

## Layout

skip-link = Tsallaka zuwa abin da ke ciki
nav-label = Babban menu
languages-label = Harshe
browse-label = Duba
breadcrumb-label = Kana nan
open-data = Bayanai a buɗe:
data-json = JSON
data-csv = CSV
data-csv-tables = Teburorin CSV:
data-table-commitments = alƙawura
data-table-updates = sabbin bayanai
data-table-localities = yankuna
# The data package (data/datapackage.json): every column of the tables, its type and meaning.
data-dictionary = ƙamus na bayanai
feed-link = Ciyarwar sabbin bayanai (Atom)
feed-locality-link = Ciyarwar sabbin bayanan wannan yanki (Atom)
made-with = An yi shi da pledgeboard.
list-separator = {", "}

## Alamomin amana (ƙasan shafi, shafin "game da mu") da sanarwar samun dama (batu na 18)

footer-publisher = Mai wallafa:
footer-contact = Tuntuɓe mu
contact-email = Imel:
contact-phone = Waya:
contact-messaging = Saƙonni (WhatsApp, Signal ko Telegram):
footer-corrections = Ba da rahoton kuskure ko aika shaida
corrections-default = Ka ga kuskure a cikin waɗannan bayanai, ko kana da shaidar ci gaba? Ka sanar da mu ta hanyar tuntuɓar da ke sama.
footer-license = Bayanai da rubutu:
accessibility-link = Samun dama
about-reuse = Sake amfani da bayanan
about-license = An wallafa bayanai da rubutun wannan shafin yanar gizo ƙarƙashin wannan lasisi:
about-license-terms = Za ka iya sake amfani da su bisa sharuɗɗansa.
about-no-license = Ba a ba da lasisi ga waɗannan bayanai da rubutu ba: ka tambayi mai wallafa kafin ka sake amfani da su.
about-files = Sauke bayanan:
accessibility-title = Sanarwar samun dama
accessibility-intro = An yi wannan shafin yanar gizo ne domin kowa ya iya karanta shi: a kan waya mai araha ko kwamfuta, da intanet mai jinkiri, da mai karanta allo ko da madannai kaɗai.
accessibility-does = Abin da shafin yanar gizon yake yi
accessibility-no-script = Kowane shafi yana aiki ba tare da JavaScript ba. Nema kaɗai ke buƙatarsa, kuma jerin sunayen suna kai wa ga kowane alkawari ba tare da shi ba.
accessibility-small-screens = Shafukan sun dace da ƙananan allo, kuma suna da sauƙi a intanet mai jinkiri.
accessibility-rtl = Harsunan da ake rubutawa daga dama zuwa hagu, kamar Larabci, ana tsara shafukansu daga dama zuwa hagu.
accessibility-contrast = Rubutu da launuka suna da isasshen bambanci, a yanayin haske da na duhu. Ana rubuta matsayi da kalmomi koyaushe, ba da launi kaɗai ba.
accessibility-structure = Shafuka suna da kanun labarai, yankuna da mahaɗin da ke tsallakawa zuwa abin da ke ciki, domin masu karanta allo da masu amfani da madannai.
accessibility-checked = Ana duba shafukan jigon shafin yanar gizon kai tsaye da axe-core da Nu Html Checker.
accessibility-limits = Iyakokin da aka sani
accessibility-maps = Taswirori zane ne: kowace tana da jerin wuraren da take nunawa a gefenta, tare da mahaɗi.
accessibility-charts = Jadawalai ma zane ne: kowanne yana da tebur na lambobinsa.
accessibility-documents = Takardun da aka haɗa a matsayin shaida (rahotanni, bayanan taro, hotuna) daga wasu suke zuwa, kuma ƙila ba su da sauƙin amfani ga kowa.
accessibility-translations = Wasu rubutu ba a fassara su zuwa kowane harshe ba tukuna: shafin yana faɗin haka kuma yana nuna su a wani harshe.
accessibility-report = Ba da rahoton matsala
accessibility-report-contact = Idan wani abu a wannan shafin yanar gizo yana da wuyar karantawa ko amfani, ka sanar da mu:
accessibility-report-publisher = Idan wani abu a wannan shafin yanar gizo yana da wuyar karantawa ko amfani, ka sanar da ƙungiyar da ke wallafa shi.

## Page titles (also used by the renderer)

page-localities = Yankuna
page-all-commitments = Duk alƙawura
page-overdue = Alƙawuran da suka wuce wa'adi
page-updates = Sabbin bayanai
page-status-index = Bisa matsayi
page-party-index = Bisa ɓangare
page-topic-index = Bisa batu
page-country-index = Bisa ƙasa
page-not-found = Ba a sami shafin ba
not-found-message = Wannan shafin babu shi. Zaɓi harshe domin zuwa shafin farko.

## Feed titles and list headings (used by the renderer)

feed-site-title = { $site } — sabbin bayanai
feed-locality-title = { $locality } — sabbin bayanai — { $site }
list-status-heading = Matsayi: { $label }
list-party-heading = Wanda ya ɗauki alƙawari: { $label }
list-topic-heading = Batu: { $label }
list-country-heading = Ƙasa: { $label }

## Home

as-of = Ci gaba zuwa { $date }.
overdue-explained = Alƙawari ya wuce wa'adi idan ranar da aka ƙayyade ta wuce kuma ba a rufe shi ba.
by-party = Alƙawura bisa ɓangare
status = Matsayi
party = Ɓangare
count = Alƙawura
latest-updates = Sabbin bayanai
all-updates = Duk sabbin bayanai
all-localities = Duk yankuna

## Commitments

commitments = Alƙawura
locality = Yanki
pledged-by = Waɗanda suka ɗauki alƙawari
agreed = Ranar yarjejeniya
due = Wa'adi
no-due-date = Babu wa'adi
overdue = Ya wuce wa'adi
responsible = Mai alhaki
topics = Batutuwa
last-update = Bayani na ƙarshe
progress = Ci gaba
percent = { $value }%
card-pledged-by = Waɗanda suka ɗauka:
card-due = Wa'adi:
card-updated = Bayani na ƙarshe:
history = Tarihin sabbin bayanai
evidence = Shaida:

## Localities

country = Ƙasa
region = Jiha
dialogue-since = Tattaunawa tun
partners = Abokan hulɗa
next-review = Bita ta gaba

## Lists

no-commitments = Babu alƙawari a nan tukuna.
no-localities = Ba a ƙara wani yanki ba tukuna.
none-overdue = Babu alƙawarin da ya wuce wa'adi.
no-updates = Ba a wallafa wani sabon bayani ba tukuna.
no-updates-yet = Ba a rubuta wani bayani game da wannan alƙawari ba tukuna.
pagination-label = Shafuka
page-of = Shafi na { $current } cikin { $total }
page-n = Shafi na { $n }
previous-page = Shafin baya
next-page = Shafi na gaba

## Counts

commitments-count = { $count ->
    [one] alƙawari { $count }
   *[other] alƙawura { $count }
}
overdue-count = { $count ->
    [one] alƙawari { $count } ya wuce wa'adi
   *[other] alƙawura { $count } sun wuce wa'adi
}
done-count = { $count ->
    [one] { $count } an kammala
   *[other] { $count } an kammala
}
updates-count = { $count ->
    [one] bayani { $count }, sabo a gaba.
   *[other] bayanai { $count }, sabbi a gaba.
}
showing-latest = { $count ->
    [one] Wannan shafin yana nuna na ƙarshe.
   *[other] Wannan shafin yana nuna { $count } na ƙarshe.
}

## Statuses, parties and assessors (used by the renderer)

status-not-started = Ba a fara ba
status-in-progress = Ana kan aiki
status-stalled = Ya tsaya cak
status-suspended = An dakatar
status-completed = An kammala
status-not-completed = Ba a kammala ba
status-withdrawn = An janye
party-police = 'Yan sanda
party-community = Al'umma
party-local-government = Ƙaramar hukuma
party-justice = Kotuna da masu gabatar da ƙara
assessed-police = 'Yan sanda ne suka tantance
assessed-community = Al'umma ce ta tantance
assessed-joint = An tantance tare
assessed-independent = Wani mai sa ido mai zaman kansa ne ya tantance

## Countries (used by the renderer; a site may name them in site.yaml instead)

country-AF = Afghanistan
country-BF = Burkina Faso
country-BJ = Benin
country-CD = Jamhuriyar Dimokuraɗiyyar Kongo
country-CF = Jamhuriyar Afirka ta Tsakiya
country-CI = Kwaddebuwa
country-CM = Kamaru
country-DZ = Aljeriya
country-EG = Masar
country-GH = Gana
country-GM = Gambiya
country-GN = Gini
country-IQ = Iraƙi
country-JO = Jordan
country-KE = Kenya
country-LB = Lebanon
country-LR = Laberiya
country-LY = Libiya
country-MA = Moroko
country-ML = Mali
country-MM = Myanmar
country-MR = Moritaniya
country-NE = Nijar
country-NG = Najeriya
country-NP = Nepal
country-PK = Pakistan
country-SD = Sudan
country-SL = Saliyo
country-SN = Senegal
country-SO = Somaliya
country-SS = Sudan ta Kudu
country-SY = Siriya
country-TD = Cadi
country-TG = Togo
country-TN = Tunisiya
country-TZ = Tanzaniya
country-YE = Yemen

## Time and evidence (issue 16): how long overdue, the latest update, the date of the data

# Under a month in days, under two years in months, then in years.
overdue-by-days = { $count ->
    [one] Ya wuce wa'adi da kwana { $count }
   *[other] Ya wuce wa'adi da kwanaki { $count }
}
overdue-by-months = { $count ->
    [one] Ya wuce wa'adi da wata { $count }
   *[other] Ya wuce wa'adi da watanni { $count }
}
overdue-by-years = { $count ->
    [one] Ya wuce wa'adi da shekara { $count }
   *[other] Ya wuce wa'adi da shekaru { $count }
}
latest-update = Bayani na baya-bayan nan
earlier-updates = Bayanan da suka gabata
data-as-of = Bayanai zuwa { $date }

# ---- first screen ----
home-heading = Ina alƙawuran suka kai?
done-of-total = { $total ->
    [one] An kammala { $done } daga cikin alƙawari { $total }
   *[other] An kammala { $done } daga cikin alƙawura { $total }
}
overdue-short = { $count } sun wuce wa'adi
menu = Menu

# ---- sides ----
views-differ = Ra'ayoyi sun bambanta
views-differ-note = { $points ->
    [0] Tantancewar ɓangarorin ta bambanta kan matsayi.
   *[other] Tantancewar ɓangarorin ta bambanta da maki { $points } na ci gaba.
}
fallback-notice = Wani ɓangare na wannan shafi yana cikin { $shown }: ba a fassara shi zuwa { $language } ba tukuna.
fallback-notice-link = Sauran harsuna
language-en = Turanci
language-fr = Faransanci
language-ar = Larabci
language-ne = Nepali
language-ha = Hausa
# ---- charts ----
chart-data = Bayanan jadawalin
chart-month = Wata
chart-completed-title = Alƙawuran da aka cika a tsawon lokaci
chart-completed-column = An cika
chart-completed-desc = { $count ->
    [one] An cika alƙawari { $count } zuwa { $date }, ana ƙirgawa wata-wata tun { $start }.
   *[other] An cika alƙawura { $count } zuwa { $date }, ana ƙirgawa wata-wata tun { $start }.
}
chart-multiples-title = Matsayin alƙawura bisa yanki
chart-multiples-desc = Ga kowane yanki, kason alƙawuransa a kowane matsayi, a ma'auni ɗaya, tare da adadinsu.
chart-timeline-title = Jerin lokaci
chart-timeline-desc = { $count ->
    [one] Bayani { $count } bisa kwanan wata da ci gaba
   *[other] Bayanai { $count } bisa kwanan wata da ci gaba
}
# ---- map ----
map-locality-title = { $locality } a taswirar { $country }
map-country-title = Yankuna a taswirar { $country }
map-overview-title = Yankuna a taswira
map-dots = { $count ->
    [one] An nuna yanki ɗaya da ɗigo.
   *[other] An nuna yankuna { $count } da ɗigo.
}
map-dots-link = Kowane ɗigo yana kai wa shafin yankinsa.
map-missing = { $count ->
    [one] Yanki ɗaya ba shi da lambobin wuri, don haka ba a nuna shi ba.
   *[other] Yankuna { $count } ba su da lambobin wuri, don haka ba a nuna su ba.
}
map-places = Wurare a taswira
map-coordinates = (latitud { $lat }, longitud { $lon })
# ---- scale ----
localities-count = { $count ->
    [one] yanki { $count }
   *[other] yankuna { $count }
}
group-continued = ci gaba daga shafin da ya gabata
# ---- print ----
print-link = Takardar bugawa don zaman tattaunawa
print-title = Takardar bugawa: { $locality }
print-online = A intanet:
print-keys = Don yin tambaya game da wani alkawari, faɗi lambar tunaninsa.
short-key = Lambar tunani
print-progress = Ci gaba: { $value }%
print-latest = Bayani na baya-bayan nan, { $date }:
print-next-review = Bita ta gaba: { $date }

# ---- bundle ----
bundle-readme = Don karanta shafin, buɗe fayil ɗin index.html na wannan babban fayil da burauzar yanar gizo (Firefox, Chrome, Edge, Safari…). Ba ya buƙatar intanet, kuma ba sai an saka wani abu ba.
offline-bundle = Sauke dukan shafin don karanta shi ba tare da intanet ba (ZIP, { $size } { $unit ->
    [kb] KB
    [gb] GB
   *[mb] MB
})

# ---- calendar ----
calendar-site-name = { $site } — wa'adodi da zaman bita
calendar-locality-name = { $locality } — wa'adodi da zaman bita — { $site }
calendar-due = Wa'adi: { $title }
calendar-due-where = Alkawarin da aka yi a { $locality }
calendar-review = Zaman bita: { $locality }
calendar-review-description = Zama na gaba na tattaunawa a { $locality }, inda ɓangarorin ke duba yadda alkawuransu suka ci gaba.
calendar-link = Saka wa'adodi da zaman bita a kalandarka
calendar-locality-link = Saka wa'adodi da zaman bita na wannan yanki a kalandarka

# ---- share ----
# The share image (link previews), described for readers who cannot see it.
share-image-alt = Ci gaban alƙawura: { $place }

# ---- search ----
search-link = Nema
search-title = Nemo cikin alkawura
search-label = Kalmomin da za a nema (take, wuri, batu…)
search-any = Duka
search-found = Alkawuran da aka samu: { $count }
search-none = Babu alkawarin da ke da waɗannan kalmomi.
search-short = Ƙara rubuta wasu haruffa na kalmar.
search-more = Ƙarin sakamako
search-no-script = Nema yana buƙatar JavaScript, wanda wannan burauza ba ta gudanar da shi. Za ka iya samun kowane alkawari daga shafukan da ke ƙasa.
