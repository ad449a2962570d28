//! The theme's API: every value a template sees, in one place.
//!
//! Each struct here is serialised into the template context under the field
//! names it has here; `docs/THEME.md` documents the same names for theme
//! authors, and the two change together. A field added here is something a
//! theme can print: it must be covered by the page's fingerprint
//! (`Renderer::fingerprint`).
//!
//! Two values are built as maps of values made elsewhere, so that the cards
//! they hold are shared rather than copied: the localities page's
//! `countries` items (`{ country: CountryView, localities: [LocalityCard] }`)
//! and the locality page's `groups` items (`{ status: StatusView,
//! commitments: [Card] }`). Plain values (`lang`, `dir`, `root`, `title`,
//! `page_kind`, `css`, `canonical`, `home_path`, `links`, and each page's
//! counts and headings) are inserted where the page is made. Charts
//! (`chart_completed`, `chart_multiples`, `chart_timeline`) are
//! `charts::Chart`s, made in `charts/`.

use serde::Serialize;

/// Localised text (THEME.md, "LT").
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Lt {
    /// Plain text, for attributes and `<title>`.
    pub text: String,
    /// Safe HTML: the escaped text, wrapped in `<span lang dir>` when it fell back.
    pub html: String,
    /// Whether the text is the default language's, the page's language lacking it.
    pub fallback: bool,
    /// The language the text is written in.
    pub lang: String,
    /// That language's direction (`ltr`, `rtl`).
    pub dir: &'static str,
}

/// A rendered Markdown body (THEME.md, "Body").
#[derive(Clone, Debug, Serialize)]
pub(super) struct Body {
    /// Safe HTML, from the sanitiser (or trusted, with `unsafe_trusted_raw_html`).
    pub(super) html: String,
    /// Whether the body is the default language's, the page's language lacking it.
    pub(super) fallback: bool,
    /// The language the body is written in.
    pub(super) lang: String,
    /// That language's direction.
    pub(super) dir: &'static str,
    /// Whether the Markdown is only white space.
    pub(super) empty: bool,
}

/// A status, labelled in the page's language (THEME.md, "Status").
#[derive(Clone, Debug, Serialize)]
pub(super) struct StatusView {
    pub(super) id: String,
    pub(super) label: String,
    /// Whether the status counts as done (site.yaml).
    pub(super) done: bool,
    /// Whether the status closes a commitment (site.yaml).
    pub(super) closed: bool,
    /// The path of its browse page.
    pub(super) path: String,
}

/// A party or a topic (THEME.md, "Party", "Topic"); also an update's
/// `assessed_by`, whose `path` is empty.
#[derive(Clone, Debug, Serialize)]
pub(super) struct Labelled {
    pub(super) id: String,
    pub(super) label: String,
    /// The path of its browse page.
    pub(super) path: String,
}

/// A country (THEME.md, "Country").
#[derive(Clone, Debug, Serialize)]
pub(super) struct CountryView {
    /// ISO 3166 code.
    pub(super) code: String,
    pub(super) name: String,
    /// The path of its browse page.
    pub(super) path: String,
}

/// A card's locality.
#[derive(Clone, Debug, Serialize)]
pub(super) struct LocalityRef {
    pub(super) id: String,
    pub(super) name: Lt,
    pub(super) path: String,
}

/// A commitment in lists (THEME.md, "Card"); the commitment page's `c`
/// has these fields and [`CommitmentPage`]'s.
#[derive(Clone, Debug, Serialize)]
pub(super) struct Card {
    /// `locality/id`, unique in the site.
    pub(super) key: String,
    /// What a reader quotes to name it in its locality (`JNP`), the same
    /// in every language.
    pub(super) short_key: String,
    pub(super) id: String,
    pub(super) path: String,
    pub(super) title: Lt,
    pub(super) summary: Option<Lt>,
    pub(super) status: StatusView,
    /// 0 to 100, when the last update gave one.
    pub(super) progress: Option<u8>,
    pub(super) overdue: bool,
    /// How long it is overdue (`{ unit, count }`, unit `days`, `months` or
    /// `years`), when it is.
    pub(super) overdue_by: Option<crate::derive::OverdueSpan>,
    /// ISO dates: agreed, due, and of the last update.
    pub(super) agreed: String,
    pub(super) due: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) locality: LocalityRef,
    pub(super) parties: Vec<Labelled>,
    /// The police's and the community's progress in the latest review both
    /// assessed (`{ police, community, points }`), when they are 20 points
    /// apart or more.
    pub(super) views_differ: Option<crate::reviews::Gap>,
}

