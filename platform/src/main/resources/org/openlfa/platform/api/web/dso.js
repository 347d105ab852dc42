/* The DSO's dashboard: the traffic light of the current and next PTUs, transformer loading, feeder peaks. */
'use strict';

(() => {
  const { api, el, td, num, dateTime, time, fillTable, chart, start, $ } = LFA;
  const MEANING = { GREEN: 'normal operation', YELLOW: 'congestion expected: flexibility requested',
    ORANGE: 'congestion: flexibility ordered', RED: 'emergency: grid limits at risk' };

  async function refresh() {
    const g = await api('/api/grid?limit=96');
    const chrono = g.ptus.slice().reverse();
    const regime = g.currentRegime || g.latestRegime;
    const light = $('light');
    light.className = 'light' + (regime ? ' regime-' + regime : '');
    $('light-regime').textContent = regime || 'no assessment';
    $('light-when').textContent = g.currentRegime ? 'now (PTU of ' + time(g.currentPtuStartMs) + ')'
      : g.latestRegime ? 'latest assessed PTU' : '';
    $('light-meaning').textContent = regime ? MEANING[regime] : 'the DSO has not assessed any PTU yet';
    // The strip: the PTU under way and the next ones; when nothing lies ahead, the last assessed ones.
    let from = g.currentPtuStartMs === null ? -1 : chrono.findIndex(p => p.ptuStartMs === g.currentPtuStartMs);
    if (from < 0) from = Math.max(0, chrono.length - 16);
    $('strip').replaceChildren(...chrono.slice(from, from + 16).map(p => el('li',
      { class: 'ptu regime-' + p.regime + (p.ptuStartMs === g.currentPtuStartMs ? ' ptu-now' : '') },
      el('span', { class: 'ptu-time' }, time(p.ptuStartMs)), el('span', { class: 'ptu-regime' }, p.regime))));
    $('latest-regime').textContent = g.latestRegime || '–';
    $('latest-regime').className = 'badge' + (g.latestRegime ? ' regime-' + g.latestRegime : '');
    chart('chart-loading', { x: chrono.map(p => p.ptuStartMs), series: [
      { name: 'transformer loading %', values: chrono.map(p => p.transformerLoadingPct ?? null), cls: 's-loading' }],
    left: { label: '%', digits: 0 }, refs: [{ value: 100, label: 'rating 100 %', cls: 'ref-limit' }] });
    const feeders = Math.max(0, ...g.ptus.map(p => p.feederPeakInKw.length));
    const head = $('feeders').tHead.rows[0];
    head.replaceChildren(el('th', {}, 'PTU'), el('th', {}, 'Regime'), el('th', { class: 'n' }, 'Transformer %'),
      el('th', { class: 'n' }, 'Min voltage pu'),
      ...Array.from({ length: feeders }, (_, i) => el('th', { class: 'n' }, 'Feeder ' + (i + 1) + ' kW')));
    fillTable('feeders', g.ptus.slice(0, 24), p => [dateTime(p.ptuStartMs),
      td('regime-cell regime-' + p.regime, p.regime), td('n', num(p.transformerLoadingPct, 1)),
      td('n', num(p.minVoltagePu, 3)),
      ...Array.from({ length: feeders }, (_, i) => td('n', num(p.feederPeakInKw[i], 1)))], 'no assessment yet');
  }

  start(refresh);
})();
