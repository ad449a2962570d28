// The search page in a real browser (Debian's Chromium, driven by
// playwright-core), opened from disk (file://) as a reader handed the folder
// would:
//
//   node tests/browser/search.mjs OUTPUT_DIR SCREENSHOT_DIR
//
// In English, French and Arabic (and Nepali for its digits) a reader types
// words of the demo's commitments, including the normalisation cases
// (`eclairage` finds «Éclairage», `انارة` finds «إنارة» and «الإنارة», `سوق`
// finds «السوق»), sees results with their status chip, locality and
// progress and a count in the page's language, narrows them by status, and
// follows one to its commitment page; `?q=` fills the search; without
// JavaScript the page says so and keeps its browse links; axe-core finds
// no violation (phone and laptop, light and dark; screenshots saved). The
// shipped script's normaliser gives the tokens of every case of
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
    if (!s.lookup) return 'no pledgeboardSearch.lookup';
    return s.tokens(input).map((t) => {
      const l = s.lookup(t);
      if (!l) return t + '>';
      if (l.p) return t + '?';
      return l.t.length === 1 && l.t[0] === t ? t : t + '>' + l.t.join('+');
    }).join(' ');
  }), CASES);
  CASES.forEach(([input, expected], i) => {
    if (got[i] !== expected) fail(`normaliser: ${JSON.stringify(input)} gave ${JSON.stringify(got[i])}, expected ${JSON.stringify(expected)}`);
  });
  console.log(`normaliser: ${CASES.length} shared cases checked`);
  await searches();
} finally {
  await browser.close();
}

