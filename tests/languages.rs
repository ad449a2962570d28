//! Languages as readers see them: plural forms, local dates and digits,
//! fallbacks marked with their language, mixed directions isolated, and the
//! translation coverage report of `pledgeboard check`.

mod common;
use common::{Page, TestSite};

/// site.yaml of a site in English and Arabic, Arabic formatted for `locale`.
fn en_ar_site(locale: Option<&str>) -> String {
    let locale = locale.map_or(String::new(), |l| format!(", locale: {l}"));
    format!(
        "title:\n  en: Test tracker\n  ar: متتبع الاختبار\nbase_url: https://tracker.example.org/\n\
         default_language: en\nlanguages:\n  - {{ code: en, name: English }}\n  \
         - {{ code: ar, name: العربية{locale} }}\nas_of: 2024-06-30\n"
    )
}

fn commitment(title: &str) -> String {
    format!(
        "---\ntitle: {title}\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2030-01-31\n\
         status: in-progress\nprogress: 30\n---\nBody.\n"
    )
}

/// One locality per count, named `l<count>`, holding that many commitments.
fn site_with_counts(counts: &[usize], locale: Option<&str>) -> TestSite {
    let s = TestSite::empty();
    s.file("site.yaml", &en_ar_site(locale));
    for &n in counts {
        s.file(
            &format!("localities/l{n}/_index.md"),
            &format!("---\nname: Locality {n}\ncountry: IQ\n---\n"),
        );
        for i in 0..n {
            s.file(
                &format!("localities/l{n}/c{i}.md"),
                &commitment(&format!("Pledge {i}")),
            );
        }
    }
    s
}

/// The count line of each locality's card on the Arabic localities page.
fn arabic_counts(s: &TestSite, counts: &[usize]) -> Vec<String> {
    let page = Page::parse(&s.read("ar/localities/index.html"));
    counts
        .iter()
        .map(|n| {
            let card = page
                .select("li.card")
                .into_iter()
                .find(|c| c.html().contains(&format!("\"l{n}/index.html\"")))
                .unwrap_or_else(|| panic!("no card for l{n}"));
            let text: Vec<String> = card
                .select(&scraper::Selector::parse("p").unwrap())
                .map(|p| p.text().collect::<String>())
                .collect();
            text[1].split(" · ").next().unwrap().trim().to_owned()
        })
        .collect()
}

const COUNTS: [usize; 6] = [0, 1, 2, 3, 11, 100];

#[test]
fn arabic_counts_take_all_six_plural_forms() {
    let s = site_with_counts(&COUNTS, None);
    s.build_ok();
    assert_eq!(
        arabic_counts(&s, &COUNTS),
        [
            "لا توجد التزامات", // zero
            "التزام واحد",     // one
            "التزامان",        // two
            "3 التزامات",      // few
            "11 التزامًا",      // many
            "100 التزام",      // other
        ]
    );
    // English has two forms.
    let en = Page::parse(&s.read("en/localities/index.html")).text();
    assert!(
        en.contains("1 commitment ·") || en.contains("1 commitment "),
        "{en}"
    );
    assert!(en.contains("100 commitments"), "{en}");
}

#[test]
fn arabic_indic_digits_where_the_locale_uses_them() {
    let s = site_with_counts(&COUNTS, Some("ar-u-nu-arab"));
    s.build_ok();
    assert_eq!(
        arabic_counts(&s, &COUNTS),
        [
            "لا توجد التزامات",
            "التزام واحد",
            "التزامان",
            "٣ التزامات",
            "١١ التزامًا",
            "١٠٠ التزام",
        ]
    );
    // Progress is a localised percentage; the machine-readable value stays Western.
    let page = Page::parse(&s.read("ar/localities/l1/c0/index.html"));
    assert!(page.text().contains("٣٠٪"), "{}", page.text());
    assert_eq!(page.attrs("progress", "value")[0], "30");
}

