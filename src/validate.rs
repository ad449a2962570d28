//! Validate: check the rules that span files and assemble the [`Site`].
//!
//! Input is the site settings and every parsed file; output is a [`Site`]
//! whose invariants (see `model`) later stages rely on, or the full list of
//! problems found. Checks here: status and party ids exist, update dates are
//! in order and not after `as_of`, the current status agrees with the last
//! update, translations belong to an existing file in a configured language
//! and match its updates by date, every locality folder has an `_index.md`,
//! free page ids do not collide with the portal's own paths.

use crate::diag::{self, Diagnostic};
use crate::memo::{Fingerprint, Fingerprinter, Memo};
use crate::model::{Commitment, Config, Locality, Page, Site, Text, Update};
use crate::parse::{Doc, DocKind, Fields, FrontMatter, RawCommitment, RawText};
use crate::yaml::Seg;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// Path segments under `/<lang>/` that the portal itself uses; a free page
/// cannot take one of them as its id.
pub const RESERVED_PAGE_IDS: &[&str] = &[
    "localities",
    "status",
    "party",
    "topic",
    "country",
    "updates",
    "overdue",
    "commitments",
    "data",
    "static",
];

/// Everything `validate` needs besides the parsed files.
pub struct Inputs {
    pub root: PathBuf,
    pub config: Config,
    pub docs: Vec<Arc<Doc>>,
    pub locality_dirs: Vec<String>,
    pub static_files: Vec<String>,
    pub theme_dir: Option<PathBuf>,
    /// A fingerprint of what `config` was made from (site.yaml's text and
    /// the build date): with equal settings and equal files, a commitment
    /// checked before is checked the same again, so a memo may reuse it.
    pub settings: Fingerprint,
}

/// A commitment as checked: the commitment (none when it has errors) and
/// the problems found in it. A session keeps these by the fingerprint of
/// the commitment's files and the settings: an unchanged commitment is not
/// checked or assembled again.
pub type Checked = Arc<(Option<Arc<Commitment>>, Vec<Diagnostic>)>;

/// A default-language file and its translations.
#[derive(Default)]
struct Group {
    main: Option<Arc<Doc>>,
    translations: Vec<Arc<Doc>>,
}

