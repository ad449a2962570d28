//! The pages outside every language: the root language picker
//! (`root.html`) and the 404 page (`404.html`), both in the default
//! language with a choice of every language. Their fingerprint is the
//! site-wide one, which covers site.yaml and the interface strings.

use super::values::{Alternate, Choice};
use super::{Page, Renderer};
use crate::urls;
use tera::{Context, Value};

/// The path part of the base URL (`/` for `https://x.org/`, `/tracker/` for
/// `https://x.org/tracker/`), for pages a host serves at any address.
fn base_path(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(i) => rest[i..].to_owned(),
            None => "/".into(),
        },
        None => base_url.to_owned(),
    }
}

impl Renderer<'_> {
    /// [`Page::Root`] or [`Page::NotFound`].
    pub(super) fn root_context(&self, page: Page, path: &str) -> (&'static str, Context) {
        // The root language picker and the 404 page speak every language.
        let config = self.config();
        let li = self.default_language();
        let mut ctx = Context::new();
        self.common(&mut ctx, li, path, "root", &self.lt(&config.title, li).text);
        ctx.insert_value("choices", self.choices());
        ctx.insert("switcher", &Vec::<()>::new());
        ctx.insert("nav", &Vec::<()>::new());
        if page == Page::NotFound {
            ctx.insert("root", &base_path(&config.base_url));
            ctx.insert("page_kind", "not-found");
            ctx.insert("title", &self.t(li, "page-not-found"));
            ctx.insert("alternates", &Vec::<()>::new());
            ctx.insert(
                "canonical",
                &urls::absolute(&config.base_url, urls::NOT_FOUND),
            );
            return ("404.html", ctx);
        }
        ctx.insert("alternates", &self.root_alternates());
        ("root.html", ctx)
    }

    /// `choices`: the portal in every language.
    fn choices(&self) -> Value {
        let config = self.config();
        Value::from_serializable(
            &config
                .languages
                .iter()
                .enumerate()
                .map(|(li, l)| Choice {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    dir: l.dir.as_str(),
                    path: urls::home(&l.code),
                    title: self.lt(&config.title, li).text,
                    description: config.description.as_ref().map(|d| self.lt(d, li).text),
                })
                .collect::<Vec<_>>(),
        )
    }

    /// The root page's `alternates`: each language's home page, and the
    /// base URL as `x-default`.
    fn root_alternates(&self) -> Vec<Alternate> {
        let config = self.config();
        let mut alternates: Vec<Alternate> = config
            .languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.code.clone(),
                href: urls::absolute(&config.base_url, &urls::home(&l.code)),
            })
            .collect();
        alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: config.base_url.clone(),
        });
        alternates
    }
}

#[cfg(test)]
mod tests {
    use super::base_path;

    #[test]
    fn the_404_page_roots_at_the_base_urls_path() {
        assert_eq!(base_path("https://x.org/"), "/");
        assert_eq!(base_path("https://x.org"), "/");
        assert_eq!(base_path("https://x.org/tracker/"), "/tracker/");
    }
}
