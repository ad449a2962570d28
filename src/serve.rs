//! Serve: a local preview server that rebuilds and reloads as editors save.
//!
//! `pledgeboard serve` builds the site into a private temporary folder,
//! serves that folder over HTTP, watches the site directory and rebuilds on
//! every change. Open pages hold a server-sent-events connection and reload
//! after each rebuild. When a rebuild fails, the previous output stays
//! served and every page carries an overlay with the same diagnostics the
//! command line prints (`overlay.rs`); once the content is fixed, pages
//! reload to it. While no build has succeeded (`serve` started on broken
//! content), every page's address answers with a page that says so and
//! lists the errors, and reloads to the portal at the first good build.
//!
//! The reload script and the overlay are added to HTML responses by the
//! server only; the files of the output folder never contain them.
//!
//! Only the output folder is served: files are found by tower-http's
//! `ServeDir`, which refuses paths with `..` (encoded or not), `%00`,
//! backslashes or a drive prefix; a path that resolves through a symbolic
//! link outside the folder is refused here, before `ServeDir` (which
//! follows links) is asked. Both are answered with the 404 page. A
//! redirect (a folder's URL without its slash) always stays on this server:
//! `//en` goes to `/en/`, never to `//en/`, which a browser reads as the
//! host `en`.
//!
//! Drafts stay private: only requests addressed to this computer's names
//! are answered (`hosts.rs`, against DNS rebinding); a server bound to more
//! than the loopback address says who can read it; idle and slow
//! connections are closed and their number capped (`connections.rs`).
//! Ctrl-C, SIGTERM and SIGHUP all stop the server and remove its
//! temporary folder.

mod connections;
mod hosts;
mod overlay;

use crate::diag::Diagnostic;
use crate::pipeline;
use crate::watch::Watch;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use connections::Limits;
use hosts::Hosts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tower_http::services::ServeDir;

/// The path of the live-reload event stream.
pub const EVENTS_PATH: &str = "/__pledgeboard/events";

/// What the server knows about the last build.
#[derive(Default)]
struct BuildState {
    /// The diagnostics of the last build when it failed.
    errors: Option<Vec<Diagnostic>>,
    /// Whether a build has succeeded since the server started: whether
    /// there is a portal to show.
    built: bool,
    /// Counts rebuilds; sent with each reload event.
    generation: u64,
}

#[derive(Clone)]
struct App {
    out: PathBuf,
    /// Serves the files of `out`.
    files: ServeDir,
    state: Arc<Mutex<BuildState>>,
    reload: broadcast::Sender<u64>,
}

pub struct Options {
    pub site_dir: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
}

/// Binds the first free port from `port` on (up to 99 more, never past
/// 65535), saying so when `port` was taken.
fn bind(addr: IpAddr, port: u16) -> Result<TcpListener, String> {
    let mut last_err = None;
    for p in port..=port.saturating_add(99) {
        match TcpListener::bind(SocketAddr::new(addr, p)) {
            Ok(l) => {
                if p != port {
                    println!("Port {port} is taken; using port {p} instead.");
                }
                return Ok(l);
            }
            Err(e) => last_err = Some(e),
        }
    }
    Err(format!(
        "no free port from {port} to {}: {}",
        port.saturating_add(99),
        last_err.map_or_else(String::new, |e| e.to_string())
    ))
}

/// The addresses a reader can type to reach the server.
fn urls(addr: IpAddr, port: u16) -> Vec<String> {
    if addr.is_unspecified() {
        let mut out = vec![format!("http://127.0.0.1:{port}/")];
        if let Ok(ifaces) = if_addrs::get_if_addrs() {
            for i in ifaces {
                let ip = i.ip();
                if !ip.is_loopback() && ip.is_ipv4() == addr.is_ipv4() {
                    out.push(format!("http://{}/", SocketAddr::new(ip, port)));
                }
            }
        }
        out
    } else {
        vec![format!("http://{}/", SocketAddr::new(addr, port))]
    }
}

