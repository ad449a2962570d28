//! Share previews: the Open Graph and Twitter card tags of every page kind
//! carry that page's own text, in its language, escaped; the images they
//! name exist; the favicons.

mod common;
use common::{Page, TestSite};

const SITE: &str = "\
title:
  en: Pledge tracker
  ar: متتبع التعهدات
  ne: प्रतिबद्धता ट्र्याकर
description:
  en: Commitments from dialogues, followed up.
  ar: التزامات الحوارات ومتابعتها.
  ne: संवादका प्रतिबद्धता र तिनको अनुगमन।
base_url: https://tracker.example.org/
default_language: en
languages:
  - { code: en, name: English }
  - { code: ar, name: العربية, locale: ar-IQ }
  - { code: ne, name: नेपाली }
as_of: 2024-06-30
";

const LOCALITY: &str = "---\nname: Saaba\ncountry: BF\n---\n\
# About\n\nA *fast-growing* town east of \"Ouagadougou\". Its dialogue began in 2016.\n";
const LOCALITY_AR: &str =
    "---\nname: سابا\n---\nسابا بلدية ريفية شرق واغادوغو. بدأ الحوار في 2016.\n";
const LOCALITY_NE: &str =
    "---\nname: साबा\n---\nसाबा वागाडुगुको पूर्वमा रहेको सहर हो। संवाद २०१६ मा सुरु भयो।\n";

const COMMITMENT: &str = "\
---
title: Joint night patrols
summary: Police & vigilantes patrol <together> at \"night\".
pledged_by: [police]
agreed: 2017-05-20
status: in-progress
---
Body text that is not the summary.
";
const COMMITMENT_AR: &str =
    "---\ntitle: دوريات ليلية مشتركة\nsummary: الشرطة والأهالي يسيّرون دوريات ليلية معاً.\n---\n";

fn site() -> TestSite {
    let s = TestSite::empty();
    s.file("site.yaml", SITE);
    s.file("localities/saaba/_index.md", LOCALITY);
    s.file("localities/saaba/_index.ar.md", LOCALITY_AR);
    s.file("localities/saaba/_index.ne.md", LOCALITY_NE);
    s.file("localities/saaba/patrols.md", COMMITMENT);
    s.file("localities/saaba/patrols.ar.md", COMMITMENT_AR);
    s.build_ok();
    s
}

/// The `content` of `<meta property=…>` (or `name=…`) on a page: every one.
fn meta(page: &Page, key: &str) -> Vec<String> {
    let mut v = page.attrs(&format!("meta[property='{key}']"), "content");
    v.extend(page.attrs(&format!("meta[name='{key}']"), "content"));
    v
}

fn one(page: &Page, key: &str) -> String {
    let v = meta(page, key);
    assert_eq!(v.len(), 1, "{key}: {v:?}");
    v[0].clone()
}

#[test]
fn a_commitment_page_shares_its_title_and_summary_escaped() {
    let s = site();
    let rel = "en/localities/saaba/patrols/index.html";
    let html = s.read(rel);
    let page = Page::parse(&html);
    assert_eq!(one(&page, "og:title"), "Joint night patrols");
    assert_eq!(
        one(&page, "og:description"),
        "Police & vigilantes patrol <together> at \"night\"."
    );
    // Escaped in the source, not only parsed back.
    assert!(
        html.contains("&lt;together&gt;") && !html.contains("<together>"),
        "{html}"
    );
    assert_eq!(one(&page, "og:type"), "article");
    assert_eq!(
        one(&page, "og:url"),
        "https://tracker.example.org/en/localities/saaba/patrols/"
    );
    assert_eq!(one(&page, "og:site_name"), "Pledge tracker");
    assert_eq!(one(&page, "og:locale"), "en_US");
    assert_eq!(meta(&page, "og:locale:alternate"), ["ar_IQ", "ne_NP"]);
    assert_eq!(
        one(&page, "og:image"),
        "https://tracker.example.org/share/en/country-bf.png"
    );
    assert_eq!(one(&page, "og:image:width"), "1200");
    assert_eq!(one(&page, "og:image:height"), "630");
    assert!(one(&page, "og:image:alt").contains("Burkina Faso"));
    assert_eq!(one(&page, "twitter:card"), "summary_large_image");
    // No redundant Twitter copies of what og: says.
    assert!(meta(&page, "twitter:title").is_empty());
    assert!(meta(&page, "twitter:description").is_empty());
}