/// Checks the cross-file rules and builds the site. Warnings are returned
/// alongside a site; errors mean no site. `memo` holds commitments checked
/// before (by a session) or nothing.
pub fn validate(inputs: Inputs, memo: &Memo<Checked>) -> (Option<Site>, Vec<Diagnostic>) {
    let Inputs {
        root,
        config,
        docs,
        locality_dirs,
        static_files,
        theme_dir,
        settings,
    } = inputs;
    let mut diags = Vec::new();
    // Groups in the order of `docs` (path order, where a file and its
    // translations are neighbours), sorted by kind below.
    let mut groups: Vec<(DocKind, Group)> = Vec::new();
    let default_lang = config.default_language.clone();

    for doc in docs {
        if let Some(lang) = &doc.lang {
            if *lang == default_lang {
                diags.push(
                    Diagnostic::error(&doc.fm.rel, format!("`{lang}` is the default language"))
                        .expected(format!(
                            "the default-language text in `{}`, without a language suffix",
                            crate::parse::original_file(&doc.fm.rel)
                        )),
                );
                continue;
            }
            if config.language(lang).is_none() {
                let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
                diags.push(
                    Diagnostic::error(
                        &doc.fm.rel,
                        format!("`{lang}` is not one of the site's languages"),
                    )
                    .found(format!("a translation into `{lang}`"))
                    .expected(diag::one_of(&codes))
                    .help("add the language to `languages` in site.yaml, or rename the file"),
                );
                continue;
            }
        }
        if groups.last().is_none_or(|(kind, _)| *kind != doc.kind) {
            groups.push((doc.kind.clone(), Group::default()));
        }
        let Some((_, group)) = groups.last_mut() else {
            unreachable!("a group was just pushed")
        };
        if doc.lang.is_some() {
            group.translations.push(doc);
        } else {
            group.main = Some(doc);
        }
    }
    // Sorted by kind (nearly sorted already, so nearly free), then the
    // groups of one kind that were not neighbours merged, files in the
    // order of `docs`.
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups.dedup_by(|later, earlier| {
        if later.0 != earlier.0 {
            return false;
        }
        let later = std::mem::take(&mut later.1);
        if later.main.is_some() {
            earlier.1.main = later.main;
        }
        earlier.1.translations.extend(later.translations);
        true
    });

    // Translations of a file that does not exist.
    for (_, group) in groups.iter().filter(|(_, g)| g.main.is_none()) {
        for t in &group.translations {
            let original = crate::parse::original_file(&t.fm.rel);
            diags.push(
                Diagnostic::error(&t.fm.rel, "a translation of a file that does not exist")
                    .expected(format!("the default-language file `{original}`")),
            );
        }
    }

    let mut localities: BTreeMap<String, Locality> = BTreeMap::new();
    let mut pages = Vec::new();
    let mut home = None;

    for (kind, group) in &groups {
        match kind {
            DocKind::Home => {
                home = page(&config, "index", group, &mut diags);
            }
            DocKind::Page { id } => {
                let Some(main) = &group.main else { continue };
                if RESERVED_PAGE_IDS.contains(&id.as_str()) {
                    diags.push(
                        Diagnostic::error(
                            &main.fm.rel,
                            format!("`{id}` is used by the portal itself and cannot be a page id"),
                        )
                        .expected(format!(
                            "a page id other than {}",
                            diag::one_of(RESERVED_PAGE_IDS)
                        )),
                    );
                    continue;
                }
                pages.extend(page(&config, id, group, &mut diags));
            }
            DocKind::Locality { locality } => {
                let Some(main) = &group.main else { continue };
                let Fields::Locality(raw) = &main.fields else {
                    continue;
                };
                let tr = translations_of(group, |f| match f {
                    Fields::Locality(l) => Some((l.name.as_ref(), l.region.as_ref())),
                    _ => None,
                });
                let name = merge(
                    &config,
                    raw.name.as_ref(),
                    tr.iter().map(|(l, f)| (*l, f.0)),
                    &main.fm,
                    "name",
                    &mut diags,
                )
                .unwrap_or_default();
                let region = merge(
                    &config,
                    raw.region.as_ref(),
                    tr.iter().map(|(l, f)| (*l, f.1)),
                    &main.fm,
                    "region",
                    &mut diags,
                );
                localities.insert(
                    locality.clone(),
                    Locality {
                        id: locality.clone(),
                        name,
                        country: raw.country.clone().unwrap_or_default(),
                        region,
                        coordinates: raw.coordinates,
                        dialogue_since: raw.dialogue_since,
                        partners: raw.partners.clone(),
                        next_review: raw.next_review,
                        body: body(group),
                        commitments: Vec::new(),
                        source: main.fm.rel.clone(),
                        fingerprint: fingerprint(group),
                    },
                );
            }
            // Checked below, in parallel: they are most of the work.
            DocKind::Commitment { .. } => {}
        }
    }
    // Each commitment checked, or taken as checked before from the memo:
    // equal settings and equal files give the same commitment and problems.
    let checked: Vec<(&String, Checked)> = groups
        .par_iter()
        .filter_map(|(kind, group)| {
            let DocKind::Commitment { locality, id } = kind else {
                return None;
            };
            let main = group.main.as_ref()?;
            let Fields::Commitment(raw) = &main.fields else {
                return None;
            };
            let key = Fingerprinter::new()
                .add(&settings)
                .add(&fingerprint(group))
                .fingerprint();
            let checked = memo.get_or_make(key, || {
                let mut d = Vec::new();
                let c = commitment(&config, locality, id, raw, group, &mut d).map(Arc::new);
                Arc::new((c, d))
            });
            Some((locality, checked))
        })
        .collect();
    // Groups come sorted by kind, so a locality's commitments are neighbours.
    let mut by_locality: Vec<(&String, Vec<Arc<Commitment>>)> = Vec::new();
    for (locality, checked) in &checked {
        let (c, d) = &**checked;
        diags.extend(d.iter().cloned());
        if let Some(c) = c {
            match by_locality.last_mut() {
                Some((l, list)) if *l == *locality => list.push(c.clone()),
                _ => by_locality.push((*locality, vec![c.clone()])),
            }
        }
    }
    let commitments: HashMap<&str, Vec<Arc<Commitment>>> = by_locality
        .into_iter()
        .map(|(l, list)| (l.as_str(), list))
        .collect();

    // Every locality folder needs its _index.md.
    for dir in &locality_dirs {
        let id = dir.trim_start_matches("localities/");
        if crate::parse::is_id(id) && !localities.contains_key(id) {
            let n = commitments.get(id).map_or(0, Vec::len);
            diags.push(
                Diagnostic::error(
                    format!("{dir}/_index.md"),
                    "this locality folder has no `_index.md`",
                )
                .found(format!(
                    "the folder `{dir}` with {n} commitment(s) and no `_index.md`"
                ))
                .expected("`_index.md` with at least `name:` and `country:` in its front matter"),
            );
        }
    }

    for (loc_id, list) in commitments {
        if let Some(loc) = localities.get_mut(loc_id) {
            loc.commitments = list;
            loc.commitments.sort_by(|a, b| a.id.cmp(&b.id));
        }
    }

    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let site = Site {
        root,
        config,
        localities: localities.into_values().collect(),
        pages,
        home,
        static_files,
        theme_dir,
    };
    (Some(site), diags)
}