/// The warning for a server that more than this computer can reach: it
/// names the addresses, and who can read what. `None` for a loopback address.
fn exposure_warning(addr: IpAddr, urls: &[String]) -> Option<String> {
    if addr.is_loopback() {
        return None;
    }
    let outside: Vec<&str> = urls
        .iter()
        .map(String::as_str)
        .filter(|u| !u.starts_with("http://127.0.0.1:"))
        .collect();
    let reach = if outside.is_empty() {
        format!("the address {addr}")
    } else {
        outside.join(", ")
    };
    Some(format!(
        "warning: listening on {addr}, not only on this computer: anyone on the network \
         who can reach {reach} can open the preview and read the drafts in it, \
         unpublished ones included. Use --bind 127.0.0.1 (the default) to keep it to this computer."
    ))
}

/// Prints a build's diagnostics and outcome; `built` says whether a build
/// had succeeded before (whether there is a last good build to serve).
fn print_build(result: &Result<pipeline::Report, Vec<Diagnostic>>, built: bool) {
    match result {
        Ok(report) => {
            for w in &report.warnings {
                eprint!("{w}");
            }
            println!(
                "Rebuilt in {:.0} ms ({} of {} pages rendered).",
                report.elapsed.as_secs_f64() * 1000.0,
                report.rendered,
                report.pages
            );
        }
        Err(diags) => {
            for d in diags {
                eprint!("{d}");
            }
            let n = diags.iter().filter(|d| d.is_error()).count();
            if built {
                println!(
                    "The content has {n} error(s); still serving the last good build. Fix and save to reload."
                );
            } else {
                println!(
                    "The content has {n} error(s), so the portal could not be built yet; the preview shows them. Fix and save to reload."
                );
            }
        }
    }
}

/// Runs the preview server until Ctrl-C, SIGTERM or SIGHUP.
pub fn serve(opts: Options) -> Result<(), String> {
    let limits = Limits::from_env()?;
    let tmp = tempfile::Builder::new()
        .prefix("pledgeboard-serve-")
        .tempdir()
        .map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let out = tmp.path().join("site");
    let site_dir = opts.site_dir.clone();
    let mut session = crate::session::Session::new(&site_dir, Some(&out));
    let first = session.rebuild(pipeline::build_date());
    print_build(&first, false);
    let state = Arc::new(Mutex::new(BuildState {
        built: first.is_ok(),
        errors: first.err(),
        generation: 0,
    }));
    let (reload, _) = broadcast::channel(16);

    let watch = Watch::start(&site_dir, std::slice::from_ref(&out))?;
    let listener = bind(opts.bind, opts.port)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let urls = urls(opts.bind, port);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    // Signals are caught from here on, before the addresses are printed: a
    // stop that comes as soon as the server says it is up stops it cleanly.
    let stop = {
        let _runtime = runtime.enter();
        Stop::catch()?
    };
    if let Some(warning) = exposure_warning(opts.bind, &urls) {
        eprintln!("{warning}");
    }
    println!("Serving {} at:", site_dir.display());
    for u in &urls {
        println!("  {u}");
    }
    println!("Pages reload when you save a file. Press Ctrl-C to stop.");
    if opts.open {
        open_browser(&urls[0]);
    }

    let session = rebuild_on_change(watch, session, state.clone(), reload.clone());
    let router = router(
        App {
            files: ServeDir::new(&out),
            out,
            state,
            reload,
        },
        Hosts::new(opts.bind, port),
    );
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
        connections::run(listener, router, limits, stop.wait()).await;
        println!("\nStopped.");
        Ok::<(), String>(())
    })?;
    // Open connections (live-reload streams) end here, and a rebuild under
    // way (with its open-data files), before their folder goes; no rebuild
    // starts after.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    drop(session.lock().unwrap_or_else(|e| e.into_inner()).take());
    drop(tmp);
    Ok(())
}

