/* The prosumer's dashboard: a home's consumption, PV, net and bill, its local trades and what they saved. */
'use strict';

(() => {
  const { api, el, td, num, eur, dateTime, fillTable, card, chart, start, $ } = LFA;
  // The operator may look at any home with ?agent=ID; a home's own token needs nothing.
  const agent = new URLSearchParams(location.search).get('agent');
  const q = agent ? 'agent=' + encodeURIComponent(agent) + '&' : '';

  async function refresh() {
    const [s, trades] = await Promise.all([
      api('/api/prosumer/summary?' + q.replace(/&$/, '')), api('/api/trades?' + q + 'limit=50')]);
    $('agent-id').textContent = s.agent;
    $('ptus').textContent = s.ptus + ' PTUs reported';
    $('cards').replaceChildren(
      card('Bill', eur(s.billInEur), 'at the supplier\u2019s tariff, ' + s.ptus + ' PTUs', 'card-main'),
      card('Saved by local trading', s.savingsInEur === null ? '–' : eur(s.savingsInEur),
        'against the supplier\u2019s tariff of the same PTUs', s.savingsInEur > 0 ? 'card-good' : null),
      card('Imported', num(s.importInKwh, 2) + ' kWh', 'from the grid'),
      card('Exported', num(s.exportInKwh, 2) + ' kWh', 'to the grid'),
      card('Consumption', s.loadInKwh === null ? 'not metered' : num(s.loadInKwh, 2) + ' kWh', 'household load'),
      card('PV', s.pvInKwh === null ? 'not metered' : num(s.pvInKwh, 2) + ' kWh', 'generated'),
      card('Bought locally', num(s.localBoughtInKwh, 2) + ' kWh', 'from neighbours'),
      card('Sold locally', num(s.localSoldInKwh, 2) + ' kWh', 'to neighbours'),
      card('Local market, net paid', eur(s.localTradeAmountInEur), 'bought minus sold'));
    const x = s.series.map(p => p.ptuStartMs);
    const power = [{ name: 'net (import +)', values: s.series.map(p => p.netInKw), cls: 's-net' }];
    if (s.series.some(p => p.loadInKw !== undefined)) {
      power.push({ name: 'consumption', values: s.series.map(p => p.loadInKw ?? null), cls: 's-load' });
    }
    if (s.series.some(p => p.pvInKw !== undefined)) {
      power.push({ name: 'PV', values: s.series.map(p => p.pvInKw ?? null), cls: 's-pv' });
    }
    chart('chart-power', { x, series: power, left: { label: 'kW', digits: 1 } });
    chart('chart-bill', { x, series: [{ name: 'bill per PTU', values: s.series.map(p => p.billInEur), kind: 'bar',
      cls: 's-bill' }], left: { label: '€', digits: 2 } });
    fillTable('trades', trades, t => [dateTime(t.ptuStartMs), t.community,
      td('side side-' + t.side, t.side === 'buy' ? 'bought' : 'sold'), td('n', num(t.energyInKwh, 2)),
      td('n', num(t.priceInEurPerKwh, 3)), td('n', eur(t.amountInEur))], 'no local trades yet');
  }

  start(refresh);
})();
