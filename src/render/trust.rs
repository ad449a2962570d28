//! `trust`: site.yaml's trust signals as a page shows them, in language
//! `li`: who publishes the portal (name linked to its site, logo), how to
//! reach them (an email as `mailto:`, a phone as `tel:`, a messaging
//! number as text), how to report an error in the data or send evidence,
//! and the licence of the data and texts. Made once per language (the
//! same on every page); site.yaml is in the site-wide fingerprint.

use super::Renderer;
use super::values::{ContactView, LicenseView, Phone, PublisherView, TrustView};
use crate::model::Contact;
use tera::Value;

impl Renderer<'_> {
    /// The `trust` value of every page of language `li`.
    pub(super) fn trust_value(&self, li: usize) -> Value {
        let config = self.config();
        Value::from_serializable(&TrustView {
            publisher: config.publisher.as_ref().map(|p| PublisherView {
                name: self.lt(&p.name, li),
                url: p.url.clone(),
                logo: p.logo.clone(),
            }),
            contact: config.contact.as_ref().map(contact_view),
            corrections: config.corrections.as_ref().map(|c| self.lt(c, li)),
            license: config.license.as_ref().map(|l| LicenseView {
                name: l.name.clone(),
                url: l.url.clone(),
            }),
        })
    }
}

fn contact_view(c: &Contact) -> ContactView {
    ContactView {
        email: c.email.clone(),
        phone: c.phone.as_ref().map(|text| Phone {
            href: tel_href(text),
            text: text.clone(),
        }),
        messaging: c.messaging.clone(),
    }
}

/// A `tel:` link to a phone number as written (`+226 25 00 00 00`): its
/// digits, with the leading `+` of an international number (RFC 3966
/// drops the spaces and dots people write between groups).
fn tel_href(number: &str) -> String {
    let plus = if number.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    format!("tel:{plus}{digits}")
}

#[cfg(test)]
mod tests {
    use super::tel_href;

    #[test]
    fn a_phone_link_keeps_the_plus_and_the_digits() {
        assert_eq!(tel_href("+226 25 00 00 00"), "tel:+22625000000");
        assert_eq!(tel_href("(01) 23.45-67"), "tel:01234567");
    }
}