/// The translations of a group with the fields `pick` extracts from each.
fn translations_of<'g, T>(
    group: &'g Group,
    pick: impl Fn(&'g Fields) -> Option<T>,
) -> Vec<(&'g str, T)> {
    group
        .translations
        .iter()
        .filter_map(|d| Some((d.lang.as_deref()?, pick(&d.fields)?)))
        .collect()
}

/// Builds a [`Text`] from the default file's value and the translations' values.
fn merge<'a>(
    config: &Config,
    main: Option<&RawText>,
    translations: impl Iterator<Item = (&'a str, Option<&'a RawText>)>,
    fm: &FrontMatter,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Text> {
    let default_lang = &config.default_language;
    let mut text = Text::default();
    let mut has_default = false;
    if let Some(raw) = main {
        if let Some(plain) = &raw.plain {
            text.default = plain.clone();
            has_default = true;
        }
        for (lang, s) in &raw.by_lang {
            if lang == default_lang {
                text.default = s.clone();
                has_default = true;
            } else if config.language(lang).is_some() {
                text.translations.insert(lang.clone(), s.clone());
            } else {
                diags.push(
                    fm.error(
                        &[Seg::key(what), Seg::KeyName(lang.clone())],
                        format!("`{lang}` is not one of the site's languages"),
                    )
                    .expected(diag::one_of(
                        &config
                            .languages
                            .iter()
                            .map(|l| l.code.as_str())
                            .collect::<Vec<_>>(),
                    )),
                );
            }
        }
    }
    for (lang, raw) in translations {
        let Some(raw) = raw else { continue };
        let value = raw.plain.clone().or_else(|| raw.by_lang.get(lang).cloned());
        if let Some(v) = value {
            text.translations.insert(lang.to_owned(), v);
        }
    }
    if has_default {
        Some(text)
    } else if main.is_some() {
        diags.push(
            fm.error(
                &[Seg::key(what)],
                format!("`{what}` has no text in the default language"),
            )
            .expected(format!("a plain text, or a `{default_lang}:` entry")),
        );
        None
    } else {
        None
    }
}

/// The Markdown body of a group: the main file's, with non-empty translations.
/// A hash of the texts of a group's files: equal fingerprints, equal content.
fn fingerprint(group: &Group) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for doc in group.main.iter().chain(&group.translations) {
        doc.hash.hash(&mut h);
    }
    h.finish()
}

fn body(group: &Group) -> Text {
    let mut t = Text::plain(
        group
            .main
            .as_ref()
            .map(|d| d.body().to_owned())
            .unwrap_or_default(),
    );
    for d in &group.translations {
        if let Some(lang) = &d.lang
            && !d.body().trim().is_empty()
        {
            t.translations.insert(lang.clone(), d.body().to_owned());
        }
    }
    t
}