/// Rebuilds on every change, on a thread of its own, and tells the pages
/// to reload. The session is returned shared: the server takes it away when
/// it stops, once a rebuild under way is done, and no rebuild starts after.
fn rebuild_on_change(
    watch: Watch,
    session: crate::session::Session,
    state: Arc<Mutex<BuildState>>,
    reload: broadcast::Sender<u64>,
) -> Arc<Mutex<Option<crate::session::Session>>> {
    let session = Arc::new(Mutex::new(Some(session)));
    let shared = session.clone();
    std::thread::spawn(move || {
        while let Some(changed) = watch.next_change() {
            let mut held = shared.lock().unwrap_or_else(|e| e.into_inner());
            let Some(session) = held.as_mut() else {
                break;
            };
            println!("Changed: {}", crate::watch::names(&changed));
            let result = session.rebuild_after(pipeline::build_date(), Some(&changed));
            let built = state.lock().unwrap_or_else(|e| e.into_inner()).built;
            print_build(&result, built);
            let generation = {
                let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                s.built |= result.is_ok();
                s.errors = result.err();
                s.generation += 1;
                s.generation
            };
            let _ = reload.send(generation);
        }
    });
    session
}

/// The server's routes: live-reload events and the output's files, behind
/// the Host check.
fn router(app: App, hosts: Hosts) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(get(file))
        .with_state(app)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(hosts),
            hosts::check,
        ))
}

/// The signals that stop the server: Ctrl-C (SIGINT), SIGTERM (a service
/// manager, `kill`) and SIGHUP (the terminal closed). Each stops it the
/// same way, removing its temporary folder.
struct Stop {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hangup: tokio::signal::unix::Signal,
}

impl Stop {
    /// Starts catching the signals; must run inside the runtime.
    #[cfg(unix)]
    fn catch() -> Result<Stop, String> {
        use tokio::signal::unix::{SignalKind, signal};
        let catch = |kind: SignalKind, what: &str| {
            signal(kind).map_err(|e| format!("cannot catch {what}: {e}"))
        };
        Ok(Stop {
            interrupt: catch(SignalKind::interrupt(), "Ctrl-C")?,
            terminate: catch(SignalKind::terminate(), "SIGTERM")?,
            hangup: catch(SignalKind::hangup(), "SIGHUP")?,
        })
    }

    #[cfg(not(unix))]
    fn catch() -> Result<Stop, String> {
        Ok(Stop {})
    }

