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

  const parse = q => {
    const ts = tokens(q), terms = [], bigrams = [], seen = new Set();
    let prefix = ts.length > 0 && ENDS_WORD.test(nfc(q));
    ts.forEach((t, i) => {
      if (i > 0) {
        const b = ts[i - 1].f + ' ' + t.f;
        if (!seen.has('\0' + b)) { seen.add('\0' + b); bigrams.push(b); }
      }
      if (seen.has(t.k) || terms.length === 12) {
        if (i === ts.length - 1) prefix = false;
        return;
      }
      seen.add(t.k);
      terms.push(t);
    });
    return { terms, bigrams, prefix };
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
  // levels is the number of impact levels of a term with df among n docs.
  const levels = (df, n) => (df * 32 <= n ? 16 : df * 8 <= n ? 4 : df * 2 <= n ? 2 : 1);
  // postings decodes a list with q levels; title hits gain boost.
  const postings = (s, q, boost) => {
    const docs = [], imps = [];
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
  const line = (f, rest, comp, n, boost) => {
    const p = rest.split('\t'), l = { f, df: +p[0], keys: [], posts: [], comp }, q = levels(l.df, n);
    for (let i = 1; i + 1 < p.length; i += 2) {
      l.keys.push(p[i] || f);
      l.posts.push(postings(p[i + 1], q, boost));
    }
    return l;
  };
  // shardOf is the index of the shard holding t, given each shard's first term.
  const shardOf = (firsts, t) => {
    let lo = 0, hi = firsts.length;
    while (lo < hi) { const c = (lo + hi) >> 1; if (firsts[c] <= t) lo = c + 1; else hi = c; }
    return Math.max(lo - 1, 0);
  };
  const unRLE = r => {
    const out = [];
    for (let i = 0; i + 1 < r.length; i += 2) for (let j = 0; j < r[i + 1]; j++) out.push(r[i]);
    return out;
  };

  // open loads the manifest at url; get(url) must resolve to the file's text.
  const open = async (url, get) => {
    const m = JSON.parse(await get(url));
    if (m.v !== 2) throw new Error('search index version ' + m.v);
    const P = m.p, N = m.n, U = m.u, files = new Map();
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
      return { section: unRLE(f.s), 'tinh-thanh': unRLE(f.p), 'loai-mo-hinh': unRLE(f.k), fs: unRLE(f.f), sets: f.fs };
    });
    // shards lists the term shards for term t: its own and, for a prefix,
    // following shards whose first term it begins.
    const shards = (t, prefix) => {
      const first = shardOf(U, t.f);
      let last = first;
      prefix = prefix && [...t.f].length >= P.pmin;
      if (prefix) while (last + 1 < U.length && last + 1 < first + P.pshards && U[last + 1].startsWith(t.f)) last++;
      const out = [];
      for (let i = first; i <= last; i++) out.push(name('u', i, 'txt'));
      return { out, prefix };
    };
    const biName = b => name('b', shardOf(m.b, b), 'txt');
    const idf = df => Math.max(1, Math.floor(Math.log(1 + (N - df + 0.5) / (df + 0.5)) * P.idf + 0.5));

    const score = async (qr, sc, cnt) => {
      const plan = qr.terms.map((t, i) => shards(t, qr.prefix && i === qr.terms.length - 1));
      const all = new Set(qr.bigrams.map(biName));
      plan.forEach(p => p.out.forEach(n => all.add(n)));
      await Promise.all([...all].map(n => load(n, lines)));
      const best = new Float64Array(N);
      for (let ti = 0; ti < qr.terms.length; ti++) {
        const t = qr.terms[ti], pl = plan[ti], acc = t.k !== t.f, ls = [], cands = [];
        for (const n of pl.out) {
          const sh = await files.get(n), r = sh.get(t.f);
          if (r !== undefined) ls.push(line(t.f, r, false, N, P.title));
          if (pl.prefix) for (const [f, rest] of sh) if (f !== t.f && f.startsWith(t.f)) cands.push({ f, rest, df: parseInt(rest, 10) });
        }
        cands.sort((a, b) => b.df - a.df || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0));
        for (const c of cands.slice(0, P.pterms)) ls.push(line(c.f, c.rest, true, N, P.title));
        const touched = [];
        for (const l of ls) {
          const w0 = idf(l.df);
          l.keys.forEach((k, vi) => {
            let w = P.fold;
            if (!l.comp && acc && k === t.k) w = P.exact;
            else if (l.comp && acc && k.startsWith(t.k)) w = P.pexact;
            else if (l.comp) w = P.prefix;
            const p = l.posts[vi];
            for (let j = 0; j < p.docs.length; j++) {
              const d = p.docs[j], v = w0 * p.imps[j] * w;
              if (best[d] === 0) touched.push(d);
              if (v > best[d]) best[d] = v;
            }
          });
        }
        for (const d of touched) { sc[d] += best[d]; cnt[d]++; best[d] = 0; }
      }
      for (const b of qr.bigrams) {
        const r = (await files.get(biName(b))).get(b);
        if (r === undefined) continue;
        const l = line(b, r, false, N, P.title), w0 = idf(l.df);
        for (const p of l.posts) for (let j = 0; j < p.docs.length; j++) if (cnt[p.docs[j]] > 0) sc[p.docs[j]] += w0 * p.imps[j] * P.bigram;
      }
    };

    const record = async d => {
      const g = Math.max(m.g, 1);
      const recs = await load(name('d', Math.floor(d / g), 'json'), JSON.parse);
      return recs[d % g];
    };
    const vocabName = (facet, v) => (v > 0 && m.x[facet] && m.x[facet][v - 1] ? m.x[facet][v - 1][1] : '');

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
      let matched = d => need === 0 || cnt[d] === need, partial = false;
      if (need > 1) {
        let found = false;
        for (let d = 0; d < N && !found; d++) found = cnt[d] === need && passes(d, -1);
        if (!found) { partial = true; matched = d => cnt[d] > 0; }
      }
      const counts = {};
      FACETS.forEach(f => { counts[f] = {}; });
      const add = (f, v) => { if (v > 0) { const s = m.x[f][v - 1][0]; counts[f][s] = (counts[f][s] || 0) + 1; } };
      const hits = [];
      for (let d = 0; d < N; d++) {
        if (!matched(d)) continue;
        for (let i = 0; i < 3; i++) if (passes(d, i)) add(FACETS[i], F[FACETS[i]][d]);
        if (passes(d, 3)) F.sets[F.fs[d]].forEach(v => add('linh-vuc', v));
        if ((need || any) && passes(d, -1)) hits.push(d);
      }
      if (need === 0) {
        const rec = await load(name('r', -1, 'txt'), numbers);
        hits.sort((a, b) => rec[b] - rec[a] || a - b);
      } else {
        hits.sort((a, b) => cnt[b] - cnt[a] || sc[b] - sc[a] || a - b);
      }
      const folds = new Set(qr.terms.map(t => t.f));
      const last = qr.terms[need - 1];
      const pre = qr.prefix && last && [...last.f].length >= P.pmin ? last.f : '';
      const page = (from, to) => Promise.all(hits.slice(from, to).map(async d => {
        const r = await record(d), text = nfc(r[3]), marks = [];
        for (const w of text.matchAll(WORD)) {
          const f = token(w[0]).f;
          if (folds.has(f) || (pre && f.startsWith(pre))) marks.push([w.index, w.index + w[0].length]);
        }
        return {
          url: r[0], title: r[1], date: r[2], snippet: text, marks, score: sc[d], partial: need > 0 && cnt[d] < need,
          section: vocabName('section', F.section[d]), province: vocabName('tinh-thanh', F['tinh-thanh'][d]),
        };
      }));
      return { hits, counts, partial, page };
    };
    return { search };
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

  let engine = null, seq = 0, shown = 0, current = null, urlTimer = 0;
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

  const run = async () => {
    const my = ++seq, { q, f } = state();
    try {
      if (!q.trim() && !Object.keys(f).length) {
        list.replaceChildren();
        more.hidden = true;
        say('');
        return;
      }
      if (!engine) engine = open(new URL(form.dataset.index, location.href).href, u => fetch(u).then(r => (r.ok ? r.text() : Promise.reject(new Error(r.status + ' ' + u)))));
      const res = await (await engine).search(q, f);
      if (my !== seq) return;
      current = res;
      shown = 0;
      list.replaceChildren();
      await showPage(my, false);
      if (my !== seq) return;
      selects.forEach(s => {
        for (const o of s.options) if (o.value) o.textContent = labels.get(o) + ' (' + num(res.counts[s.name][o.value] || 0) + ')';
      });
      const n = num(res.hits.length), qt = q.trim();
      say(!qt ? `Có ${n} trang phù hợp bộ lọc.`
        : res.partial ? `Không có trang nào chứa đủ các từ “${qt}”; ${n} kết quả chứa một phần.`
          : res.hits.length ? `Tìm thấy ${n} kết quả cho “${qt}”.` : `Không tìm thấy kết quả nào cho “${qt}”.`);
    } catch (e) {
      if (my !== seq) return;
      engine = null;
      say('Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.');
    }
  };

  input.addEventListener('input', () => {
    run();
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
})();
