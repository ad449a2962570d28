// The most a query makes pledgeboard's search page load, in Chromium over
// HTTP: a reader types each query character by character (the page searches
// as you type), and every file the page loads from then on is counted once
// (the union over all the prefixes typed), gzipped as a server would send it
// (zlib's default level, as benches/search_compare.mjs counts).
//
//     node benches/search_worst.mjs OUT LANG [--facet s=N,p=N,c=N] [--paste] [--shards] QUERY...
//     node benches/search_worst.mjs /dev/shm/pf2000 ar ال الإنارة 'والمدرسة الشرطة'
//     node benches/search_worst.mjs /dev/shm/pf2000 fr --facet s=6,c=3 co
//
// It prints, once, what the page loads before any query (the page, its
// stylesheet, the script: nothing of the index should be there), then per
// query one JSON line: the results the page shows, the files loaded while
// typing, split into term shards (t-), records (d-), facets (f) and other,
// their gzipped bytes, the largest files, and any console error or page
// error. `--facet` picks the search form's filters before typing (a filter
// makes the page load f.js). `--paste` puts each query in at once (one
// search, as a pasted query or a link's ?q= would) instead of typing it.
// `--shards` first lists the language's ten
// largest files of the index on disk, gzipped, to choose queries from.
// Not a test: the figures go to benches/RESULTS.md.
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { serveFolder } from './serve_folder.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const [site, lang] = args.splice(0, 2);
let facet = {};
let listShards = false;
let paste = false;
const queries = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--facet') {
    facet = Object.fromEntries(args[++i].split(',').map((kv) => kv.split('=')));
  } else if (args[i] === '--paste') {
    paste = true;
  } else if (args[i] === '--shards') {
    listShards = true;
  } else {
    queries.push(args[i]);
  }
}
if (!site || !lang || (queries.length === 0 && !listShards)) {
  console.error('usage: node benches/search_worst.mjs OUTPUT_DIR LANG [--facet s=N,p=N,c=N] [--paste] [--shards] QUERY...');
  process.exit(2);
}
const gz = (body) => zlib.gzipSync(body).length;

if (listShards) {
  const dir = path.join(site, lang, 'search');
  const sizes = fs.readdirSync(dir).filter((f) => f.endsWith('.js'))
    .map((f) => [f, gz(fs.readFileSync(path.join(dir, f)))]);
  const total = (pick) => sizes.filter(([f]) => pick(f)).reduce((a, [, n]) => a + n, 0);
  sizes.sort((a, b) => b[1] - a[1]);
  console.log(JSON.stringify({
    lang, largest: sizes.slice(0, 10),
    all_shards: total((f) => f.startsWith('t-')), all_records: total((f) => f.startsWith('d-')),
    files: sizes.length,
  }));
}

const { base: base, server } = await serveFolder(site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });

/** Records every response of `page` as [file name, gzipped bytes] promises. */
function recorder(page) {
  const seen = [];
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() || '/';
    seen.push(r.body().then((b) => [name, gz(b)]).catch(() => [name, 0]));
  });
  return seen;
}

/** Sums files by kind: term shards, records, facets, other. */
function summary(files) {
  const kind = (f) => (f.startsWith('t-') ? 'shards' : f.startsWith('d-') ? 'records' : f === 'f.js' ? 'facets' : 'other');
  const out = { files: files.length, gzipped: 0, shards: [0, 0], records: [0, 0], facets: [0, 0], other: [0, 0] };
  for (const [f, n] of files) {
    out.gzipped += n;
    out[kind(f)][0] += 1;
    out[kind(f)][1] += n;
  }
  out.largest = [...files].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return out;
}

async function typed(q, first) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  let seen = recorder(page);
  await page.goto(`${base}/${lang}/search/index.html`, { waitUntil: 'networkidle' });
  const before = await Promise.all(seen);
  seen.length = 0;
  for (const [k, v] of Object.entries(facet)) await page.selectOption(`select[name=${k}]`, v);
  await page.click('#q');
  if (paste) await page.fill('#q', q);
  else await page.keyboard.type(q, { delay: 120 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const shown = await page.evaluate(() => ({
    count: document.querySelector('.count').textContent.trim(),
    cards: document.querySelectorAll('ol.cards > li').length,
    top: [...document.querySelectorAll('ol.cards > li a')].slice(0, 2).map((a) => a.textContent.trim()),
  }));
  const during = await Promise.all(seen);
  await page.close();
  if (first) console.log(JSON.stringify({ lang, before_query: summary(before) }));
  return { query: q, facet, typed: !paste, ...shown, loaded: summary(during), errors };
}

let first = true;
for (const q of queries) {
  console.log(JSON.stringify(await typed(q, first)));
  first = false;
}
await browser.close();
server.close();
