//! Share previews: the Open Graph and Twitter card values of a page
//! (`share` in every page's context, `docs/THEME.md`), what a link shared
//! in a messaging app shows.
//!
//! Guarantees: the title is the page's own; the description is plain text
//! (no Markdown, no HTML; the template escapes it) of at most
//! [`DESCRIPTION_CHARS`] characters, cut at a word: a commitment's summary,
//! a locality's or free page's first sentence, else the site's description;
//! the image is an absolute URL of a share image the build writes (its
//! country's, or the home page's), in the page's
//! language. Everything here is made from what the page's fingerprint
//! already covers (the page's own texts, its locality's country, site.yaml
//! and the strings): no count of other pages' commitments.

use super::tally::{self, done_of};
use super::values::{ShareTags, StatusView};
use super::{Page, Renderer};
use crate::i18n::Arg;
use crate::model::{CRef, Config, Language, ShareImages, Text};
use crate::share::{Card, Segment};
use crate::urls;
use pulldown_cmark::{Event, Parser, TagEnd};

/// The longest description, in characters (Twitter shows about 200).
pub(crate) const DESCRIPTION_CHARS: usize = 200;

/// Which share image a page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ImageOf<'a> {
    Home,
    /// A country by its ISO code.
    Country(&'a str),
    /// A locality by its index (site.yaml's `share_images: localities`).
    Locality(usize),
}