#[test]
fn a_commitment_page_in_arabic_shares_the_arabic_summary() {
    let s = site();
    let page = Page::parse(&s.read("ar/localities/saaba/patrols/index.html"));
    assert_eq!(one(&page, "og:title"), "دوريات ليلية مشتركة");
    assert_eq!(
        one(&page, "og:description"),
        "الشرطة والأهالي يسيّرون دوريات ليلية معاً."
    );
    assert_eq!(one(&page, "og:locale"), "ar_IQ");
    assert_eq!(meta(&page, "og:locale:alternate"), ["en_US", "ne_NP"]);
    assert_eq!(
        one(&page, "og:image"),
        "https://tracker.example.org/share/ar/country-bf.png"
    );
    assert!(one(&page, "og:image:alt").contains("بوركينا فاسو"));
}

#[test]
fn a_locality_page_shares_the_first_sentence_of_its_text() {
    let s = site();
    let en = Page::parse(&s.read("en/localities/saaba/index.html"));
    assert_eq!(one(&en, "og:title"), "Saaba");
    assert_eq!(
        one(&en, "og:description"),
        "A fast-growing town east of \"Ouagadougou\"."
    );
    let ar = Page::parse(&s.read("ar/localities/saaba/index.html"));
    assert_eq!(one(&ar, "og:description"), "سابا بلدية ريفية شرق واغادوغو.");
    let ne = Page::parse(&s.read("ne/localities/saaba/index.html"));
    assert_eq!(
        one(&ne, "og:description"),
        "साबा वागाडुगुको पूर्वमा रहेको सहर हो।"
    );
    assert_eq!(one(&ne, "og:locale"), "ne_NP");
    assert_eq!(
        one(&ne, "og:image"),
        "https://tracker.example.org/share/ne/country-bf.png"
    );
}

#[test]
fn the_home_and_list_pages_share_the_site_description_and_the_home_image() {
    let s = site();
    for (lang, description) in [
        ("en", "Commitments from dialogues, followed up."),
        ("ar", "التزامات الحوارات ومتابعتها."),
        ("ne", "संवादका प्रतिबद्धता र तिनको अनुगमन।"),
    ] {
        let home = Page::parse(&s.read(&format!("{lang}/index.html")));
        assert_eq!(one(&home, "og:description"), description);
        assert_eq!(one(&home, "og:type"), "website");
        let image = format!("https://tracker.example.org/share/{lang}/home.png");
        assert_eq!(one(&home, "og:image"), image);
        let list = Page::parse(&s.read(&format!("{lang}/status/index.html")));
        assert_eq!(one(&list, "og:description"), description);
        assert_eq!(one(&list, "og:image"), image);
    }
    let home = Page::parse(&s.read("ar/index.html"));
    assert_eq!(one(&home, "og:title"), "متتبع التعهدات");
    assert_eq!(one(&home, "og:url"), "https://tracker.example.org/ar/");
    let root = Page::parse(&s.read("index.html"));
    assert_eq!(one(&root, "og:title"), "Pledge tracker");
    assert_eq!(one(&root, "og:url"), "https://tracker.example.org/");
}