#[test]
fn dates_in_french_and_arabic_keep_iso_for_machines() {
    let s = TestSite::minimal();
    s.build_ok();
    let fr = Page::parse(&s.read("fr/localities/saaba/joint-patrols/index.html"));
    let agreed = fr.select("time[datetime='2017-05-20']");
    assert_eq!(agreed[0].text().collect::<String>(), "20 mai 2017");
    let ar = Page::parse(&s.read("ar/localities/saaba/joint-patrols/index.html"));
    let agreed = ar.select("time[datetime='2017-05-20']");
    assert_eq!(agreed[0].text().collect::<String>(), "20 مايو 2017");

    // Iraqi Arabic: Levantine month names and Arabic-Indic digits.
    s.file(
        "site.yaml",
        &common::SITE_YAML.replace("name: العربية", "name: العربية, locale: ar-IQ"),
    );
    s.build_ok();
    let ar = Page::parse(&s.read("ar/localities/saaba/joint-patrols/index.html"));
    let agreed = ar.select("time[datetime='2017-05-20']");
    assert_eq!(agreed[0].text().collect::<String>(), "٢٠ أيار ٢٠١٧");
    // Feeds and open data stay ISO.
    let feed = s.read("ar/updates/atom.xml");
    assert!(feed.contains("2017-09-01"), "{feed}");
    assert!(!feed.contains("٢٠١٧"));
    let json = s.read("data/commitments.json");
    assert!(json.contains("\"2017-05-20\""), "{json}");
}

#[test]
fn nepali_pages_use_devanagari_digits_and_nepali_strings() {
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title:\n  en: Test tracker\n  ne: परीक्षण ट्र्याकर\nbase_url: https://t.example.org/\n\
         default_language: en\nlanguages:\n  - { code: en, name: English }\n  \
         - { code: ne, name: नेपाली }\nas_of: 2024-06-30\n",
    );
    s.file(
        "localities/banke/_index.md",
        "---\nname: Banke\ncountry: NP\n---\n",
    );
    s.file("localities/banke/_index.ne.md", "---\nname: बाँके\n---\n");
    s.file("localities/banke/patrols.md", &commitment("Joint patrols"));
    let r = s.build_ok();
    assert!(
        !r.stdout().contains("interface strings missing"),
        "the theme has every Nepali string: {}",
        r.stdout()
    );
    let page = Page::parse(&s.read("ne/localities/banke/patrols/index.html"));
    let agreed = page.select("time[datetime='2017-05-20']");
    assert_eq!(agreed[0].text().collect::<String>(), "२०१७ मे २०");
    assert!(page.text().contains("३०%"), "{}", page.text());
    assert_eq!(page.attrs("html", "lang"), ["ne"]);
    // The Nepali interface, not English.
    let en = Page::parse(&s.read("en/localities/banke/patrols/index.html"));
    assert_ne!(page.text_of("nav.main"), en.text_of("nav.main"));
    let localities = Page::parse(&s.read("ne/localities/index.html")).text();
    assert!(localities.contains('१'), "{localities}");
    assert!(!localities.contains(" 1 "), "{localities}");
}

#[test]
fn hausa_is_shipped_complete() {
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title: Test tracker\nbase_url: https://t.example.org/\ndefault_language: ha\n\
         languages:\n  - { code: ha, name: Hausa }\nas_of: 2024-06-30\n",
    );
    s.file(
        "localities/jos/_index.md",
        "---\nname: Jos\ncountry: NG\n---\n",
    );
    s.file("localities/jos/patrols.md", &commitment("Sintiri tare"));
    let r = s.build_ok();
    assert!(
        !r.stdout().contains("interface strings missing"),
        "{}",
        r.stdout()
    );
    let page = Page::parse(&s.read("ha/localities/jos/patrols/index.html"));
    let agreed = page.select("time[datetime='2017-05-20']");
    assert_eq!(agreed[0].text().collect::<String>(), "2017, Mayu 20");
    assert_eq!(page.attrs("html", "lang"), ["ha"]);
    assert!(!page.text().contains("Pledged by"), "{}", page.text());
}

