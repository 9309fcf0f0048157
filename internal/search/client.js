// lantoa search client: plain ES2020, no dependencies. It ranks exactly like
// internal/search (Go); see that package's documentation for the index
// format and the ranking. The tone table is generated from vi.ToneTable.
(() => {
  'use strict';
  const TONE = new Map(Object.entries(/*TONE*/{}));
  const WORD = /[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*/gu;
  const LETTER = /[\p{L}\p{M}]/u;
  const ENDS_WORD = /[\p{L}\p{M}\p{Nd}]$/u;
  const MARKS = /\p{M}/gu;
  const FACETS = ['section', 'tinh-thanh', 'loai-mo-hinh', 'linh-vuc'];
  const ABC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) DIGIT[ABC.charCodeAt(i)] = i;

  // ---- Text: the same rules as vi.Key, vi.Fold and search.tokenize.

  const nfc = s => s.normalize('NFC');
  // lower maps each code point like Go's unicode.ToLower (no special casing).
  const lower = s => {
    if (!/[\u0130\u03a3]/.test(s)) return nfc(s.toLowerCase()); // no special casing
    let o = '';
    for (const c of s) {
      const l = c.toLowerCase();
      o += l.length === c.length ? l : String.fromCodePoint(l.codePointAt(0));
    }
    return nfc(o);
  };
  // tone moves the tone mark of open oa, oe, uy to its canonical vowel.
  const tone = s => {
    const a = [...nfc(s)];
    for (let i = 0; i + 1 < a.length; i++) {
      const v = TONE.get(a[i] + a[i + 1]);
      if (!v || (i > 0 && (a[i - 1] === 'q' || a[i - 1] === 'Q')) || (i + 2 < a.length && LETTER.test(a[i + 2]))) continue;
      [a[i], a[i + 1]] = [...v];
      i++;
    }
    return a.join('');
  };
  const key = w => lower(tone(w));
  const fold = s => lower(s.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd'));
  const token = w => { const k = key(w); return { k, f: fold(k) }; };
  const tokens = s => (nfc(s).match(WORD) || []).map(token);

  const oneLetter = t => [...t.f].length === 1 && !/\p{Nd}/u.test(t.f);
  const parse = q => {
    let ts = tokens(q), prefix = ts.length > 0 && ENDS_WORD.test(nfc(q));
    if (prefix && oneLetter(ts[ts.length - 1])) { ts = ts.slice(0, -1); prefix = false; }
    const terms = [], bigrams = [], seen = new Set();
    let lastPair = false;
    ts.forEach((t, i) => {
      if (i > 0) {
        const b = ts[i - 1].f + ' ' + t.f;
        if (!seen.has('\0' + b)) { seen.add('\0' + b); bigrams.push(b); lastPair = i === ts.length - 1; }
      }
      if (seen.has(t.k) || terms.length === 12) {
        if (i === ts.length - 1) prefix = false;
        return;
      }
      seen.add(t.k);
      terms.push(t);
    });
    return { terms, bigrams, prefix, prefixPair: prefix && lastPair };
  };

  // ---- Index files.

  const numbers = s => {
    const out = [];
    let v = 0, sh = 1;
    for (let i = 0; i < s.length; i++) {
      const d = DIGIT[s.charCodeAt(i)];
      if (d >= 32) { v += (d - 32) * sh; sh *= 32; continue; }
      out.push(v + d * sh);
      v = 0; sh = 1;
    }
    return out;
  };
  // docList decodes increasing documents written as gaps minus one.
  const docList = s => {
    const out = numbers(s);
    let prev = -1;
    for (let i = 0; i < out.length; i++) out[i] = prev += out[i] + 1;
    return out;
  };
  // complement lists the documents below n missing from the sorted list a.
  const complement = (a, n) => {
    const out = [];
    for (let d = 0, j = 0; d < n; d++) if (j < a.length && a[j] === d) j++; else out.push(d);
    return out;
  };
  const presence = (s, n) => (s[0] === '!' ? complement(docList(s.slice(1)), n) : docList(s));
  // levels is the number of impact levels of a term with df among n docs.
  const levels = (df, n) => (df * 32 <= n ? 16 : df * 8 <= n ? 4 : df * 2 <= n ? 2 : 1);
  // postings decodes a list with q levels among n docs; title hits gain boost.
  const postings = (s, q, boost, n) => {
    const docs = [], imps = [];
    if (q === 1) {
      const [, absent, title] = s.split('!'), t = docList(title);
      let j = 0;
      for (const d of complement(docList(absent), n)) {
        const tt = t[j] === d;
        docs.push(d); imps.push(16 + (tt ? boost : 0)); j += tt;
      }
      return { docs, imps };
    }
    let prev = -1;
    for (const v of numbers(s)) {
      const l = v % (2 * q);
      prev += 1 + Math.floor(v / (2 * q));
      docs.push(prev);
      imps.push((l % q + 1) * 16 / q + (l >= q ? boost : 0));
    }
    return { docs, imps };
  };
  const lines = text => {
    const m = new Map();
    for (const l of text.split('\n')) {
      const i = l.indexOf('\t');
      if (i > 0) m.set(l.slice(0, i), l.slice(i + 1));
    }
    return m;
  };
  // shardOf is the index of the shard holding t, given each shard's separator.
  const shardOf = (firsts, t) => {
    let lo = 0, hi = firsts.length;
    while (lo < hi) { const c = (lo + hi) >> 1; if (firsts[c] <= t) lo = c + 1; else hi = c; }
    return Math.max(lo - 1, 0);
  };
  // variantShard is FNV-1a of the key's UTF-16 code units, modulo k.
  const variantShard = (key, k) => {
    let h = 2166136261;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
    return h % Math.max(k, 1);
  };
  // words expands record text written with the word dictionary w: U+E000+i
  // is w[i], U+F8FF escapes the next character.
  const words = (s, w) => s.replace(/\uF8FF([^])|[\uE000-\uF8FE]/g, (c, e) => e || w[c.charCodeAt(0) - 0xE000]);
  const unRLE = r => {
    const out = [];
    for (let i = 0; i + 1 < r.length; i += 2) for (let j = 0; j < r[i + 1]; j++) out.push(r[i]);
    return out;
  };

  // open loads the manifest at url; get(url) must resolve to the file's text.
  const open = async (url, get) => {
    const m = JSON.parse(await get(url));
    if (m.v !== 4) throw new Error('search index version ' + m.v);
    const P = m.p, N = m.n, files = new Map(), decoded = new Map();
    const name = (k, i, ext) => new URL(k + (i < 0 ? '' : i) + '.' + m.h + '.' + ext, url).href;
    const load = (n, parseFn) => {
      if (!files.has(n)) {
        const p = get(n).then(parseFn);
        p.catch(() => files.delete(n));
        files.set(n, p);
      }
      return files.get(n);
    };
    const facets = () => load(name('f', -1, 'json'), t => {
      const f = JSON.parse(t);
      const c = r => Int32Array.from(unRLE(r));
      return { section: c(f.s), 'tinh-thanh': c(f.p), 'loai-mo-hinh': c(f.k), fs: c(f.f), sets: f.fs, w: f.w || [] };
    });
    // line decodes (once) the line of term in file n: {df, keys, docs, imps}.
    const line = (n, term, rest) => {
      const id = n + '\0' + term;
      if (!decoded.has(id)) {
        const p = rest.split('\t'), df = +p[0], l = { df, keys: term.includes(' ') || term.endsWith('*') ? [] : p[1].split(' ').map(k => k || term) };
        if (term.endsWith('*')) { l.docs = presence(p[2], N); l.imps = l.docs.map(() => 16); } else Object.assign(l, postings(p[2], levels(df, N), P.title, N));
        decoded.set(id, l);
      }
      return decoded.get(id);
    };
    // termLine is the line of a fold or of a prefix's completions (p*).
    const termLine = async term => {
      const n = name('u', shardOf(m.u, term), 'txt'), r = (await load(n, lines)).get(term);
      if (r === undefined) return null;
      return r[0] === '>' ? termLine(r.slice(1)) : line(n, term, r);
    };
    // variant marks the documents holding key, a variant of a fold with docs.
    const variant = async (key, docs) => {
      const n = name('k', variantShard(key, m.k), 'txt'), r = (await load(n, lines)).get(key), id = n + '\0' + key;
      if (!decoded.has(id)) {
        const mark = new Uint8Array(N);
        for (const i of presence(r, docs.length)) mark[docs[i]] = 1;
        decoded.set(id, mark);
      }
      return decoded.get(id);
    };
    const idf = df => Math.max(1, Math.floor(Math.log(1 + (N - df + 0.5) / (df + 0.5)) * P.idf + 0.5));
    const long = t => [...t.f].length >= P.pmin;

    const score = async (qr, sc, cnt) => {
      const last = qr.terms.length - 1;
      const lookups = qr.terms.map(async (t, i) => {
        const ls = [], e = await termLine(t.f);
        let exact = null;
        if (e) {
          ls.push({ l: e, comp: false });
          if (t.k !== t.f && e.keys.includes(t.k)) exact = e.keys.length === 1 ? true : await variant(t.k, e.docs);
        }
        if (qr.prefix && i === last && long(t)) { const c = await termLine(t.f + '*'); if (c) ls.push({ l: c, comp: true }); }
        return { ls, exact };
      });
      const pairs = qr.bigrams.map(async (b, i) => {
        const n = name('b', shardOf(m.b, b), 'txt'), sh = await load(n, lines), out = [];
        if (qr.prefixPair && i === qr.bigrams.length - 1 && long(qr.terms[last])) { for (const [k, r] of sh) if (k.startsWith(b)) out.push(line(n, k, r)); } else if (sh.has(b)) out.push(line(n, b, sh.get(b)));
        return out;
      });
      const [T, B] = await Promise.all([Promise.all(lookups), Promise.all(pairs)]);
      const best = new Float64Array(N);
      const add = (ls, weight, count) => {
        const touched = [];
        for (const { l, w, ex } of ls) {
          const w0 = idf(l.df);
          for (let j = 0; j < l.docs.length; j++) {
            const d = l.docs[j];
            if (!count && cnt[d] === 0) continue;
            const v = w0 * l.imps[j] * (ex && (ex === true || ex[d]) ? P.exact : w);
            if (best[d] === 0) touched.push(d);
            if (v > best[d]) best[d] = v;
          }
        }
        for (const d of touched) { sc[d] += best[d]; if (count) cnt[d]++; best[d] = 0; }
      };
      for (const { ls, exact } of T) add(ls.map(x => ({ l: x.l, w: x.comp ? P.prefix : P.fold, ex: x.comp ? null : exact })), 0, true);
      for (const ls of B) add(ls.map(l => ({ l, w: P.bigram, ex: null })), 0, false);
    };

    const record = async d => {
      const g = Math.max(m.g, 1);
      const recs = await load(name('d', Math.floor(d / g), 'json'), JSON.parse);
      return recs[d % g];
    };
    const vocabName = (facet, v) => (v > 0 && m.x[facet] && m.x[facet][v - 1] ? m.x[facet][v - 1][1] : '');

    // typed is q as searched while it is being typed: without a last word
    // shorter than pmin that nothing follows yet.
    const typed = q => {
      const w = nfc(q).match(/[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*$/u);
      return w && [...fold(w[0])].length < P.pmin ? nfc(q).slice(0, w.index) : q;
    };

    // search returns {hits (document numbers, best first), counts, partial,
    // page(from, to) → results}; filters maps a facet to a slug.
    const search = async (q, filters) => {
      const qr = parse(q), need = qr.terms.length;
      const sc = new Float64Array(N), cnt = new Int32Array(N);
      const [F] = await Promise.all([facets(), need ? score(qr, sc, cnt) : null]);
      // Filter values: -1 any, 0 unknown slug (matches nothing).
      const fv = FACETS.map(f => {
        const s = filters[f] || '';
        if (!s) return -1;
        const i = (m.x[f] || []).findIndex(v => v[0] === s);
        return i + 1;
      });
      const any = fv.some(v => v >= 0);
      const passes = (d, skip) => {
        for (let i = 0; i < 3; i++) if (i !== skip && fv[i] >= 0 && F[FACETS[i]][d] !== fv[i]) return false;
        return skip === 3 || fv[3] < 0 || F.sets[F.fs[d]].includes(fv[3]);
      };
      let partial = false;
      if (need > 1) {
        let found = false;
        for (let d = 0; d < N && !found; d++) found = cnt[d] === need && (!any || passes(d, -1));
        partial = !found;
      }
      // Counts per value index (fields: per field set), then by slug.
      const per = FACETS.map((f, i) => new Int32Array(i < 3 ? m.x[f] ? m.x[f].length + 1 : 1 : F.sets.length));
      const hits = [], [c0, c1, c2] = FACETS.map(f => F[f]), [p0, p1, p2, p3] = per, fs = F.fs;
      for (let d = 0; d < N; d++) {
        if (need && (partial ? cnt[d] === 0 : cnt[d] !== need)) continue;
        if (!any) {
          p0[c0[d]]++; p1[c1[d]]++; p2[c2[d]]++; p3[fs[d]]++;
          if (need) hits.push(d);
          continue;
        }
        for (let i = 0; i < 3; i++) if (passes(d, i)) per[i][F[FACETS[i]][d]]++;
        if (passes(d, 3)) per[3][F.fs[d]]++;
        if (passes(d, -1)) hits.push(d);
      }
      const counts = {};
      FACETS.forEach((f, i) => {
        const c = counts[f] = {}, add = (v, k) => { if (v > 0 && k) { const s = m.x[f][v - 1][0]; c[s] = (c[s] || 0) + k; } };
        if (i < 3) per[i].forEach((k, v) => add(v, k)); else per[3].forEach((k, si) => F.sets[si].forEach(v => add(v, k)));
      });
      // Best first: by terms matched, score, then document; or, browsing, by
      // date rank. Sorted as numbers when the keys fit in a double.
      const rec = need ? null : await load(name('r', -1, 'txt'), numbers);
      const hi = d => (need ? cnt[d] * 2 ** 26 + sc[d] : rec[d]);
      if (N < 2 ** 20 && hits.every(d => (need ? sc[d] < 2 ** 26 : rec[d] < 2 ** 30))) {
        const k = new Float64Array(hits.length);
        hits.forEach((d, i) => { k[i] = hi(d) * 2 ** 20 + (2 ** 20 - 1 - d); });
        k.sort();
        for (let i = 0; i < k.length; i++) hits[i] = 2 ** 20 - 1 - k[k.length - 1 - i] % 2 ** 20;
      } else {
        hits.sort((a, b) => hi(b) - hi(a) || a - b);
      }
      const folds = new Set(qr.terms.map(t => t.f));
      const last = qr.terms[need - 1];
      const pre = qr.prefix && last && [...last.f].length >= P.pmin ? last.f : '';
      const page = (from, to) => Promise.all(hits.slice(from, to).map(async d => {
        const r = await record(d), text = nfc(words(r[3], F.w)), marks = [];
        for (const w of text.matchAll(WORD)) {
          const f = token(w[0]).f;
          if (folds.has(f) || (pre && f.startsWith(pre))) marks.push([w.index, w.index + w[0].length]);
        }
        return {
          url: r[0], title: words(r[1], F.w), date: r[2], snippet: text, marks, score: sc[d], partial: need > 0 && cnt[d] < need,
          section: vocabName('section', F.section[d]), province: vocabName('tinh-thanh', F['tinh-thanh'][d]),
        };
      }));
      return { hits, counts, partial, page };
    };
    return { search, typed };
  };


  const api = { open, tokens, parse, key, fold };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- The page.

  const $ = id => document.getElementById(id);
  const form = $('search-form'), input = $('q'), status = $('search-status'), list = $('search-results');
  if (!form || !input || !list) return;
  const PAGE = 10;
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const num = n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const say = s => { if (status) status.textContent = s; };
  const nojs = $('search-nojs');
  if (nojs) nojs.hidden = true;
  const more = el('button', 'search-more', 'Xem thêm kết quả');
  more.type = 'button';
  more.hidden = true;
  list.after(more);
  const selects = FACETS.map(f => form.elements.namedItem(f)).filter(s => s && s.options);
  const labels = new Map();
  selects.forEach(s => { for (const o of s.options) labels.set(o, o.textContent); });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  selects.forEach(s => { s.value = params.get(s.name) || ''; });

  let engine = null, seq = 0, shown = 0, current = null, urlTimer = 0, shownKey = '';
  // load opens the index once: at page load, so that the manifest (which
  // the page preloads) is ready when the first key is typed.
  const load = () => engine || (engine = open(new URL(form.dataset.index, location.href).href, u => fetch(u).then(r => (r.ok ? r.text() : Promise.reject(new Error(r.status + ' ' + u))))));
  const state = () => {
    const f = {};
    selects.forEach(s => { if (s.value) f[s.name] = s.value; });
    return { q: input.value, f };
  };
  const syncURL = () => {
    const { q, f } = state(), p = new URLSearchParams();
    if (q.trim()) p.set('q', q.trim());
    Object.keys(f).forEach(k => p.set(k, f[k]));
    const s = p.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : ''));
  };

  const item = r => {
    const li = el('li', 'search-hit'), a = el('a', 'search-title', r.title || r.url);
    a.href = r.url;
    li.append(a, el('p', 'search-meta', [r.section, r.province, r.date].filter(Boolean).join(' · ')));
    const p = el('p', 'search-snippet');
    let at = 0;
    for (const [s, e] of r.marks) {
      p.append(r.snippet.slice(at, s), el('mark', '', r.snippet.slice(s, e)));
      at = e;
    }
    p.append(r.snippet.slice(at));
    li.append(p);
    return li;
  };
  const showPage = async (my, focus) => {
    const res = await current.page(shown, shown + PAGE);
    if (my !== seq) return;
    const items = res.map(item);
    list.append(...items);
    shown += res.length;
    more.hidden = shown >= current.hits.length;
    if (focus && items[0]) items[0].querySelector('a').focus();
  };

  // run searches for the query and filters and shows the first page, then
  // fires "search-done" on the form. While the query is being typed, a last
  // word shorter than the index's prefix minimum is not searched for yet.
  const run = async typing => {
    const my = ++seq, { f } = state();
    let { q } = state();
    const done = () => form.dispatchEvent(new CustomEvent('search-done'));
    try {
      const fk = JSON.stringify(f);
      if (q.trim() || fk !== '{}') {
        const e = await load();
        if (my !== seq) return;
        if (typing) q = e.typed(q);
      }
      const qt = q.trim(), key = qt + '\0' + fk;
      if (key === shownKey) return done();
      if (!qt && fk === '{}') {
        list.replaceChildren();
        more.hidden = true;
        shownKey = key;
        say('');
        return done();
      }
      const res = await (await load()).search(q, f);
      if (my !== seq) return; // a newer keystroke: its records are not fetched
      const page = await res.page(0, PAGE);
      if (my !== seq) return;
      current = res;
      shown = page.length;
      list.replaceChildren(...page.map(item));
      more.hidden = shown >= res.hits.length;
      shownKey = key;
      selects.forEach(s => {
        for (const o of s.options) if (o.value) o.textContent = labels.get(o) + ' (' + num(res.counts[s.name][o.value] || 0) + ')';
      });
      const n = num(res.hits.length);
      say(!qt ? `Có ${n} trang phù hợp bộ lọc.`
        : res.partial ? `Không có trang nào chứa đủ các từ “${qt}”; ${n} kết quả chứa một phần.`
          : res.hits.length ? `Tìm thấy ${n} kết quả cho “${qt}”.` : `Không tìm thấy kết quả nào cho “${qt}”.`);
      done();
    } catch (e) {
      if (my !== seq) return;
      engine = null;
      shownKey = '';
      say('Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.');
      done();
    }
  };

  input.addEventListener('input', () => {
    run(true);
    clearTimeout(urlTimer);
    urlTimer = setTimeout(syncURL, 300);
  });
  selects.forEach(s => s.addEventListener('change', () => { run(); syncURL(); }));
  form.addEventListener('submit', e => { e.preventDefault(); run(); syncURL(); });
  more.addEventListener('click', () => showPage(seq, true));
  // Arrow keys move between the query and the result links; Escape returns.
  form.addEventListener('keydown', e => {
    if (e.target === input && e.key === 'ArrowDown' && list.querySelector('a')) { e.preventDefault(); list.querySelector('a').focus(); }
  });
  list.addEventListener('keydown', e => {
    const links = [...list.querySelectorAll('a')], i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < links.length) links[i + 1].focus();
    else if (e.key === 'ArrowUp') (i > 0 ? links[i - 1] : input).focus();
    else if (e.key === 'Escape') input.focus();
    else return;
    e.preventDefault();
  });
  run();
  if (form.dataset.index) load().catch(() => { engine = null; });
})();
