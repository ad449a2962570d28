// A plain HTTP server for a built portal, for the benches that load its pages
// in Chromium over HTTP (search_compare.mjs, search_worst.mjs): each file as
// it is on disk, with its content type, and 404 for a missing one.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json',
};

/** Serves the folder `site` on a free port of 127.0.0.1: its base URL and the server. */
export async function serveFolder(site) {
  const server = http.createServer((req, res) => {
    const p = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    fs.readFile(p, (err, body) => {
      if (err) { res.writeHead(404); res.end(); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(p)] || 'application/octet-stream' });
      res.end(body);
    });
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.on('listening', r));
  return { base: `http://127.0.0.1:${server.address().port}`, server };
}
