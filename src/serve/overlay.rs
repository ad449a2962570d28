//! The error overlay of `serve`, and the page shown while no build has
//! succeeded.
//!
//! Each diagnostic shows as the command line prints it, except its source
//! line: that goes in a box of its own, in a monospace font, never wrapped,
//! which scrolls sideways on a narrow screen, with the caret on the line
//! under it. The caret is placed by the same characters as the source line
//! up to the culprit, drawn invisible, not by spaces: a tab, a wide
//! character, Arabic or Devanagari before the culprit take the same room
//! on both lines, so the caret stays under its column on any screen.

use crate::diag::{Diagnostic, Keep, escape_controls};
use crate::text::escape_html;

/// The overlay's look: readable on a 360 px phone without scrolling the
/// page sideways; only a source line's box scrolls.
const STYLE: &str = "#pledgeboard-overlay{position:fixed;inset:0;z-index:99999;overflow:auto;box-sizing:border-box;background:rgba(20,20,20,.96);color:#fff;padding:12px;font:15px/1.45 system-ui,sans-serif;text-align:left}\
#pledgeboard-overlay h2{font-size:18px;line-height:1.3;margin:0 0 12px}\
#pledgeboard-overlay .pb-d{margin:0 0 14px;padding:0 0 10px;border-bottom:1px solid #555}\
#pledgeboard-overlay .pb-t{margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 ui-monospace,monospace}\
#pledgeboard-overlay .pb-src{position:relative;overflow-x:auto;max-width:100%;background:#000;border-radius:4px;margin:6px 0}\
#pledgeboard-overlay .pb-src pre{margin:0;padding:6px 8px;white-space:pre;font:14px/1.5 ui-monospace,monospace;tab-size:4;color:#fff}\
#pledgeboard-overlay .pb-pad{color:transparent}\
#pledgeboard-overlay .pb-caret{color:#ff7b7b}";

/// Scrolls each source line's box to its caret (the box is the caret's
/// offset parent), so a long line shows its culprit on a narrow screen.
const SCROLL_TO_CARETS: &str = "<script>document.querySelectorAll(\"#pledgeboard-overlay .pb-src\").forEach(function(b){var c=b.querySelector(\".pb-caret\");if(c)b.scrollLeft=Math.max(0,c.offsetLeft-b.clientWidth/2)})</script>";

/// The overlay over a page of the last good build.
pub(super) fn overlay(errors: &[Diagnostic]) -> String {
    let n = errors.iter().filter(|d| d.is_error()).count();
    let title = format!(
        "pledgeboard: the content has {n} error(s). This page shows the last good build; it reloads when you save a fix."
    );
    element(&title, errors)
}

/// The page served for every page's address while no build has
/// succeeded: what happened and what to do, then the errors.
pub(super) fn unbuilt_page(errors: &[Diagnostic], reload_script: &str) -> String {
    let title = "The portal could not be built yet. Fix the errors below; this page reloads by itself when you save.";
    format!(
        "<!DOCTYPE html><html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>pledgeboard: the portal could not be built yet</title></head><body>{}{reload_script}</body></html>",
        element(title, errors)
    )
}

/// The overlay's element: its title and each diagnostic.
fn element(title: &str, errors: &[Diagnostic]) -> String {
    let mut out = format!(
        "<div id=\"pledgeboard-overlay\" role=\"alert\" lang=\"en\" dir=\"ltr\"><style>{STYLE}</style><h2>{}</h2>",
        escape_html(title)
    );
    for d in errors {
        out.push_str(&diagnostic(d));
    }
    out.push_str("</div>");
    out.push_str(SCROLL_TO_CARETS);
    out
}

/// One diagnostic: its heading, its source line and caret, its parts.
fn diagnostic(d: &Diagnostic) -> String {
    let mut out = format!(
        "<div class=\"pb-d\"><p class=\"pb-t\">{}</p>",
        escape_html(&d.heading())
    );
    if let Some(line) = &d.source_line {
        out.push_str(&source(d.line, d.column, line));
    }
    for (label, text) in d.parts() {
        out.push_str(&format!(
            "<p class=\"pb-t\">{label}: {}</p>",
            escape_html(&text)
        ));
    }
    out.push_str("</div>");
    out
}

/// The source line `line` (number `number`) in its box, with the caret
/// under `column` (1-based, in characters; none when 0).
fn source(number: usize, column: usize, line: &str) -> String {
    let number = number.to_string();
    let shown = escape_html(&escape_controls(line, Keep::Tabs));
    let mut out = format!(
        "<div class=\"pb-src\"><pre>{number} | <span class=\"pb-line\" data-column=\"{column}\">{shown}</span>"
    );
    if column > 0 {
        let before: String = line.chars().take(column - 1).collect();
        let pad = escape_html(&escape_controls(&before, Keep::Tabs));
        out.push_str(&format!(
            "\n<span aria-hidden=\"true\">{} | <span class=\"pb-pad\">{pad}</span><span class=\"pb-caret\">^</span></span>",
            " ".repeat(number.len())
        ));
    }
    out.push_str("</pre></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caret_is_placed_by_the_same_characters_as_the_line() {
        let text = "a: 1\nnote: ملاحظة\t`x`\n";
        let d = Diagnostic::error("a.md", "bad <thing>").at(text, 2, 14);
        let html = overlay(&[d]);
        assert!(
            html.contains("error: a.md:2:14: bad &lt;thing&gt;"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"pb-line\" data-column=\"14\">note: ملاحظة\t`x`</span>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<span class=\"pb-pad\">note: ملاحظة\t</span><span class=\"pb-caret\">^</span>"
            ),
            "{html}"
        );
    }
}
