// The error overlay of `pledgeboard serve` on a phone, in a real browser
// (Debian's Chromium, driven by playwright-core).
//
//   node tests/browser/overlay.mjs [PLEDGEBOARD_BINARY] [SCREENSHOT_DIR]
//
// Writes a small site whose files are broken on a long ASCII line, on a line
// with Arabic before the culprit and on one with Devanagari (combining
// marks) before it, starts `serve` on it (default binary
// target/release/pledgeboard), and opens a page at 360 px: the page that
// explains the errors must not scroll sideways, each source line must stay
// on one line in its own box, and each caret must stand under its culprit
// character (the caret's left edge at the culprit's, measured with a Range).
// Saves a screenshot. Exits with 1 and lists every failure.

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const binary = resolve(process.argv[2] || 'target/release/pledgeboard');
const shots = resolve(process.argv[3] || 'target/browser/screenshots');
mkdirSync(shots, { recursive: true });

const SITE = {
  'site.yaml': `title: { en: Test tracker, fr: Suivi, ar: متتبع }
base_url: https://tracker.example.org/
default_language: en
languages:
  - { code: en, name: English }
  - { code: fr, name: Français }
  - { code: ar, name: العربية }
as_of: 2024-06-30
`,
  'localities/saaba/_index.md': '---\nname: Saaba\ncountry: BF\n---\nA town.\n',
  // ASCII: a line longer than a phone is wide, the culprit near its end.
  'localities/saaba/joint-patrols.md': `---
title: Joint night patrols
summary: "Police officers and members of the vigilante group patrol the market together, three nights a week" at least since the last review
pledged_by: [police, community]
agreed: 2017-05-20
due: 2018-01-31
status: in-progress
---
`,
  // Arabic before the culprit (the text after the closing quote).
  'localities/saaba/joint-patrols.ar.md': '---\ntitle: "دوريات ليلية مشتركة" night\n---\n',
  // Devanagari, with its combining vowel signs and virama, before it.
  'localities/saaba/joint-patrols.fr.md': '---\ntitle: "सशस्त्र समूह र प्रहरी" patrouilles\n---\n',
};
// The culprit of each file: the character the caret must stand under.
const CULPRITS = { 'joint-patrols.md:': 'a', 'joint-patrols.ar.md:': 'n', 'joint-patrols.fr.md:': 'p' };

const work = mkdtempSync(join(tmpdir(), 'pledgeboard-overlay-'));
const site = join(work, 'site');
for (const [rel, text] of Object.entries(SITE)) {
  mkdirSync(dirname(join(site, rel)), { recursive: true });
  writeFileSync(join(site, rel), text);
}

const failures = [];
const port = 21000 + (process.pid % 2000);
const server = spawn(binary, ['serve', site, '--port', String(port)], {
  env: { ...process.env, SOURCE_DATE_EPOCH: '1719705600' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const url = await new Promise((ok, fail) => {
  let seen = '';
  const timer = setTimeout(() => fail(new Error(`serve did not start:\n${seen}`)), 60000);
  const read = (chunk) => {
    seen += chunk;
    const m = seen.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) {
      clearTimeout(timer);
      ok(m[0]);
    }
  };
  server.stdout.on('data', read);
  server.stderr.on('data', read);
  server.on('exit', (code) => fail(new Error(`serve exited (${code}):\n${seen}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${url}en/localities/saaba/joint-patrols/`);
  const facts = await page.evaluate(() => {
    const root = document.documentElement;
    const overlay = document.getElementById('pledgeboard-overlay');
    const boxes = [...overlay.querySelectorAll('.pb-d')].map((d) => {
      const heading = d.querySelector('.pb-t').textContent;
      const line = d.querySelector('.pb-line');
      const caret = d.querySelector('.pb-caret');
      if (!line || !caret) return { heading, missing: true };
      const text = line.firstChild;
      // The column counts characters (code points); a Range counts UTF-16 units.
      const column = Number(line.dataset.column);
      const start = [...text.data].slice(0, column - 1).join('').length;
      const culprit = [...text.data][column - 1];
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + culprit.length);
      const at = range.getBoundingClientRect();
      const lineRect = line.getBoundingClientRect();
      const box = d.querySelector('.pb-src');
      return {
        heading,
        culprit,
        culpritX: at.left,
        caretX: caret.getBoundingClientRect().left,
        oneLine: lineRect.height < 2 * parseFloat(getComputedStyle(line).lineHeight),
        scrolls: box.scrollWidth > box.clientWidth ? getComputedStyle(box).overflowX : 'fits',
      };
    });
    return {
      pageWidth: root.scrollWidth,
      viewport: innerWidth,
      overlayWidth: overlay.scrollWidth,
      overlayClient: overlay.clientWidth,
      explains: document.body.innerText.includes('The portal could not be built yet.'),
      boxes,
    };
  });
  if (!facts.explains) failures.push('the page does not say the portal could not be built yet');
  if (facts.pageWidth > facts.viewport) {
    failures.push(`the page scrolls sideways: ${facts.pageWidth} px wide in a ${facts.viewport} px screen`);
  }
  if (facts.overlayWidth > facts.overlayClient) {
    failures.push(`the overlay scrolls sideways: ${facts.overlayWidth} px in ${facts.overlayClient} px`);
  }
  for (const [file, want] of Object.entries(CULPRITS)) {
    const b = facts.boxes.find((x) => x.heading.includes(file));
    if (!b) {
      failures.push(`no error shown for ${file}`);
      continue;
    }
    if (b.missing) {
      failures.push(`${file}: no source line or caret`);
      continue;
    }
    if (b.culprit !== want) failures.push(`${file}: the column points at "${b.culprit}", not "${want}"`);
    if (Math.abs(b.caretX - b.culpritX) > 0.5) {
      failures.push(`${file}: the caret is at x=${b.caretX}, the culprit "${b.culprit}" at x=${b.culpritX}`);
    }
    if (!b.oneLine) failures.push(`${file}: the source line wraps`);
    if (b.scrolls !== 'fits' && b.scrolls !== 'auto') failures.push(`${file}: a long line does not scroll in its box (${b.scrolls})`);
  }
  await page.screenshot({ path: join(shots, 'overlay-phone.png'), fullPage: true });
  console.log(`overlay: ${facts.boxes.length} errors at 360 px, carets measured for ${Object.keys(CULPRITS).length} lines`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`overlay: ${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
