//! Serve: a local preview server that rebuilds and reloads as editors save.
//!
//! `pledgeboard serve` builds the site into a private temporary folder,
//! serves that folder over HTTP, watches the site directory and rebuilds on
//! every change. Open pages hold a server-sent-events connection and reload
//! after each rebuild. When a rebuild fails, the previous output stays
//! served and every page carries an overlay with the same diagnostics the
//! command line prints; once the content is fixed, pages reload to it.
//!
//! The reload script and the overlay are added to HTML responses by the
//! server only; the files of the output folder never contain them.
//!
//! Only the output folder is served: paths with `..`, encoded dots or
//! backslashes are refused, and a path that resolves (through a symbolic
//! link) outside the folder is answered with the 404 page.

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
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

/// The path of the live-reload event stream.
pub const EVENTS_PATH: &str = "/__pledgeboard/events";

/// What the server knows about the last build.
#[derive(Default)]
struct BuildState {
    /// The diagnostics of the last build when it failed.
    errors: Option<Vec<Diagnostic>>,
    /// Counts rebuilds; sent with each reload event.
    generation: u64,
}

#[derive(Clone)]
struct App {
    out: PathBuf,
    state: Arc<Mutex<BuildState>>,
    reload: broadcast::Sender<u64>,
}

pub struct Options {
    pub site_dir: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
}

/// Binds the first free port from `port` on, saying so when `port` was taken.
fn bind(addr: IpAddr, port: u16) -> Result<TcpListener, String> {
    let mut last_err = None;
    for p in port..port.saturating_add(100) {
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

fn print_build(result: &Result<pipeline::Report, Vec<Diagnostic>>) {
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
            println!(
                "The content has {n} error(s); still serving the last good build. Fix and save to reload."
            );
        }
    }
}

/// Runs the preview server until Ctrl-C.
pub fn serve(opts: Options) -> Result<(), String> {
    let tmp = tempfile::Builder::new()
        .prefix("pledgeboard-serve-")
        .tempdir()
        .map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let out = tmp.path().join("site");
    let site_dir = opts.site_dir.clone();
    let mut session = crate::session::Session::new(&site_dir, Some(&out));
    let first = session.rebuild(pipeline::build_date());
    print_build(&first);
    let state = Arc::new(Mutex::new(BuildState {
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
    // Ctrl-C is caught from here on, before the addresses are printed: an
    // interrupt that comes as soon as the server says it is up stops it cleanly.
    #[cfg(unix)]
    let mut interrupt = {
        let _runtime = runtime.enter();
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
            .map_err(|e| format!("cannot catch Ctrl-C: {e}"))?
    };
    println!("Serving {} at:", site_dir.display());
    for u in &urls {
        println!("  {u}");
    }
    println!("Pages reload when you save a file. Press Ctrl-C to stop.");
    if opts.open {
        open_browser(&urls[0]);
    }

    // Rebuild on every change, on a thread of its own.
    {
        let state = state.clone();
        let reload = reload.clone();
        std::thread::spawn(move || {
            while let Some(changed) = watch.next_change() {
                let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
                println!("Changed: {}", names.join(", "));
                let result = session.rebuild_after(pipeline::build_date(), Some(&changed));
                print_build(&result);
                let generation = {
                    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                    s.errors = result.err();
                    s.generation += 1;
                    s.generation
                };
                let _ = reload.send(generation);
            }
        });
    }

    let app = App { out, state, reload };
    let router = Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(get(file))
        .with_state(app);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
        axum::serve(listener, router)
            .with_graceful_shutdown(async move {
                #[cfg(unix)]
                interrupt.recv().await;
                #[cfg(not(unix))]
                let _ = tokio::signal::ctrl_c().await;
                println!("\nStopped.");
            })
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })?;
    drop(tmp);
    Ok(())
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

/// Decodes `%XX` escapes; `None` for malformed escapes or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file under `out` that a request path names, refusing any escape.
/// `Err(true)` asks for a redirect to the path with a trailing slash.
fn resolve(out: &Path, raw_path: &str) -> Result<PathBuf, bool> {
    let decoded = percent_decode(raw_path).ok_or(false)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return Err(false);
    }
    let mut path = out.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." {
            return Err(false);
        }
        path.push(seg);
    }
    if path.is_dir() {
        if !decoded.ends_with('/') {
            return Err(true);
        }
        path.push("index.html");
    }
    // Symbolic links must not lead outside the output folder.
    let real = path.canonicalize().map_err(|_| false)?;
    let root = out.canonicalize().map_err(|_| false)?;
    if real.starts_with(&root) && real.is_file() {
        Ok(real)
    } else {
        Err(false)
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" if path.file_name().is_some_and(|n| n == "atom.xml") => {
            "application/atom+xml; charset=utf-8"
        }
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

