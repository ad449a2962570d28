// pledgeboard's search, in the reader's browser (docs/THEME.md, "Search").
// `tokens` and `lookup` are the same functions as src/search/normalise.rs
// (its documentation states the rules); tests/search/normalise-cases.tsv
// checks both. The index is script files calling `pledgeboardSearch.add`
// (browsers load scripts from disk, where they refuse fetch).
(function (w) {
  'use strict';
  var WORD = /[\p{L}\p{M}\p{N}]/u;
  var MAP = { '\u0671': '\u0627', '\u0629': '\u0647', '\u0649': '\u064a', '\u0901': '\u0902', '\u0253': 'b', '\u0257': 'd', '\u0199': 'k', '\u01b4': 'y' };
  var ZEROS = [0x660, 0x6f0, 0x966];
  function dropped(c) {
    return (c >= 0x300 && c <= 0x36f) || (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640 ||
      c === 0x93c || c === 0x2bc || c === 0x200c || c === 0x200d;
  }
  function replaced(ch) {
    var c = ch.codePointAt(0);
    for (var i = 0; i < 3; i++) if (c >= ZEROS[i] && c <= ZEROS[i] + 9) return String(c - ZEROS[i]);
    return MAP[ch] || ch;
  }
  function tokens(text) {
    var out = [], token = '';
    for (var ch of text.normalize('NFD').toLowerCase()) {
      if (dropped(ch.codePointAt(0))) continue;
      ch = replaced(ch);
      if (WORD.test(ch)) token += ch;
      else if (token) { out.push(token); token = ''; }
    }
    if (token) out.push(token);
    return out;
  }
  var ARTICLES = ['\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644', '\u0641\u0627\u0644', '\u0644\u0644', '\u0627\u0644'];
  var PARTICLES = '\u0648\u0628\u0644\u0641\u0643';
  function after(w) {
    for (var a of ARTICLES) if (w.startsWith(a)) return w.slice(a.length);
    return null;
  }
  function start(w) { return long(w) && ARTICLES.some(function (a) { return a.startsWith(w); }); }
  function bare(w) {
    for (var r; (r = after(w)) !== null; w = r) if (!long(r) || start(r)) return null;
    return w;
  }
  // How a token is looked up: its terms `t` (`p` when partial), or null.
  function lookup(t) {
    if (start(t)) return null;
    var b = after(t) !== null ? bare(t) : t;
    if (b !== t) return b === null ? { t: [t], p: 1 } : { t: [b] };
    if (PARTICLES.indexOf(t[0]) < 0 || [...t].length < 4) return { t: [t] };
    b = bare(t.slice(1));
    return b === null || start(b) ? { t: [t], p: 1 } : { t: [t, b] };
  }
  // The index's files, each loaded once, as a script (see src/search/index.rs).
  var files = {}, waiting = {};
  function load(name) {
    return files[name] || (files[name] = new Promise(function (done) {
      var s = document.createElement('script');
      waiting[name] = done;
      s.src = name + '.js';
      s.onerror = function () { done(null); };
      document.head.appendChild(s);
    }));
  }
  function add(name, data) { if (waiting[name]) waiting[name](data); }
  function long(t) { return t && [...t].length > 1; }
  function shard(t) {
    return 't-' + [...t].slice(0, 2).map(function (c) { return c.codePointAt(0).toString(16); }).join('-');
  }
  // The docs of the words of `q`, each matched as a prefix by the terms
  // it is looked up by: a sorted array, `p` when a word was partial.
  async function docs(q) {
    var sets = [], partial = 0;
    for (var t of tokens(q)) {
      var l = lookup(t), forms = l ? l.t.filter(long) : [];
      if (!forms.length) continue;
      if (l.p) partial = 1;
      var found = new Set();
      for (var f of forms) {
        var terms = await load(shard(f)) || {};
        for (var term in terms) {
          if (!term.startsWith(f)) continue;
          var d = 0;
          for (var delta of terms[term]) found.add(d += delta);
        }
      }
      sets.push(found);
    }
    if (!sets.length) return null;
    var r = [...sets[0]].filter(function (d) { return sets.every(function (s) { return s.has(d); }); })
      .sort(function (a, b) { return a - b; });
    r.p = partial;
    return r;
  }
  var form = document.querySelector('form[data-search]');
  if (!form) { w.pledgeboardSearch = { tokens: tokens, lookup: lookup, add: add }; return; }
  var C = JSON.parse(form.dataset.search);
  var input = form.elements.q, count = document.querySelector('.count');
  var list = document.querySelector('ol.cards'), shown = [], more = document.createElement('button');
  more.type = 'button';
  more.textContent = C.more;
  more.hidden = true;
  list.after(more);
  function local(n) { return String(n).replace(/\d/g, function (d) { return C.digits[d]; }); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function card(r) {
    var li = el('li', 'card'), h = el('h2'), a = el('a', null, r[0]), meta = el('p', 'meta'), st = C.statuses[r[4]] || ['', '', 0, 0];
    a.href = '../' + r[2];
    h.append(a);
    meta.append(el('span', 'status status-' + st[0] + (st[2] ? ' done' : '') + (st[3] ? ' closed' : ''), st[1]));
    if (r[3] >= 0) {
      var pct = C.percent.replace('{n}', local(r[3])), p = el('progress', null, pct), sp = el('span', 'progress');
      p.max = 100;
      p.value = r[3];
      p.setAttribute('aria-label', C.progress);
      sp.append(p, ' ', el('span', 'pct', pct));
      meta.append(' ', sp);
    }
    li.append(h, meta, el('p', 'small', r[1]));
    return li;
  }
  async function show(run, from) {
    for (var d of shown.slice(from, from + 20)) {
      var recs = await load('d-' + Math.floor(d / C.chunk));
      if (run !== runs) return;
      if (recs) list.append(card(recs[d % C.chunk]));
    }
    more.hidden = shown.length <= from + 20;
    more.onclick = function () { show(run, from + 20); };
  }
  var runs = 0;
  async function run() {
    var me = ++runs, found = await docs(input.value);
    var pick = ['s', 'p', 'c'].map(function (k) { return form.elements[k] ? form.elements[k].value : ''; });
    var partial = found && found.p, facets = found && found.length && pick.join('') ? await load('f') : null;
    if (me !== runs) return;
    if (facets) {
      found = found.filter(function (d) {
        return (pick[0] === '' || facets.s[d] == pick[0]) && (pick[2] === '' || facets.c[d] == pick[2]) &&
          (pick[1] === '' || facets.p[d].indexOf(String.fromCharCode(48 + +pick[1])) >= 0);
      });
    }
    list.textContent = '';
    shown = found || [];
    // Letters that find nothing yet (a letter, an article): ask for more.
    var short = found ? !found.length && partial : tokens(input.value).length;
    count.textContent = short ? count.dataset.short : found ? (found.length ? C.found.replace('{n}', local(found.length)) : C.none) : '';
    show(me, 0);
  }
  w.pledgeboardSearch = { tokens: tokens, lookup: lookup, add: add };
  form.hidden = false;
  document.querySelector('.nojs').hidden = true;
  // Typing searches once it pauses (the words on the way load nothing);
  // a filter, submitting and ?q= at once.
  var timer;
  function now() { clearTimeout(timer); run(); }
  form.addEventListener('submit', function (e) { e.preventDefault(); now(); });
  form.addEventListener('input', function (e) { if (e.target !== input) return now(); clearTimeout(timer); timer = setTimeout(run, 300); });
  input.value = new URLSearchParams(location.search).get('q') || '';
  if (input.value) run();
})(window);
