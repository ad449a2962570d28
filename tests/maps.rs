//! Maps (issue 16): every demo locality on its country's map, the overview's
//! dots linking to the localities, coordinates in the open data, and what
//! happens without coordinates or without an outline.

mod common;
use common::*;
use std::path::Path;

fn page(out: &Path, rel: &str) -> Page {
    let p = out.join(rel);
    Page::parse(&std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

/// The demo's localities: (id, [latitude, longitude]) from their files.
fn demo_localities() -> Vec<(String, [f64; 2])> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/localities");
    let mut out: Vec<(String, [f64; 2])> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let id = e.unwrap().file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(dir.join(&id).join("_index.md")).unwrap();
            let line = text
                .lines()
                .find_map(|l| l.strip_prefix("coordinates: "))
                .unwrap_or_else(|| panic!("{id} has no coordinates"));
            let n: Vec<f64> = line
                .trim_matches(['[', ']'])
                .split(',')
                .map(|n| n.trim().parse().unwrap())
                .collect();
            (id, [n[0], n[1]])
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 7);
    out
}

/// The rings of an SVG path written as `M x y l dx dy … z`.
fn rings(d: &str) -> Vec<Vec<(i64, i64)>> {
    d.split('z')
        .filter(|r| !r.is_empty())
        .map(|r| {
            let nums: Vec<i64> = r
                .replace(['M', 'l'], " ")
                .replace('-', " -")
                .split_whitespace()
                .map(|n| {
                    n.parse()
                        .unwrap_or_else(|_| panic!("not an integer in {r}"))
                })
                .collect();
            let mut p = (nums[0], nums[1]);
            let mut ring = vec![p];
            for pair in nums[2..].chunks(2) {
                p = (p.0 + pair[0], p.1 + pair[1]);
                ring.push(p);
            }
            ring
        })
        .collect()
}

/// Whether `(x, y)` is inside the rings (even-odd rule, as the map fills).
fn inside(rings: &[Vec<(i64, i64)>], (x, y): (f64, f64)) -> bool {
    let mut odd = false;
    for ring in rings {
        for (i, &(x1, y1)) in ring.iter().enumerate() {
            let (x2, y2) = ring[(i + 1) % ring.len()];
            let (x1, y1, x2, y2) = (x1 as f64, y1 as f64, x2 as f64, y2 as f64);
            if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                odd = !odd;
            }
        }
    }
    odd
}

fn attr(e: &scraper::ElementRef, name: &str) -> String {
    e.value()
        .attr(name)
        .unwrap_or_else(|| {
            panic!(
                "no {name} on {}",
                e.html().chars().take(200).collect::<String>()
            )
        })
        .to_owned()
}

fn num(e: &scraper::ElementRef, name: &str) -> f64 {
    attr(e, name).parse().unwrap()
}

/// The map's accessible name and description, through `aria-labelledby`.
fn accessible_name(p: &Page) -> (String, String) {
    let svg = &p.select("figure.map svg")[0];
    let ids = attr(svg, "aria-labelledby");
    let ids: Vec<&str> = ids.split(' ').collect();
    assert_eq!(ids.len(), 2, "title and desc");
    let text = |id: &str| p.text_of(&format!("svg #{id}")).join(" ");
    (text(ids[0]), text(ids[1]))
}