fn page(config: &Config, id: &str, group: &Group, diags: &mut Vec<Diagnostic>) -> Option<Page> {
    let main = group.main.as_ref()?;
    fn title_of(f: &Fields) -> Option<&RawText> {
        match f {
            Fields::Page(p) | Fields::Home(p) => p.title.as_ref(),
            _ => None,
        }
    }
    let trs = translations_of(group, |f| Some(title_of(f)));
    let title = merge(
        config,
        title_of(&main.fields),
        trs.into_iter(),
        &main.fm,
        "title",
        diags,
    );
    Some(Page {
        id: id.to_owned(),
        title,
        body: body(group),
        source: main.fm.rel.clone(),
        fingerprint: fingerprint(group),
    })
}

fn commitment(
    config: &Config,
    locality: &str,
    id: &str,
    raw: &RawCommitment,
    group: &Group,
    diags: &mut Vec<Diagnostic>,
) -> Option<Commitment> {
    let main = group.main.as_ref()?;
    let fm = &main.fm;
    let before = diags.len();
    let status_ids: Vec<&str> = config.statuses.iter().map(|s| s.id.as_str()).collect();
    let party_ids: Vec<&str> = config.parties.iter().map(|p| p.id.as_str()).collect();

    let check_status = |status: &str, path: &[Seg], diags: &mut Vec<Diagnostic>| {
        if !status_ids.contains(&status) {
            let mut d = fm
                .error(path, format!("unknown status `{status}`"))
                .found(format!("`{status}`"))
                .expected(diag::one_of(&status_ids));
            if let Some(m) = diag::did_you_mean(status, status_ids.iter().copied()) {
                d = d.help(format!("did you mean `{m}`?"));
            }
            diags.push(d);
        }
    };
    if let Some(s) = &raw.status {
        check_status(s, &[Seg::key("status")], diags);
    }
    for (i, party) in raw.pledged_by.iter().enumerate() {
        if !party_ids.contains(&party.as_str()) {
            let mut d = fm
                .error(
                    &[Seg::key("pledged_by"), Seg::Index(i)],
                    format!("unknown party `{party}`"),
                )
                .found(format!("`{party}`"))
                .expected(diag::one_of(&party_ids));
            if let Some(m) = diag::did_you_mean(party, party_ids.iter().copied()) {
                d = d.help(format!("did you mean `{m}`?"));
            }
            diags.push(d);
        }
    }
    if let (Some(agreed), Some(due)) = (raw.agreed, raw.due)
        && due < agreed
    {
        diags.push(
            fm.error(
                &[Seg::key("due")],
                "the due date is before the date the commitment was agreed",
            )
            .found(format!("due {due}, agreed {agreed}"))
            .expected(format!("a due date on or after {agreed}")),
        );
    }

    // Updates: known statuses, dates in order, not after as_of nor before agreed.
    let mut previous: Option<jiff::civil::Date> = None;
    for (i, u) in raw.updates.iter().enumerate() {
        let path = |k: &str| vec![Seg::key("updates"), Seg::Index(i), Seg::key(k)];
        if let Some(s) = &u.status {
            check_status(s, &path("status"), diags);
        }
        let Some(date) = u.date else { continue };
        if date > config.as_of {
            diags.push(
                fm.error(
                    &path("date"),
                    "an update is dated after the portal's as-of date",
                )
                .found(date.to_string())
                .expected(format!(
                    "a date on or before {} (`as_of`, or the build date)",
                    config.as_of
                )),
            );
        }
        if let Some(agreed) = raw.agreed
            && date < agreed
        {
            diags.push(
                fm.error(
                    &path("date"),
                    "an update is dated before the commitment was agreed",
                )
                .found(date.to_string())
                .expected(format!("a date on or after {agreed} (`agreed`)")),
            );
        }
        if let Some(prev) = previous
            && date <= prev
        {
            diags.push(
                fm.error(&path("date"), "updates are out of order")
                    .found(format!("{date} after {prev}"))
                    .expected(format!(
                        "a date later than {prev}: updates are listed oldest first, one per date"
                    )),
            );
        }
        previous = Some(date);
    }

    // The current status and progress agree with the last update.
    let last = raw.updates.last();
    let status = match (last.and_then(|u| u.status.clone()), &raw.status) {
        // An unknown status was reported above; saying it also disagrees adds nothing.
        (Some(last_status), Some(fm_status))
            if last_status != *fm_status && status_ids.contains(&fm_status.as_str()) =>
        {
            diags.push(
                fm.error(
                    &[Seg::key("status")],
                    "the status disagrees with the last update",
                )
                .found(format!(
                    "`status: {fm_status}`, while the last update says `status: {last_status}`"
                ))
                .expected(format!(
                    "`status: {last_status}` (the last update's), or no `status:` at all"
                ))
                .help("when a commitment has updates, the last update's status is the current one"),
            );
            None
        }
        (Some(s), _) => Some(s),
        (None, s) => s.clone(),
    };
    let progress = match (last.and_then(|u| u.progress), raw.progress) {
        (Some(lp), Some(p)) if lp != p => {
            diags.push(
                fm.error(
                    &[Seg::key("progress")],
                    "the progress disagrees with the last update",
                )
                .found(format!(
                    "`progress: {p}`, while the last update says `progress: {lp}`"
                ))
                .expected(format!(
                    "`progress: {lp}` (the last update's), or no `progress:` at all"
                )),
            );
            None
        }
        (Some(lp), _) => Some(lp),
        (None, p) => p,
    };

    // Translations: text fields, and update notes matched by date.
    let trs: Vec<(&str, &RawCommitment)> = translations_of(group, |f| match f {
        Fields::Commitment(c) => Some(c.as_ref()),
        _ => None,
    });
    for (_, t) in &trs {
        for (i, tu) in t.updates.iter().enumerate() {
            if let Some(date) = tu.date
                && !raw.updates.iter().any(|u| u.date == Some(date))
            {
                let tdoc = group.translations.iter().find(
                    |d| matches!(&d.fields, Fields::Commitment(c) if std::ptr::eq(c.as_ref(), *t)),
                );
                if let Some(tdoc) = tdoc {
                    diags.push(
                        tdoc.fm
                            .error(
                                &[Seg::key("updates"), Seg::Index(i), Seg::key("date")],
                                "this translated update matches no update of the original",
                            )
                            .found(date.to_string())
                            .expected(if raw.updates.is_empty() {
                                format!("no updates: `{}` has none to translate", fm.rel)
                            } else {
                                format!(
                                    "the date of one of the updates in `{}`: {}",
                                    fm.rel,
                                    raw.updates
                                        .iter()
                                        .filter_map(|u| u.date)
                                        .map(|d| d.to_string())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )
                            }),
                    );
                }
            }
        }
    }
    let field =
        |name: &str, pick: fn(&RawCommitment) -> Option<&RawText>, diags: &mut Vec<Diagnostic>| {
            merge(
                config,
                pick(raw),
                trs.iter().map(|(l, t)| (*l, pick(t))),
                fm,
                name,
                diags,
            )
        };
    let title = field("title", |c| c.title.as_ref(), diags);
    let summary = field("summary", |c| c.summary.as_ref(), diags);
    let responsible = field("responsible", |c| c.responsible.as_ref(), diags);

    let mut updates = Vec::new();
    for (i, u) in raw.updates.iter().enumerate() {
        let (Some(date), Some(status)) = (u.date, u.status.clone()) else {
            continue;
        };
        let tr_notes = trs.iter().map(|(lang, t)| {
            (
                *lang,
                t.updates
                    .iter()
                    .find(|tu| tu.date == Some(date))
                    .and_then(|tu| tu.note.as_ref()),
            )
        });
        let note = merge(
            config,
            u.note.as_ref(),
            tr_notes,
            fm,
            &format!("updates.{i}.note"),
            diags,
        );
        updates.push(Update {
            date,
            status,
            progress: u.progress,
            note,
            assessed_by: u.assessed_by,
            sources: u.sources.clone(),
        });
    }

    if diags.len() > before {
        return None;
    }
    Some(Commitment {
        id: id.to_owned(),
        locality: locality.to_owned(),
        title: title?,
        summary,
        pledged_by: raw.pledged_by.clone(),
        agreed: raw.agreed?,
        due: raw.due,
        status: status?,
        progress,
        topics: raw.topics.clone(),
        responsible,
        updates,
        body: body(group),
        source: fm.rel.clone(),
        fingerprint: fingerprint(group),
    })
}