#[test]
fn a_long_summary_is_cut_at_a_word() {
    let s = site();
    let long = "word ".repeat(100);
    s.file(
        "localities/saaba/patrols.md",
        &COMMITMENT.replace(
            "summary: Police & vigilantes patrol <together> at \"night\".",
            &format!("summary: {long}"),
        ),
    );
    s.build_ok();
    let page = Page::parse(&s.read("en/localities/saaba/patrols/index.html"));
    let d = one(&page, "og:description");
    assert!(d.chars().count() <= 200, "{d}");
    assert!(d.ends_with("word…"), "{d}");
}

// ---- favicons ----

/// Every HTML file of an output folder, by its path relative to it.
fn html_pages(out: &std::path::Path) -> Vec<(String, String)> {
    common::tree(out)
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".html"))
        .map(|(rel, bytes)| (rel, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn the_favicons_are_at_the_root_valid_and_linked_from_every_page() {
    let s = site();
    let out = s.out();
    let ico = std::fs::read(out.join("favicon.ico")).expect("favicon.ico at the root");
    // ICONDIR: reserved 0, type 1 (icon), at least one image.
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    assert!(count >= 1);
    for e in 0..count {
        let entry = &ico[6 + 16 * e..6 + 16 * (e + 1)];
        let size = u32::from_le_bytes(entry[8..12].try_into().unwrap()) as usize;
        let offset = u32::from_le_bytes(entry[12..16].try_into().unwrap()) as usize;
        let image = png::Decoder::new(std::io::Cursor::new(&ico[offset..offset + size]));
        let info = image
            .read_info()
            .expect("each icon is a PNG")
            .info()
            .clone();
        assert_eq!(
            (info.width, info.height),
            (entry[0].into(), entry[1].into())
        );
    }
    let svg = std::fs::read_to_string(out.join("favicon.svg")).expect("favicon.svg");
    let doc = roxmltree::Document::parse(&svg).expect("favicon.svg is XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(doc.root_element().attribute("viewBox").is_some());

    let pages = html_pages(&out);
    assert!(pages.len() > 20);
    for (rel, html) in pages {
        let page = Page::parse(&html);
        let icons = page.attrs("link[rel='icon']", "href");
        let wanted = ["favicon.ico", "favicon.svg"];
        assert_eq!(icons.len(), 2, "{rel}: {icons:?}");
        for (href, file) in icons.iter().zip(wanted) {
            if rel == "404.html" {
                // Served at any address: rooted at the base URL's path.
                assert_eq!(href, &format!("/{file}"));
            } else {
                assert!(!href.starts_with('/'), "{rel}: {href}");
                assert_eq!(common::resolve(&rel, href), file, "{rel}: {href}");
            }
        }
    }
}

#[test]
fn a_sites_own_favicon_replaces_the_themes() {
    let s = site();
    s.bytes("static/favicon.ico", b"site's own icon");
    s.build_ok();
    assert_eq!(
        std::fs::read(s.out().join("favicon.ico")).unwrap(),
        b"site's own icon"
    );
    // The theme's SVG still ships.
    assert!(s.read("favicon.svg").contains("<svg"));
}

// ---- share images ----

/// The width and height of a PNG file, decoded whole (a truncated or
/// corrupt file fails).
fn png_size(path: &std::path::Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader
        .next_frame(&mut buf)
        .expect("the whole image decodes");
    (frame.width, frame.height)
}

#[test]
fn every_page_names_a_share_image_that_exists_at_1200_by_630() {
    let s = site();
    let out = s.out();
    let mut seen = std::collections::BTreeSet::new();
    for (rel, html) in html_pages(&out) {
        let page = Page::parse(&html);
        let images = meta(&page, "og:image");
        if rel == "404.html" {
            assert!(images.is_empty());
            continue;
        }
        assert_eq!(images.len(), 1, "{rel}");
        let path = images[0]
            .strip_prefix("https://tracker.example.org/")
            .unwrap_or_else(|| panic!("{rel}: {} is not absolute on the base URL", images[0]));
        seen.insert(path.to_owned());
    }
    assert_eq!(
        seen.iter().map(String::as_str).collect::<Vec<_>>(),
        [
            "share/ar/country-bf.png",
            "share/ar/home.png",
            "share/en/country-bf.png",
            "share/en/home.png",
            "share/ne/country-bf.png",
            "share/ne/home.png",
        ]
    );
    for path in &seen {
        assert_eq!(png_size(&out.join(path)), (1200, 630), "{path}");
    }
}

#[test]
fn a_hausa_portal_gets_its_share_images() {
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title: Alƙawuran tsaro\nbase_url: https://t.example.org/\ndefault_language: ha\n\
         languages:\n  - { code: ha, name: Hausa }\nas_of: 2024-06-30\n",
    );
    s.file(
        "localities/jos/_index.md",
        "---\nname: Jos\ncountry: NG\n---\nBirni ne.\n",
    );
    s.file("localities/jos/patrols.md", COMMITMENT);
    s.build_ok();
    for path in ["share/ha/home.png", "share/ha/country-ng.png"] {
        assert_eq!(png_size(&s.out().join(path)), (1200, 630), "{path}");
    }
    let page = Page::parse(&s.read("ha/localities/jos/patrols/index.html"));
    assert_eq!(
        one(&page, "og:image"),
        "https://t.example.org/share/ha/country-ng.png"
    );
    assert_eq!(one(&page, "og:locale"), "ha_NG");
    assert!(
        one(&page, "og:image:alt").contains("Najeriya"),
        "{:?}",
        meta(&page, "og:image:alt")
    );
}

// ---- one share image per locality (site.yaml) ----

#[test]
fn share_images_localities_gives_each_locality_its_own_image() {
    let s = site();
    s.file("site.yaml", &format!("{SITE}share_images: localities\n"));
    s.build_ok();
    for lang in ["en", "ar", "ne"] {
        let image = format!("share/{lang}/locality-saaba.png");
        for rel in [
            "localities/saaba/index.html",
            "localities/saaba/patrols/index.html",
        ] {
            let page = Page::parse(&s.read(&format!("{lang}/{rel}")));
            let url = format!("https://tracker.example.org/{image}");
            assert_eq!(one(&page, "og:image"), url, "{lang}/{rel}");
        }
        assert_eq!(png_size(&s.out().join(&image)), (1200, 630), "{image}");
        // The country's image is still made (and the home's).
        assert!(
            s.out()
                .join(format!("share/{lang}/country-bf.png"))
                .exists()
        );
    }
    let ar = Page::parse(&s.read("ar/localities/saaba/index.html"));
    assert!(one(&ar, "og:image:alt").contains("سابا"));
}

// ---- share images: palette PNG ----

/// The RGB pixels of a PNG file and the colour type it was stored in.
fn png_pixels(bytes: &[u8]) -> (png::ColorType, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let stored = reader.info().color_type;
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader
        .next_frame(&mut buf)
        .expect("the whole image decodes");
    assert_eq!(frame.color_type, png::ColorType::Rgb);
    buf.truncate(frame.buffer_size());
    (stored, buf)
}

#[test]
fn a_country_image_is_a_palette_png_smaller_than_its_pixels_in_rgb() {
    let s = site();
    let bytes = std::fs::read(s.out().join("share/en/country-bf.png")).expect("the image");
    let (stored, pixels) = png_pixels(&bytes);
    assert_eq!(stored, png::ColorType::Indexed);
    // The same pixels as an RGB PNG, as the images were written before.
    let mut rgb = Vec::new();
    let mut encoder = png::Encoder::new(&mut rgb, 1200, 630);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_compression(png::Compression::Balanced);
    let mut writer = encoder.write_header().expect("a header");
    writer.write_image_data(&pixels).expect("the pixels");
    writer.finish().expect("the end");
    assert!(
        bytes.len() * 10 < rgb.len() * 8,
        "{} bytes, {} as RGB",
        bytes.len(),
        rgb.len()
    );
}
