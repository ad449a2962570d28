// Layout of the built portal in a real browser: Debian's Chromium, driven by
// playwright-core, at the width of a cheap phone and of a laptop.
//
//   node tests/browser/layout.mjs OUTPUT_DIR SCREENSHOT_DIR
//
// Pages are opened from disk (file://), as a reader who was handed the folder
// would. For each page, in English and in Arabic, it checks what a reader
// would notice, and runs axe-core's WCAG 2.1 A and AA rules: the page reads in its own direction (headings start on the
// reading side, the menu runs in reading order, the overdue mark is on the
// starting edge of a card, arrows point the way the reader reads), nothing
// spills sideways on a phone, and the text is not cut; on a phone the header
// stays compact and the home's and a locality's headline and status bar are on
// the first screen; the menu opens from the keyboard on a phone and shows its
// links on a laptop. A screenshot of each is saved. Exits with 1 and lists every failure when any check fails.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outArg, shotsArg] = process.argv.slice(2);
if (!outArg || !shotsArg) {
  console.error('usage: node tests/browser/layout.mjs OUTPUT_DIR SCREENSHOT_DIR');
  process.exit(2);
}
const out = resolve(outArg);
const shots = resolve(shotsArg);
mkdirSync(shots, { recursive: true });

const PAGES = [
  ['home', 'index.html'],
  ['locality', 'localities/saaba/index.html'],
  ['commitment', 'localities/saaba/police-station-rehabilitation/index.html'],
  ['browse', 'status/in-progress/index.html'],
  ['localities', 'localities/index.html'],
  ['accessibility', 'accessibility/index.html'],
];
const LANGS = [
  ['en', 'ltr'],
  ['ar', 'rtl'],
  ['ne', 'ltr'],
];
const VIEWPORTS = [
  ['phone', { width: 360, height: 740 }, 'light'],
  ['laptop', { width: 1280, height: 900 }, 'light'],
  // The stylesheet has a dark scheme: its contrast is checked too.
  ['dark', { width: 1280, height: 900 }, 'dark'],
  ['phone-dark', { width: 360, height: 740 }, 'dark'],
];
// axe-core, run in the page: WCAG 2.1 A and AA rules.
const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

