// The search page in a real browser (Debian's Chromium, driven by
// playwright-core), opened from disk (file://) as a reader handed the folder
// would:
//
//   node tests/browser/search.mjs OUTPUT_DIR SCREENSHOT_DIR
//
// The shipped script's normaliser gives the tokens of every case of
// tests/search/normalise-cases.tsv (the list src/search/normalise.rs is
// tested on). Exits with 1 and lists every failure when any check fails.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outArg, shotsArg] = process.argv.slice(2);
if (!outArg || !shotsArg) {
  console.error('usage: node tests/browser/search.mjs OUTPUT_DIR SCREENSHOT_DIR');
  process.exit(2);
}
const out = resolve(outArg);
const shots = resolve(shotsArg);
mkdirSync(shots, { recursive: true });
const failures = [];
const fail = (what) => failures.push(what);

const CASES = readFileSync(new URL('../search/normalise-cases.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => l.split('\t'));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  // The shipped script, as the output holds it.
  await page.goto(pathToFileURL(resolve(out, 'en/index.html')).href);
  await page.addScriptTag({ path: resolve(out, 'search.js') });
  const got = await page.evaluate((cases) => cases.map(([input]) => {
    const s = window.pledgeboardSearch;
    return s.tokens(input).map((t) => (s.strip(t) ? t + '|' + s.strip(t) : t)).join(' ');
  }), CASES);
  CASES.forEach(([input, expected], i) => {
    if (got[i] !== expected) fail(`normaliser: ${JSON.stringify(input)} gave ${JSON.stringify(got[i])}, expected ${JSON.stringify(expected)}`);
  });
  console.log(`normaliser: ${CASES.length} shared cases checked`);
} finally {
  await browser.close();
}

if (failures.length) {
  console.error(`search: ${failures.length} failure(s):\n  ` + failures.join('\n  '));
  process.exit(1);
}
console.log('search: all checks passed');