#[test]
fn an_untranslated_body_shows_the_default_text_marked_with_its_language() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.ar.md",
        "---\ntitle: دوريات ليلية مشتركة\n---\n",
    );
    s.build_ok();
    let page = Page::parse(&s.read("ar/localities/saaba/joint-patrols/index.html"));
    assert_eq!(page.attrs("html", "dir"), ["rtl"]);
    assert_eq!(page.text_of("h1"), ["دوريات ليلية مشتركة"]);
    let prose = page.select(".prose[lang='en'][dir='ltr']");
    assert_eq!(prose.len(), 1);
    assert!(
        prose[0]
            .text()
            .collect::<String>()
            .contains("Police and the vigilante group patrol together.")
    );
    // The untranslated update note too.
    let note = page.select(".updates [lang='en'][dir='ltr']");
    assert!(
        note.iter().any(|n| n
            .text()
            .collect::<String>()
            .contains("Three patrols a week.")),
        "no marked note"
    );
    // The French page has no translation at all: its title is marked.
    let fr = Page::parse(&s.read("fr/localities/saaba/joint-patrols/index.html"));
    assert_eq!(fr.attrs("h1 [lang='en']", "dir"), ["ltr"]);
}

#[test]
fn names_in_another_script_are_isolated() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &common::COMMITMENT.replacen(
            "status: in-progress\n",
            "status: in-progress\ntopics: [patrols]\n",
            1,
        ),
    );
    s.file(
        "site.yaml",
        &format!(
            "{}topics:\n  patrols: {{ en: Night patrols }}\n",
            common::SITE_YAML
        ),
    );
    s.build_ok();
    // An English topic name inside an Arabic heading is wrapped in
    // first-strong isolate marks, so the sentence does not reorder around it.
    let page = Page::parse(&s.read("ar/topic/patrols/index.html"));
    let h1 = page.text_of("h1").join("");
    assert!(h1.contains("\u{2068}Night patrols\u{2069}"), "{h1:?}");
    // An Arabic name in an Arabic heading needs no marks.
    let status = Page::parse(&s.read("ar/status/in-progress/index.html"));
    assert!(!status.text_of("h1").join("").contains('\u{2068}'));
    // A locality name in a card is a <bdi>.
    let list = Page::parse(&s.read("ar/commitments/index.html"));
    assert_eq!(list.text_of(".card bdi"), ["Saaba"]);
}

#[test]
fn arrows_point_the_reading_direction() {
    let s = TestSite::minimal();
    s.build_ok();
    // Arrows are drawn by the stylesheet (shipped minified), turned round for
    // right-to-left pages; tests/browser/layout.mjs checks them in Chromium.
    let css = std::fs::read_to_string(s.out().join("style.css")).unwrap();
    assert!(css.contains(".fwd:after{content:\" →\""), "{css}");
    assert!(css.contains("[dir=rtl] .fwd:after{content:\" ←\""), "{css}");
    assert!(!css.contains("\n\n"), "the stylesheet is minified");
    let home = Page::parse(&s.read("ar/index.html"));
    assert!(home.has("a .fwd"));
}

/// The lines of `check`'s report about one language.
fn section(stdout: &str, lang: &str) -> Vec<String> {
    let mut lines = stdout
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{lang}: ")));
    let head = lines.next().unwrap_or_default().to_owned();
    let mut out = vec![head];
    out.extend(
        lines
            .take_while(|l| l.starts_with("  "))
            .map(|l| l.trim().to_owned()),
    );
    out
}

