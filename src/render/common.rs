//! The values every page receives (THEME.md, "Values every page
//! receives"): language, root prefix, kind, title, site, switcher,
//! alternates, canonical URL, navigation, feed, calendar, links, trust.

use super::Renderer;
use super::lang::LangData;
use super::values::{Alternate, Nav, Switch};
use crate::urls;
use tera::Context;

impl Renderer<'_> {
    /// Inserts the values every page receives into `ctx`, for the page at
    /// `path` in language `li`.
    pub(super) fn common(&self, ctx: &mut Context, li: usize, path: &str, kind: &str, title: &str) {
        let data = &self.langs[li];
        let config = self.config();
        ctx.insert("lang", &data.code);
        ctx.insert("dir", data.dir);
        ctx.insert("root", &urls::root_prefix(path));
        ctx.insert("page_kind", kind);
        ctx.insert("title", title);
        ctx.insert_value("site", data.site.clone());
        ctx.insert("css", "style.css");
        ctx.insert_value("home_path", data.home_path.clone());
        ctx.insert_value("links", data.links.clone());
        ctx.insert("switcher", &self.switcher(data, path));
        ctx.insert("alternates", &self.alternates(data, path));
        ctx.insert("canonical", &urls::absolute(&config.base_url, path));
        ctx.insert("nav", &nav(data, path));
        ctx.insert_value("feed", data.feed.clone());
        ctx.insert_value("calendar", data.calendar.clone());
        ctx.insert_value("trust", data.trust.clone());
    }

    /// This page in every language.
    fn switcher(&self, data: &LangData, path: &str) -> Vec<Switch<'_>> {
        self.config()
            .languages
            .iter()
            .map(|l| Switch {
                code: &l.code,
                name: &l.name,
                dir: l.dir.as_str(),
                path: urls::in_language(path, &data.code, &l.code),
                current: l.code == data.code,
            })
            .collect()
    }

    /// The absolute URLs of this page in every language, and `x-default`.
    fn alternates(&self, data: &LangData, path: &str) -> Vec<Alternate> {
        let config = self.config();
        let mut alternates: Vec<Alternate> = config
            .languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.code.clone(),
                href: urls::absolute(
                    &config.base_url,
                    &urls::in_language(path, &data.code, &l.code),
                ),
            })
            .collect();
        alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: urls::absolute(
                &config.base_url,
                &urls::in_language(path, &data.code, config.home_language()),
            ),
        });
        alternates
    }
}

/// The free pages, the one at `path` current.
fn nav<'d>(data: &'d LangData, path: &str) -> Vec<Nav<'d>> {
    data.nav
        .iter()
        .map(|(id, label)| {
            let p = urls::page(&data.code, id);
            Nav {
                current: p == path,
                id,
                label,
                path: p,
            }
        })
        .collect()
}
