# Chaînes d’interface du thème par défaut : français.

## Mise en page

skip-link = Aller au contenu
nav-label = Menu principal
languages-label = Langue
browse-label = Parcourir
breadcrumb-label = Vous êtes ici
open-data = Données ouvertes :
data-json = JSON
data-csv = CSV
data-csv-tables = Tableaux CSV :
data-table-commitments = engagements
data-table-updates = mises à jour
data-table-localities = localités
# The data package (data/datapackage.json): every column of the tables, its type and meaning.
data-dictionary = dictionnaire des données
feed-link = Fil des mises à jour (Atom)
feed-locality-link = Fil des mises à jour de cette localité (Atom)
made-with = Réalisé avec pledgeboard.
list-separator = {", "}

## Signes de confiance (pied de page, page « à propos ») et déclaration d’accessibilité (ticket 18)

footer-publisher = Publié par
footer-contact = Contact
contact-email = Courriel :
contact-phone = Téléphone :
contact-messaging = Messages (WhatsApp, Signal ou Telegram) :
footer-corrections = Signaler une erreur ou envoyer une preuve
corrections-default = Vous avez vu une erreur dans ces données, ou vous avez la preuve d’un progrès ? Dites-le-nous par le contact ci-dessus.
footer-license = Données et textes :
accessibility-link = Accessibilité
about-reuse = Réutiliser les données
about-license = Les données et les textes de ce portail sont publiés sous cette licence :
about-license-terms = Vous pouvez les réutiliser selon ses conditions.
about-no-license = Aucune licence n’a été donnée pour ces données et ces textes : demandez à l’éditeur avant de les réutiliser.
about-files = Télécharger les données :
accessibility-title = Déclaration d’accessibilité
accessibility-intro = Ce portail est fait pour être lu par tous : sur un téléphone bon marché ou un ordinateur, avec une connexion lente, avec un lecteur d’écran ou au clavier seul.
accessibility-does = Ce que fait le portail
accessibility-no-script = Chaque page fonctionne sans JavaScript. Seule la recherche en a besoin, et les listes mènent sans elle à chaque engagement.
accessibility-small-screens = Les pages s’adaptent aux petits écrans et restent légères sur une connexion lente.
accessibility-rtl = Les langues écrites de droite à gauche, comme l’arabe, sont mises en page de droite à gauche.
accessibility-contrast = Le texte et les couleurs gardent un contraste suffisant, en mode clair comme en mode sombre. Un statut est toujours écrit en toutes lettres, jamais indiqué par la seule couleur.
accessibility-structure = Les pages ont des titres, des régions et un lien qui mène directement au contenu, pour les lecteurs d’écran et la navigation au clavier.
accessibility-checked = Les pages du thème du portail sont vérifiées automatiquement avec axe-core et le Nu Html Checker.
accessibility-limits = Limites connues
accessibility-maps = Les cartes sont des dessins : chacune a à côté d’elle la liste des lieux qu’elle montre, avec des liens.
accessibility-charts = Les graphiques sont aussi des dessins : chacun a un tableau de ses chiffres.
accessibility-documents = Les documents donnés comme preuves (rapports, comptes rendus, photos) viennent d’autres sources et peuvent ne pas être accessibles.
accessibility-translations = Certains textes ne sont pas encore traduits dans toutes les langues : la page le dit alors et les montre dans une autre langue.
accessibility-report = Signaler un problème
accessibility-report-contact = Si quelque chose sur ce portail est difficile à lire ou à utiliser, dites-le-nous :
accessibility-report-publisher = Si quelque chose sur ce portail est difficile à lire ou à utiliser, dites-le à l’organisation qui le publie.

## Titres des pages (aussi utilisés par le moteur)

page-localities = Localités
page-all-commitments = Tous les engagements
page-overdue = Engagements en retard
page-updates = Dernières mises à jour
page-status-index = Par statut
page-party-index = Par partie
page-topic-index = Par thème
page-country-index = Par pays
page-not-found = Page introuvable
not-found-message = Cette page n’existe pas. Choisissez une langue pour revenir à l’accueil.

## Titres des fils et des listes (utilisés par le moteur)

feed-site-title = { $site } — dernières mises à jour
feed-locality-title = { $locality } — dernières mises à jour — { $site }
list-status-heading = Statut : { $label }
list-party-heading = Engagés par : { $label }
list-topic-heading = Thème : { $label }
list-country-heading = Pays : { $label }