const RELOAD_SCRIPT: &str = concat!(
    "<script>(function(){var s=new EventSource(\"",
    "/__pledgeboard/events",
    "\");s.addEventListener(\"reload\",function(){location.reload()})})()</script>"
);

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The overlay listing a failed build's diagnostics.
fn overlay(errors: &[Diagnostic]) -> String {
    let text: String = errors.iter().map(|d| d.to_string()).collect();
    let n = errors.iter().filter(|d| d.is_error()).count();
    format!(
        "<div id=\"pledgeboard-overlay\" role=\"alert\" lang=\"en\" dir=\"ltr\" style=\"position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:1rem;font:14px/1.45 ui-monospace,monospace\">\
<p style=\"font:bold 18px system-ui,sans-serif;margin:0 0 .75rem\">pledgeboard: the content has {n} error(s). This page shows the last good build; it reloads when you save a fix.</p>\
<pre style=\"white-space:pre-wrap;margin:0\">{}</pre></div>",
        escape(&text)
    )
}

/// Adds the reload script (and the overlay, when the last build failed) to an HTML page.
fn inject(html: &str, errors: Option<&[Diagnostic]>) -> String {
    let mut extra = String::new();
    if let Some(errors) = errors {
        extra.push_str(&overlay(errors));
    }
    extra.push_str(RELOAD_SCRIPT);
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]),
        None => format!("{html}{extra}"),
    }
}

async fn file(State(app): State<App>, req: Request<Body>) -> Response {
    let raw = req.uri().path().to_owned();
    let errors = app
        .state
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .errors
        .clone();
    let (status, path) = match resolve(&app.out, &raw) {
        Ok(p) => (StatusCode::OK, Some(p)),
        Err(true) => {
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(v) = HeaderValue::from_str(&format!("{raw}/")) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            return r;
        }
        Err(false) => (
            StatusCode::NOT_FOUND,
            Some(app.out.join("404.html")).filter(|p| p.is_file()),
        ),
    };
    let Some(path) = path else {
        // No output at all yet (the first build failed): a page with the overlay.
        let page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pledgeboard</title></head><body><p>Not found.</p></body></html>".to_string();
        return html_response(status, inject(&page, errors.as_deref()));
    };
    let bytes = match tokio::fs::read(&path).await {
        Ok(b) => b,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let ctype = content_type(&path);
    if ctype.starts_with("text/html") {
        let html = String::from_utf8_lossy(&bytes);
        return html_response(status, inject(&html, errors.as_deref()));
    }
    let mut r = (status, bytes).into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
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

    #[test]
    fn paths_cannot_escape_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("en")).unwrap();
        std::fs::write(out.join("en/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        assert!(resolve(&out, "/en/").is_ok());
        assert_eq!(resolve(&out, "/en"), Err(true));
        assert_eq!(resolve(&out, "/../secret.txt"), Err(false));
        assert_eq!(resolve(&out, "/%2e%2e/secret.txt"), Err(false));
        assert_eq!(resolve(&out, "/en/%2E%2E/%2e%2e/secret.txt"), Err(false));
        assert_eq!(resolve(&out, "/..%5csecret.txt"), Err(false));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt"))
                .unwrap();
            assert_eq!(resolve(&out, "/link.txt"), Err(false));
        }
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
