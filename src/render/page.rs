//! [`Page`]: every HTML page of the output, as a small copyable value that
//! names the page (its language, and which locality, commitment, list or
//! free page it shows); the renderer turns it into a path, a fingerprint
//! and HTML.

use crate::model::CRef;

/// One HTML page of the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Page {
    /// `/index.html`, the language picker.
    Root,
    /// `/404.html`, in every language.
    NotFound,
    /// A language's home page.
    Home(usize),
    /// A language's index of localities, by country and region, and the
    /// page of the index (0 for the first).
    Localities(usize, usize),
    /// A language and a locality.
    Locality(usize, usize),
    /// A language and a commitment.
    Commitment(usize, CRef),
    /// A language and a locality's print sheet.
    Print(usize, usize),
    /// A language and a dimension (index into [`DIMENSIONS`](super::DIMENSIONS)).
    BrowseIndex(usize, usize),
    /// A language, a dimension, the index of the key within it, and the
    /// page of the list (0 for the first).
    Browse(usize, usize, usize, usize),
    /// A language and the page of the list.
    Overdue(usize, usize),
    /// A language and the page of the list of every commitment.
    All(usize, usize),
    /// A language's latest updates.
    Updates(usize),
    /// A language and a free page (about, methodology…).
    Free(usize, usize),
    /// A language's search page.
    Search(usize),
    /// A language's accessibility statement, the theme's (a site's free
    /// page `accessibility` takes its place).
    Accessibility(usize),
}

impl Page {
    /// The same list page at another page index (other pages unchanged).
    pub(crate) fn with_page_index(self, n: usize) -> Page {
        match self {
            Page::Browse(li, di, ki, _) => Page::Browse(li, di, ki, n),
            Page::Overdue(li, _) => Page::Overdue(li, n),
            Page::All(li, _) => Page::All(li, n),
            Page::Localities(li, _) => Page::Localities(li, n),
            other => other,
        }
    }

    /// Whether the sitemap lists the page: every page of a language but a
    /// print sheet, which repeats its locality's page.
    pub(crate) fn in_sitemap(self) -> bool {
        self.language().is_some() && !matches!(self, Page::Print(..))
    }

    /// The language of a page (`None` for the root and 404 pages).
    pub(crate) fn language(self) -> Option<usize> {
        match self {
            Page::Root | Page::NotFound => None,
            Page::Home(li)
            | Page::Localities(li, _)
            | Page::Locality(li, _)
            | Page::Commitment(li, _)
            | Page::Print(li, _)
            | Page::BrowseIndex(li, _)
            | Page::Browse(li, ..)
            | Page::Overdue(li, _)
            | Page::All(li, _)
            | Page::Updates(li)
            | Page::Free(li, _)
            | Page::Search(li)
            | Page::Accessibility(li) => Some(li),
        }
    }
}