/// A site with known gaps: the French commitment translates only its title,
/// the locality has no French file, Swahili is the site's own addition with
/// two interface strings left out.
fn site_with_gaps() -> TestSite {
    let s = TestSite::minimal();
    s.file(
        "site.yaml",
        &common::SITE_YAML
            .replace(
                "  ar: متتبع الاختبار\n",
                "  ar: متتبع الاختبار\n  sw: Kifuatiliaji\n",
            )
            .replace(
                "  - { code: ar, name: العربية }\n",
                "  - { code: ar, name: العربية }\n  - { code: sw, name: Kiswahili }\n",
            ),
    );
    s.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles\n---\n",
    );
    for lang in ["ar", "sw"] {
        s.file(
            &format!("localities/saaba/_index.{lang}.md"),
            "---\nname: Saaba\n---\nMji karibu na Ouagadougou.\n",
        );
        s.file(
            &format!("localities/saaba/joint-patrols.{lang}.md"),
            "---\ntitle: Doria\nupdates:\n  - date: 2017-09-01\n    note: Doria tatu kwa wiki.\n---\nPolisi na kikundi hufanya doria pamoja.\n",
        );
    }
    // Swahili interface strings: everything of English but two.
    let en = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/i18n/en.ftl"
    ))
    .unwrap();
    let mut sw = String::new();
    let mut skipping = false;
    for line in en.lines() {
        if line.starts_with("as-of =") || line.starts_with("next-page =") {
            skipping = true;
            continue;
        }
        if skipping && (line.starts_with(' ') || line.starts_with('}')) {
            continue;
        }
        skipping = false;
        sw.push_str(line);
        sw.push('\n');
    }
    s.file("i18n/sw.ftl", &sw);
    s
}

#[test]
fn check_reports_exactly_the_gaps() {
    let s = site_with_gaps();
    let r = s.run(&["check"]);
    assert!(r.ok(), "{}", r.stderr());
    let out = r.stdout();
    assert_eq!(
        section(&out, "fr"),
        [
            "fr: 33% of texts translated (2 of 6); interface strings complete",
            "not translated in localities/saaba/_index.fr.md: name, body",
            "not translated in localities/saaba/joint-patrols.fr.md: body, updates[0].note (2017-09-01)",
        ],
        "{out}"
    );
    assert_eq!(
        section(&out, "ar"),
        ["ar: 100% of texts translated (6 of 6); interface strings complete"],
        "{out}"
    );
    assert_eq!(
        section(&out, "sw"),
        [
            "sw: 100% of texts translated (6 of 6); 2 interface strings missing",
            "interface strings missing (add them to i18n/sw.ftl): as-of, next-page",
        ],
        "{out}"
    );
    // The build says the same in one line, and shows English for the gaps.
    let b = s.build_ok();
    assert!(
        b.stdout().contains("fr 33% (2 of 6 texts)")
            && b.stdout()
                .contains("sw 100% (6 of 6 texts, 2 interface strings missing)"),
        "{}",
        b.stdout()
    );
    assert!(
        b.stderr().contains(
            "i18n/sw.ftl: 2 interface strings have no `sw` text; the `en` text is shown instead: as-of, next-page"
        ),
        "{}",
        b.stderr()
    );
    // The English sentence stands in for the missing string (with a Swahili
    // date), never its key.
    let sw_home = Page::parse(&s.read("sw/index.html")).text();
    assert!(
        sw_home.contains("Progress as of 30 Juni 2024."),
        "{sw_home}"
    );
    assert!(!sw_home.contains("as-of"), "{sw_home}");
}

#[test]
fn strict_check_fails_on_gaps_and_passes_when_complete() {
    let s = site_with_gaps();
    let r = s.run(&["check", "--strict"]);
    assert_eq!(r.code(), Some(1), "{}", r.stdout());
    assert!(
        r.stderr().contains(
            "translations are incomplete (--strict): fr lacks 4 texts and 0 interface strings; \
             sw lacks 0 texts and 2 interface strings."
        ),
        "{}",
        r.stderr()
    );
    // Nothing is written by check.
    assert!(!s.out().exists());

    let complete = TestSite::minimal();
    complete.file(
        "site.yaml",
        &common::SITE_YAML.replace("  - { code: ar, name: العربية }\n", ""),
    );
    complete.file(
        "localities/saaba/_index.fr.md",
        "---\nname: Saaba\n---\nUne ville près de Ouagadougou.\n",
    );
    complete.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles\nupdates:\n  - date: 2017-09-01\n    note: Trois par semaine.\n---\nPolice et vigiles patrouillent ensemble.\n",
    );
    let r = complete.run(&["check", "--strict"]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    assert!(
        r.stdout()
            .contains("fr: 100% of texts translated (6 of 6); interface strings complete")
    );
}

