//! site.yaml's trust signals: who publishes the portal (`publisher`), how
//! to reach them (`contact`), how to report an error in the data or send
//! evidence (`corrections`), and the licence of the data and texts
//! (`license`). Each is optional; what is given is checked here: web
//! addresses are whole `https://` or `http://` addresses, an email address
//! has one `@`, a contact names at least one way of reaching someone, a
//! publisher has a name. That the logo is a file of `static/` is checked by
//! [`check_logo`] once the site's files are known.

use super::reader::{Reader, path_of};
use super::{FrontMatter, RawText};
use crate::diag::{self, Diagnostic};
use crate::load::SourceFile;
use crate::model::{Config, Contact, License, Publisher};
use crate::yaml::{Node, Seg};

/// The fields of `license`.
const LICENSE_FIELDS: &[&str] = &["name", "url"];
/// The fields of `publisher`.
const PUBLISHER_FIELDS: &[&str] = &["name", "url", "logo"];
/// The fields of `contact`.
const CONTACT_FIELDS: &[&str] = &["email", "phone", "messaging"];

/// `publisher` as read, before its name is merged into a [`crate::model::Text`]
/// (which needs the default language, known only once all of site.yaml is read).
pub(super) struct RawPublisher {
    name: RawText,
    url: Option<String>,
    logo: Option<String>,
}

impl RawPublisher {
    /// The publisher, its name's plain text under `default` (the default
    /// language); `None`, with an error, when the name has no text in it.
    pub(super) fn merge(self, r: &mut Reader, default: &str) -> Option<Publisher> {
        let path = [Seg::key("publisher"), Seg::key("name")];
        let name = super::config::merge_text_at(r, self.name, default, &path, "name")?;
        Some(Publisher {
            name,
            url: self.url,
            logo: self.logo,
        })
    }
}

