// Search on a built portal: pledgeboard's own search page against Pagefind's,
// in Chromium, over HTTP and from disk (file://).
//
//     npm install --prefix /tmp/pagefind pagefind      # the npm package ships its binary
//     /tmp/pagefind/node_modules/.bin/pagefind --site OUT   # writes OUT/pagefind/
//     node benches/search_compare.mjs OUT ar انارة سوق
//
// For each query it prints the number of results, the first titles, and the
// bytes the query made the browser load (each file gzipped as a server would
// send it: Pagefind's index files are compressed already and stay about the
// same). The page itself and its stylesheet are not counted. Not a test: the
// figures go to benches/RESULTS.md.
import { chromium } from '../tests/browser/node_modules/playwright-core/index.mjs';
import { serveFolder } from './serve_folder.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [site, lang, ...queries] = process.argv.slice(2);
if (!site || !lang || queries.length === 0) {
  console.error('usage: node benches/search_compare.mjs OUTPUT_DIR LANG QUERY...');
  process.exit(2);
}
const { base: http_base, server } = await serveFolder(site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });

/** Counts what a page loads after `start()`: files and gzipped bytes. */
async function measured(page, start) {
  const seen = [];
  const listener = (r) => seen.push(r.body().then((b) => zlib.gzipSync(b).length).catch(() => 0));
  page.on('response', listener);
  const result = await start();
  await page.waitForTimeout(500);
  page.off('response', listener);
  const sizes = await Promise.all(seen);
  return { ...result, files: sizes.length, gzipped: sizes.reduce((a, b) => a + b, 0) };
}

async function pledgeboard(base, q) {
  const page = await browser.newPage();
  await page.goto(`${base}/${lang}/search/index.html`);
  const r = await measured(page, async () => {
    await page.fill('#q', q);
    await page.waitForTimeout(1500);
    return page.evaluate(() => ({
      count: document.querySelector('.count').textContent.trim(),
      top: [...document.querySelectorAll('ol.cards > li a')].slice(0, 3).map((a) => a.textContent.trim()),
    }));
  }).catch((e) => ({ error: String(e).split('\n')[0] }));
  await page.close();
  return r;
}

async function pagefind(base, q) {
  const page = await browser.newPage();
  await page.goto(`${base}/${lang}/index.html`);
  const r = await measured(page, () => page.evaluate(async (q) => {
    try {
      const pf = await import('../pagefind/pagefind.js');
      await pf.init();
      const s = await pf.search(q);
      const top = await Promise.all(s.results.slice(0, 3).map((x) => x.data()));
      return { n: s.results.length, top: top.map((d) => d.meta.title) };
    } catch (e) {
      return { error: String(e) };
    }
  }, q));
  await page.close();
  return r;
}

for (const [name, base] of [['http', http_base], ['file', 'file://' + path.resolve(site)]]) {
  for (const q of queries) {
    console.log(JSON.stringify({ over: name, query: q, pledgeboard: await pledgeboard(base, q) }));
    if (fs.existsSync(path.join(site, 'pagefind'))) {
      console.log(JSON.stringify({ over: name, query: q, pagefind: await pagefind(base, q) }));
    }
  }
}
await browser.close();
server.close();