#[test]
fn every_demo_locality_page_has_its_dot_inside_its_country() {
    let (_tmp, out) = common::build_demo();
    for (id, _) in demo_localities() {
        let mut anchors = Vec::new();
        for lang in ["en", "ar", "ne"] {
            let p = page(&out, &format!("{lang}/localities/{id}/index.html"));
            let name = p.text_of("h1").join(" ");
            assert_eq!(p.select("figure.map").len(), 1, "{lang} {id}: one map");
            let svg = &p.select("figure.map svg")[0];
            assert_eq!(attr(svg, "role"), "img");
            let (title, desc) = accessible_name(&p);
            assert!(title.contains(&name), "{lang} {id}: {title}");
            assert!(!desc.is_empty());
            let view: Vec<f64> = attr(svg, "viewBox")
                .split(' ')
                .map(|n| n.parse().unwrap())
                .collect();
            let dots = p.select("figure.map circle");
            assert_eq!(dots.len(), 1, "{lang} {id}: one dot");
            let (cx, cy) = (num(&dots[0], "cx"), num(&dots[0], "cy"));
            assert!((0.0..=view[2]).contains(&cx) && (0.0..=view[3]).contains(&cy));
            let outline = rings(&attr(&p.select("figure.map path")[0], "d"));
            assert!(
                inside(&outline, (cx, cy)),
                "{lang} {id}: the dot ({cx}, {cy}) is outside its country"
            );
            // Its direct label, in the page's language.
            assert_eq!(p.text_of("figure.map text"), std::slice::from_ref(&name));
            anchors.push(attr(&p.select("figure.map text")[0], "text-anchor"));
            // Its data again, as text: the locality and its coordinates.
            assert_eq!(p.text_of("figure.map li a"), [name]);
        }
        // The map is the same in every language; the label's anchor flips
        // in Arabic so that it reads away from the dot.
        assert_ne!(anchors[0], anchors[1], "{id}");
        assert_eq!(anchors[0], anchors[2], "{id}");
    }
}

#[test]
fn the_overview_links_each_dot_to_its_locality() {
    let (_tmp, out) = common::build_demo();
    let localities = demo_localities();
    for rel in ["en/index.html", "en/localities/index.html", "fr/index.html"] {
        let p = page(&out, rel);
        let svg = &p.select("figure.map svg")[0];
        // Links in an image would be hidden from screen readers: a group.
        assert_eq!(attr(svg, "role"), "group", "{rel}");
        let (title, desc) = accessible_name(&p);
        assert!(!title.is_empty());
        assert!(desc.starts_with('7'), "{rel}: {desc}");
        let links = p.select("figure.map svg a");
        assert_eq!(links.len(), localities.len(), "{rel}");
        let dir = out.join(rel).parent().unwrap().to_path_buf();
        let mut ids: Vec<String> = Vec::new();
        for a in &links {
            let href = attr(a, "href");
            let target = page(&dir, &href);
            assert_eq!(
                target.text_of("h1"),
                [attr(a, "aria-label")],
                "{rel}: {href}"
            );
            ids.push(href.split('/').rev().nth(1).unwrap().to_owned());
            assert_eq!(
                a.select(&scraper::Selector::parse("circle").unwrap())
                    .count(),
                1
            );
        }
        ids.sort();
        let expected: Vec<&String> = localities.iter().map(|(id, _)| id).collect();
        assert_eq!(ids.iter().collect::<Vec<_>>(), expected, "{rel}");
    }
}

#[test]
fn a_country_page_shows_its_localities_on_its_map() {
    let (_tmp, out) = common::build_demo();
    let p = page(&out, "en/country/ng/index.html");
    let (title, desc) = accessible_name(&p);
    assert!(title.contains("Nigeria"), "{title}");
    assert_eq!(desc, "One locality is marked with a dot.");
    assert_eq!(p.select("figure.map circle").len(), 1);
    assert_eq!(p.text_of("figure.map text"), ["Jos North"]);
    // Other lists have no map.
    assert!(!page(&out, "en/commitments/index.html").has("figure.map"));
    assert!(!page(&out, "en/status/completed/index.html").has("figure.map"));
}