impl Reader<'_> {
    /// `license: { name, url }`: both required.
    pub(super) fn license(&mut self, node: &Node, path: &[Seg]) -> Option<License> {
        let (mut name, mut url, mut read) = (None, None, Vec::new());
        for (key, value) in self.fields(node, path, LICENSE_FIELDS, None, "`license`") {
            let at = path_of(path, Seg::key(key));
            read.push(key);
            match key {
                "name" => name = self.string(value, &at, "name"),
                "url" => url = self.site_address(value, &at, "license"),
                _ => {}
            }
        }
        self.require(
            node,
            path,
            "license",
            &read,
            &[
                ("name", "the licence's name, such as `CC BY 4.0`"),
                (
                    "url",
                    "the address of its text, such as `https://creativecommons.org/licenses/by/4.0/`",
                ),
            ],
        );
        Some(License {
            name: name?,
            url: url?,
        })
    }

    /// `publisher: { name, url, logo }`: the name required.
    pub(super) fn publisher(&mut self, node: &Node, path: &[Seg]) -> Option<RawPublisher> {
        let (mut name, mut url, mut logo, mut read) = (None, None, None, Vec::new());
        for (key, value) in self.fields(node, path, PUBLISHER_FIELDS, None, "`publisher`") {
            let at = path_of(path, Seg::key(key));
            read.push(key);
            match key {
                "name" => name = self.text(value, &at, "name"),
                "url" => url = self.site_address(value, &at, "publisher"),
                "logo" => logo = self.logo(value, &at),
                _ => {}
            }
        }
        self.require(
            node,
            path,
            "publisher",
            &read,
            &[(
                "name",
                "the name of the organisation that publishes the portal, a text or one text per language",
            )],
        );
        Some(RawPublisher {
            name: name?,
            url,
            logo,
        })
    }

    /// `contact: { email, phone, messaging }`: at least one of them.
    pub(super) fn contact(&mut self, node: &Node, path: &[Seg]) -> Option<Contact> {
        let mut contact = Contact::default();
        let fields = self.fields(node, path, CONTACT_FIELDS, None, "`contact`");
        for (key, value) in &fields {
            let at = path_of(path, Seg::key(key));
            match *key {
                "email" => contact.email = self.email(value, &at),
                "phone" => contact.phone = self.string(value, &at, "phone"),
                "messaging" => contact.messaging = self.string(value, &at, "messaging"),
                _ => {}
            }
        }
        // An unknown field alone was reported already, as what it is.
        if matches!(node, Node::Map(entries) if entries.is_empty()) {
            let d = (self.fm)
                .error(path, "`contact` names no way of reaching you")
                .expected(format!("at least one of {}", diag::one_of(CONTACT_FIELDS)))
                .help("for instance `contact: { email: tracker@example.org }`".to_owned());
            self.push(d);
        }
        let any = contact.email.is_some() || contact.phone.is_some() || contact.messaging.is_some();
        any.then_some(contact)
    }

    /// Reports each field of `fields` that `read` lacks, in the mapping
    /// `node` at `path` (nothing when `node` is not a mapping: that was
    /// reported already).
    pub(super) fn require(
        &mut self,
        node: &Node,
        path: &[Seg],
        what: &str,
        read: &[&str],
        fields: &[(&str, &str)],
    ) {
        if !matches!(node, Node::Map(_)) {
            return;
        }
        for (field, meaning) in fields {
            if !read.contains(field) {
                let d = (self.fm)
                    .error(path, format!("`{what}` has no `{field}`"))
                    .expected(format!("`{field}:` with {meaning}"));
                self.push(d);
            }
        }
    }

    /// A whole web address (`https://…` or `http://…` with a host), which
    /// works from every page wherever the portal is read.
    fn site_address(&mut self, node: &Node, path: &[Seg], of: &str) -> Option<String> {
        let s = self.string(node, path, "url")?;
        if is_web_address(&s) {
            return Some(s);
        }
        let d = (self.fm)
            .error(path, format!("`url` of `{of}` is not a web address"))
            .found(format!("`{s}`"))
            .expected(
                "a whole address starting with `https://`, such as `https://example.org/`"
                    .to_owned(),
            );
        self.push(d);
        None
    }

    /// An email address: text with one `@` between a name and a domain, no spaces.
    fn email(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "email")?;
        let ok = match s.split_once('@') {
            Some((name, domain)) => {
                !name.is_empty()
                    && domain.contains('.')
                    && !domain.contains('@')
                    && !s.contains(char::is_whitespace)
            }
            None => false,
        };
        if ok {
            return Some(s);
        }
        let d = (self.fm)
            .error(path, "`email` of `contact` is not an email address")
            .found(format!("`{s}`"))
            .expected("an address such as `tracker@example.org`".to_owned());
        self.push(d);
        None
    }

    /// A logo's path, relative to `static/`: forward slashes, no `..`, not absolute.
    fn logo(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "logo")?;
        let s = s.strip_prefix("static/").unwrap_or(&s).to_owned();
        let ok = !s.starts_with('/')
            && !s.contains('\\')
            && s.split('/').all(|part| !part.is_empty() && part != "..");
        if ok {
            return Some(s);
        }
        let d = (self.fm)
            .error(path, "`logo` of `publisher` is not a path in `static/`")
            .found(format!("`{s}`"))
            .expected("the logo's path inside the `static/` folder, such as `logo.svg`".to_owned());
        self.push(d);
        None
    }
}

/// Whether `s` is a whole web address: `https://` or `http://` with a host.
pub(super) fn is_web_address(s: &str) -> bool {
    url::Url::parse(s)
        .ok()
        .is_some_and(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some())
}

