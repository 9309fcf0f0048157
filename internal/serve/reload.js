// lantoa live reload. Served only by `lantoa serve`, never part of a
// built site. It listens to /_lantoa/events (Server-Sent Events):
//   hello  {build, ok, errors, diagnostics}  on connect: the current status
//   reload {build}                           a new build is being served
//   css    {build, styles: [URL...]}         only stylesheets changed
//   error  {build, ok:false, errors, diagnostics}  the last change broke the build
//   ok     {build}                           the build works again
// The page knows which build it came from by the Server-Timing header
// "lantoa;desc=BUILD" of its HTML response.
(() => {
  "use strict";
  const scrollKey = "lantoa-scroll:" + location.pathname + location.search;
  const overlayID = "lantoa-overlay";
  let page = "";
  try {
    const nav = performance.getEntriesByType("navigation")[0];
    for (const t of (nav && nav.serverTiming) || []) {
      if (t.name === "lantoa") page = t.description;
    }
  } catch (e) { /* no Server-Timing: never reload on a stale page */ }

  // Restore the scroll position saved before a reload.
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const y = Number(saved) || 0;
    const restore = () => window.scrollTo(0, y);
    restore();
    if (document.readyState !== "complete") addEventListener("load", restore, { once: true });
  }

  let reloading = false;
  function reload() {
    if (reloading) return;
    reloading = true;
    try { sessionStorage.setItem(scrollKey, String(window.scrollY)); } catch (e) { /* private mode */ }
    location.reload();
  }

  // apply brings the page up to date with a status.
  function apply(st) {
    if (!st.ok) {
      showOverlay(st);
      return;
    }
    hideOverlay();
    if (page && st.build && st.build !== page) reload();
  }

  // cssKey is a stylesheet URL's path without its fingerprint:
  // /assets/style.edc92bda.css -> /assets/style.css.
  function cssKey(href) {
    const u = new URL(href, location.href);
    return u.pathname.replace(/\.[0-9a-f]{6,}(\.css)$/i, "$1");
  }

  function swapCSS(d) {
    const fresh = new Map();
    for (const s of d.styles || []) fresh.set(cssKey(s), s);
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const next = fresh.get(cssKey(link.href));
      const u = new URL(next || link.href, location.href);
      if (!next || u.href === link.href) {
        // Same URL (a stylesheet without fingerprint): fetch it anew.
        u.searchParams.set("lantoa", d.build || String(Date.now()));
      }
      const copy = link.cloneNode();
      copy.href = u.href;
      // Remove the old sheet once the new one applies: no flash of
      // unstyled content.
      copy.addEventListener("load", () => link.remove(), { once: true });
      copy.addEventListener("error", () => link.remove(), { once: true });
      link.after(copy);
    }
    if (d.build) page = d.build;
  }

  function hideOverlay() {
    const o = document.getElementById(overlayID);
    if (o) o.remove();
  }

  function el(tag, text, style) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (style) Object.assign(e.style, style);
    return e;
  }

  function showOverlay(st) {
    hideOverlay();
    const box = el("section", undefined, {
      position: "fixed", left: "0", right: "0", top: "0", maxHeight: "85vh", overflow: "auto",
      zIndex: "2147483647", boxSizing: "border-box", padding: "12px 16px",
      background: "#fff4f4", color: "#1b1b1b", borderBottom: "4px solid #b00020",
      boxShadow: "0 4px 16px rgba(0,0,0,.35)", font: "15px/1.45 system-ui, sans-serif", textAlign: "left",
    });
    box.id = overlayID;
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", "Lỗi dựng trang");
    const n = st.errors || (st.diagnostics || []).length;
    const head = el("div", undefined, { display: "flex", gap: "12px", alignItems: "baseline", justifyContent: "space-between" });
    head.append(el("strong", `Không dựng được trang: ${n} lỗi. Đang hiển thị bản dựng tốt gần nhất.`, { color: "#b00020" }));
    const close = el("button", "Ẩn", { font: "inherit", padding: "2px 10px", cursor: "pointer" });
    close.type = "button";
    close.addEventListener("click", hideOverlay);
    head.append(close);
    box.append(head);
    for (const d of st.diagnostics || []) {
      const item = el("div", undefined, { marginTop: "10px" });
      let loc = d.file || "";
      if (d.line > 0) {
        loc += ":" + d.line;
        if (d.column > 0) loc += ":" + d.column;
      }
      const p = el("p", undefined, { margin: "0" });
      if (loc) {
        const c = el("code", loc, { fontWeight: "bold" });
        c.className = "lantoa-loc";
        p.append(c, ": ");
      }
      const msg = el("span", d.message + (d.code ? ` [${d.code}]` : ""));
      msg.className = "lantoa-msg";
      p.append(msg);
      item.append(p);
      if (d.source && d.source.length) {
        const pre = el("pre", undefined, {
          margin: "6px 0 0", padding: "6px 0", background: "#fff", border: "1px solid #e3c4c4",
          overflowX: "auto", font: "13px/1.5 ui-monospace, monospace",
        });
        const width = String(d.source[d.source.length - 1].n).length;
        for (const l of d.source) {
          const row = el("div", String(l.n).padStart(width) + " │ " + l.text, { padding: "0 8px", whiteSpace: "pre" });
          if (l.here) {
            row.className = "lantoa-here";
            Object.assign(row.style, { background: "#ffd9d9", fontWeight: "bold" });
            pre.append(row);
            if (d.column > 0) {
              const caret = " ".repeat(width) + " │ " + " ".repeat(Math.max(0, d.column - 1)) + "^";
              pre.append(el("div", caret, { padding: "0 8px", whiteSpace: "pre", color: "#b00020" }));
            }
            continue;
          }
          pre.append(row);
        }
        item.append(pre);
      }
      box.append(item);
    }
    document.body.append(box);
  }

  function data(e) {
    try { return JSON.parse(e.data); } catch (err) { return null; }
  }

  fetch("/_lantoa/status", { cache: "no-store" })
    .then((r) => r.json())
    .then(apply)
    .catch(() => {});

  const es = new EventSource("/_lantoa/events");
  es.addEventListener("hello", (e) => { const d = data(e); if (d) apply(d); });
  es.addEventListener("reload", (e) => {
    const d = data(e);
    if (!d || !page || d.build !== page) reload();
  });
  es.addEventListener("css", (e) => { const d = data(e); if (d) swapCSS(d); });
  // A connection error is also an "error" event, without data.
  es.addEventListener("error", (e) => { const d = e.data && data(e); if (d) showOverlay(d); });
  es.addEventListener("ok", () => hideOverlay());
})();
