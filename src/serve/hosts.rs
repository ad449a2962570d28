//! The Host check of the preview server: it answers only requests addressed
//! to a name or an address it listens on, with its port, so that a web page
//! whose name is made to point at this computer (DNS rebinding) cannot read
//! the drafts the preview shows. Other requests get `421 Misdirected
//! Request` with a short explanation.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeSet;
use std::net::IpAddr;
use std::sync::Arc;

/// The names and addresses requests may be addressed to.
#[derive(Debug)]
pub(crate) struct Hosts {
    /// Lowercase host names and addresses (IPv6 ones in brackets).
    names: BTreeSet<String>,
    port: u16,
}

/// An address as a URL writes it: IPv6 in brackets.
fn url_host(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

impl Hosts {
    /// The names of a server bound to `bind` on `port`: this computer's
    /// loopback names, the address bound, and when that is every address
    /// (`0.0.0.0`, `::`), each address of the computer's interfaces.
    pub(crate) fn new(bind: IpAddr, port: u16) -> Hosts {
        let mut names: BTreeSet<String> = ["localhost", "127.0.0.1", "[::1]"]
            .into_iter()
            .map(str::to_owned)
            .collect();
        names.insert(url_host(bind));
        if bind.is_unspecified()
            && let Ok(interfaces) = if_addrs::get_if_addrs()
        {
            names.extend(interfaces.iter().map(|i| url_host(i.ip())));
        }
        Hosts { names, port }
    }

    /// Whether `host` (a `Host` header's value, or a URL's authority) is
    /// one of these names, with this port or none.
    pub(crate) fn allows(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let (name, port) = split_port(&host);
        let port_ok = match port {
            None => true,
            Some(p) => p.parse::<u16>() == Ok(self.port),
        };
        port_ok && self.names.contains(name)
    }
}

/// A host and its port (`localhost:1111`, `[::1]:1111`, `localhost`).
fn split_port(host: &str) -> (&str, Option<&str>) {
    if host.starts_with('[') {
        return match host.find(']') {
            Some(end) => {
                let rest = &host[end + 1..];
                (&host[..=end], rest.strip_prefix(':'))
            }
            None => (host, None),
        };
    }
    match host.rsplit_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    }
}

/// The middleware: the request goes on only when its `Host` header (and the
/// authority of its URL, when it has one) is allowed.
pub(crate) async fn check(
    State(hosts): State<Arc<Hosts>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let header = req.headers().get(header::HOST).map(HeaderValue::to_str);
    let allowed = match header {
        Some(Ok(host)) => hosts.allows(host),
        _ => false,
    } && req
        .uri()
        .authority()
        .is_none_or(|a| hosts.allows(a.as_str()));
    if allowed {
        next.run(req).await
    } else {
        misdirected(&hosts)
    }
}

/// The answer to a request addressed to another name, in plain words.
fn misdirected(hosts: &Hosts) -> Response {
    let text = format!(
        "This preview server answers only at the addresses of this computer \
         (such as http://localhost:{}/ or http://127.0.0.1:{}/, and those it \
         printed when it started). This request was addressed to another name, \
         so it is refused: otherwise another web site could read the drafts \
         this preview shows.\n",
        hosts.port, hosts.port
    );
    let mut r = (StatusCode::MISDIRECTED_REQUEST, text).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_computers_names_with_the_port_are_allowed() {
        let hosts = Hosts::new("127.0.0.1".parse().unwrap(), 1111);
        for ok in [
            "localhost:1111",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "localhost",
        ] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for refused in [
            "evil.example:1111",
            "evil.example",
            "localhost:1112",
            "localhost:",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "[::1",
            "",
        ] {
            assert!(!hosts.allows(refused), "{refused}");
        }
        let lan = Hosts::new("192.168.1.5".parse().unwrap(), 80);
        assert!(lan.allows("192.168.1.5"));
        assert!(!lan.allows("192.168.1.6"));
        let v6 = Hosts::new("fd00::5".parse().unwrap(), 8080);
        assert!(v6.allows("[fd00::5]:8080"));
    }
}
