//! The connections of the preview server, so that idle or slow clients
//! cannot starve real requests:
//!
//! - at most [`Limits::max_connections`] are open at once (256 by default:
//!   a browser opens about six to a server, plus one live-reload stream per
//!   open page, so this is a room of people previewing together); past
//!   that, new ones wait to be accepted until one closes;
//! - a connection that has not sent a complete request head within
//!   [`Limits::head_timeout`] (10 s by default) of opening, or of its last
//!   answer when kept alive, is closed. This is hyper's header-read
//!   timeout, which covers both cases: it is the header timeout and the
//!   idle keep-alive timeout at once. An answer being sent (a page, the
//!   live-reload stream) is never cut.
//!
//! `PLEDGEBOARD_SERVE_MAX_CONNECTIONS` and `PLEDGEBOARD_SERVE_HEAD_TIMEOUT_MS`
//! change both (the tests use a small cap and a short timeout).

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How many connections may be open at once, and how long each may take
/// to send a request head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) max_connections: usize,
    pub(crate) head_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 256,
            head_timeout: Duration::from_secs(10),
        }
    }
}

impl Limits {
    /// The defaults, with the environment's settings over them.
    pub(crate) fn from_env() -> Result<Limits, String> {
        let mut limits = Limits::default();
        if let Some(n) = setting("PLEDGEBOARD_SERVE_MAX_CONNECTIONS")? {
            limits.max_connections = n as usize;
        }
        if let Some(ms) = setting("PLEDGEBOARD_SERVE_HEAD_TIMEOUT_MS")? {
            limits.head_timeout = Duration::from_millis(ms);
        }
        Ok(limits)
    }
}

/// The environment variable `name` as a whole number above 0, if set.
fn setting(name: &str) -> Result<Option<u64>, String> {
    parse_setting(name, std::env::var_os(name).as_deref())
}

/// `value`, the value of the variable `name`, as a whole number above 0.
fn parse_setting(name: &str, value: Option<&std::ffi::OsStr>) -> Result<Option<u64>, String> {
    let Some(value) = value else {
        return Ok(None);
    };
    match value.to_str().and_then(|v| v.trim().parse::<u64>().ok()) {
        Some(n) if n > 0 => Ok(Some(n)),
        _ => Err(format!(
            "the environment variable {name} is `{}`; it must be a whole number above 0",
            value.to_string_lossy()
        )),
    }
}

/// Accepts connections on `listener` and answers them with `router`
/// within `limits`, until `stop` completes.
pub(crate) async fn run(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) {
    let open = Arc::new(Semaphore::new(limits.max_connections));
    let mut stop = std::pin::pin!(stop);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => permit,
            () = &mut stop => return,
        };
        // The semaphore is never closed.
        let Ok(permit) = permit else { return };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stop => return,
        };
        match accepted {
            Ok((stream, _)) => {
                tokio::spawn(answer(stream, router.clone(), limits, permit));
            }
            // Out of file descriptors, say: wait a little, as axum does.
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Answers the requests of one connection; its place is freed when it closes.
async fn answer(stream: TcpStream, router: Router, limits: Limits, permit: OwnedSemaphorePermit) {
    let service = TowerToHyperService::new(router);
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.head_timeout)
        .serve_connection(TokioIo::new(stream), service);
    // A failed connection (timed out, reset) concerns only its client.
    let _ = connection.await;
    drop(permit);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_must_be_whole_numbers_above_0() {
        let parse = |v: Option<&str>| parse_setting("N", v.map(std::ffi::OsStr::new));
        assert_eq!(parse(Some("12")), Ok(Some(12)));
        assert_eq!(parse(None), Ok(None));
        for bad in ["0", "-1", "ten", "1.5", ""] {
            let e = parse(Some(bad)).unwrap_err();
            assert_eq!(
                e,
                format!("the environment variable N is `{bad}`; it must be a whole number above 0")
            );
        }
    }
}