impl Renderer<'_> {
    /// The share values of `page` (in language `li`) titled `title`.
    pub(super) fn share_tags(&self, page: Page, li: usize, title: &str) -> ShareTags {
        let config = self.config();
        let image = self.share_image_of(page);
        ShareTags {
            title: title.to_owned(),
            description: self.share_description(page, li),
            kind: match page {
                Page::Locality(..) | Page::Commitment(..) | Page::Free(..) => "article",
                _ => "website",
            },
            locale: og_locale(&config.languages[li]),
            alternates: (config.languages.iter().enumerate())
                .filter(|(i, _)| *i != li)
                .map(|(_, l)| og_locale(l))
                .collect(),
            image: urls::absolute(&config.base_url, &self.share_image_path(li, image)),
            image_alt: self.share_image_alt(li, image),
        }
    }

    /// The image `page` shows: a locality's and a commitment's are their
    /// locality's (when made) or country's, every other page's the home's.
    pub(crate) fn share_image_of(&self, page: Page) -> ImageOf<'_> {
        let locality = match page {
            Page::Locality(_, i) => i,
            Page::Commitment(_, r) => r.locality,
            _ => return ImageOf::Home,
        };
        match self.config().share_images {
            ShareImages::Localities => ImageOf::Locality(locality),
            ShareImages::Countries => ImageOf::Country(&self.site.localities[locality].country),
        }
    }

    /// Where image `image` of language `li` goes.
    pub(crate) fn share_image_path(&self, li: usize, image: ImageOf) -> String {
        let code = self.lang_code(li);
        match image {
            ImageOf::Home => urls::share_home(code),
            ImageOf::Country(cc) => urls::share_country(code, cc),
            ImageOf::Locality(i) => urls::share_locality(code, &self.site.localities[i].id),
        }
    }

    /// The name an image shows: the site's title, a country's or a locality's name.
    pub(crate) fn share_place(&self, li: usize, image: ImageOf) -> String {
        match image {
            ImageOf::Home => self.lt(&self.config().title, li).text,
            ImageOf::Country(cc) => self.country(li, cc).name,
            ImageOf::Locality(i) => self.lt(&self.site.localities[i].name, li).text,
        }
    }

    /// Every share image the build makes, in language order: the home's,
    /// then each country's (those with localities, by code), then with
    /// `share_images: localities` each locality's.
    pub(crate) fn share_images(&self) -> Vec<(usize, ImageOf<'_>)> {
        let countries = (self.derived.by_country.iter()).map(|(cc, _)| ImageOf::Country(cc));
        let localities = match self.config().share_images {
            ShareImages::Localities => 0..self.site.localities.len(),
            ShareImages::Countries => 0..0,
        };
        let images: Vec<ImageOf> = std::iter::once(ImageOf::Home)
            .chain(countries)
            .chain(localities.map(ImageOf::Locality))
            .collect();
        (0..self.langs.len())
            .flat_map(|li| images.iter().map(move |image| (li, *image)))
            .collect()
    }

    /// What image `image` of language `li` shows: the status counts the
    /// renderer made once per build (the home's, a country's; a locality's
    /// are counted here), as words and a bar.
    pub(crate) fn share_card(&self, li: usize, image: ImageOf) -> Card {
        let data = &self.langs[li];
        let overdue_of =
            |list: &[CRef]| list.iter().filter(|r| self.derived.is_overdue(**r)).count();
        let (counts, overdue): (Vec<usize>, usize) = match image {
            ImageOf::Home => (
                (self.derived.by_status.iter())
                    .map(|(_, l)| l.len())
                    .collect(),
                self.derived.overdue_list.len(),
            ),
            ImageOf::Country(cc) => {
                let ki =
                    (self.derived.by_country).binary_search_by(|(code, _)| code.as_str().cmp(cc));
                match ki {
                    Ok(ki) => (
                        self.country_status[ki].clone(),
                        overdue_of(&self.derived.by_country[ki].1),
                    ),
                    Err(_) => (vec![0; data.statuses.len()], 0),
                }
            }
            ImageOf::Locality(i) => {
                let list: Vec<CRef> = (0..self.site.localities[i].commitments.len())
                    .map(|commitment| CRef {
                        locality: i,
                        commitment,
                    })
                    .collect();
                (
                    tally::counts_of(self.site, self.config(), &list),
                    overdue_of(&list),
                )
            }
        };
        let total: usize = counts.iter().sum();
        let done = done_of(&data.statuses, &counts);
        let num = |n: usize| Arg::Num(n as f64);
        Card {
            rtl: data.dir == "rtl",
            kicker: (image != ImageOf::Home).then(|| self.lt(&self.config().title, li).text),
            title: self.share_place(li, image),
            headline: self.t_args(
                li,
                "done-of-total",
                &[("done", num(done)), ("total", num(total))],
            ),
            overdue: (overdue > 0)
                .then(|| self.t_args(li, "overdue-short", &[("count", num(overdue))])),
            bar: (data.statuses.iter().zip(&counts))
                .filter(|(_, n)| **n > 0)
                .map(|(status, &count)| Segment {
                    colour: status_colour(status),
                    count,
                    label: self.strings.number(&data.code, count as f64),
                    name: status.label.clone(),
                })
                .collect(),
            footer: host(&self.config().base_url),
        }
    }

    /// What image `image` shows, in words (`og:image:alt`).
    fn share_image_alt(&self, li: usize, image: ImageOf) -> String {
        let place = self.share_place(li, image);
        self.t_args(
            li,
            "share-image-alt",
            &[("place", crate::i18n::Arg::Str(place))],
        )
    }

    /// `og:description` of `page` in language `li`.
    fn share_description(&self, page: Page, li: usize) -> String {
        let own = match page {
            Page::Commitment(_, r) => {
                let c = self.site.commitment(r);
                match &c.summary {
                    Some(s) => plain(self.text_in(s, li).0),
                    None => first_sentence(self.text_in(&c.body, li).0),
                }
            }
            Page::Locality(_, i) => {
                first_sentence(self.text_in(&self.site.localities[i].body, li).0)
            }
            Page::Free(_, i) => first_sentence(self.text_in(&self.site.pages[i].body, li).0),
            _ => String::new(),
        };
        let text = if own.is_empty() {
            self.site_description(self.config(), li)
        } else {
            own
        };
        trim_at_word(&text, DESCRIPTION_CHARS)
    }

    /// The site's description in language `li`, else its title.
    fn site_description(&self, config: &Config, li: usize) -> String {
        let text: &Text = config.description.as_ref().unwrap_or(&config.title);
        plain(&self.lt(text, li).text)
    }
}

/// A status's colour in the share images' bar: the default stylesheet's
/// text colour of its chip (`--sf` in `style.css`).
fn status_colour(status: &StatusView) -> &'static str {
    match status.id.as_str() {
        "in-progress" => "#1d4ed8",
        "stalled" => "#b45309",
        "suspended" => "#6d28d9",
        "not-completed" => "#b91c1c",
        _ if status.done => "#15803d",
        _ if status.closed => "#57534e",
        _ => "#475569",
    }
}