    /// Completes when one of the signals comes.
    async fn wait(self) {
        #[cfg(unix)]
        {
            let mut s = self;
            tokio::select! {
                _ = s.interrupt.recv() => {}
                _ = s.terminate.recv() => {}
                _ = s.hangup.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(cmd).arg(url).spawn().is_err() {
        println!("Could not open a browser; open {url} yourself.");
    }
}

async fn events(
    State(app): State<App>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(app.reload.subscribe())
        .filter_map(|g| g.ok())
        .map(|g| Ok(Event::default().event("reload").data(g.to_string())));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

const RELOAD_SCRIPT: &str = concat!(
    "<script>(function(){var s=new EventSource(\"",
    "/__pledgeboard/events",
    "\");s.addEventListener(\"reload\",function(){location.reload()})})()</script>"
);

/// Adds the reload script (and the overlay, when the last build failed) to an HTML page.
fn inject(html: &str, errors: Option<&[Diagnostic]>) -> String {
    let mut extra = String::new();
    if let Some(errors) = errors {
        extra.push_str(&overlay::overlay(errors));
    }
    extra.push_str(RELOAD_SCRIPT);
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]),
        None => format!("{html}{extra}"),
    }
}

/// Answers a request for a file of the output folder: tower-http's
/// `ServeDir` finds it (percent-decoding; `..`, encoded dots, `%00`,
/// backslashes and absolute paths refused; `index.html` for a folder's
/// URL; a redirect for a folder's URL without its slash) and gives its
/// content type. Around it: the symbolic-link check (ServeDir follows
/// links wherever they lead), the 404 page, whole fresh files only, and
/// the reload script and overlay in HTML responses.
async fn file(State(app): State<App>, req: Request<Body>) -> Response {
    let (errors, built) = {
        let state = app.state.lock().unwrap_or_else(|e| e.into_inner());
        (state.errors.clone(), state.built)
    };
    let path = req.uri().path().to_owned();
    if let Some(errors) = errors.as_deref().filter(|_| !built && is_page(&path)) {
        let page = overlay::unbuilt_page(errors, RELOAD_SCRIPT);
        return html_response(StatusCode::SERVICE_UNAVAILABLE, page);
    }
    if leads_out(&app.out, &path) {
        return not_found(&app.out, errors.as_deref()).await;
    }
    let mut req = req;
    // The preview sends whole, fresh files (no ranges, no "not modified"):
    // an HTML page must be whole to get the script, and the last build's.
    for h in [
        header::RANGE,
        header::IF_RANGE,
        header::IF_MODIFIED_SINCE,
        header::IF_UNMODIFIED_SINCE,
        header::IF_NONE_MATCH,
        header::IF_MATCH,
    ] {
        req.headers_mut().remove(h);
    }
    let res = match app.files.clone().try_call(req).await {
        Ok(res) => res,
        Err(_) => return not_found(&app.out, errors.as_deref()).await,
    };
    match res.status() {
        StatusCode::NOT_FOUND => not_found(&app.out, errors.as_deref()).await,
        // ServeDir redirects a folder's URL without its slash temporarily;
        // the preview has always said it permanently.
        StatusCode::TEMPORARY_REDIRECT => {
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            let to = res
                .headers()
                .get(header::LOCATION)
                .and_then(|to| to.to_str().ok());
            if let Some(to) = to.and_then(|to| HeaderValue::from_str(&on_this_host(to)).ok()) {
                r.headers_mut().insert(header::LOCATION, to);
            }
            r
        }
        _ => {
            let status = res.status();
            let ctype = content_type(&path, res.headers().get(header::CONTENT_TYPE));
            let body = Body::new(res.into_body());
            if ctype.as_bytes().starts_with(b"text/html") {
                let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                };
                let html = String::from_utf8_lossy(&bytes);
                return html_response(status, inject(&html, errors.as_deref()));
            }
            let mut r = (status, body).into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, ctype);
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
    }
}

/// Whether request path `path` is a page's address: a folder's (`/en/`),
/// an HTML file's, or one without an extension (`/en`).
fn is_page(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    !last.contains('.') || last.ends_with(".html")
}

/// A redirect's target (ServeDir's: the path asked for with a slash added)
/// as a path of this server. Browsers read a target starting with `//`, or
/// `/\\` (a backslash is a slash to them), as the address of another host
/// (`//en/` is the host `en`), so leading slashes and backslashes become one
/// slash.
fn on_this_host(location: &str) -> String {
    format!("/{}", location.trim_start_matches(['/', '\\']))
}

/// Whether the request path names, through a symbolic link, something
/// outside the output folder (or a folder whose `index.html` is such a
/// link). ServeDir follows links, so this is checked before it is asked;
/// the path is decoded as ServeDir decodes it, and a path it would refuse
/// anyway (`..`, undecodable) is left to it.
fn leads_out(out: &Path, raw_path: &str) -> bool {
    let Ok(decoded) = percent_encoding::percent_decode_str(raw_path).decode_utf8() else {
        return false;
    };
    let mut path = out.to_path_buf();
    for part in Path::new(decoded.trim_start_matches('/')).components() {
        match part {
            std::path::Component::Normal(name) => path.push(name),
            std::path::Component::CurDir => {}
            _ => return false,
        }
    }
    let Ok(root) = out.canonicalize() else {
        return false;
    };
    let outside = |p: &Path| p.canonicalize().is_ok_and(|real| !real.starts_with(&root));
    outside(&path) || (path.is_dir() && outside(&path.join("index.html")))
}

