//! The theme's static files (`themes/<name>/static/`): the stylesheet,
//! minified, and anything else copied as it is. The favicons every page
//! links (`favicon.ico`, `favicon.svg`) yield to the site's own: a site
//! whose `static/` has one publishes its file instead of the theme's.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use crate::memo;
use crate::theme::ThemeFile;
use crate::urls;

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(Assets)
}

struct Assets;

impl Output for Assets {
    fn name(&self) -> &'static str {
        "theme assets"
    }

    fn what(&self) -> &'static str {
        "a file of the theme"
    }

    fn copies(&self) -> bool {
        true
    }

    fn copied_from(&self, build: &Build, item: usize) -> Option<String> {
        let (_, file) = shipped(build).nth(item)?;
        Some(file.label.clone())
    }

    fn plan(&self, build: &Build) -> Plan {
        shipped(build)
            .map(|(path, file)| (path.to_owned(), memo::of(&file.bytes[..])))
            .collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let Some((path, file)) = shipped(build).nth(item) else {
            unreachable!("items come from the plan");
        };
        Ok(Content::Bytes(if path.ends_with(".css") {
            crate::theme::minify_css(&file.bytes)
        } else {
            file.bytes.to_vec()
        }))
    }
}

/// The files of the theme that reach the output, with their output paths:
/// all of `static/` but a favicon the site's own `static/` has.
fn shipped<'b>(build: &'b Build) -> impl Iterator<Item = (&'b str, &'b ThemeFile)> {
    let site_has = |path: &str| {
        (build.site.static_files)
            .binary_search_by(|f| f.as_str().cmp(path))
            .is_ok()
    };
    (build.theme.under("static/"))
        .filter(move |(path, _)| !(FAVICONS.contains(path) && site_has(path)))
}

/// The favicons every page links, at the output root.
const FAVICONS: [&str; 2] = [urls::FAVICON_ICO, urls::FAVICON_SVG];
