//! `pledgeboard serve` and `watch` against a temporary site: edits in the ways
//! editors save files, observed over HTTP as reload events and new content.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// A running `pledgeboard serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    stdout: Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn spawn(args: &[&str], site: &TestSite) -> (Child, Receiver<String>) {
    spawn_with(args, site, &[])
}

/// Like `spawn`, with environment variables `env` set for the command.
fn spawn_with(
    args: &[&str],
    site: &TestSite,
    env: &[(&str, &std::ffi::OsStr)],
) -> (Child, Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .args(args)
        .arg(site.path())
        .env("SOURCE_DATE_EPOCH", "1719705600")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = channel();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    (child, rx)
}

/// Waits for an output line containing `needle`; returns it.
fn wait_line(rx: &Receiver<String>, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            if line.contains(needle) {
                return line;
            }
            seen.push(line);
        }
    }
    panic!("no line with `{needle}` in output:\n{}", seen.join("\n"));
}

impl Server {
    fn start(site: &TestSite) -> Server {
        Server::start_on(site, free_port())
    }

    fn start_on(site: &TestSite, port: u16) -> Server {
        Server::start_with(site, &["--port", &port.to_string()], &[])
    }

    /// `serve` with `args` and environment variables `env`.
    fn start_with(site: &TestSite, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> Server {
        let args: Vec<&str> = ["serve"].iter().chain(args).copied().collect();
        let (child, rx) = spawn_with(&args, site, env);
        let line = wait_line(&rx, "http://127.0.0.1:");
        let port = line
            .trim()
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        Server {
            child,
            port,
            stdout: rx,
        }
    }

    fn get(&self, path: &str) -> Response {
        http_get(self.port, path)
    }

    /// Opens the event stream; events arrive on the returned channel.
    fn events(&self) -> Receiver<String> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let port = self.port;
        write!(s, "GET /__pledgeboard/events HTTP/1.1\r\nHost: localhost:{port}\r\nAccept: text/event-stream\r\n\r\n").unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(s).lines().map_while(Result::ok) {
                if line.starts_with("event:") && tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Let the subscription register before anything is edited.
        std::thread::sleep(Duration::from_millis(300));
        rx
    }
}

struct Response {
    status: u16,
    headers: String,
    body: String,
}

fn http_get(port: u16, path: &str) -> Response {
    http_get_from(port, path, &format!("localhost:{port}"))
}

/// `GET path` with the header `Host: host`, as a browser sends it when
/// the page's address names `host`.
fn http_get_from(port: u16, path: &str, host: &str) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    Response {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_owned(),
    }
}

fn expect_reload(events: &Receiver<String>) {
    match events.recv_timeout(Duration::from_secs(15)) {
        Ok(line) => assert_eq!(line, "event: reload"),
        Err(_) => panic!("no reload event after the edit"),
    }
}

/// Waits for reload events until `done` holds: one save can reach the
/// watcher as more than one batch (a new folder, then its file), each with
/// its own reload, so the first reload may come before the last change.
fn reload_until(events: &Receiver<String>, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(line) => assert_eq!(line, "event: reload"),
            Err(_) => panic!("no reload event with {what} within 15 s"),
        }
        if done() {
            return;
        }
    }
}

fn expect_no_reload(events: &Receiver<String>) {
    if let Ok(line) = events.recv_timeout(Duration::from_millis(1500)) {
        panic!("unexpected event `{line}`");
    }
}

const PAGE: &str = "/en/localities/saaba/joint-patrols/";

#[test]
fn saving_in_place_reloads_with_the_new_content_in_every_language() {
    let site = TestSite::minimal();
    let server = Server::start(&site);
    let page = server.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(
        page.headers
            .contains("content-type: text/html; charset=utf-8"),
        "{}",
        page.headers
    );
    assert!(
        page.body.contains("/__pledgeboard/events"),
        "the reload script is injected"
    );
    assert!(
        Page::parse(&page.body)
            .text()
            .contains("Joint night patrols")
    );

    let events = server.events();
    site.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replace("Joint night patrols", "Joint day patrols"),
    );
    expect_reload(&events);
    for lang in ["en", "fr", "ar"] {
        let body = server
            .get(&format!("/{lang}/localities/saaba/joint-patrols/"))
            .body;
        assert!(body.contains("Joint day patrols"), "{lang}: {body}");
    }
    // The files written to disk never carry the reload script.
    assert!(
        !site.out().exists(),
        "serve builds into a private folder, not SITE_DIR/public"
    );
}