## Accueil

as-of = Avancement au { $date }.
overdue-explained = Un engagement est en retard lorsque son échéance est passée et qu'il reste ouvert.
by-party = Engagements par partie
status = Statut
party = Partie
count = Engagements
latest-updates = Dernières mises à jour
all-updates = Toutes les dernières mises à jour
all-localities = Toutes les localités

## Engagements

commitments = Engagements
locality = Localité
pledged-by = Engagés par
agreed = Convenu le
due = Échéance
no-due-date = Pas d’échéance
overdue = En retard
responsible = Responsable
topics = Thèmes
last-update = Dernière mise à jour
progress = Avancement
percent = { $value } %
card-pledged-by = Engagés par :
card-due = Échéance :
card-updated = Dernière mise à jour :
history = Historique des mises à jour
evidence = Sources :

## Localités

country = Pays
region = Région
dialogue-since = Dialogue depuis
partners = Partenaires
next-review = Prochain examen

## Listes

no-commitments = Il n’y a encore aucun engagement ici.
no-localities = Aucune localité n’a encore été ajoutée.
none-overdue = Aucun engagement n’est en retard.
no-updates = Aucune mise à jour n’a encore été publiée.
no-updates-yet = Aucune mise à jour n’a encore été enregistrée pour cet engagement.
pagination-label = Pages
page-of = Page { $current } sur { $total }
page-n = Page { $n }
previous-page = Page précédente
next-page = Page suivante

## Nombres (en français, « one » couvre 0 et 1)

commitments-count = { $count ->
    [one] { $count } engagement
   *[other] { $count } engagements
}
overdue-count = { $count ->
    [one] { $count } engagement en retard
   *[other] { $count } engagements en retard
}
done-count = { $count ->
    [one] { $count } réalisé
   *[other] { $count } réalisés
}
updates-count = { $count ->
    [one] { $count } mise à jour, de la plus récente à la plus ancienne.
   *[other] { $count } mises à jour, de la plus récente à la plus ancienne.
}
showing-latest = { $count ->
    [one] Cette page montre la dernière.
   *[other] Cette page montre les { $count } dernières.
}

## Statuts, parties et évaluateurs (utilisés par le moteur)

status-not-started = Pas commencé
status-in-progress = En cours
status-stalled = Au point mort
status-suspended = Suspendu
status-completed = Réalisé
status-not-completed = Non réalisé
status-withdrawn = Retiré
party-police = Police
party-community = Communauté
party-local-government = Autorités locales
party-justice = Tribunaux et parquet
assessed-police = Évalué par la police
assessed-community = Évalué par la communauté
assessed-joint = Évalué conjointement
assessed-independent = Évalué par un observateur indépendant

## Pays (utilisés par le moteur ; un site peut les nommer dans site.yaml)

country-AF = Afghanistan
country-BF = Burkina Faso
country-BJ = Bénin
country-CD = République démocratique du Congo
country-CF = République centrafricaine
country-CI = Côte d’Ivoire
country-CM = Cameroun
country-DZ = Algérie
country-EG = Égypte
country-GH = Ghana
country-GM = Gambie
country-GN = Guinée
country-IQ = Irak
country-JO = Jordanie
country-KE = Kenya
country-LB = Liban
country-LR = Liberia
country-LY = Libye
country-MA = Maroc
country-ML = Mali
country-MM = Myanmar
country-MR = Mauritanie
country-NE = Niger
country-NG = Nigeria
country-NP = Népal
country-PK = Pakistan
country-SD = Soudan
country-SL = Sierra Leone
country-SN = Sénégal
country-SO = Somalie
country-SS = Soudan du Sud
country-SY = Syrie
country-TD = Tchad
country-TG = Togo
country-TN = Tunisie
country-TZ = Tanzanie
country-YE = Yémen

## Time and evidence (issue 16): how long overdue, the latest update, the date of the data

# Under a month in days, under two years in months, then in years.
overdue-by-days = { $count ->
    [one] En retard de { $count } jour
   *[other] En retard de { $count } jours
}
overdue-by-months = En retard de { $count } mois
overdue-by-years = { $count ->
    [one] En retard de { $count } an
   *[other] En retard de { $count } ans
}
latest-update = Dernière mise à jour
earlier-updates = Mises à jour précédentes
data-as-of = Données au { $date }