/// The content type of the file at request path `path`: ServeDir's guess
/// from the file name, UTF-8 for text (pledgeboard writes nothing else),
/// and Atom's own type for feeds (`atom.xml`), which a guess by extension
/// cannot know.
fn content_type(path: &str, guessed: Option<&HeaderValue>) -> HeaderValue {
    if path.ends_with("/atom.xml") {
        return HeaderValue::from_static("application/atom+xml; charset=utf-8");
    }
    let guessed = guessed
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream");
    let textual = guessed.starts_with("text/")
        || matches!(
            guessed,
            "application/javascript" | "application/xml" | "image/svg+xml"
        );
    let ctype = if textual && !guessed.contains("charset") {
        format!("{guessed}; charset=utf-8")
    } else {
        guessed.to_owned()
    };
    HeaderValue::from_str(&ctype).unwrap_or(HeaderValue::from_static("application/octet-stream"))
}

/// The 404 page (the output's `404.html`, or a page of its own while there
/// is no output), with the reload script and the overlay.
async fn not_found(out: &Path, errors: Option<&[Diagnostic]>) -> Response {
    let page = match tokio::fs::read(out.join("404.html")).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        // No output at all yet (the first build failed).
        Err(_) => "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pledgeboard</title></head><body><p>Not found.</p></body></html>".to_owned(),
    };
    html_response(StatusCode::NOT_FOUND, inject(&page, errors))
}