#[test]
fn write_to_temp_then_rename_and_swap_files() {
    let site = TestSite::minimal();
    let server = Server::start(&site);
    let events = server.events();
    // Swap and backup files are ignored.
    site.file("localities/saaba/.joint-patrols.md.swp", "garbage");
    site.file("localities/saaba/joint-patrols.md~", "old");
    expect_no_reload(&events);
    // vim / VS Code style: write a temporary file, then rename it over the original.
    let dir = site.path().join("localities/saaba");
    std::fs::write(
        dir.join(".joint-patrols.md.tmp123"),
        COMMITMENT.replace("Joint night patrols", "Renamed patrols"),
    )
    .unwrap();
    std::fs::rename(
        dir.join(".joint-patrols.md.tmp123"),
        dir.join("joint-patrols.md"),
    )
    .unwrap();
    expect_reload(&events);
    assert!(server.get(PAGE).body.contains("Renamed patrols"));
}

#[test]
fn a_broken_file_shows_the_overlay_and_a_fix_recovers() {
    let site = TestSite::minimal();
    let server = Server::start(&site);
    let events = server.events();
    // A half-saved file: the front matter is cut off.
    site.file(
        "localities/saaba/joint-patrols.md",
        "---\ntitle: Joint night patrols\nstatus: in-progres\n",
    );
    expect_reload(&events);
    let page = server.get(PAGE);
    assert_eq!(page.status, 200, "the last good build is still served");
    let overlay = Page::parse(&page.body)
        .text_of("#pledgeboard-overlay")
        .join(" ");
    assert!(
        overlay.contains("localities/saaba/joint-patrols.md:1:1: the front matter is not closed"),
        "{overlay}"
    );
    assert!(
        page.body.contains("Joint night patrols"),
        "the old content is still there"
    );
    wait_line(&server.stdout, "still serving the last good build");

    site.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replace("Joint night patrols", "Fixed patrols"),
    );
    expect_reload(&events);
    let page = server.get(PAGE);
    assert!(
        !page.body.contains("pledgeboard-overlay"),
        "the overlay is gone"
    );
    assert!(page.body.contains("Fixed patrols"));
}

#[test]
fn new_locality_folder_deleted_file_and_site_yaml_edits() {
    let site = TestSite::minimal();
    let server = Server::start(&site);
    let events = server.events();
    site.file(
        "localities/jos/_index.md",
        "---\nname: Jos North\ncountry: NG\n---\nOn the plateau.\n",
    );
    reload_until(&events, "the new locality", || {
        server.get("/fr/localities/jos/").status == 200
    });

    site.remove("localities/saaba/joint-patrols.md");
    reload_until(&events, "the deleted commitment gone", || {
        server.get(PAGE).status == 404
    });

    site.file(
        "site.yaml",
        &SITE_YAML.replace(
            "title:\n  en: Test tracker",
            "title:\n  en: Renamed tracker",
        ),
    );
    reload_until(&events, "the new title", || {
        server.get("/en/").body.contains("Renamed tracker")
    });
}

#[test]
fn only_the_output_folder_is_served() {
    let site = TestSite::minimal();
    site.file("secret.txt", "do not serve");
    let server = Server::start(&site);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/en/%2E%2E/%2e%2e/site.yaml",
        "/..%2fsecret.txt",
        "/no/such/page/",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains("do not serve"), "{path}");
        assert!(r.body.contains("<html"), "{path}: the 404 page is served");
    }
    let r = server.get("/en");
    assert_eq!(r.status, 301);
    assert!(r.headers.contains("location: /en/"), "{}", r.headers);
    let css = server.get("/style.css");
    assert!(
        css.headers
            .contains("content-type: text/css; charset=utf-8"),
        "{}",
        css.headers
    );
    let feed = server.get("/en/updates/atom.xml");
    assert!(
        feed.headers
            .contains("content-type: application/atom+xml; charset=utf-8"),
        "{}",
        feed.headers
    );
    let csv = server.get("/data/commitments.csv");
    assert!(
        csv.headers
            .contains("content-type: text/csv; charset=utf-8"),
        "{}",
        csv.headers
    );
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let site = TestSite::minimal();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let server = Server::start_on(&site, port);
    assert_ne!(server.port, port);
    assert_eq!(server.get("/en/").status, 200);
}

