// The offline bundle in a real browser: `pledgeboard bundle` run on the
// demo, the zip unzipped into a fresh folder, and its pages opened from disk
// (file://) in Debian's Chromium, driven by playwright-core, as a reader
// handed the zip on a USB stick would.
//
//   node tests/browser/bundle.mjs PLEDGEBOARD SITE_DIR WORK_DIR
//
// The whole bundle: the root picker offers every language; a reader picks
// French, follows a locality and a commitment, switches to Arabic (right to
// left), opens the open data (JSON parses) and, where the portal has a
// search page, loads it; every page loads its style sheet and every file it
// asks for (no failed request). The French bundle (`--language fr`): the
// picker offers French alone, pages have no language switcher, and nothing
// fails. Exits with 1 and lists every failure when any check fails.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [binArg, siteArg, workArg] = process.argv.slice(2);
if (!binArg || !siteArg || !workArg) {
  console.error('usage: node tests/browser/bundle.mjs PLEDGEBOARD SITE_DIR WORK_DIR');
  process.exit(2);
}
const work = resolve(workArg);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

/** Bundles the site with `args`, unzips it, and returns its top folder. */
function unzipped(name, args) {
  const zip = join(work, `${name}.zip`);
  execFileSync(resolve(binArg), ['bundle', siteArg, '--output', zip, ...args], {
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const into = join(work, name);
  execFileSync('unzip', ['-q', zip, '-d', into]);
  const top = readdirSync(into);
  if (top.length !== 1) throw new Error(`${name}.zip unzips into ${top.length} entries: ${top}`);
  return join(into, top[0]);
}

const failures = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

/** A page that records every request that fails, and script errors. */
async function reader() {
  const page = await (await browser.newContext()).newPage();
  page.failed = [];
  page.on('requestfailed', (r) => page.failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('pageerror', (e) => page.failed.push(`script error: ${e.message}`));
  return page;
}

/** Checks that the page now shown loaded whole: its style sheet applies, nothing failed. */
async function loaded(page, label) {
  const facts = await page.evaluate(() => ({
    url: location.href,
    h1: document.querySelector('h1')?.textContent?.trim() ?? '',
    // The theme's style sheet sets the body's margin to 0 (browsers' is 8px);
    // from disk its rules cannot be read, its effect can.
    styled: getComputedStyle(document.body).marginTop === '0px',
  }));
  if (!facts.h1) failures.push(`${label}: no heading at ${facts.url}`);
  if (!facts.styled) failures.push(`${label}: the style sheet did not load at ${facts.url}`);
  for (const f of page.failed.splice(0)) failures.push(`${label}: failed to load ${f}`);
  return facts;
}

/** Clicks the first link matching `selector` and waits for the page it opens. */
async function follow(page, selector, label) {
  const link = page.locator(selector).first();
  if ((await link.count()) === 0) {
    failures.push(`${label}: no link ${selector} on ${page.url()}`);
    return false;
  }
  await Promise.all([page.waitForEvent('load'), link.click()]);
  return true;
}

try {
  const all = unzipped('all', []);
  const page = await reader();
  await page.goto(pathToFileURL(join(all, 'index.html')).href);
  await loaded(page, 'root picker');
  const choices = await page.locator('.choices a').count();
  const languages = 4; // the demo's
  if (choices !== languages) {
    failures.push(`root picker: ${choices} languages, expected ${languages}`);
  }
  if (await follow(page, '.choices a[hreflang="fr"]', 'pick French')) {
    const fr = await loaded(page, 'French home');
    if (!fr.url.endsWith('/fr/index.html')) failures.push(`pick French: landed on ${fr.url}`);
  }
  if (await follow(page, 'main a[href*="localities/saaba/index.html"]', 'a locality')) {
    await loaded(page, 'French locality');
  }
  if (await follow(page, 'main a[href$="/index.html"]:not([href^=".."])', 'a commitment')) {
    const c = await loaded(page, 'French commitment');
    if (!/\/fr\/localities\/saaba\/[^/]+\/index\.html$/.test(c.url)) {
      failures.push(`a commitment: landed on ${c.url}`);
    }
  }
  if (await follow(page, 'nav.langs a[hreflang="ar"]', 'switch to Arabic')) {
    await loaded(page, 'Arabic page');
    const dir = await page.evaluate(() => getComputedStyle(document.body).direction);
    if (dir !== 'rtl') failures.push(`Arabic page: reads ${dir}, expected rtl`);
  }
  if (await follow(page, 'footer a[href$="commitments.json"]', 'open data')) {
    const text = await page.evaluate(() => document.body.innerText);
    try {
      const records = JSON.parse(text);
      if (!Array.isArray(records) || records.length === 0) failures.push('open data: no records');
    } catch (e) {
      failures.push(`open data: not JSON from disk: ${e.message}`);
    }
  }
  // Search (a script loading index files: file:// allows scripts, not fetch).
  const search = join(all, 'fr', 'search', 'index.html');
  if (existsSync(search)) {
    await page.goto(pathToFileURL(search).href);
    await page.waitForTimeout(200);
    await loaded(page, 'French search page');
  }

  const fr = unzipped('fr', ['--language', 'fr']);
  const frPage = await reader();
  await frPage.goto(pathToFileURL(join(fr, 'index.html')).href);
  await loaded(frPage, 'French bundle: root picker');
  const frChoices = await frPage.locator('.choices a').allTextContents();
  if (frChoices.join() !== 'Français') {
    failures.push(`French bundle: the picker offers ${frChoices.join(', ')}, expected Français only`);
  }
  if (await follow(frPage, '.choices a', 'French bundle: pick French')) {
    await loaded(frPage, 'French bundle: home');
    if ((await frPage.locator('nav.langs').count()) > 0) {
      failures.push('French bundle: a language switcher on a bundle of one language');
    }
  }
  if (await follow(frPage, 'main a[href*="localities/"]', 'French bundle: a locality')) {
    await loaded(frPage, 'French bundle: locality');
  }
} catch (e) {
  failures.push(`bundle check stopped: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}

if (failures.length > 0) {
  console.error(`offline bundle: ${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('offline bundle: opened from disk in Chromium, every page and file loaded');