#[test]
fn a_site_overrides_and_adds_interface_strings() {
    let s = TestSite::minimal();
    s.file("i18n/fr.ftl", "page-localities = Nos quartiers\n");
    s.build_ok();
    let fr = Page::parse(&s.read("fr/index.html"));
    assert!(
        fr.text_of("nav.main a")
            .contains(&"Nos quartiers".to_owned())
    );
    let en = Page::parse(&s.read("en/index.html"));
    assert!(en.text_of("nav.main a").contains(&"Localities".to_owned()));
}

#[test]
fn a_template_that_sets_lang_gets_strings_in_that_language() {
    // Interface strings are written into each language's copy of the
    // templates; a theme that gives `lang` another value must still get
    // strings in that language from `t`, there and in what it includes.
    let s = TestSite::minimal();
    s.file(
        "themes/default/templates/home.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p id=\"own\">{{ t(key=\"page-localities\") }}</p>\n\
         {% set lang = \"fr\" %}<p id=\"set\">{{ t(key=\"page-localities\") }}</p>\n{% endblock content %}\n",
    );
    s.build_ok();
    let en = Page::parse(&s.read("en/index.html"));
    assert_eq!(en.text_of("#own"), ["Localities"]);
    assert_eq!(en.text_of("#set"), ["Localités"]);
    assert_eq!(en.text_of("a.skip"), ["Skip to content"]);
    let ar = Page::parse(&s.read("ar/index.html"));
    assert_eq!(ar.text_of("#own"), ["المناطق"]);
    assert_eq!(ar.text_of("#set"), ["Localités"]);
}

#[test]
fn interface_strings_are_escaped_where_pages_show_them() {
    let s = TestSite::minimal();
    s.file("i18n/en.ftl", "skip-link = Skip <to> \"content\" & more\n");
    s.build_ok();
    let html = s.read("en/index.html");
    assert!(
        html.contains("Skip &lt;to&gt; &quot;content&quot; &amp; more</a>"),
        "{html}"
    );
    let fr = Page::parse(&s.read("fr/index.html"));
    assert_ne!(fr.text_of("a.skip"), ["Skip <to> \"content\" & more"]);
    // Braces in a string are text, never template code.
    s.file("i18n/en.ftl", "skip-link = Skip {\"{{\"} lang {\"}}\"}\n");
    s.build_ok();
    let en = Page::parse(&s.read("en/index.html"));
    assert_eq!(en.text_of("a.skip"), ["Skip {{ lang }}"]);
}