#[test]
fn watch_keeps_the_output_folder_up_to_date() {
    let site = TestSite::minimal();
    let (child, rx) = spawn(&["watch"], &site);
    let mut child = child;
    wait_line(&rx, "Watching");
    assert!(
        site.read("en/localities/saaba/joint-patrols/index.html")
            .contains("Joint night patrols")
    );
    site.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replace("Joint night patrols", "Watched patrols"),
    );
    wait_line(&rx, "Built ");
    assert!(
        site.read("en/localities/saaba/joint-patrols/index.html")
            .contains("Watched patrols")
    );
    // A broken save keeps the last good output.
    site.file(
        "localities/saaba/joint-patrols.md",
        "---\ntitle: [broken\n---\n",
    );
    wait_line(&rx, "the output folder keeps the last good build");
    assert!(
        site.read("en/localities/saaba/joint-patrols/index.html")
            .contains("Watched patrols")
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn editing_a_theme_template_of_the_site_reloads() {
    let site = TestSite::minimal();
    let server = Server::start(&site);
    let events = server.events();
    // A site overrides a built-in template file by file.
    site.file(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Custom page layout</h1>{% endblock content %}",
    );
    site.file("pages/about.md", "---\ntitle: About\n---\nText.\n");
    expect_reload(&events);
    // Both saves may arrive as one rebuild or two; wait until the page shows the new layout.
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        let r = server.get("/en/about/");
        if r.status == 200 && r.body.contains("Custom page layout") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the template change never showed: {}",
            r.body
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = TestSite::minimal();
    let mut server = Server::start(&site);
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status}");
    wait_line(&server.stdout, "Stopped.");
}

// ---- issue 15: the preview server ----

/// The `location` header of a response, if any.
fn location(r: &Response) -> Option<String> {
    r.headers
        .lines()
        .find_map(|l| l.strip_prefix("location:"))
        .map(|v| v.trim().to_owned())
}

#[test]
fn redirects_never_lead_to_another_host() {
    let site = TestSite::minimal();
    let server = Server::start(&site);
    for path in [
        "//en",
        "///en",
        "/\\en",
        "/\\/en",
        "//evil.example",
        "/\\evil.example",
        "/%2F%2Fevil",
        "/%2F%2Fen",
        "/%5C%5Cen",
        "/%2f/en",
        "//en?next=1",
    ] {
        let r = server.get(path);
        let Some(to) = location(&r) else { continue };
        // Where a browser goes: the redirect resolved against the URL it asked for.
        let asked = url::Url::parse(&format!("http://127.0.0.1:{}{path}", server.port)).unwrap();
        let goes = asked.join(&to).unwrap();
        assert_eq!(
            goes.host_str(),
            Some("127.0.0.1"),
            "GET {path} redirects to `{to}`, which a browser reads as {goes}"
        );
    }
    // The folder's address with an extra slash still reaches the page.
    let r = server.get("//en");
    assert_eq!((r.status, location(&r).as_deref()), (301, Some("/en/")));
    assert_eq!(server.get("/en/").status, 200);
}

#[test]
fn requests_for_another_host_name_are_refused() {
    let site = TestSite::minimal();
    let server = Server::start(&site);
    let port = server.port;
    // What a page of another site sends once its name points here (DNS rebinding).
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_owned(),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
        String::new(),
    ] {
        let r = http_get_from(port, "/en/", &host);
        assert_eq!(r.status, 421, "Host: {host}");
        assert!(
            r.body.contains("answers only at"),
            "Host: {host}: {}",
            r.body
        );
        assert!(!r.body.contains("Test tracker"), "Host: {host}");
    }
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        format!("LOCALHOST:{port}"),
        "localhost".to_owned(),
    ] {
        let r = http_get_from(port, "/en/", &host);
        assert_eq!(r.status, 200, "Host: {host}: {}", r.body);
    }
}

#[cfg(unix)]
#[test]
fn sigterm_and_sighup_stop_the_server_and_remove_its_folder() {
    for signal in ["TERM", "HUP", "INT"] {
        let site = TestSite::minimal();
        let tmp = tempfile::tempdir().unwrap();
        let mut server = Server::start_with(
            &site,
            &["--port", &free_port().to_string()],
            &[("TMPDIR", tmp.path().as_os_str())],
        );
        let held = || std::fs::read_dir(tmp.path()).unwrap().count();
        assert_eq!(held(), 1, "serve builds into a folder in TMPDIR");
        let pid = server.child.id().to_string();
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "serve did not stop on SIG{signal}"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "SIG{signal}: exit status {status}");
        assert_eq!(held(), 0, "SIG{signal} left the temporary folder behind");
    }
}

#[test]
fn the_last_port_can_be_used() {
    let site = TestSite::minimal();
    let server = Server::start_on(&site, 65535);
    assert_eq!(server.port, 65535);
    assert_eq!(server.get("/en/").status, 200);
}

#[test]
fn binding_to_every_address_warns_that_drafts_are_readable() {
    let site = TestSite::minimal();
    let port = free_port().to_string();
    let (mut child, rx) = spawn(&["serve", "--bind", "0.0.0.0", "--port", &port], &site);
    let line = wait_line(&rx, "warning:");
    assert!(line.contains("0.0.0.0"), "{line}");
    assert!(line.contains("anyone on the network"), "{line}");
    assert!(line.contains("drafts"), "{line}");
    let _ = child.kill();
    let _ = child.wait();
}