/// How many commitments of a locality, a country or the site are in a
/// status (THEME.md, "StatusCount"): an item of `by_status`, and of the
/// status bar's `bar`.
#[derive(Clone, Debug, Serialize)]
pub(super) struct StatusCount {
    pub(super) status: StatusView,
    pub(super) count: usize,
    /// Of all the commitments counted, rounded to the nearest whole number.
    pub(super) percent: usize,
}

/// An item of the home page's `countries`, on a site of more than
/// [`AT_SCALE`](super::AT_SCALE) localities: a country and how far its
/// commitments have come (THEME.md, "CountryRow").
#[derive(Clone, Debug, Serialize)]
pub(super) struct CountryRow {
    pub(super) country: CountryView,
    /// How many localities it has.
    pub(super) localities: usize,
    /// Its commitments: all, overdue, in a status that counts as done.
    pub(super) count: usize,
    pub(super) overdue: usize,
    pub(super) done: usize,
    /// Non-zero counts only, in status order, with their share of `count`.
    pub(super) bar: Vec<StatusCount>,
}

/// A locality in lists (THEME.md, "LocalityCard").
#[derive(Clone, Debug, Serialize)]
pub(super) struct LocalityCard {
    pub(super) id: String,
    pub(super) path: String,
    pub(super) name: Lt,
    pub(super) region: Option<Lt>,
    pub(super) country: CountryView,
    /// Its commitments: all, overdue, in a status that counts as done.
    pub(super) count: usize,
    pub(super) overdue: usize,
    pub(super) done: usize,
    /// Non-zero counts only, in status order.
    pub(super) by_status: Vec<StatusCount>,
}

/// An update of a commitment (THEME.md, "UpdateItem").
#[derive(Clone, Debug, Serialize)]
pub(super) struct UpdateView {
    /// ISO date.
    pub(super) date: String,
    pub(super) status: StatusView,
    pub(super) progress: Option<u8>,
    pub(super) note: Option<Lt>,
    pub(super) assessed_by: Option<Labelled>,
    /// The evidence, in the order the content gives it.
    pub(super) sources: Vec<SourceView>,
    /// Set in lists of latest updates; `none` on the commitment's own page.
    pub(super) commitment: Option<Card>,
}

/// A piece of evidence of an update (THEME.md, "Source").
#[derive(Clone, Debug, Serialize)]
pub(super) struct SourceView {
    /// Its web address.
    pub(super) url: String,
    /// The title the content gives it, else its file name and host
    /// (`rapport-2024.pdf · example.tn`) or its host and the start of its path.
    pub(super) label: String,
    /// Whether `label` is a title given in the content.
    pub(super) titled: bool,
}

// -- values every page receives (common.rs, lang.rs) ------------------------

/// `site`: the portal's own settings, in the page's language.
#[derive(Serialize)]
pub(super) struct SiteView {
    pub(super) title: Lt,
    pub(super) description: Option<Lt>,
    /// `{ code, name, dir, locale }` each, in switcher order.
    pub(super) languages: Vec<crate::model::Language>,
    pub(super) default_language: String,
    /// The date progress and overdue are judged on (ISO).
    pub(super) as_of: String,
    /// The zip of the portal the partner publishes (site.yaml `offline_bundle`), or none.
    pub(super) offline_bundle: Option<BundleLink>,
}

/// `trust`: site.yaml's trust signals in the page's language (THEME.md).
#[derive(Serialize)]
pub(super) struct TrustView {
    pub(super) publisher: Option<PublisherView>,
    pub(super) contact: Option<ContactView>,
    /// How to report an error or send evidence (site.yaml's `corrections`).
    pub(super) corrections: Option<Lt>,
    pub(super) license: Option<LicenseView>,
}

/// `trust.publisher`: who publishes the portal.
#[derive(Serialize)]
pub(super) struct PublisherView {
    pub(super) name: Lt,
    /// Its website.
    pub(super) url: Option<String>,
    /// Its logo, a path relative to the output root (a file of `static/`).
    pub(super) logo: Option<String>,
}