#[test]
fn a_template_asking_for_an_undefined_string_is_an_error() {
    let s = TestSite::minimal();
    s.file(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ t(key=\"no-such-string\") }}</p>\n{% endblock content %}\n",
    );
    let r = s.build();
    assert_eq!(r.code(), Some(1));
    let err = r.stderr();
    assert!(
        err.contains("themes/default/templates/page.html:3:"),
        "{err}"
    );
    assert!(
        err.contains("the interface string `no-such-string` is not defined in any language"),
        "{err}"
    );
}

#[test]
fn a_bad_locale_is_reported_where_it_is() {
    let s = TestSite::minimal();
    s.file(
        "site.yaml",
        &common::SITE_YAML.replace("name: العربية", "name: العربية, locale: \"ar IQ\""),
    );
    let r = s.build();
    assert_eq!(r.code(), Some(1));
    let err = r.stderr();
    assert!(
        err.contains("error: site.yaml:10:40: `ar IQ` is not a locale tag"),
        "{err}"
    );
}

#[test]
fn every_page_kind_switches_language_to_itself_and_marks_other_languages() {
    let s = TestSite::minimal();
    s.file("pages/about.md", "---\ntitle: About\n---\nWho we are.\n");
    s.file(
        "localities/saaba/joint-patrols.ar.md",
        "---\ntitle: دوريات\n---\n",
    );
    s.build_ok();
    let files = common::tree(&s.out());
    let mut kinds = std::collections::BTreeSet::new();
    let dirs = [("en", "ltr"), ("fr", "ltr"), ("ar", "rtl")];
    for (rel, bytes) in &files {
        let Some((lang, rest)) = rel.split_once('/') else {
            continue;
        };
        if !rel.ends_with(".html") || !dirs.iter().any(|(l, _)| *l == lang) {
            continue;
        }
        let page = Page::parse(std::str::from_utf8(bytes).unwrap());
        kinds.insert(rest.split('/').next().unwrap().to_owned());
        let depth = rel.matches('/').count();
        for (other, _) in dirs {
            // The switcher links to this same page in the other language…
            // (its own language's link is to itself, the shortest way).
            let href = if other == lang {
                "index.html".to_owned()
            } else {
                format!("{}{other}/{rest}", "../".repeat(depth))
            };
            assert!(
                page.has(&format!(
                    "nav.langs a[href=\"{href}\"][hreflang={other}][lang={other}]"
                )),
                "{rel}: no switcher link to {href}"
            );
            assert!(
                files.contains_key(&format!("{other}/{rest}")),
                "{rel} → {other}"
            );
            // …and the head names it for search engines.
            let canonical = rest.trim_end_matches("index.html");
            assert_eq!(
                page.attrs(&format!("link[rel=alternate][hreflang={other}]"), "href"),
                [format!("https://tracker.example.org/{other}/{canonical}")],
                "{rel}"
            );
        }
        // Whatever is marked as another language has that language's direction.
        for el in page.select("body [lang]") {
            let l = el.value().attr("lang").unwrap();
            let d = el.value().attr("dir");
            let expected = dirs.iter().find(|(c, _)| *c == l).map(|(_, d)| *d);
            assert_eq!(d, expected, "{rel}: an element with lang={l} has dir={d:?}");
        }
    }
    // Every kind of page was looked at.
    for kind in [
        "index.html",
        "localities",
        "status",
        "party",
        "topic",
        "country",
        "overdue",
        "commitments",
        "updates",
        "about",
    ] {
        assert!(kinds.contains(kind), "no {kind} page checked: {kinds:?}");
    }
    // The French commitment page shows the English title marked.
    let fr = s.page("fr/localities/saaba/joint-patrols/index.html");
    assert_eq!(fr.attrs("h1 span[lang=en]", "dir"), ["ltr"]);
    let ar = s.page("ar/about/index.html");
    assert_eq!(ar.attrs("h1 [lang=en]", "dir"), ["ltr"]);
}

#[test]
fn snapshot_of_an_arabic_and_a_nepali_card() {
    let s = TestSite::minimal();
    s.file(
        "site.yaml",
        &common::SITE_YAML.replace(
            "  - { code: ar, name: العربية }\n",
            "  - { code: ar, name: العربية }\n  - { code: ne, name: नेपाली }\n",
        ),
    );
    s.file(
        "localities/saaba/joint-patrols.ar.md",
        "---\ntitle: دوريات ليلية مشتركة\n---\n",
    );
    s.build_ok();
    let card = |lang: &str| {
        let page = Page::parse(&s.read(&format!("{lang}/commitments/index.html")));
        page.select(".card")[0].html()
    };
    insta::assert_snapshot!("arabic_card", card("ar"));
    insta::assert_snapshot!("nepali_card", card("ne"));
}

// ---- issue 15: interface strings that cannot be shown ----

#[test]
fn a_string_that_cannot_be_shown_is_reported_and_pages_show_the_fallback() {
    let s = TestSite::minimal();
    // French is the default: Arabic falls back to French, then English.
    s.file(
        "site.yaml",
        &common::SITE_YAML.replace("default_language: en", "default_language: fr"),
    );
    // A cycle in French, a variable nobody gives in Arabic.
    s.file(
        "i18n/fr.ftl",
        "# French overrides\nnav-label = { skip-link }\nskip-link = { nav-label }\n",
    );
    s.file(
        "i18n/ar.ftl",
        "skip-link = تخطَّ { $nope }\nbrowse-label = { $nope }\n",
    );
    let check = s.run(&["check"]);
    let err = check.stderr();
    assert!(check.ok(), "{err}");
    for (place, what) in [
        ("i18n/fr.ftl:2:1", "`nav-label` refers back to itself"),
        ("i18n/fr.ftl:3:1", "`skip-link` refers back to itself"),
        ("i18n/ar.ftl:1:1", "`skip-link` uses the variable `$nope`"),
        (
            "i18n/ar.ftl:2:1",
            "`browse-label` uses the variable `$nope`",
        ),
    ] {
        assert!(
            err.contains(&format!("warning: {place}: the interface string {what}")),
            "{place}: {err}"
        );
    }
    s.build_ok();
    let fr = Page::parse(&s.read("fr/index.html"));
    assert_eq!(fr.text_of("a.skip"), ["Skip to content"]);
    assert_eq!(fr.attrs("nav.main", "aria-label"), ["Main"]);
    let ar = Page::parse(&s.read("ar/index.html"));
    assert_eq!(
        ar.text_of("a.skip"),
        ["Skip to content"],
        "ar, fr broken: en"
    );
    assert!(
        ar.attrs("nav", "aria-label")
            .contains(&"Parcourir".to_owned()),
        "ar broken: fr"
    );
    for page in ["fr/index.html", "ar/index.html", "en/index.html"] {
        let html = s.read(page);
        for raw in ["{skip-link}", "{nav-label}", "{$nope}", "{browse-label}"] {
            assert!(!html.contains(raw), "{page} shows {raw}");
        }
    }
}

// --- Order: lists sorted by name in each language's collation (issue 16) ---

/// Localities whose ids run against their names, with names per language:
/// (id, country, en, fr, ar, ne).
const NAMED: [(&str, &str, &str, &str, &str, &str); 7] = [
    ("a-zinder", "NE", "Zinder", "Zinder", "زندر", "जिन्डर"),
    ("b-tahoua", "NE", "Tahoua", "Tahoua", "تاهوا", "ताहुआ"),
    ("c-ecully", "NE", "Ecully", "Écully", "إيكولي", "एकुली"),
    ("d-dosso", "NE", "Dosso", "Dosso", "دوسو", "डोस्सो"),
    ("e-agadez", "NE", "Agadez", "Agadez", "أغاديس", "अगादेज"),
    ("f-cotonou", "BJ", "Cotonou", "Cotonou", "كوتونو", "कोटोनु"),
    (
        "g-ndjamena",
        "TD",
        "Ndjamena",
        "N'Djaména",
        "انجامينا",
        "न्जामेना",
    ),
];

fn site_with_named_localities() -> TestSite {
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title: Test tracker\nbase_url: https://t.example.org/\ndefault_language: en\n\
         languages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n  \
         - { code: ar, name: العربية }\n  - { code: ne, name: नेपाली }\nas_of: 2024-06-30\n\
         countries:\n  BJ: { en: Benin, fr: Bénin, ar: بنين, ne: बेनिन }\n  \
         NE: { en: Niger, fr: Niger, ar: النيجر, ne: नाइजर }\n  \
         TD: { en: Chad, fr: Tchad, ar: تشاد, ne: चाड }\n",
    );
    for (id, country, en, fr, ar, ne) in NAMED {
        let dir = format!("localities/{id}");
        s.file(
            &format!("{dir}/_index.md"),
            &format!("---\nname: {en}\ncountry: {country}\n---\n"),
        );
        for (lang, name) in [("fr", fr), ("ar", ar), ("ne", ne)] {
            s.file(
                &format!("{dir}/_index.{lang}.md"),
                &format!("---\nname: \"{name}\"\n---\n"),
            );
        }
        s.file(&format!("{dir}/patrols.md"), &commitment("Patrols"));
    }
    s
}

