//! Search (issue 17): the index each language's search page loads, as the
//! script would read it. A word a page shows is found in its language's
//! index, fallback text included, with the Arabic and Nepali normalisation;
//! the files a query loads stay within the budget; the index is the same
//! for the same site.

mod common;
use common::{SITE_YAML, TestSite, build_demo, tree};
use std::path::Path;

/// The data of an index file: the JSON inside `pledgeboardSearch.add(NAME, DATA);`.
fn data(out: &Path, lang: &str, name: &str) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(out.join(format!("{lang}/search/{name}.js"))).ok()?;
    let prefix = format!("pledgeboardSearch.add(\"{name}\",");
    let json = text.strip_prefix(&prefix)?.strip_suffix(");\n")?;
    Some(serde_json::from_str(json).expect("index data is JSON"))
}

/// The term shard a normalised word is in, as the script names it.
fn shard(term: &str) -> String {
    let hex: Vec<String> = term
        .chars()
        .take(2)
        .map(|c| format!("{:x}", c as u32))
        .collect();
    format!("t-{}", hex.join("-"))
}

/// The records (title, url) of the commitments whose index has `term`
/// exactly (prefix matching is the script's).
fn found(out: &Path, lang: &str, term: &str) -> Vec<(String, String)> {
    let Some(shard) = data(out, lang, &shard(term)) else {
        return Vec::new();
    };
    let Some(deltas) = shard.get(term) else {
        return Vec::new();
    };
    let mut doc = 0;
    let mut found = Vec::new();
    for delta in deltas.as_array().unwrap() {
        doc += delta.as_u64().unwrap() as usize;
        let records = data(out, lang, &format!("d-{}", doc / CHUNK)).expect("records file");
        let record = &records[doc % CHUNK];
        let title = record[0].as_str().unwrap().to_owned();
        found.push((title, record[2].as_str().unwrap().to_owned()));
    }
    found
}

/// How many records a records file holds (`search::index::CHUNK`).
const CHUNK: usize = 64;

fn urls(found: &[(String, String)]) -> Vec<&str> {
    found.iter().map(|(_, url)| url.as_str()).collect()
}

#[test]
fn a_word_of_a_fallback_text_is_found_in_the_index_of_the_language_that_shows_it() {
    let site = TestSite::minimal();
    // The French page of this commitment shows the English title.
    site.file("localities/saaba/help-desk.md", "---\ntitle: A help desk for widows\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\ntopics: [women-safety]\n---\n");
    site.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles de nuit conjointes\n---\n",
    );
    site.build_ok();
    let out = site.out();
    let desk = "localities/saaba/help-desk/index.html";
    assert_eq!(urls(&found(&out, "fr", "widows")), [desk]);
    assert_eq!(urls(&found(&out, "en", "widows")), [desk]);
    // A translated title is found in its language, the original in its own.
    let patrols = "localities/saaba/joint-patrols/index.html";
    assert_eq!(urls(&found(&out, "fr", "patrouilles")), [patrols]);
    assert!(found(&out, "fr", "joint").is_empty());
    assert_eq!(urls(&found(&out, "en", "joint")), [patrols]);
    // The locality's name, the update's note and the topic are found too.
    assert_eq!(found(&out, "ar", "saaba").len(), 2);
    // The untranslated note is shown, so found, in every language.
    assert_eq!(urls(&found(&out, "fr", "week")), [patrols]);
    assert_eq!(urls(&found(&out, "en", "safety")), [desk]);
}

#[test]
fn arabic_and_nepali_words_of_the_demo_are_found_as_readers_type_them() {
    let (_tmp, out) = build_demo();
    let lighting = "localities/saaba/market-street-lighting/index.html";
    // «إنارة طريق السوق»: إنارة without its hamza, السوق without its article.
    assert!(urls(&found(&out, "ar", "اناره")).contains(&lighting));
    let market = found(&out, "ar", "سوق");
    assert!(urls(&market).contains(&lighting), "{market:?}");
    assert!(market.iter().any(|(t, _)| t.contains("السوق")));
    // «सीमा बजार लाग्ने दिन संयुक्त गस्ती» in Nepali.
    let patrols = found(&out, "ne", "गस्ती");
    assert!(
        urls(&patrols).contains(&"localities/banke/border-market-patrols/index.html"),
        "{patrols:?}"
    );
    // French accents folded: «Éclairage public…».
    assert!(urls(&found(&out, "fr", "eclairage")).contains(&lighting));
}

/// The gzipped size of a file of the index.
fn gzipped(out: &Path, lang: &str, name: &str) -> usize {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;
    let bytes = std::fs::read(out.join(format!("{lang}/search/{name}.js"))).unwrap();
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&bytes).unwrap();
    gz.finish().unwrap().len()
}