#[cfg(test)]
mod tests {
    use crate::diag::{self, Diagnostic};
    use crate::parse::testing::{SITE_YAML, site, validate_files};

    const LOCALITY: (&str, &str) = (
        "localities/saaba/_index.md",
        "---\nname: Saaba\ncountry: BF\n---\nA town.\n",
    );
    const C: &str = "localities/saaba/patrols.md";
    /// A valid commitment: status on line 6, progress on 7, the update's
    /// date, status and progress on lines 9-11.
    const PATROLS: &str = "---\ntitle: Patrols\npledged_by: [police, community]\nagreed: 2017-05-20\ndue: 2018-01-31\nstatus: in-progress\nprogress: 30\nupdates:\n  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    note: Weekly.\n---\nBody.\n";

    /// The problems of a site of the saaba locality and `files`, sorted,
    /// as `(file, line, column, message)`; asserts no site was made.
    fn problems(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let mut all = vec![LOCALITY];
        all.extend_from_slice(files);
        let (site, mut diags) = validate_files(SITE_YAML, &all);
        assert!(site.is_none(), "a site despite {diags:#?}");
        diag::sort(&mut diags);
        diags
    }

    fn places(diags: &[Diagnostic]) -> Vec<(&str, usize, usize, &str)> {
        diags
            .iter()
            .map(|d| (d.file.as_str(), d.line, d.column, d.message.as_str()))
            .collect()
    }

