// pledgeboard's search, in the reader's browser (docs/THEME.md, "Search").
// `tokens` and `strip` are the same functions as src/search/normalise.rs
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
  function strip(token) {
    for (var a of ARTICLES) if (token.startsWith(a) && [...token].length - a.length >= 2) return token.slice(a.length);
    return PARTICLES.indexOf(token[0]) >= 0 && [...token].length > 3 ? token.slice(1) : null;
  }
  w.pledgeboardSearch = { tokens: tokens, strip: strip };
})(window);
