# Chaînes d'interface du thème par défaut : français.
skip-link = Aller au contenu
nav-label = Principal
browse-label = Parcourir
languages-label = Langue
page-localities = Localités
nav-commitments = Tous les engagements
page-all-commitments = Tous les engagements
page-overdue = En retard
page-updates = Dernières nouvelles
page-status-index = Par statut
page-party-index = Par partie
page-topic-index = Par thème
page-country-index = Par pays
page-not-found = Page introuvable
not-found-message = Cette page n'existe pas. Choisissez une langue pour aller à l'accueil.
open-data = Données ouvertes :
feed-link = Fil des nouvelles (Atom)
made-with = Réalisé avec pledgeboard.
feed-site-title = { $site } : dernières nouvelles
feed-locality-title = { $locality } : dernières nouvelles ({ $site })
list-status-heading = Statut : { $label }
list-party-heading = Engagés par : { $label }
list-topic-heading = Thème : { $label }
list-country-heading = Pays : { $label }
at-a-glance = En bref
by-status = Engagements par statut
by-party = Engagements par partie
status = Statut
party = Partie
count = Nombre
share = Part
percent = { $value } %
progress = Avancement
progress-value = { $value } %
pledged-by = Engagés par
agreed = Convenu le
due = Échéance
overdue = En retard
responsible = Responsable
topics = Thèmes
country = Pays
region = Région
dialogue-since = Dialogue depuis
partners = Partenaires
next-review = Prochain examen
history = Historique des nouvelles
latest-updates = Dernières nouvelles
no-updates = Aucune nouvelle n'a encore été publiée.
none-overdue = Aucun engagement n'est en retard.
evidence = Preuves
source-n = source { $n }
showing-updates = Les { $shown } dernières nouvelles sur { $total }.
commitments-count = { $count ->
    [one] { $count } engagement
   *[other] { $count } engagements
}
done-count = { $count ->
    [one] { $count } réalisé
   *[other] { $count } réalisés
}
overdue-count = { $count ->
    [one] { $count } engagement en retard
   *[other] { $count } engagements en retard
}
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
assessed-joint = Évalué conjointement par la police et la communauté
assessed-independent = Évalué par un observateur indépendant
country-BF = Burkina Faso
country-CM = Cameroun
country-IQ = Irak
country-LY = Libye
country-ML = Mali
country-MM = Myanmar
country-NE = Niger
country-NG = Nigeria
country-NP = Népal
country-SN = Sénégal
country-TD = Tchad
country-TN = Tunisie
country-TZ = Tanzanie
country-YE = Yémen
list-separator = {", "}
pagination-label = Pages
page-of = Page { $current } sur { $total }
previous-page = Page précédente
next-page = Page suivante