/// `trust.contact`: how to reach the publisher (at least one is set).
#[derive(Serialize)]
pub(super) struct ContactView {
    pub(super) email: Option<String>,
    pub(super) phone: Option<Phone>,
    /// A number reached on WhatsApp, Signal or Telegram, as written.
    pub(super) messaging: Option<String>,
}

/// A phone number as written, and its `tel:` link.
#[derive(Serialize)]
pub(super) struct Phone {
    pub(super) text: String,
    pub(super) href: String,
}

/// `trust.license`: the licence of the data and texts.
#[derive(Serialize)]
pub(super) struct LicenseView {
    pub(super) name: String,
    pub(super) url: String,
}

/// `site.offline_bundle`: the partner's zip of the portal.
#[derive(Serialize)]
pub(super) struct BundleLink {
    /// Its web address.
    pub(super) url: String,
    /// The `offline-bundle` string: what the link says, with the size in
    /// the page's language and digits ("… (ZIP, 4.2 MB)").
    pub(super) text: String,
}

/// `feed`: the Atom feed of a page (the site's, or on a locality's page
/// the locality's).
#[derive(Serialize)]
pub(super) struct Feed {
    pub(super) path: String,
    pub(super) title: String,
}

/// `fallback_notice`: the languages a page's content shows besides its
/// own (THEME.md), made in `notice.rs`.
#[derive(Serialize)]
pub(super) struct FallbackNotice {
    /// Their codes, in code order.
    pub(super) codes: Vec<String>,
    /// Their names in the page's language, joined as a list.
    pub(super) shown: String,
    /// The page's language, named in itself.
    pub(super) language: String,
}

/// An item of `switcher`: this page in another language.
#[derive(Serialize)]
pub(super) struct Switch<'x> {
    pub(super) code: &'x str,
    /// The language's own name for itself.
    pub(super) name: &'x str,
    pub(super) dir: &'static str,
    pub(super) path: String,
    /// Whether it is the page's own language.
    pub(super) current: bool,
}

/// An item of `alternates`: the absolute URL of this page in a language
/// (or `x-default`), for `<link rel="alternate" hreflang>`.
#[derive(Serialize)]
pub(super) struct Alternate {
    pub(super) hreflang: String,
    pub(super) href: String,
}

/// An item of `nav`: a free page.
#[derive(Serialize)]
pub(super) struct Nav<'x> {
    pub(super) id: &'x str,
    pub(super) label: &'x Lt,
    pub(super) path: String,
    /// Whether it is the page being rendered.
    pub(super) current: bool,
}

// -- values of one page kind ------------------------------------------------

/// An item of `choices` (the root language picker and the 404 page): the
/// portal in one language.
#[derive(Serialize)]
pub(super) struct Choice {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) dir: &'static str,
    /// The path of the language's home page.
    pub(super) path: String,
    /// The site's title and description in that language, as plain text.
    pub(super) title: String,
    pub(super) description: Option<String>,
}

/// The home page's `overdue`: how many commitments are overdue, and the
/// path of their list.
#[derive(Serialize)]
pub(super) struct OverdueLink {
    pub(super) count: usize,
    pub(super) path: String,
}

/// An item of the home page's `by_party`.
#[derive(Serialize)]
pub(super) struct PartyRow<'x> {
    pub(super) party: &'x Labelled,
    pub(super) count: usize,
}

/// The locality page's `locality`: its card's fields and what only its
/// own page shows.
#[derive(Serialize)]
pub(super) struct LocalityPage<'x> {
    #[serde(flatten)]
    pub(super) card: &'x LocalityCard,
    /// `[latitude, longitude]`.
    pub(super) coordinates: Option<[f64; 2]>,
    /// ISO date, possibly only `YYYY-MM` or `YYYY`.
    pub(super) dialogue_since: Option<String>,
    pub(super) partners: &'x [String],
    pub(super) next_review: Option<String>,
    pub(super) body: Body,
    /// The path of the locality's Atom feed.
    pub(super) feed_path: String,
    /// The path of the locality's print sheet.
    pub(super) print_path: String,
}

/// The print sheet's `locality`: its card's fields, the absolute URL of
/// its page, and its next review.
#[derive(Serialize)]
pub(super) struct PrintLocality<'x> {
    #[serde(flatten)]
    pub(super) card: &'x LocalityCard,
    /// The locality's page online (`base_url` and its path).
    pub(super) url: String,
    pub(super) next_review: Option<String>,
}