# ---- first screen ----
home-heading = Où en sont les engagements ?
done-of-total = { $done ->
    [one] { $done } engagement réalisé sur { $total }
   *[other] { $done } engagements réalisés sur { $total }
}
overdue-short = { $count } en retard
menu = Menu

# ---- sides ----
views-differ = Avis divergents
views-differ-note = { $points ->
    [0] Les évaluations des parties divergent sur le statut.
    [one] Les évaluations des parties divergent de { $points } point d'avancement.
   *[other] Les évaluations des parties divergent de { $points } points d'avancement.
}
fallback-notice = Cette page est en partie en { $shown } : elle n'a pas encore été traduite en { $language }.
fallback-notice-link = Autres langues
language-en = anglais
language-fr = français
language-ar = arabe
language-ne = népalais
language-ha = haoussa
# ---- charts ----
chart-data = Les données du graphique
chart-month = Mois
chart-completed-title = Engagements réalisés au fil du temps
chart-completed-column = Réalisés
chart-completed-desc = { $count ->
    [one] { $count } engagement réalisé au { $date }, compté mois par mois depuis { $start }.
   *[other] { $count } engagements réalisés au { $date }, comptés mois par mois depuis { $start }.
}
chart-multiples-title = État des engagements par localité
chart-multiples-desc = Pour chaque localité, la part de ses engagements dans chaque état, à la même échelle, avec leur nombre.
chart-timeline-title = Chronologie
chart-timeline-desc = { $count ->
    [one] { $count } mise à jour par date et avancement
   *[other] { $count } mises à jour par date et avancement
}
# ---- map ----
map-locality-title = Carte : { $locality } ({ $country })
map-country-title = Carte des localités : { $country }
map-overview-title = Carte des localités
map-dots = { $count ->
    [one] Une localité est marquée d’un point.
   *[other] { $count } localités sont marquées d’un point.
}
map-dots-link = Chaque point mène à la page de sa localité.
map-missing = { $count ->
    [one] Une localité n’a pas de coordonnées et n’est pas représentée.
   *[other] { $count } localités n’ont pas de coordonnées et ne sont pas représentées.
}
map-places = Lieux de la carte
map-coordinates = (latitude { $lat }, longitude { $lon })
# ---- scale ----
localities-count = { $count ->
    [one] { $count } localité
   *[other] { $count } localités
}
group-continued = suite de la page précédente
# ---- print ----
print-link = Fiche à imprimer pour une séance de dialogue
print-title = Fiche à imprimer : { $locality }
print-online = En ligne :
print-keys = Pour poser une question sur un engagement, citez sa référence.
short-key = Référence
print-progress = Avancement : { $value } %
print-latest = Dernière mise à jour, { $date } :
print-next-review = Prochain examen : { $date }

# ---- bundle ----
bundle-readme = Pour lire le portail, ouvrez le fichier index.html de ce dossier avec un navigateur web (Firefox, Chrome, Edge, Safari…). Il ne demande ni connexion à internet ni installation.
offline-bundle = Télécharger tout le portail pour le lire hors ligne (ZIP, { $size } { $unit ->
    [kb] Ko
    [gb] Go
   *[mb] Mo
})

# ---- calendar ----
calendar-site-name = { $site } — échéances et séances d'examen
calendar-locality-name = { $locality } — échéances et séances d'examen — { $site }
calendar-due = Échéance : { $title }
calendar-due-where = Engagement pris à { $locality }
calendar-review = Séance d'examen : { $locality }
calendar-review-description = La prochaine séance du dialogue à { $locality }, où les parties font le point sur leurs engagements.
calendar-link = Ajouter les échéances et les séances d'examen à votre agenda
calendar-locality-link = Ajouter les échéances et les séances d'examen de cette localité à votre agenda

# ---- share ----
# The share image (link previews), described for readers who cannot see it.
share-image-alt = Avancement des engagements : { $place }

# ---- search ----
search-link = Rechercher
search-title = Rechercher dans les engagements
search-label = Mots à trouver (titre, localité, thème…)
search-any = Tous
search-found = Engagements trouvés : { $count }
search-none = Aucun engagement ne contient ces mots.
search-short = Tapez encore quelques lettres du mot.
search-more = Plus de résultats
search-no-script = La recherche a besoin de JavaScript, que ce navigateur n’exécute pas. Vous trouverez chaque engagement à partir des pages ci-dessous.