const failures = [];
let checked = 0;
let axeRules = 0;
try {
  for (const [vpName, viewport, colorScheme] of VIEWPORTS) {
    const phone = viewport.width < 600;
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    for (const [lang, dir] of LANGS) {
      for (const [kind, rel] of PAGES) {
        const file = join(out, lang, rel);
        const label = `${lang} ${kind} (${vpName})`;
        try {
          await page.goto(pathToFileURL(file).href);
        } catch (e) {
          failures.push(`${label}: cannot open ${file}: ${e.message.split('\n')[0]}`);
          continue;
        }
        const facts = await page.evaluate(() => {
          const rect = (el) => el && el.getBoundingClientRect().toJSON();
          const navItems = [...document.querySelectorAll('nav.main li')].map((li) => rect(li));
          const late = document.querySelector('.card.late');
          const lateStyle = late && getComputedStyle(late);
          const fwd = document.querySelector('.fwd');
          const back = document.querySelector('.back');
          return {
            dir: document.documentElement.dir,
            lang: document.documentElement.lang,
            computedDir: getComputedStyle(document.body).direction,
            innerWidth: window.innerWidth,
            scrollWidth: document.documentElement.scrollWidth,
            h1: rect(document.querySelector('main h1')),
            h1Text: document.querySelector('main h1')?.textContent ?? '',
            wrap: rect(document.querySelector('main')),
            navItems,
            late: late && {
              left: parseFloat(lateStyle.borderLeftWidth),
              right: parseFloat(lateStyle.borderRightWidth),
            },
            markedLists: [...document.querySelectorAll('.crumbs, .updates, .cards, nav ul')]
              .filter((l) => getComputedStyle(l).listStyleType !== 'none').length,
            fwd: fwd && getComputedStyle(fwd, '::after').content,
            back: back && getComputedStyle(back, '::before').content,
            // Cards and chips (issue 16): a card's heading starts at the
            // card's padding, a status chip is one line, a percentage
            // stays beside its bar.
            cardGaps: [...document.querySelectorAll('.card')].map((c) => {
              const h = c.querySelector('h2, h3');
              return h ? h.getBoundingClientRect().top - c.getBoundingClientRect().top : 0;
            }),
            chipLines: [...document.querySelectorAll('.status')].map((s) => ({
              text: s.textContent,
              lines: Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)),
            })),
            barsApart: [...document.querySelectorAll('.bar, .progress progress')].filter((bar) => {
              const cell = bar.parentElement;
              const range = document.createRange();
              range.selectNodeContents(cell);
              const last = [...range.getClientRects()].pop();
              const b = bar.getBoundingClientRect();
              return last && (last.top >= b.bottom || b.top >= last.bottom);
            }).length,
            // Where the locality cards of the localities index sit.
            localityCards: [...document.querySelectorAll('main .card')].map((c) => rect(c)),
            // The first screen (issue 16).
            header: rect(document.querySelector('header.site')),
            headline: rect(document.querySelector('main p.big')),
            stack: rect(document.querySelector('main .stack')),
            menuLinkShown: (() => {
              const a = document.querySelector('nav.main a');
              return !!a && a.getBoundingClientRect().height > 0 && a.checkVisibility();
            })(),
            stylesheetLoaded: getComputedStyle(document.querySelector('header.site') ?? document.body).backgroundColor !== 'rgba(0, 0, 0, 0)',
          };
        });
        checked += 1;
        const fail = (what) => failures.push(`${label}: ${what}`);
        if (facts.dir !== dir) fail(`<html dir> is "${facts.dir}", expected "${dir}"`);
        if (facts.lang !== lang) fail(`<html lang> is "${facts.lang}", expected "${lang}"`);
        if (facts.computedDir !== dir) fail(`the body is laid out ${facts.computedDir}`);
        if (!facts.stylesheetLoaded) fail('the stylesheet did not load from disk');
        if (facts.scrollWidth > facts.innerWidth + 1) {
          fail(`the page is ${facts.scrollWidth}px wide in a ${facts.innerWidth}px window: it scrolls sideways`);
        }
        if (!facts.h1 || facts.h1Text.trim() === '') {
          fail('no main heading');
        } else {
          // The heading starts on the reading side of the content column.
          const gapStart = dir === 'rtl' ? facts.wrap.right - facts.h1.right : facts.h1.left - facts.wrap.left;
          if (gapStart > 24) fail(`the heading starts ${Math.round(gapStart)}px away from the ${dir === 'rtl' ? 'right' : 'left'} edge`);
        }
        // The menu runs in reading order: the second item follows the first.
        const [a, b] = facts.navItems;
        if (a && b && Math.abs(a.top - b.top) < 4) {
          const inOrder = dir === 'rtl' ? b.right <= a.left + 1 : b.left >= a.right - 1;
          if (!inOrder) fail('the main menu does not run in reading order');
        }
        // The overdue mark is on the starting edge of a card.
        if (facts.late) {
          const start = dir === 'rtl' ? facts.late.right : facts.late.left;
          const end = dir === 'rtl' ? facts.late.left : facts.late.right;
          if (!(start > end)) fail(`the overdue mark is not on the ${dir === 'rtl' ? 'right' : 'left'} edge of a card`);
        }
        const deep = facts.cardGaps.filter((g) => g > 24);
        if (deep.length > 0) fail(`${deep.length} card heading(s) start ${Math.round(deep[0])}px below the card's top edge`);
        for (const c of facts.chipLines.filter((c) => c.lines > 1)) fail(`the "${c.text}" chip breaks onto ${c.lines} lines`);
        if (facts.barsApart > 0) fail(`${facts.barsApart} percentage(s) wrap under their bar`);
        if (kind === 'localities') {
          // A grid on wide screens, one column on phones.
          const rows = new Map();
          for (const c of facts.localityCards) rows.set(Math.round(c.top), (rows.get(Math.round(c.top)) ?? 0) + 1);
          const widest = Math.max(0, ...rows.values());
          if (phone && widest > 1) fail(`${widest} locality cards share a row on a phone`);
          if (!phone && widest < 2) fail(`the localities index shows one card per row (${facts.localityCards.length} cards)`);
        }
        // The first screen of a phone (360x740): a compact header, and on the
        // home and a locality page the headline and the status bar.
        if (phone) {
          if (!facts.header || facts.header.height > 120) fail(`the header is ${Math.round(facts.header?.height)}px tall on a phone (at most 120)`);
          if (facts.menuLinkShown) fail('the menu is open on a phone before it is asked for');
          if (kind === 'home' || kind === 'locality') {
            for (const [what, r] of [['headline', facts.headline], ['status bar', facts.stack]]) {
              if (!r) fail(`no ${what}`);
              else if (r.bottom > viewport.height) fail(`the ${what} ends at y=${Math.round(r.bottom)}, below the first screen (${viewport.height}px)`);
            }
          }
        } else if (!facts.menuLinkShown) {
          fail('the menu\'s links are hidden on a wide screen');
        }
        if (facts.markedLists > 0) fail(`${facts.markedLists} menu, card or history list(s) show list markers`);
        const forward = dir === 'rtl' ? '←' : '→';
        if (facts.fwd && !facts.fwd.includes(forward)) fail(`a "more" arrow shows ${facts.fwd}, expected ${forward}`);
        if (facts.back && facts.back.includes(forward)) fail(`a "previous" arrow shows ${facts.back}`);
        if (kind === 'home' && !facts.fwd) fail('no "more" arrow on the home page');
        if (kind === 'locality' && !facts.late) fail('the Saaba page has no overdue card to check');
        await page.addScriptTag({ content: AXE });
        const axe = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return {
            passes: r.passes.length,
            violations: r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} element(s), first ${v.nodes[0].target.join(' ')}`),
          };
        }, AXE_TAGS);
        axeRules += axe.passes;
        for (const v of axe.violations) fail(`axe: ${v}`);
        await page.screenshot({ path: join(shots, `${lang}-${kind}-${vpName}.png`), fullPage: phone });
      }
    }
    await context.close();
  }

  // The menu from the keyboard: on a phone, Tab reaches its summary and
  // Enter opens it; on a laptop, Tab reaches its links directly.
  for (const [width, height] of [[360, 740], [1280, 900]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const menu = (what) => failures.push(`menu from the keyboard at ${width}px: ${what}`);
    await page.goto(pathToFileURL(join(out, 'ar', 'index.html')).href);
    let reached = null;
    for (let i = 0; i < 20 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const f = document.activeElement;
        if (f?.matches('header details > summary')) return 'summary';
        if (f?.matches('nav.main a')) return 'link';
        return null;
      });
    }
    if (width < 600 && reached !== 'summary') {
      menu(`Tab reached ${reached ?? 'neither the menu nor its links'} first`);
    } else if (width < 600) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inMenu = await page.evaluate(() => document.activeElement?.matches('nav.main a') && document.activeElement.checkVisibility());
      if (!inMenu) menu('Enter on the summary did not open the menu onto its first link');
    } else if (reached !== 'link') {
      menu(`Tab reached ${reached ?? 'no menu link'} instead of a menu link`);
    }
    checked += 1;
    await context.close();
  }

  // Opened from disk (file://), a reader moves between languages and pages
  // by clicking, as from a USB stick during a shutdown.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const nav = (what) => failures.push(`navigation from disk: ${what}`);
  page.setDefaultTimeout(5000);
  try {
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.click('a[hreflang="ar"]');
    if ((await page.getAttribute('html', 'lang')) !== 'ar') nav(`the root page's Arabic link led to ${page.url()}`);
    await page.click('nav.main a[href$="localities/index.html"]');
    if (!page.url().endsWith('/ar/localities/index.html')) nav(`the localities link led to ${page.url()}`);
    // A locality card's heading is h4 under a region heading, else h3.
    await page.click('.card :is(h3, h4) a');
    const locality = page.url();
    if (!/\/ar\/localities\/[^/]+\/index\.html$/.test(locality)) nav(`a locality card led to ${locality}`);
    await page.click('.card h3 a');
    if (!/\/ar\/localities\/[^/]+\/[^/]+\/index\.html$/.test(page.url())) nav(`a commitment card led to ${page.url()}`);
    const commitment = page.url();
    await page.click('nav.langs a[hreflang="ne"]');
    if (page.url() !== commitment.replace('/ar/', '/ne/') || (await page.getAttribute('html', 'lang')) !== 'ne') {
      nav(`the Nepali switcher link led to ${page.url()}`);
    }
    await page.click('footer a[href$=".json"]');
    if (!page.url().endsWith('/data/commitments.json')) nav(`the open-data link led to ${page.url()}`);
  } catch (e) {
    nav(`stopped at ${page.url()}: ${e.message.split('\n')[0]}`);
  }
  checked += 1;
  await context.close();
} finally {
  await browser.close();
}

if (failures.length > 0) {
  console.error(`${failures.length} layout problem(s) in ${checked} page views:`);
  for (const f of failures) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`Layout and accessibility checked in Chromium: ${checked - 3} page views (en, ar, ne; phone and laptop, light and dark), the menu from the keyboard and a walk from disk across languages and pages, no problems; axe-core (WCAG 2.1 A and AA) found no violation (${axeRules} rule passes). Screenshots in ${shots}`);