/// The names of the locality cards of a page, in page order.
fn card_names(page: &Page) -> Vec<String> {
    page.text_of("li.card h3 a")
}

#[test]
fn localities_are_listed_in_the_order_of_each_languages_names() {
    let s = site_with_named_localities();
    s.build_ok();
    let expected: [(&str, [&str; 7], [&str; 3]); 4] = [
        (
            "en",
            [
                "Agadez", "Cotonou", "Dosso", "Ecully", "Ndjamena", "Tahoua", "Zinder",
            ],
            ["Benin", "Chad", "Niger"],
        ),
        (
            "fr",
            [
                "Agadez",
                "Cotonou",
                "Dosso",
                "Écully",
                "N'Djaména",
                "Tahoua",
                "Zinder",
            ],
            ["Bénin", "Niger", "Tchad"],
        ),
        (
            "ar",
            [
                "أغاديس",
                "انجامينا",
                "إيكولي",
                "تاهوا",
                "دوسو",
                "زندر",
                "كوتونو",
            ],
            ["النيجر", "بنين", "تشاد"],
        ),
        (
            "ne",
            ["अगादेज", "एकुली", "कोटोनु", "जिन्डर", "डोस्सो", "ताहुआ", "न्जामेना"],
            ["चाड", "नाइजर", "बेनिन"],
        ),
    ];
    for (lang, localities, countries) in expected {
        let home = Page::parse(&s.read(&format!("{lang}/index.html")));
        assert_eq!(card_names(&home), localities, "{lang} home");
        let index = Page::parse(&s.read(&format!("{lang}/localities/index.html")));
        assert_eq!(index.text_of("section > h2"), countries, "{lang} index");
        assert_eq!(
            card_names(&index),
            grouped_by_country(lang, &localities, &countries),
            "{lang} index"
        );
        let browse = Page::parse(&s.read(&format!("{lang}/country/index.html")));
        assert_eq!(
            browse.text_of("ul.index > li > a"),
            countries,
            "{lang} country index"
        );
    }
}