/// A site of `n` localities of ten commitments that share most of their
/// words, the worst case for the shards of common words.
fn busy_site(n: usize) -> TestSite {
    let site = TestSite::empty();
    site.file("site.yaml", SITE_YAML);
    for l in 0..n {
        site.file(
            &format!("localities/town-{l}/_index.md"),
            &format!("---\nname: Town {l}\ncountry: BF\n---\n"),
        );
        for c in 0..10 {
            let p = c * 10;
            site.file(
                &format!("localities/town-{l}/c{c}.md"),
                &format!("---\ntitle: Community policing commitment {c} of town {l}\nsummary: Police and community meet every month in town {l}, ward {c}.\npledged_by: [police, community]\nagreed: 2017-05-20\nstatus: in-progress\nprogress: {p}\n---\n"),
            );
        }
    }
    site
}

#[test]
fn the_files_a_query_loads_stay_within_the_budget() {
    let localities = 60;
    let site = busy_site(localities);
    site.build_ok();
    let out = site.out();
    let docs = localities * 10;
    // A query of one common word loads its term shard, the facets and the
    // records of the results it shows: within 150 KB gzipped at 20,000
    // commitments, so here within that share of it.
    let budget = 150 * 1024 * docs / 20_000;
    for lang in ["en", "fr", "ar"] {
        let worst = ["co", "po", "to"]
            .iter()
            .map(|w| gzipped(&out, lang, &shard(w)))
            .max()
            .unwrap();
        let query = worst + gzipped(&out, lang, "f") + gzipped(&out, lang, "d-0");
        assert!(
            query <= budget,
            "{lang}: a query loads {query} bytes gzipped, over {budget}"
        );
    }
}

#[test]
fn the_same_site_gives_the_same_index() {
    let site = busy_site(3);
    site.build_ok();
    let first = tree(&site.out());
    let again = site.out().with_file_name("again");
    assert!(
        site.run(&["build", "--output", again.to_str().unwrap()])
            .ok()
    );
    let second = tree(&again);
    let search = |t: &std::collections::BTreeMap<String, Vec<u8>>| {
        t.iter()
            .filter(|(k, _)| k.contains("/search/"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    assert!(search(&first).len() > 10);
    assert_eq!(search(&first), search(&second));
}

// ---- the search page ----

fn page(out: &Path, rel: &str) -> common::Page {
    common::Page::parse(&std::fs::read_to_string(out.join(rel)).unwrap())
}

#[test]
fn every_page_links_to_the_search_page_of_its_language_from_its_header() {
    let (_tmp, out) = build_demo();
    for lang in ["en", "fr", "ar", "ne"] {
        for rel in [
            "index.html",
            "localities/saaba/index.html",
            "localities/saaba/market-street-lighting/index.html",
            "status/in-progress/index.html",
        ] {
            let rel = format!("{lang}/{rel}");
            let p = page(&out, &rel);
            let links = p.attrs("header.site a.find", "href");
            assert_eq!(links.len(), 1, "{rel}");
            let target = common::resolve(&rel, &links[0]);
            assert_eq!(target, format!("{lang}/search/index.html"), "{rel}");
        }
    }
    let fr = page(&out, "fr/index.html");
    assert_eq!(fr.text_of("header.site a.find"), ["Rechercher"]);
}

#[test]
fn the_search_page_says_what_it_needs_and_links_to_the_browse_pages() {
    let (_tmp, out) = build_demo();
    let ar = page(&out, "ar/search/index.html");
    assert_eq!(ar.text_of("h1"), ["البحث في الالتزامات"]);
    // Without JavaScript the form stays hidden and the page says why.
    assert_eq!(
        ar.attrs("form[role=search][hidden]", "data-search").len(),
        1
    );
    assert!(ar.text_of(".nojs")[0].contains("جافاسكربت"));
    let browse: Vec<String> = ar
        .attrs("main ul a", "href")
        .iter()
        .map(|h| common::resolve("ar/search/index.html", h))
        .collect();
    for target in [
        "ar/localities/index.html",
        "ar/commitments/index.html",
        "ar/status/index.html",
        "ar/party/index.html",
        "ar/topic/index.html",
        "ar/country/index.html",
    ] {
        assert!(browse.iter().any(|b| b == target), "{target} in {browse:?}");
    }
    // The input has a label, the facets offer the site's statuses, parties
    // and countries in the page's language.
    assert_eq!(ar.attrs("label[for=q]", "for"), ["q"]);
    assert!(
        ar.text_of("select[name=s] option")
            .iter()
            .any(|o| o == "منجَز")
    );
    assert!(
        ar.text_of("select[name=c] option")
            .iter()
            .any(|o| o == "بوركينا فاسو")
    );
    // What the script is told: the strings and digits of the page's language.
    let data = &ar.attrs("form[data-search]", "data-search")[0];
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    assert!(data["found"].as_str().unwrap().contains("{n}"));
    assert_eq!(data["none"], "لا يوجد التزام يحتوي على هذه الكلمات.");
    let ne = page(&out, "ne/search/index.html");
    let data: serde_json::Value =
        serde_json::from_str(&ne.attrs("form[data-search]", "data-search")[0]).unwrap();
    assert_eq!(data["digits"], "०१२३४५६७८९");
}