/// The error for a `publisher.logo` that names no file of `static/`
/// (`static_files`, relative to it), at the logo's line in site.yaml.
pub fn check_logo(
    site_yaml: &SourceFile,
    config: &Config,
    static_files: &[String],
) -> Option<Diagnostic> {
    let logo = config.publisher.as_ref()?.logo.as_ref()?;
    if static_files.iter().any(|f| f == logo) {
        return None;
    }
    let fm = FrontMatter::new(&site_yaml.rel, &site_yaml.text, 0..site_yaml.text.len(), 1);
    let path = [Seg::key("publisher"), Seg::key("logo")];
    let mut d = fm
        .error(&path, "the publisher's logo is not in `static/`")
        .found(format!("`{logo}`"))
        .expected(format!("a file `static/{logo}`"));
    let names = static_files.iter().map(String::as_str);
    if let Some(m) = diag::did_you_mean(logo, names) {
        d = d.help(format!("did you mean `{m}`?"));
    } else {
        d = d.help("put the logo (SVG or PNG) in the site's `static/` folder".to_owned());
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use crate::parse::testing::{config, config_error, config_ok, place, site_yaml, source};

    const TRUST: &str =
        "license: { name: CC BY 4.0, url: \"https://creativecommons.org/licenses/by/4.0/\" }
publisher:
  name: { en: Saaba Network, fr: Réseau de Saaba }
  url: https://network.example.org/
  logo: static/img/logo.svg
contact: { email: tracker@example.org, messaging: \"+226 70 00 00 00\" }
corrections: { en: Tell us at the next session., fr: Dites-le-nous à la prochaine séance. }
";

    #[test]
    fn the_trust_signals_are_read() {
        let c = config_ok(&site_yaml(TRUST));
        let license = c.license.expect("a licence");
        assert_eq!(license.name, "CC BY 4.0");
        assert_eq!(license.url, "https://creativecommons.org/licenses/by/4.0/");
        let publisher = c.publisher.expect("a publisher");
        assert_eq!(publisher.name.get("fr"), ("Réseau de Saaba", false));
        assert_eq!(publisher.name.default, "Saaba Network");
        assert_eq!(publisher.logo.as_deref(), Some("img/logo.svg"));
        let contact = c.contact.expect("a contact");
        assert_eq!(contact.email.as_deref(), Some("tracker@example.org"));
        assert_eq!(contact.phone, None);
        assert_eq!(contact.messaging.as_deref(), Some("+226 70 00 00 00"));
        let corrections = c.corrections.expect("corrections");
        assert_eq!(corrections.default, "Tell us at the next session.");
        let none = config_ok(&site_yaml(""));
        assert_eq!((none.license, none.publisher), (None, None));
        assert_eq!((none.contact, none.corrections), (None, None));
    }

    #[test]
    fn each_trust_signal_is_checked_where_it_is() {
        for (extra, line, column, message) in [
            (
                "license: { name: CC BY 4.0 }\n",
                7,
                10,
                "`license` has no `url`",
            ),
            (
                "license: { name: CC BY 4.0, url: creativecommons.org }\n",
                7,
                34,
                "`url` of `license` is not a web address",
            ),
            (
                "publisher: { url: \"https://x.org/\" }\n",
                7,
                12,
                "`publisher` has no `name`",
            ),
            (
                "publisher: { name: { fr: Réseau } }\n",
                7,
                20,
                "`name` has no text in the default language",
            ),
            (
                "publisher: { name: X, logo: ../logo.svg }\n",
                7,
                29,
                "`logo` of `publisher` is not a path in `static/`",
            ),
            (
                "contact: { email: tracker.example.org }\n",
                7,
                19,
                "`email` of `contact` is not an email address",
            ),
            (
                "contact: {}\n",
                7,
                10,
                "`contact` names no way of reaching you",
            ),
            (
                "contact: { fax: 123 }\n",
                7,
                12,
                "unknown field `fax` in `contact`",
            ),
        ] {
            let (_, d) = config_error(&site_yaml(extra));
            assert_eq!(place(&d), ("site.yaml", line, column, message), "{extra}");
        }
    }

    #[test]
    fn a_logo_must_be_a_file_of_static() {
        let text = site_yaml("publisher: { name: X, logo: logo.svg }\n");
        let (config, _) = config(&text);
        let config = config.expect("a config");
        let file = source("site.yaml", &text);
        let there = ["logo.svg".to_owned()];
        assert!(super::check_logo(&file, &config, &there).is_none());
        let d = super::check_logo(&file, &config, &["logo.png".to_owned()]).expect("an error");
        assert_eq!(
            place(&d),
            (
                "site.yaml",
                7,
                29,
                "the publisher's logo is not in `static/`"
            )
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `logo.png`?"));
    }
}