    fn patrols(from: &str, to: &str) -> String {
        assert!(PATROLS.contains(from), "{from}");
        PATROLS.replacen(from, to, 1)
    }

    #[test]
    fn a_valid_site_is_assembled() {
        let s = site(
            SITE_YAML,
            &[
                LOCALITY,
                (C, PATROLS),
                (
                    "localities/saaba/patrols.fr.md",
                    "---\ntitle: Patrouilles\nupdates:\n  - { date: 2017-09-01, note: Chaque semaine. }\n---\nCorps.\n",
                ),
                (
                    "localities/saaba/alarm.md",
                    "---\ntitle: Alarm\npledged_by: [community]\nagreed: 2017-05-20\nstatus: completed\n---\n",
                ),
                ("pages/about.md", "---\ntitle: About\n---\nWho.\n"),
            ],
        );
        let loc = &s.localities[0];
        let ids: Vec<_> = loc.commitments.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["alarm", "patrols"]);
        let c = &loc.commitments[1];
        assert_eq!(c.title.get("fr"), ("Patrouilles", false));
        assert_eq!(c.body.get("fr"), ("Corps.\n", false));
        let note = c.updates[0].note.as_ref().unwrap();
        assert_eq!(note.get("fr"), ("Chaque semaine.", false));
        assert_eq!(s.pages[0].id, "about");
    }

    #[test]
    fn unknown_statuses_and_parties_are_named_with_a_suggestion() {
        let text = patrols(
            "status: in-progress\nprogress",
            "status: in-progres\nprogress",
        )
        .replace("[police, community]", "[police, comunity]")
        .replace("    status: in-progress", "    status: in-progres");
        let diags = problems(&[(C, &text)]);
        assert_eq!(
            places(&diags),
            [
                (C, 3, 22, "unknown party `comunity`"),
                (C, 6, 9, "unknown status `in-progres`"),
                (C, 10, 13, "unknown status `in-progres`"),
            ]
        );
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `community`?"));
        assert_eq!(
            diags[0].expected.as_deref(),
            Some("one of `police`, `community`, `local-government` or `justice`")
        );
        assert_eq!(
            diags[1].help.as_deref(),
            Some("did you mean `in-progress`?")
        );
        assert_eq!(diags[1].found.as_deref(), Some("`in-progres`"));
        // Statuses and parties are those of site.yaml when it defines them.
        let own = format!("{SITE_YAML}statuses: [{{ id: open }}]\nparties: [{{ id: council }}]\n");
        let (_, diags) = validate_files(
            &own,
            &[
                LOCALITY,
                (
                    C,
                    "---\ntitle: P\npledged_by: [council]\nagreed: 2017-05-20\nstatus: in-progress\n---\n",
                ),
            ],
        );
        assert_eq!(places(&diags), [(C, 5, 9, "unknown status `in-progress`")]);
        assert_eq!(diags[0].expected.as_deref(), Some("`open`"));
    }

    #[test]
    fn updates_are_in_order_and_not_after_as_of() {
        let text = patrols(
            "  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    note: Weekly.\n",
            "  - { date: 2018-03-01, status: in-progress }\n  - { date: 2017-09-01, status: in-progress }\n  - { date: 2017-09-01, status: in-progress }\n  - { date: 2024-06-30, status: in-progress }\n  - { date: 2024-07-01, status: in-progress, progress: 30 }\n",
        );
        let diags = problems(&[(C, &text)]);
        assert_eq!(
            places(&diags),
            [
                (C, 10, 13, "updates are out of order"),
                (C, 11, 13, "updates are out of order"),
                (
                    C,
                    13,
                    13,
                    "an update is dated after the portal's as-of date"
                ),
            ]
        );
        assert_eq!(
            diags[0].found.as_deref(),
            Some("2017-09-01 after 2018-03-01")
        );
        assert_eq!(
            diags[1].expected.as_deref(),
            Some("a date later than 2017-09-01: updates are listed oldest first, one per date")
        );
        assert_eq!(
            diags[2].expected.as_deref(),
            Some("a date on or before 2024-06-30 (`as_of`, or the build date)")
        );
    }

    #[test]
    fn dates_before_the_agreement() {
        let text = patrols("due: 2018-01-31", "due: 2017-01-31")
            .replace("date: 2017-09-01", "date: 2017-05-19");
        let diags = problems(&[(C, &text)]);
        assert_eq!(
            places(&diags),
            [
                (
                    C,
                    5,
                    6,
                    "the due date is before the date the commitment was agreed"
                ),
                (
                    C,
                    9,
                    11,
                    "an update is dated before the commitment was agreed"
                ),
            ]
        );
        assert_eq!(
            diags[0].found.as_deref(),
            Some("due 2017-01-31, agreed 2017-05-20")
        );
        assert_eq!(
            diags[1].expected.as_deref(),
            Some("a date on or after 2017-05-20 (`agreed`)")
        );
    }

    #[test]
    fn status_and_progress_agree_with_the_last_update() {
        let text = patrols(
            "status: in-progress\nprogress: 30",
            "status: completed\nprogress: 100",
        );
        let diags = problems(&[(C, &text)]);
        assert_eq!(
            places(&diags),
            [
                (C, 6, 9, "the status disagrees with the last update"),
                (C, 7, 11, "the progress disagrees with the last update"),
            ]
        );
        assert_eq!(
            diags[0].found.as_deref(),
            Some("`status: completed`, while the last update says `status: in-progress`")
        );
        assert_eq!(
            diags[1].expected.as_deref(),
            Some("`progress: 30` (the last update's), or no `progress:` at all")
        );
        // Without them in the front matter, the last update's are the current ones.
        let text = patrols("status: in-progress\nprogress: 30\n", "");
        let s = site(SITE_YAML, &[LOCALITY, (C, &text)]);
        let c = &s.localities[0].commitments[0];
        assert_eq!((c.status.as_str(), c.progress), ("in-progress", Some(30)));
    }

    #[test]
    fn translations_need_an_original_in_a_configured_language() {
        let diags = problems(&[
            (C, PATROLS),
            ("localities/saaba/ghost.fr.md", "---\ntitle: Fantôme\n---\n"),
            (
                "localities/saaba/patrols.de.md",
                "---\ntitle: Streifen\n---\n",
            ),
            (
                "localities/saaba/patrols.en.md",
                "---\ntitle: Patrols again\n---\n",
            ),
        ]);
        assert_eq!(
            places(&diags),
            [
                (
                    "localities/saaba/ghost.fr.md",
                    0,
                    0,
                    "a translation of a file that does not exist"
                ),
                (
                    "localities/saaba/patrols.de.md",
                    0,
                    0,
                    "`de` is not one of the site's languages"
                ),
                (
                    "localities/saaba/patrols.en.md",
                    0,
                    0,
                    "`en` is the default language"
                ),
            ]
        );
        assert_eq!(
            diags[0].expected.as_deref(),
            Some("the default-language file `localities/saaba/ghost.md`")
        );
        assert_eq!(
            diags[1].expected.as_deref(),
            Some("one of `en`, `fr` or `ar`")
        );
        assert_eq!(
            diags[1].help.as_deref(),
            Some("add the language to `languages` in site.yaml, or rename the file")
        );
        assert_eq!(
            diags[2].expected.as_deref(),
            Some(
                "the default-language text in `localities/saaba/patrols.md`, without a language suffix"
            )
        );
    }

    #[test]
    fn a_translated_update_matches_an_update_by_date() {
        let fr = "localities/saaba/patrols.fr.md";
        let diags = problems(&[
            (C, PATROLS),
            (
                fr,
                "---\nupdates:\n  - { date: 2017-09-02, note: Chaque semaine. }\n---\n",
            ),
        ]);
        assert_eq!(
            places(&diags),
            [(
                fr,
                3,
                13,
                "this translated update matches no update of the original"
            )]
        );
        assert_eq!(diags[0].found.as_deref(), Some("2017-09-02"));
        assert_eq!(
            diags[0].expected.as_deref(),
            Some("the date of one of the updates in `localities/saaba/patrols.md`: 2017-09-01")
        );
    }

    #[test]
    fn texts_by_language_use_configured_languages_and_the_default() {
        let diags = problems(&[
            (
                C,
                &patrols("title: Patrols", "title: { en: Patrols, de: Streifen }"),
            ),
            (
                "localities/saaba/alarm.md",
                "---\ntitle: { fr: Alarme }\npledged_by: [police]\nagreed: 2017-05-20\nstatus: stalled\n---\n",
            ),
        ]);
        assert_eq!(
            places(&diags),
            [
                (
                    "localities/saaba/alarm.md",
                    2,
                    8,
                    "`title` has no text in the default language"
                ),
                (C, 2, 23, "`de` is not one of the site's languages"),
            ]
        );
        assert_eq!(
            diags[0].expected.as_deref(),
            Some("a plain text, or a `en:` entry")
        );
    }

    #[test]
    fn every_locality_folder_has_an_index() {
        let (site, diags) = validate_files(
            SITE_YAML,
            &[LOCALITY, ("localities/jos/station.md", PATROLS)],
        );
        assert!(site.is_none());
        assert_eq!(
            places(&diags),
            [(
                "localities/jos/_index.md",
                0,
                0,
                "this locality folder has no `_index.md`"
            )]
        );
        assert_eq!(
            diags[0].found.as_deref(),
            Some("the folder `localities/jos` with 1 commitment(s) and no `_index.md`")
        );
    }

    #[test]
    fn pages_cannot_take_the_portals_own_paths() {
        let diags = problems(&[
            ("pages/status.md", "---\ntitle: Status\n---\n"),
            ("pages/about.md", "---\ntitle: About\n---\n"),
        ]);
        assert_eq!(
            places(&diags),
            [(
                "pages/status.md",
                0,
                0,
                "`status` is used by the portal itself and cannot be a page id"
            )]
        );
        assert_eq!(
            diags[0].expected.as_deref(),
            Some(
                "a page id other than one of `localities`, `status`, `party`, `topic`, `country`, `updates`, `overdue`, `commitments`, `data` or `static`"
            )
        );
    }
}