async function searches() {
  const url = (lang, q) => pathToFileURL(resolve(out, lang, 'search/index.html')).href + (q ? '?q=' + encodeURIComponent(q) : '');
  const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  // What the results list shows once the count has settled.
  const results = async (page) => {
    await page.waitForFunction(() => document.querySelector('.count').textContent !== '', null, { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(200);
    return page.evaluate(() => ({
      count: document.querySelector('.count').textContent,
      dir: getComputedStyle(document.querySelector('ol.cards')).direction,
      cards: [...document.querySelectorAll('ol.cards > li.card')].map((li) => ({
        title: li.querySelector('h2 a')?.textContent,
        href: li.querySelector('h2 a')?.getAttribute('href'),
        chip: li.querySelector('.status')?.className,
        progress: li.querySelector('progress')?.getAttribute('value'),
        locality: li.querySelector('p.small')?.textContent,
      })),
    }));
  };
  const CASES_TYPED = [
    // lang, typed, a title that must be among the results, its page, its locality, digits of the count
    ['en', 'light', 'Street lights along the market road', 'localities/saaba/market-street-lighting/index.html', 'Saaba', /\d/],
    ['en', 'lights mark', 'Street lights along the market road', 'localities/saaba/market-street-lighting/index.html', 'Saaba', /\d/],
    ['fr', 'eclairage', 'Éclairage public le long de la route du marché', 'localities/saaba/market-street-lighting/index.html', 'Saaba', /\d/],
    ['fr', 'Écl', 'Éclairage public le long de la route du marché', 'localities/saaba/market-street-lighting/index.html', 'Saaba', /\d/],
    ['ar', 'انارة', 'إنارة طريق السوق', 'localities/saaba/market-street-lighting/index.html', 'سابا', /\d/],
    // «رُكّبت الإنارة…» is a note of the Kasserine bus stops' commitment.
    ['ar', 'انارة', 'إنارة محطات الحافلات التي تستخدمها عاملات الليل', 'localities/kasserine/bus-stop-lighting/index.html', null, /\d/],
    ['ar', 'سوق', 'إنارة طريق السوق', 'localities/saaba/market-street-lighting/index.html', null, /\d/],
    ['ar', 'الإنارة', 'إنارة طريق السوق', 'localities/saaba/market-street-lighting/index.html', null, /\d/],
    ['ne', 'गस्ती', 'सीमा बजार लाग्ने दिन संयुक्त गस्ती', 'localities/banke/border-market-patrols/index.html', null, /[०-९]/],
  ];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => fail(`script error: ${e.message}`));
  for (const [lang, typed, title, target, locality, digits] of CASES_TYPED) {
    await page.goto(url(lang));
    await page.fill('#q', typed);
    const r = await results(page);
    const card = r.cards.find((c) => c.title === title);
    const what = `${lang} "${typed}"`;
    if (!card) { fail(`${what}: no result «${title}» (count "${r.count}", results ${JSON.stringify(r.cards.map((c) => c.title))})`); continue; }
    if (card.href !== '../' + target) fail(`${what}: «${title}» links to ${card.href}, expected ../${target}`);
    if (!/\bstatus status-[a-z-]+/.test(card.chip ?? '')) fail(`${what}: «${title}» has no status chip`);
    if (card.progress == null) fail(`${what}: «${title}» shows no progress`);
    if (locality && card.locality !== locality) fail(`${what}: «${title}» shows the locality "${card.locality}", expected "${locality}"`);
    if (!digits.test(r.count) || !r.count.includes(String(r.cards.length).replace(/\d/g, (d) => (lang === 'ne' ? '०१२३४५६७८९'[d] : d)))) fail(`${what}: the count "${r.count}" does not say ${r.cards.length} in the page's digits`);
    if (r.dir !== (lang === 'ar' ? 'rtl' : 'ltr')) fail(`${what}: results run ${r.dir}`);
  }
  // A word nobody wrote: the count says so.
  await page.goto(url('en'));
  await page.fill('#q', 'zzqx');
  const none = await results(page);
  if (none.cards.length || !/No commitment/.test(none.count)) fail(`en "zzqx": ${none.cards.length} results, count "${none.count}"`);
  // Narrowing by status: of the lighting commitments, only Saaba's is stalled.
  await page.goto(url('en', 'light'));
  const all = await results(page);
  if (all.cards.length < 2) fail(`en ?q=light: ${all.cards.length} results, expected the two lighting commitments`);
  const stalled = await page.evaluate(() => [...document.querySelectorAll('select[name=s] option')].find((o) => o.textContent === 'Stalled')?.value);
  await page.selectOption('select[name=s]', stalled);
  const narrowed = await results(page);
  const titles = narrowed.cards.map((c) => c.title);
  if (titles.length !== 1 || titles[0] !== 'Street lights along the market road') fail(`en "light", Stalled: ${JSON.stringify(titles)}`);
  // A result leads to its commitment page, from disk.
  for (const [lang, typed, title] of [CASES_TYPED[0], CASES_TYPED[2], CASES_TYPED[4]]) {
    await page.goto(url(lang, typed));
    await results(page);
    await Promise.all([page.waitForNavigation(), page.click(`ol.cards a:text-is("${title}")`)]);
    const h1 = await page.textContent('h1');
    if (!page.url().endsWith('/localities/saaba/market-street-lighting/index.html') || h1.trim() !== title) fail(`${lang}: following «${title}» led to ${page.url()} («${h1}»)`);
  }
  await context.close();
  // Phone and laptop, light and dark, with results: axe, screenshots.
  for (const [name, viewport, colorScheme] of [['phone', { width: 360, height: 740 }, 'light'], ['laptop', { width: 1280, height: 900 }, 'light'], ['phone-dark', { width: 360, height: 740 }, 'dark'], ['laptop-dark', { width: 1280, height: 900 }, 'dark']]) {
    const ctx = await browser.newContext({ viewport, colorScheme });
    const p = await ctx.newPage();
    for (const [lang, q] of [['en', 'light'], ['ar', 'سوق']]) {
      await p.goto(url(lang, q));
      await results(p);
      const wide = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      if (wide) fail(`${lang} search, ${name}: the page spills sideways`);
      await p.addScriptTag({ content: AXE });
      const violations = await p.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`));
      for (const v of violations) fail(`${lang} search, ${name}: axe: ${v}`);
      await p.screenshot({ path: resolve(shots, `${lang}-search-${name}.png`), fullPage: true });
    }
    await ctx.close();
  }
  // Without JavaScript: the page says so and keeps its browse links.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const p = await noScript.newPage();
  await p.goto(url('fr'));
  const seen = await p.evaluate(() => ({
    form: !!document.querySelector('form[data-search]')?.checkVisibility(),
    says: document.querySelector('.nojs')?.checkVisibility() ? document.querySelector('.nojs').textContent : '',
    links: [...document.querySelectorAll('main ul a')].length,
  }));
  if (seen.form || !/JavaScript/.test(seen.says) || seen.links < 6) fail(`fr without JavaScript: ${JSON.stringify(seen)}`);
  await noScript.close();
  await articleAndPause(url, results);
  console.log(`searches: ${CASES_TYPED.length} typed in en, fr, ar and ne, narrowing, following results, ?q=, no script, axe on 4 viewports`);
}

// ---- queries within budget: the Arabic article, the pause after typing ----

// An Arabic word with the article is looked up without it only (the index
// holds no full form), an article alone is not looked up and the page asks
// for more letters, and typing searches once it pauses: the words on the
// way load nothing. The page's clock is Playwright's, moved by hand.
async function articleAndPause(url, results) {
  // The index files the page has loaded (as scripts), by name.
  const loaded = (p) => p.evaluate(() => [...document.querySelectorAll('script[src]')]
    .map((s) => s.getAttribute('src').replace(/\.js$/, '')).filter((n) => /^(t-|d-|f$)/.test(n)));
  const shards = async (p) => (await loaded(p)).filter((n) => n.startsWith('t-'));
  const hint = (p) => p.evaluate(() => document.querySelector('.count').dataset.short);
  const lighting = 'إنارة طريق السوق';
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  p.on('pageerror', (e) => fail(`script error: ${e.message}`));
  // Pasted, or from a link: one lookup, of the word without its article.
  await p.goto(url('ar', 'الإنارة'));
  let r = await results(p);
  if (!r.cards.some((c) => c.title === lighting)) fail(`ar ?q=الإنارة: no «${lighting}» (count "${r.count}")`);
  let got = await shards(p);
  if (got.join() !== 't-627-646') fail(`ar ?q=الإنارة loaded the shards ${JSON.stringify(got)}, expected only t-627-646 (انا…)`);
  // Typed letter by letter: nothing loads until the typing pauses.
  await p.clock.install();
  await p.goto(url('ar'));
  await p.click('#q');
  await p.keyboard.type('الإنارة');
  got = await loaded(p);
  if (got.length) fail(`ar typing الإنارة loaded ${JSON.stringify(got)} before pausing`);
  await p.clock.runFor(350);
  r = await results(p);
  got = await shards(p);
  if (!r.cards.some((c) => c.title === lighting) || got.join() !== 't-627-646') fail(`ar typed الإنارة: shards ${JSON.stringify(got)}, count "${r.count}"`);
  // An article alone, or one letter: the page asks for more, loads nothing.
  for (const [lang, typed] of [['ar', 'ال'], ['ar', 'وال'], ['en', 'l']]) {
    await p.goto(url(lang));
    await p.click('#q');
    await p.keyboard.type(typed);
    await p.clock.runFor(350);
    r = await results(p);
    got = await loaded(p);
    const want = await hint(p);
    if (!want || r.count !== want || got.length) fail(`${lang} typed "${typed}": count "${r.count}", expected "${want}"; loaded ${JSON.stringify(got)}`);
  }
  await ctx.close();
}

if (failures.length) {
  console.error(`search: ${failures.length} failure(s):\n  ` + failures.join('\n  '));
  process.exit(1);
}
console.log('search: all checks passed');
