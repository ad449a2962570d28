//! Generates a synthetic portal for benchmarks: deterministic from a seed,
//! with realistic Unicode text in each language (accents, Arabic script),
//! Markdown bodies of about 300 words with headings, lists and links, 0-4
//! updates per commitment, and every text translated into every language.
//!
//! cargo run --release --example synth -- --localities 2000 --per-locality 10 \
//!     --languages en,fr,ar --out /tmp/synth

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast, and the same sequence on every platform and version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const EN: &[&str] = &[
    "police",
    "community",
    "patrol",
    "station",
    "women",
    "youth",
    "market",
    "night",
    "security",
    "trust",
    "dialogue",
    "meeting",
    "district",
    "road",
    "lighting",
    "court",
    "case",
    "report",
    "village",
    "elders",
    "help",
    "desk",
    "phone",
    "line",
    "radio",
    "programme",
    "school",
    "stadium",
    "entrance",
    "checkpoint",
    "land",
    "dispute",
    "committee",
    "volunteers",
    "training",
    "officers",
    "residents",
    "families",
    "agreed",
    "together",
    "weekly",
    "monthly",
    "quickly",
    "safely",
    "openly",
    "new",
    "joint",
    "local",
    "public",
    "shared",
];
const FR: &[&str] = &[
    "police",
    "communauté",
    "patrouille",
    "commissariat",
    "femmes",
    "jeunes",
    "marché",
    "nuit",
    "sécurité",
    "confiance",
    "dialogue",
    "réunion",
    "quartier",
    "route",
    "éclairage",
    "tribunal",
    "dossier",
    "rapport",
    "village",
    "aînés",
    "aide",
    "guichet",
    "téléphone",
    "ligne",
    "radio",
    "émission",
    "école",
    "stade",
    "entrée",
    "barrage",
    "terre",
    "différend",
    "comité",
    "bénévoles",
    "formation",
    "agents",
    "habitants",
    "familles",
    "convenu",
    "ensemble",
    "chaque",
    "semaine",
    "mois",
    "rapidement",
    "sûreté",
    "ouvertement",
    "nouveau",
    "conjoint",
    "local",
    "public",
];
const AR: &[&str] = &[
    "الشرطة",
    "المجتمع",
    "دورية",
    "مركز",
    "النساء",
    "الشباب",
    "السوق",
    "الليل",
    "الأمن",
    "الثقة",
    "الحوار",
    "اجتماع",
    "الحي",
    "الطريق",
    "الإنارة",
    "المحكمة",
    "قضية",
    "تقرير",
    "القرية",
    "الشيوخ",
    "مساعدة",
    "مكتب",
    "هاتف",
    "خط",
    "إذاعة",
    "برنامج",
    "المدرسة",
    "الملعب",
    "مدخل",
    "حاجز",
    "الأرض",
    "نزاع",
    "لجنة",
    "متطوعون",
    "تدريب",
    "الضباط",
    "السكان",
    "العائلات",
    "اتفق",
    "معا",
    "أسبوعيا",
    "شهريا",
    "بسرعة",
    "بأمان",
    "علنا",
    "جديد",
    "مشترك",
    "محلي",
    "عام",
    "مشتركة",
];
const OTHER: &[&str] = &[
    "surakshā",
    "samudāya",
    "gasti",
    "thānā",
    "mahilā",
    "yuvā",
    "bazār",
    "rāt",
    "vishwās",
    "samvād",
];

const STATUSES: &[&str] = &[
    "not-started",
    "in-progress",
    "stalled",
    "suspended",
    "completed",
    "not-completed",
    "withdrawn",
];
const PARTIES: &[&str] = &["police", "community", "local-government", "justice"];
const TOPICS: &[&str] = &[
    "patrols",
    "women-safety",
    "youth",
    "infrastructure",
    "land-disputes",
    "courts",
    "trust",
    "communication",
    "displacement",
    "theft",
];
const COUNTRIES: &[&str] = &["BF", "NG", "SN", "IQ", "LY", "NP", "TN", "ML", "NE"];

fn words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => EN,
        "fr" => FR,
        "ar" => AR,
        _ => OTHER,
    }
}

fn sentence(rng: &mut Rng, lang: &str, n: usize) -> String {
    let w = words(lang);
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(w));
    }
    if lang != "ar"
        && let Some(first) = s.get(..1)
    {
        s = first.to_uppercase() + &s[1..];
    }
    s.push('.');
    s
}

fn title(rng: &mut Rng, lang: &str) -> String {
    let s = sentence(rng, lang, 5);
    s.trim_end_matches('.').to_owned()
}

/// A Markdown body of about 300 words.
fn body(rng: &mut Rng, lang: &str) -> String {
    let mut b = String::new();
    for section in 0..3 {
        let _ = writeln!(b, "## {}\n", title(rng, lang));
        for _ in 0..3 {
            let _ = writeln!(
                b,
                "{} {} {}\n",
                sentence(rng, lang, 12),
                sentence(rng, lang, 9),
                sentence(rng, lang, 8)
            );
        }
        if section == 1 {
            for _ in 0..4 {
                let _ = writeln!(b, "- {}", sentence(rng, lang, 6));
            }
            let _ = writeln!(
                b,
                "\n[{}](https://example.org/reports/{}.pdf)\n",
                title(rng, lang),
                rng.below(10_000)
            );
        }
    }
    b
}

fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn date(days_from_2016: u64) -> String {
    let d = jiff::civil::date(2016, 1, 1) + jiff::Span::new().days(days_from_2016 as i64);
    d.to_string()
}

fn main() {
    let mut localities = 10usize;
    let mut per = 10usize;
    let mut languages = vec!["en".to_owned(), "fr".to_owned(), "ar".to_owned()];
    let mut out: Option<PathBuf> = None;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--localities" => localities = val().parse().expect("a number"),
            "--per-locality" => per = val().parse().expect("a number"),
            "--languages" => languages = val().split(',').map(str::to_owned).collect(),
            "--out" => out = Some(PathBuf::from(val())),
            "--seed" => seed = val().parse().expect("a number"),
            other => {
                panic!("unknown argument {other}; see the comment at the top of examples/synth.rs")
            }
        }
    }
    let out = out.expect("--out DIR is required");
    generate(&out, localities, per, &languages, seed);
    println!(
        "Wrote {} localities x {} commitments in {} languages to {}",
        localities,
        per,
        languages.len(),
        out.display()
    );
}

fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        fs::create_dir_all(p).unwrap();
    }
    fs::write(path, text).unwrap();
}

fn generate(out: &Path, localities: usize, per: usize, languages: &[String], seed: u64) {
    if out.exists() {
        fs::remove_dir_all(out).unwrap();
    }
    let mut rng = Rng(seed);
    let default = &languages[0];
    let mut site = String::new();
    let _ = writeln!(site, "title:");
    for l in languages {
        let _ = writeln!(site, "  {l}: {}", yaml_str(&title(&mut rng, l)));
    }
    let _ = writeln!(
        site,
        "base_url: https://synth.example.org/\ndefault_language: {default}\nas_of: 2024-06-30\nlanguages:"
    );
    for l in languages {
        let _ = writeln!(site, "  - {{ code: {l}, name: {l} }}");
    }
    write(&out.join("site.yaml"), &site);

    for li in 0..localities {
        let id = format!("locality-{li:05}");
        let dir = out.join("localities").join(&id);
        for (k, l) in languages.iter().enumerate() {
            let name = yaml_str(&title(&mut rng, l));
            let file = if k == 0 {
                "_index.md".to_owned()
            } else {
                format!("_index.{l}.md")
            };
            let mut fm = format!("---\nname: {name}\n");
            if k == 0 {
                let _ = writeln!(
                    fm,
                    "country: {}\ndialogue_since: {}",
                    COUNTRIES[li % COUNTRIES.len()],
                    2015 + li % 5
                );
            }
            fm.push_str("---\n");
            fm.push_str(&body(&mut rng, l));
            write(&dir.join(file), &fm);
        }
        for ci in 0..per {
            let cid = format!("commitment-{ci:03}");
            let agreed = rng.below(700);
            let n_updates = rng.below(5) as usize;
            let mut dates = Vec::new();
            let mut day = agreed;
            for _ in 0..n_updates {
                day += 1 + rng.below(90);
                dates.push(day);
            }
            let status = STATUSES[rng.below(STATUSES.len() as u64) as usize];
            let progress = if status == "completed" {
                100
            } else {
                rng.below(100)
            };
            let p1 = PARTIES[rng.below(4) as usize];
            let p2 = PARTIES[rng.below(4) as usize];
            let parties = if p1 == p2 {
                format!("[{p1}]")
            } else {
                format!("[{p1}, {p2}]")
            };
            let topic = TOPICS[rng.below(TOPICS.len() as u64) as usize];
            let due = agreed + 200 + rng.below(1500);
            let notes: Vec<Vec<String>> = dates
                .iter()
                .map(|_| {
                    languages
                        .iter()
                        .map(|l| sentence(&mut rng, l, 10))
                        .collect()
                })
                .collect();
            for (k, l) in languages.iter().enumerate() {
                let mut fm = format!(
                    "---\ntitle: {}\nsummary: {}\nresponsible: {}\n",
                    yaml_str(&title(&mut rng, l)),
                    yaml_str(&sentence(&mut rng, l, 14)),
                    yaml_str(&title(&mut rng, l))
                );
                if k == 0 {
                    let _ = writeln!(
                        fm,
                        "pledged_by: {parties}\nagreed: {}\ndue: {}\nstatus: {status}\nprogress: {progress}\ntopics: [{topic}]",
                        date(agreed),
                        date(due)
                    );
                }
                if !dates.is_empty() {
                    fm.push_str("updates:\n");
                    for (ui, d) in dates.iter().enumerate() {
                        let last = ui + 1 == dates.len();
                        let _ = writeln!(fm, "  - date: {}", date(*d));
                        if k == 0 {
                            let s = if last { status } else { "in-progress" };
                            let p = if last {
                                progress
                            } else {
                                progress * (ui as u64 + 1) / (dates.len() as u64 + 1)
                            };
                            let _ = writeln!(fm, "    status: {s}\n    progress: {p}");
                        }
                        let _ = writeln!(fm, "    note: {}", yaml_str(&notes[ui][k]));
                    }
                }
                fm.push_str("---\n");
                fm.push_str(&body(&mut rng, l));
                let file = if k == 0 {
                    format!("{cid}.md")
                } else {
                    format!("{cid}.{l}.md")
                };
                write(&dir.join(file), &fm);
            }
        }
    }
}
