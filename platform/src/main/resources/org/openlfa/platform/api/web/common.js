/*
 * Shared by the three dashboards: the token, polling the API, formatting, tables and a small SVG chart.
 * No library and nothing from another origin: the platform runs offline and its pages are served under
 * Content-Security-Policy default-src 'self' (so no inline script or style either; colours come from classes).
 * Everything the API returns is put in the page as text (textContent), never as HTML.
 */
'use strict';

const LFA = (() => {
  const KEY = 'lfa-token';
  const SVG = 'http://www.w3.org/2000/svg';
  const POLL_MS = 2000;

  /**
   * The token: from #token=… in the address (which browsers never send to the server; it is moved to
   * sessionStorage and removed from the address bar so it does not end up in bookmarks or the history), else from
   * sessionStorage (this tab only, gone when it closes).
   */
  function token() {
    const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (m) {
      sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(KEY);
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path) {
    const r = await fetch(path, {
      headers: { 'Authorization': 'Bearer ' + sessionStorage.getItem(KEY), 'Accept': 'application/json' },
      cache: 'no-store', credentials: 'omit'
    });
    let body = null;
    try { body = await r.json(); } catch (e) { /* not JSON: reported by status */ }
    if (!r.ok) {
      throw new ApiError(r.status, body && body.error ? body.error : 'HTTP ' + r.status);
    }
    return body;
  }

  function $(id) { return document.getElementById(id); }

  /** An element with attributes (class, or any) and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function num(v, digits) {
    return v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(digits);
  }
  const eur = v => (v === null || v === undefined ? '–' : (v < 0 ? '−€' : '€') + Math.abs(v).toFixed(2));
  const pad = n => String(n).padStart(2, '0');
  function time(ms) {
    const d = new Date(ms);
    return pad(d.getHours()) + ':' + pad(d.getMinutes());
  }
  function dateTime(ms) {
    if (ms === null || ms === undefined) return '–';
    const d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + time(ms);
  }

  /** Replaces a table's body with one row per item; cells are text or elements. */
  function fillTable(id, items, row, empty) {
    const tbody = $(id).tBodies[0];
    const cols = $(id).tHead.rows[0].cells.length;
    tbody.replaceChildren(...(items.length ? items.map(i => {
      const cells = row(i);
      const tr = el('tr', cells.rowClass ? { class: cells.rowClass } : {});
      for (const c of cells) tr.append(c instanceof Node && c.tagName === 'TD' ? c : el('td', {}, c));
      return tr;
    }) : [el('tr', {}, el('td', { colspan: cols, class: 'empty' }, empty || 'nothing yet'))]));
  }

  function td(cls, ...children) { return el('td', { class: cls }, ...children); }

  /** A card: a label and a big figure, with an optional note under it. */
  function card(label, value, note, cls) {
    return el('div', { class: 'card' + (cls ? ' ' + cls : '') }, el('div', { class: 'card-label' }, label),
      el('div', { class: 'card-value' }, value), note ? el('div', { class: 'card-note' }, note) : null);
  }

  function niceStep(span, ticks) {
    const raw = span / ticks;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  }

  function scale(values, includeZero) {
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (includeZero) { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }
    if (!(hi > lo)) { hi = lo + 1; }
    const step = niceStep(hi - lo, 4);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    return { lo, hi, step };
  }

  /**
   * Draws a chart over evenly spaced PTUs into <svg id=…>.
   *   x: the PTUs' start times (ms, ascending)
   *   series: [{name, values, kind: 'line'|'bar', axis: 'left'|'right', cls}]  (null values are gaps)
   *   left/right: {label, digits}; refs: [{axis, value, label, cls}]
   */
  function chart(id, spec) {
    const root = $(id);
    const W = 880, H = 280, M = { l: 58, r: spec.right ? 62 : 18, t: 30, b: 34 };
    root.setAttribute('viewBox', `0 0 ${W} ${H}`);
    root.setAttribute('role', 'img');
    root.replaceChildren();
    const n = spec.x.length;
    if (!n) {
      root.append(svg('text', { x: W / 2, y: H / 2, class: 'chart-empty', 'text-anchor': 'middle' }, 'no data yet'));
      return;
    }
    const pw = W - M.l - M.r, ph = H - M.t - M.b;
    const slot = pw / n;
    const xc = i => M.l + slot * (i + 0.5);
    const axes = {};
    for (const side of ['left', 'right']) {
      if (!spec[side]) continue;
      const vals = spec.series.filter(s => (s.axis || 'left') === side).flatMap(s => s.values)
        .concat((spec.refs || []).filter(r => (r.axis || 'left') === side).map(r => r.value))
        .filter(v => v !== null && v !== undefined);
      const sc = scale(vals.length ? vals : [0, 1], true);
      sc.y = v => M.t + ph - (v - sc.lo) / (sc.hi - sc.lo) * ph;
      axes[side] = sc;
      const x = side === 'left' ? M.l - 6 : W - M.r + 6;
      for (let v = sc.lo; v <= sc.hi + sc.step / 2; v += sc.step) {
        const y = sc.y(v);
        if (side === 'left') root.append(svg('line', { x1: M.l, x2: W - M.r, y1: y, y2: y, class: 'grid-line' }));
        root.append(svg('text', { x, y: y + 4, 'text-anchor': side === 'left' ? 'end' : 'start', class: 'tick' },
          num(v, spec[side].digits ?? 1)));
      }
      root.append(svg('text', { x: side === 'left' ? 6 : W - 6, y: 16, 'text-anchor': side === 'left' ? 'start' : 'end',
        class: 'axis-label' }, spec[side].label));
    }
    const left = axes.left || axes.right;
    if (left.lo < 0 && left.hi > 0) {
      root.append(svg('line', { x1: M.l, x2: W - M.r, y1: left.y(0), y2: left.y(0), class: 'zero-line' }));
    }
    const labelEvery = Math.max(1, Math.ceil(n / 8));
    for (let i = 0; i < n; i += labelEvery) {
      root.append(svg('text', { x: xc(i), y: H - 12, 'text-anchor': 'middle', class: 'tick' }, time(spec.x[i])));
    }
    const bars = spec.series.filter(s => s.kind === 'bar');
    bars.forEach((s, k) => {
      const sc = axes[s.axis || 'left'];
      const bw = Math.max(1, slot * 0.8 / bars.length);
      const g = svg('g', { class: 'series ' + s.cls });
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) return;
        const y0 = sc.y(0), y1 = sc.y(v);
        const r = svg('rect', { x: xc(i) - slot * 0.4 + k * bw, y: Math.min(y0, y1), width: bw,
          height: Math.max(0.5, Math.abs(y1 - y0)) });
        r.append(svg('title', {}, `${s.name} ${dateTime(spec.x[i])}: ${num(v, 3)}`));
        g.append(r);
      });
      root.append(g);
    });
    for (const s of spec.series.filter(s => s.kind !== 'bar')) {
      const sc = axes[s.axis || 'left'];
      let d = '', pen = false;
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) { pen = false; return; }
        d += (pen ? 'L' : 'M') + xc(i).toFixed(1) + ' ' + sc.y(v).toFixed(1) + ' ';
        pen = true;
      });
      const g = svg('g', { class: 'series ' + s.cls });
      g.append(svg('path', { d: d.trim(), fill: 'none' }));
      if (n <= 48) {
        s.values.forEach((v, i) => {
          if (v !== null && v !== undefined) g.append(svg('circle', { cx: xc(i), cy: sc.y(v), r: 2.5 }));
        });
      }
      root.append(g);
    }
    for (const r of spec.refs || []) {
      const sc = axes[r.axis || 'left'];
      root.append(svg('line', { x1: M.l, x2: W - M.r, y1: sc.y(r.value), y2: sc.y(r.value), class: 'ref ' + (r.cls || '') }));
      root.append(svg('text', { x: W - M.r - 4, y: sc.y(r.value) - 4, 'text-anchor': 'end', class: 'ref-label' }, r.label));
    }
    let lx = M.l + 150;
    for (const s of spec.series) {
      const g = svg('g', { class: 'legend series ' + s.cls });
      g.append(svg('rect', { x: lx, y: 8, width: 12, height: 12 }));
      g.append(svg('text', { x: lx + 17, y: 18 }, s.name));
      root.append(g);
      lx += 28 + 7.5 * s.name.length;
    }
  }

  function setStatus(text, state) {
    const s = $('status');
    s.textContent = text;
    s.className = 'status' + (state ? ' status-' + state : '');
    s.dataset.state = state || 'ok';
  }

  /**
   * Starts a dashboard: asks for a token if there is none, then calls refresh() now and every 2 s. refresh()
   * fetches through LFA.api and draws; a 401 or 403 stops the polling and asks for another token.
   */
  function start(refresh) {
    const form = $('token-form');
    form.addEventListener('submit', e => {
      e.preventDefault();
      const t = $('token-input').value.trim();
      if (!t) return;
      sessionStorage.setItem(KEY, t);
      $('token-input').value = '';
      run();
    });
    $('signout').addEventListener('click', () => {
      sessionStorage.removeItem(KEY);
      stop();
      $('content').hidden = true;
      $('auth').hidden = false;
      setStatus('Signed out.', 'info');
    });
    let timer = null;
    let generation = 0;
    function stop() {
      generation++;
      if (timer) clearTimeout(timer);
      timer = null;
    }
    function run() {
      stop();
      const mine = generation;
      $('auth').hidden = true;
      setStatus('Loading…', 'info');
      const tick = async () => {
        try {
          await refresh();
          if (mine !== generation) return;
          $('content').hidden = false;
          setStatus('', null);
          $('updated').textContent = 'Last updated ' + new Date().toLocaleTimeString('en-GB');
          $('updated').dataset.at = String(Date.now());
        } catch (e) {
          if (mine !== generation) return;
          if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
            stop();
            $('content').hidden = true;
            $('auth').hidden = false;
            setStatus(e.status === 401
              ? 'Unauthorised: the platform did not accept this token. Enter a valid one.'
              : 'Forbidden: this token may not see this dashboard (' + e.message + ').',
            e.status === 401 ? 'unauthorised' : 'forbidden');
            return;
          }
          setStatus((e instanceof ApiError ? e.message : 'The platform is unreachable') + '; retrying.', 'warn');
        }
        if (mine === generation) timer = setTimeout(tick, POLL_MS);
      };
      tick();
    }
    if (token()) {
      run();
    } else {
      $('auth').hidden = false;
      setStatus('Enter your access token to open this dashboard.', 'info');
    }
  }

  return { api, el, td, svg, num, eur, time, dateTime, fillTable, card, chart, start, $ };
})();
