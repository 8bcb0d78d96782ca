// The embedded help widget's loader: assets/embed.js, the only code that runs before a shopper uses it.
// generator/rendering/embed.py fills in CONFIG (locales, brand) and strips these comments and indents.
// It draws the launcher and the dialog's frame in an open shadow root, styled through adoptedStyleSheets
// (a host page's style-src does not govern them), and loads embed/panel.js, found next to this file's
// own URL, on the first open. The panel finds this loader through the property `hcEmbed` of its own
// script element: the only global is window.HelpCenterEmbed, and only if the host page has no such name.
(function (w, d) {
  "use strict";
  var C = CONFIG, me = d.currentScript, NAME = "HelpCenterEmbed", TAG = "help-center-embed";
  if (!me || !me.src || !w.CSSStyleSheet || !Element.prototype.attachShadow) return;
  function pick(tag) {
    tag = String(tag || "").toLowerCase();
    var codes = Object.keys(C.l), n, k, short = tag.split("-")[0];
    for (n = 0; n < 2; n++) {
      for (k = 0; k < codes.length; k++) {
        var lang = C.l[codes[k]].lang.toLowerCase();
        if (n ? tag && codes[k].split("-")[0] === short : codes[k] === tag || lang === tag) return codes[k];
      }
    }
    return null;
  }
  var code = pick(me.getAttribute("data-locale")) || pick(d.documentElement.lang) || C.d;
  var L = C.l[code], T = L.t, site = new URL("../", me.src);
  var ctx = { code: code, locale: L, site: site, script: me.src, topic: me.getAttribute("data-topic"), version: C.v };
  var host, root, dialog, body, launcher, panel, back;
  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function icon(path) {
    var svg = d.createElementNS("http://www.w3.org/2000/svg", "svg"), p = d.createElementNS(svg.namespaceURI, "path");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    p.setAttribute("d", path);
    svg.append(p);
    return svg;
  }
  function sheet(css) {
    var s = new w.CSSStyleSheet();
    s.replaceSync(css);
    return s;
  }
  // What the panel adds to the frame: its styles, and failures it cannot recover from.
  ctx.adopt = function (css) { root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet(css)]); };
  // The next open tries again.
  ctx.fail = function () {
    ctx.shown = false;
    body.textContent = "";
    var a = el("a", "hc-out", T.open);
    a.href = site.href + L.p;
    a.target = "_blank";
    a.rel = "noopener";
    body.append(el("p", "hc-fail", T.down), a);
    body.setAttribute("data-hc-embed-state", "unavailable");
  };
  function load() {
    if (!panel) {
      panel = new Promise(function (ok, no) {
        var s = d.createElement("script");
        s.src = new URL("embed/panel.js?v=" + C.v, me.src).href;
        s.async = true;
        s.hcEmbed = ctx;
        s.onload = function () { return ctx.show ? ok() : no(); };
        s.onerror = no;
        (d.head || d.documentElement).appendChild(s);
      });
      panel.catch(function () { panel = null; });
    }
    return panel;
  }
  function open() {
    if (!dialog || dialog.open) return;
    back = d.activeElement === host ? launcher : d.activeElement;
    dialog.showModal();
    launcher.setAttribute("aria-expanded", "true");
    if (!ctx.shown) body.textContent = T.loading;
    load().then(function () {
      if (!ctx.shown) ctx.show(body, dialog);
      ctx.shown = true;
    }, ctx.fail).catch(ctx.fail);
  }
  function close() { if (dialog && dialog.open) dialog.close(); }
  function focusables() {
    return [].filter.call(dialog.querySelectorAll("a[href],button,input,select,textarea,[tabindex]"), function (e) {
      return !e.disabled && e.tabIndex >= 0 && e.getClientRects().length;
    });
  }
  // Tab and Shift+Tab go round the dialog's controls only, never out to the page behind it.
  function trap(event) {
    if (event.key !== "Tab") return;
    var all = focusables(), first = all[0], last = all[all.length - 1], at = root.activeElement;
    if (!first) return;
    if (event.shiftKey ? at === first || !dialog.contains(at) : at === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  }
  function start() {
    if (d.querySelector(TAG)) return;
    host = d.createElement(TAG);
    root = host.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet(C.css)];
    var wrap = el("div", "hc-embed");
    wrap.dir = L.dir;
    wrap.lang = L.lang;
    launcher = el("button", "hc-launcher hc-" + C.b.side);
    launcher.type = "button";
    launcher.setAttribute("aria-haspopup", "dialog");
    launcher.setAttribute("aria-expanded", "false");
    launcher.append(icon(C.icon), el("span", "", T.launcher));
    launcher.addEventListener("click", open);
    dialog = el("dialog", "hc-dialog hc-" + C.b.side);
    dialog.setAttribute("aria-labelledby", "hc-embed-title");
    var head = el("div", "hc-head"), title = el("h2", "hc-title", T.title), x = el("button", "hc-close");
    title.id = "hc-embed-title";
    x.type = "button";
    x.setAttribute("aria-label", T.close);
    x.append(icon(C.x));
    x.addEventListener("click", close);
    head.append(title, x);
    body = el("div", "hc-body");
    dialog.append(head, body);
    dialog.addEventListener("keydown", trap);
    dialog.addEventListener("close", function () {
      launcher.setAttribute("aria-expanded", "false");
      (back && back.isConnected && back !== d.body ? back : launcher).focus();
    });
    wrap.append(launcher, dialog);
    root.append(wrap);
    d.body.appendChild(host);
  }
  try {
    if (!(NAME in w)) w[NAME] = { open: open, close: close, version: C.v };
    if (d.body) start();
    else d.addEventListener("DOMContentLoaded", function () { try { start(); } catch (e) { /* never the host's problem */ } });
  } catch (e) { /* nothing a host page does may make this loader throw on it */ }
})(window, document);