/// `localities` (in name order) grouped by country, the countries in the
/// order of `countries`: the order of the cards on the localities index.
fn grouped_by_country(lang: &str, localities: &[&str], countries: &[&str]) -> Vec<String> {
    let col = ["en", "fr", "ar", "ne"]
        .iter()
        .position(|l| *l == lang)
        .unwrap();
    let country_of = |name: &str| {
        let row = NAMED
            .iter()
            .find(|r| [r.2, r.3, r.4, r.5][col] == name)
            .unwrap();
        match row.1 {
            "BJ" => 0,
            "NE" => 1,
            _ => 2,
        }
    };
    // Country position in `countries`: its name in this language.
    let names = [
        ["Benin", "Bénin", "بنين", "बेनिन"],
        ["Niger", "Niger", "النيجر", "नाइजर"],
        ["Chad", "Tchad", "تشاد", "चाड"],
    ];
    let rank = |code: usize| {
        countries
            .iter()
            .position(|c| *c == names[code][col])
            .unwrap()
    };
    let mut out: Vec<&str> = localities.to_vec();
    out.sort_by_key(|n| rank(country_of(n))); // stable: name order within a country
    out.into_iter().map(str::to_owned).collect()
}

#[test]
fn commitment_lists_follow_their_localities_names() {
    let s = site_with_named_localities();
    s.build_ok();
    let localities_of =
        |rel: &str| -> Vec<String> { Page::parse(&s.read(rel)).text_of("li.card p.small a bdi") };
    assert_eq!(
        localities_of("fr/country/ne/index.html"),
        ["Agadez", "Dosso", "Écully", "Tahoua", "Zinder"]
    );
    assert_eq!(
        localities_of("ar/commitments/index.html"),
        [
            "أغاديس",
            "انجامينا",
            "إيكولي",
            "تاهوا",
            "دوسو",
            "زندر",
            "كوتونو"
        ]
    );
    assert_eq!(
        localities_of("ne/status/in-progress/index.html"),
        ["अगादेज", "एकुली", "कोटोनु", "जिन्डर", "डोस्सो", "ताहुआ", "न्जामेना"]
    );
}
