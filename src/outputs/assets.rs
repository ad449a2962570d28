//! The theme's static files (`themes/<name>/static/`): the stylesheet,
//! minified, and anything else copied as it is.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use crate::memo;

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
        let (_, file) = build.theme.under("static/").nth(item)?;
        Some(file.label.clone())
    }

    fn plan(&self, build: &Build) -> Plan {
        build
            .theme
            .under("static/")
            .map(|(path, file)| (path.to_owned(), memo::of(&file.bytes[..])))
            .collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let Some((path, file)) = build.theme.under("static/").nth(item) else {
            unreachable!("items come from the plan");
        };
        Ok(Content::Bytes(if path.ends_with(".css") {
            crate::theme::minify_css(&file.bytes)
        } else {
            file.bytes.to_vec()
        }))
    }
}