/// The host (and path) of a base URL, for the foot of the images:
/// `tracker.example.org` for `https://tracker.example.org/`.
fn host(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.trim_end_matches('/').to_owned()
}

/// A language as Open Graph names it, `ll_TT`: the territory of its
/// locale in site.yaml when it names one (`ar-IQ` gives `ar_IQ`), else the
/// territory most readers of the language are in, as Facebook's list of
/// locales has it (`en_US`, `fr_FR`, `ar_AR`, `ne_NP`, `ha_NG`, …), else the
/// language alone. docs/THEME.md lists the table.
pub(crate) fn og_locale(language: &Language) -> String {
    let (lang, region) = match crate::locale::check_tag(&language.locale) {
        Ok(l) => (
            l.id.language.as_str().to_owned(),
            l.id.region.map(|r| r.as_str().to_owned()),
        ),
        Err(_) => (language.code.clone(), None),
    };
    match region.or_else(|| default_territory(&lang).map(str::to_owned)) {
        Some(region) => format!("{lang}_{region}"),
        None => lang,
    }
}

/// The territory Open Graph pairs with a language given without one.
fn default_territory(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "en" => "US",
        "fr" => "FR",
        "ar" => "AR",
        "ne" => "NP",
        "ha" => "NG",
        "es" => "ES",
        "pt" => "PT",
        "de" => "DE",
        "it" => "IT",
        "ru" => "RU",
        "tr" => "TR",
        "fa" => "IR",
        "ur" => "PK",
        "hi" => "IN",
        "bn" => "IN",
        "sw" => "KE",
        "so" => "SO",
        "am" => "ET",
        "ff" => "SN",
        "wo" => "SN",
        "yo" => "NG",
        "ig" => "NG",
        "uk" => "UA",
        "zh" => "CN",
        _ => return None,
    })
}

/// `text` on one line: runs of white space become one space.
fn plain(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The plain text of the first paragraph of a Markdown text, up to the end
/// of its first sentence (`.`, `!`, `?`, the Devanagari danda `।`, the
/// Arabic question mark `؟`, each followed by a space or the end).
pub(crate) fn first_sentence(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph) if !text.trim().is_empty() => break,
            Event::End(TagEnd::Heading(_)) => text.clear(),
            _ => {}
        }
    }
    let text = plain(&text);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?' | '।' | '؟');
        if ends && chars.peek().is_none_or(|(_, next)| next.is_whitespace()) {
            return text[..i + c.len_utf8()].to_owned();
        }
    }
    text
}

/// `text` cut to at most `max` characters at a word, with `…` when cut.
pub(crate) fn trim_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    // Room for the ellipsis; the cut falls at the last space before it.
    let end = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..end].rfind(' ').unwrap_or(end);
    format!("{}…", text[..cut].trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::{first_sentence, og_locale, trim_at_word};
    use crate::model::{Dir, Language};

    fn language(code: &str, locale: &str) -> Language {
        Language {
            code: code.into(),
            name: code.into(),
            dir: Dir::Ltr,
            locale: locale.into(),
        }
    }

    #[test]
    fn locales_take_the_sites_territory_else_the_usual_one() {
        assert_eq!(og_locale(&language("ar", "ar-IQ")), "ar_IQ");
        assert_eq!(og_locale(&language("ar", "ar-u-nu-arab")), "ar_AR");
        assert_eq!(og_locale(&language("ne", "ne")), "ne_NP");
        assert_eq!(og_locale(&language("ha", "ha")), "ha_NG");
        assert_eq!(og_locale(&language("kr", "kr")), "kr");
    }

    #[test]
    fn the_first_sentence_is_plain_text_of_the_first_paragraph() {
        assert_eq!(
            first_sentence("# Saaba\n\nA *town* east of\nOuagadougou. It grew."),
            "A town east of Ouagadougou."
        );
        assert_eq!(
            first_sentence("काठमाडौँ उपत्यका। अर्को वाक्य।"),
            "काठमाडौँ उपत्यका।"
        );
        assert_eq!(first_sentence("v1.2 is out"), "v1.2 is out");
        assert_eq!(first_sentence(""), "");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        assert_eq!(trim_at_word("one two three", 20), "one two three");
        assert_eq!(trim_at_word("one two three", 10), "one two…");
        assert_eq!(trim_at_word("one two three", 10).chars().count(), 8);
    }
}