/// Reads from `s` until the server closes the connection; whether it did
/// within `wait`.
fn closed_by_server(s: &mut TcpStream, wait: Duration) -> bool {
    s.set_read_timeout(Some(wait)).unwrap();
    let mut buf = [0u8; 512];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

#[test]
fn idle_connections_are_closed_and_real_requests_still_answered() {
    let site = TestSite::minimal();
    // A short timeout and a small cap, so that the test does not wait
    // the real ones out (10 s, 256 connections).
    let server = Server::start_with(
        &site,
        &["--port", &free_port().to_string()],
        &[
            ("PLEDGEBOARD_SERVE_HEAD_TIMEOUT_MS", "500".as_ref()),
            ("PLEDGEBOARD_SERVE_MAX_CONNECTIONS", "4".as_ref()),
        ],
    );
    // Twice the cap of connections that never send a request.
    let mut idle: Vec<TcpStream> = (0..8)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    // One that sends half a request head, then nothing.
    let mut half = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(half, "GET /en/ HTTP/1.1\r\nHost: loc").unwrap();
    // A real request still gets its page.
    let r = server.get("/en/");
    assert_eq!(r.status, 200);
    // One kept alive after its answer, then idle.
    let mut kept = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let port = server.port;
    write!(
        kept,
        "GET /style.css HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
    )
    .unwrap();
    for (i, s) in idle.iter_mut().chain([&mut half, &mut kept]).enumerate() {
        assert!(
            closed_by_server(s, Duration::from_secs(30)),
            "connection {i} was never closed"
        );
    }
}

/// `serve` names each changed file like `watch` does: a control character
/// in a file name is shown escaped, never sent to the editor's terminal.
#[test]
fn serve_shows_a_changed_file_name_escaped() {
    let site = TestSite::minimal();
    site.file("static/plan.txt", "text\n");
    let server = Server::start(&site);
    site.file("static/a\u{1b}]0;owned\u{7}b.txt", "text\n");
    let changed = wait_line(&server.stdout, "b.txt");
    assert!(
        !changed.contains('\u{1b}') && !changed.contains('\u{7}'),
        "{changed:?}"
    );
    assert!(
        changed.contains("Changed: static/a\\u{1b}]0;owned\\u{7}b.txt"),
        "{changed}"
    );
}

/// Past the cap, a new connection waits to be accepted until an open one
/// closes: a flood of connections holds at most the cap's worth of the
/// server's resources.
#[test]
fn connections_past_the_cap_wait_until_one_closes() {
    let site = TestSite::minimal();
    let server = Server::start_with(
        &site,
        &["--port", &free_port().to_string()],
        &[
            ("PLEDGEBOARD_SERVE_HEAD_TIMEOUT_MS", "60000".as_ref()),
            ("PLEDGEBOARD_SERVE_MAX_CONNECTIONS", "2".as_ref()),
        ],
    );
    let port = server.port;
    let mut open: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    let mut third = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        third,
        "GET /style.css HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    third
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let early = third.read_to_end(&mut answer);
    assert!(
        early.is_err() && answer.is_empty(),
        "a third connection was answered while two were open: {:?}",
        String::from_utf8_lossy(&answer).lines().next()
    );
    drop(open.pop());
    third
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    third.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

// ---- issue 18: serve started on broken content ----

#[test]
fn serve_started_on_broken_content_explains_and_shows_the_portal_once_fixed() {
    let site = TestSite::minimal();
    site.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replace(
            "status: in-progress\nprogress: 30\nupdates:",
            "status: in-progres\nprogress: 30\nupdates:",
        ),
    );
    // The first build is done (and failed) before the addresses are printed.
    let server = Server::start(&site);
    for path in ["/", PAGE] {
        let page = server.get(path);
        let text = Page::parse(&page.body).text();
        assert!(
            text.contains("The portal could not be built yet. Fix the errors below; this page reloads by itself when you save."),
            "{path}: {text}"
        );
        assert!(
            text.contains("localities/saaba/joint-patrols.md:6:9: unknown status `in-progres`"),
            "{path}: {text}"
        );
        assert!(!text.contains("Not found"), "{path}: {text}");
        assert!(
            page.body.contains("/__pledgeboard/events"),
            "{path}: it reloads"
        );
    }

    let events = server.events();
    site.file("localities/saaba/joint-patrols.md", COMMITMENT);
    expect_reload(&events);
    let page = server.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("pledgeboard-overlay"), "{}", page.body);
    assert!(
        Page::parse(&page.body)
            .text()
            .contains("Joint night patrols")
    );
    assert_eq!(server.get("/").status, 200);
}