fn html_response(status: StatusCode, html: String) -> Response {
    let mut r = (status, html).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An app serving `out`, whose last build failed when `errors` are given.
    fn app(out: &Path, errors: Option<Vec<Diagnostic>>) -> App {
        App {
            out: out.to_path_buf(),
            files: ServeDir::new(out),
            state: Arc::new(Mutex::new(BuildState {
                errors,
                built: true,
                generation: 0,
            })),
            reload: broadcast::channel(1).0,
        }
    }

    /// Status, content type, location and body of the answer to `GET path`.
    async fn get(app: &App, path: &str) -> (u16, String, String, String) {
        let req = Request::get(path).body(Body::empty()).unwrap();
        let res = file(State(app.clone()), req).await;
        let header = |h| {
            res.headers()
                .get(h)
                .map_or(String::new(), |v: &HeaderValue| {
                    v.to_str().unwrap().to_owned()
                })
        };
        let (ctype, location) = (header(header::CONTENT_TYPE), header(header::LOCATION));
        let status = res.status().as_u16();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        (
            status,
            ctype,
            location,
            String::from_utf8_lossy(&body).into_owned(),
        )
    }

    /// An output folder `site` beside a secret file, in a temporary folder.
    fn output() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("en/updates")).unwrap();
        std::fs::write(out.join("en/index.html"), "<html><body>home</body></html>").unwrap();
        std::fs::write(out.join("404.html"), "<html><body>gone</body></html>").unwrap();
        std::fs::write(out.join("en/updates/atom.xml"), "<feed/>").unwrap();
        for f in [
            "style.css",
            "app.js",
            "sitemap.xml",
            "data.csv",
            "data.json",
            "logo.svg",
        ] {
            std::fs::write(out.join(f), "x").unwrap();
        }
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        (dir, out)
    }

    #[tokio::test]
    async fn paths_cannot_escape_the_output() {
        let (dir, out) = output();
        let app = app(&out, None);
        let (status, ctype, _, body) = get(&app, "/en/").await;
        assert_eq!((status, ctype.as_str()), (200, "text/html; charset=utf-8"));
        assert!(body.starts_with("<html><body>home<script>"), "{body}");
        let (status, _, location, _) = get(&app, "/en").await;
        assert_eq!((status, location.as_str()), (301, "/en/"));
        for path in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/en/%2E%2E/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/en/index.html%00",
            "/%00",
            "/%ff",
            "/no/such/page/",
        ] {
            let (status, _, _, body) = get(&app, path).await;
            assert_eq!(status, 404, "{path}");
            assert!(body.contains("gone"), "{path}: the 404 page, not {body}");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(dir.path().join("secret.txt"), out.join("link.txt")).unwrap();
            symlink(dir.path(), out.join("up")).unwrap();
            std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
            std::fs::write(dir.path().join("elsewhere/index.html"), "secret").unwrap();
            symlink(
                dir.path().join("elsewhere/index.html"),
                out.join("en/updates/index.html"),
            )
            .unwrap();
            symlink(out.join("style.css"), out.join("inside.css")).unwrap();
            for path in [
                "/link.txt",
                "/up/secret.txt",
                "/up/site/../secret.txt",
                "/en/updates/",
            ] {
                let (status, _, _, body) = get(&app, path).await;
                assert_eq!(status, 404, "{path}");
                assert!(!body.contains("secret"), "{path}: {body}");
            }
            assert_eq!(
                get(&app, "/inside.css").await.0,
                200,
                "a link inside is served"
            );
        }
    }

    #[tokio::test]
    async fn content_types_are_utf_8_text_and_atom_for_feeds() {
        let (_dir, out) = output();
        let app = app(&out, None);
        for (path, want) in [
            (
                "/en/updates/atom.xml",
                "application/atom+xml; charset=utf-8",
            ),
            ("/style.css", "text/css; charset=utf-8"),
            ("/data.csv", "text/csv; charset=utf-8"),
            ("/data.json", "application/json"),
            ("/logo.svg", "image/svg+xml; charset=utf-8"),
        ] {
            let (status, ctype, _, body) = get(&app, path).await;
            assert_eq!((status, ctype.as_str()), (200, want), "{path}");
            assert!(
                !body.contains("<script"),
                "{path}: only HTML gets the script"
            );
        }
        for path in ["/app.js", "/sitemap.xml"] {
            let ctype = get(&app, path).await.1;
            assert!(ctype.ends_with("; charset=utf-8"), "{path}: {ctype}");
        }
    }

    #[tokio::test]
    async fn a_failed_build_puts_the_overlay_on_every_html_page() {
        let (_dir, out) = output();
        let errors = vec![Diagnostic::error("a.md", "bad <thing>")];
        let app = app(&out, Some(errors));
        for path in ["/en/", "/missing"] {
            let body = get(&app, path).await.3;
            assert!(
                body.contains("error: a.md: bad &lt;thing&gt;"),
                "{path}: {body}"
            );
        }
        assert!(!get(&app, "/style.css").await.3.contains("overlay"));
    }

    #[tokio::test]
    async fn before_any_good_build_every_page_explains_and_lists_the_errors() {
        let empty = tempfile::tempdir().unwrap();
        let app = self::app(empty.path(), Some(vec![Diagnostic::error("a.md", "bad")]));
        app.state.lock().unwrap().built = false;
        for path in ["/", "/en/localities/saaba/", "/en", "/404.html"] {
            let (status, ctype, _, body) = get(&app, path).await;
            assert_eq!((status, ctype.as_str()), (503, "text/html; charset=utf-8"));
            assert!(
                body.contains("The portal could not be built yet."),
                "{path}: {body}"
            );
            assert!(body.contains("error: a.md: bad"), "{path}: {body}");
            assert!(body.contains(EVENTS_PATH), "{path}: it reloads");
        }
        assert_eq!(get(&app, "/style.css").await.0, 404);
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let html = inject("<html><body><p>x</p></body></html>", None);
        assert!(html.ends_with("</script></body></html>"), "{html}");
        let broken = inject(
            "<body></body>",
            Some(&[Diagnostic::error("a.md", "bad <thing>")]),
        );
        assert!(broken.contains("pledgeboard-overlay"), "{broken}");
        assert!(
            broken.contains("error: a.md: bad &lt;thing&gt;"),
            "{broken}"
        );
    }
}