/// What only the commitment's page shows; its `c` has these fields and
/// the [`Card`]'s.
#[derive(Serialize)]
pub(super) struct CommitmentPage {
    pub(super) responsible: Option<Lt>,
    pub(super) topics: Vec<Labelled>,
    pub(super) body: Body,
    /// Newest first (the latest update, then the earlier ones), `commitment` none.
    pub(super) updates: Vec<UpdateView>,
    /// The same updates grouped by review, newest review first.
    pub(super) reviews: Vec<ReviewView>,
}

/// A review of a commitment (THEME.md, "Review"): one update, or several
/// parties' assessments of the same review.
#[derive(Serialize)]
pub(super) struct ReviewView {
    /// ISO date: `review:`, else its updates' date.
    pub(super) date: String,
    /// In the order the content lists them.
    pub(super) assessments: Vec<UpdateView>,
    /// Whether the assessments differ in status or progress.
    pub(super) differ: bool,
    /// The points between the highest and the lowest progress given.
    pub(super) spread: u8,
}

/// An item of a browse index's `items`: a key of the dimension.
#[derive(Serialize)]
pub(super) struct IndexItem {
    pub(super) label: String,
    /// The path of the key's list.
    pub(super) path: String,
    /// Its commitments, and how many of them are overdue.
    pub(super) count: usize,
    pub(super) overdue: usize,
}

/// A list's `up`: the browse index a key's list belongs to.
#[derive(Serialize)]
pub(super) struct UpLink {
    pub(super) label: String,
    pub(super) path: String,
}

/// A list's `pagination`, when it takes more than one page.
#[derive(Serialize)]
pub(super) struct Pagination {
    /// This page's number and the number of pages, counted from 1.
    pub(super) current: usize,
    pub(super) total: usize,
    /// Paths of the pages before and after this one.
    pub(super) previous: Option<String>,
    pub(super) next: Option<String>,
    /// The pages the bar links to: the first, the last, and two on each
    /// side of the current one.
    pub(super) pages: Vec<Link>,
}

/// A page of a list in its pagination bar.
#[derive(Serialize)]
pub(super) struct Link {
    /// Counted from 1.
    pub(super) number: usize,
    pub(super) path: String,
    pub(super) current: bool,
    /// Pages were left out just before this one.
    pub(super) gap_before: bool,
}

/// A free page's `page`.
#[derive(Serialize)]
pub(super) struct FreePage<'x> {
    pub(super) id: &'x str,
    pub(super) title: Lt,
    pub(super) body: Body,
}

/// `share`: a page's share preview (Open Graph and Twitter card tags),
/// made by `share.rs`.
#[derive(Debug, Serialize)]
pub(super) struct ShareTags {
    /// `og:title`: the page's own title.
    pub(super) title: String,
    /// `og:description`: plain text, trimmed at a word.
    pub(super) description: String,
    /// `og:type`: `website` for the home and list pages, `article` for a
    /// locality, a commitment or a free page.
    pub(super) kind: &'static str,
    /// `og:locale` (`ll_TT`) and `og:locale:alternate` for the others.
    pub(super) locale: String,
    pub(super) alternates: Vec<String>,
    /// `og:image`: absolute URL; `og:image:alt`.
    pub(super) image: String,
    pub(super) image_alt: String,
}

/// `search` of the search page: what its form offers and what its script
/// is told (THEME.md, "Search").
#[derive(Serialize)]
pub(super) struct SearchView {
    /// JSON for the script (`data-search`): the language's digits, the
    /// statuses' ids and labels, and the strings results are shown with.
    pub(super) data: String,
    /// The choices of each facet: its value for the script (an index into
    /// the index's list) and its label, in the order the page shows them.
    pub(super) statuses: Vec<FacetChoice>,
    pub(super) parties: Vec<FacetChoice>,
    pub(super) countries: Vec<FacetChoice>,
    /// The script, relative to the output root.
    pub(super) script: &'static str,
}

/// One choice of a search facet.
#[derive(Clone, Serialize)]
pub(super) struct FacetChoice {
    pub(super) value: usize,
    pub(super) label: String,
}