#[test]
fn the_open_data_has_each_localitys_coordinates() {
    let (_tmp, out) = common::build_demo();
    let localities = demo_localities();
    let coordinates = |id: &str| localities.iter().find(|(l, _)| l == id).unwrap().1;
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data/commitments.json")).unwrap()).unwrap();
    for record in json.as_array().unwrap() {
        let id = record["locality"].as_str().unwrap();
        assert_eq!(
            record["coordinates"],
            serde_json::json!(coordinates(id)),
            "{id}"
        );
    }
    let csv = std::fs::read(out.join("data/commitments.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (loc, lat, lon) = (col("locality"), col("latitude"), col("longitude"));
    let mut rows = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let [la, lo] = coordinates(&row[loc]);
        assert_eq!(
            (&row[lat], &row[lon]),
            (la.to_string().as_str(), lo.to_string().as_str())
        );
        rows += 1;
    }
    assert_eq!(rows, json.as_array().unwrap().len());
}

/// The minimal site with Saaba placed, and Zorgho (Burkina Faso too) not.
fn one_placed_one_not() -> TestSite {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/_index.md",
        "---\nname: Saaba\ncountry: BF\ncoordinates: [12.3686, -1.4203]\n---\nA town.\n",
    );
    s.file(
        "localities/zorgho/_index.md",
        "---\nname: Zorgho\ncountry: BF\n---\nA town.\n",
    );
    s.file("localities/zorgho/well.md", COMMITMENT);
    s
}

#[test]
fn a_locality_without_coordinates_gets_no_dot_and_is_counted() {
    let s = one_placed_one_not();
    s.build_ok();
    for rel in [
        "en/country/bf/index.html",
        "en/index.html",
        "en/localities/index.html",
    ] {
        let p = s.page(rel);
        assert_eq!(p.select("figure.map circle").len(), 1, "{rel}");
        let (_, desc) = accessible_name(&p);
        assert!(
            desc.ends_with("One locality has no coordinates and is not shown."),
            "{rel}: {desc}"
        );
        assert_eq!(p.text_of("figure.map li a"), ["Saaba"], "{rel}");
    }
    assert!(!s.page("en/localities/zorgho/index.html").has("figure.map"));
    let fr = s.page("fr/country/bf/index.html");
    let (_, desc) = accessible_name(&fr);
    assert!(
        desc.ends_with("Une localité n’a pas de coordonnées et n’est pas représentée."),
        "{desc}"
    );
}

#[test]
fn a_country_without_an_outline_has_no_map_and_check_says_so_once() {
    let s = TestSite::minimal();
    for id in ["prizren", "pristina"] {
        s.file(
            &format!("localities/{id}/_index.md"),
            "---\nname: A town\ncountry: XK\ncoordinates: [42.66, 21.16]\n---\nA town.\n",
        );
    }
    let check = s.run(&["check"]);
    assert!(check.ok(), "{}", check.stderr());
    assert_eq!(
        check.stderr().matches("no map of the country `XK`").count(),
        1,
        "{}",
        check.stderr()
    );
    s.build_ok();
    assert!(!s.page("en/localities/prizren/index.html").has("figure.map"));
    assert!(!s.page("en/country/xk/index.html").has("figure.map"));
    // The overview draws the countries it has outlines for.
    let home = s.page("en/index.html");
    assert!(
        !home.has("figure.map"),
        "Saaba has no coordinates, Kosovo no outline"
    );
}

#[test]
fn a_map_of_more_than_fifty_localities_is_left_out_to_keep_pages_light() {
    let s = TestSite::minimal();
    for n in 0..51 {
        s.file(
            &format!("localities/town-{n}/_index.md"),
            &format!(
                "---\nname: Town {n}\ncountry: BF\ncoordinates: [{}, -1.5]\n---\nA town.\n",
                11.0 + f64::from(n) / 20.0
            ),
        );
    }
    s.build_ok();
    assert!(!s.page("en/index.html").has("figure.map"));
    assert!(!s.page("en/localities/index.html").has("figure.map"));
    // Each locality's page keeps its own map.
    assert_eq!(
        s.page("en/localities/town-7/index.html")
            .select("figure.map circle")
            .len(),
        1
    );
    // Fifty are drawn.
    s.remove("localities/town-50/_index.md");
    std::fs::remove_dir(s.path().join("localities/town-50")).unwrap();
    s.build_ok();
    assert_eq!(s.page("en/index.html").select("figure.map svg a").len(), 50);
}
