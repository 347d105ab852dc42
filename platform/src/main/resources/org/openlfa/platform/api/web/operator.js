/* The operator's dashboard: the community's state, local-market results, flexibility orders and agent health. */
'use strict';

(() => {
  const { api, el, td, num, eur, dateTime, fillTable, card, chart, start, $ } = LFA;

  function presence(a) {
    if (a.revoked) return td('presence presence-revoked', 'revoked');
    return td('presence ' + (a.connected ? 'presence-on' : 'presence-off'), a.connected ? 'online' : 'offline');
  }

  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
  let last = null;
  // ?community=ID picks the community the cards and the chart follow; by default, that of the latest clearing
  let community = new URLSearchParams(location.search).get('community');

  async function refresh() {
    const [agents, market, flex] = await Promise.all([
      api('/api/agents'), api('/api/market?limit=500'), api('/api/flex?limit=50')]);
    last = { agents, market, flex };
    draw();
  }

  /** Cards and chart follow one community (a platform may run several); the tables show them all. */
  function chooseCommunity(market) {
    const names = [...new Set(market.map(m => m.community))].sort();
    if (!names.includes(community)) community = market.length ? market[0].community : null;
    const select = $('community');
    const current = [...select.options].map(o => o.value);
    if (current.join() !== names.join()) {
      select.replaceChildren(...names.map(n => el('option', { value: n }, n)));
    }
    select.value = community || '';
    $('community-picker').hidden = names.length < 2;
  }

  function draw() {
    const { agents, market, flex } = last;
    chooseCommunity(market);
    const mine = market.filter(m => m.community === community);
    const live = agents.filter(a => !a.revoked);
    const latest = mine[0];
    $('cards').replaceChildren(
      card('Agents', String(live.length), agents.length - live.length ? (agents.length - live.length) + ' revoked'
        : 'registered'),
      card('Connected', live.filter(a => a.connected).length + ' / ' + live.length, 'online now',
        live.length && live.every(a => a.connected) ? 'card-good' : null),
      card('Absent last PTU', latest ? String(latest.absent.length) : '–',
        latest && latest.absent.length ? latest.absent.join(', ') : 'no one missed the market',
        latest && latest.absent.length ? 'card-warn' : null),
      card('Local price', latest ? num(latest.priceInEurPerKwh, 3) : '–',
        latest ? '€/kWh, ' + latest.community + ', ' + dateTime(latest.ptuStartMs) : 'no clearing yet'),
      card('Traded locally', latest ? num(latest.tradedInKwh, 2) + ' kWh' : '–',
        latest ? plural(latest.participants, 'participant') : ''),
      card('Flex messages', String(flex.length), plural(flex.filter(f => f.kind === 'order').length, 'order')));
    const chrono = mine.slice(0, 96).reverse();
    chart('chart-market', { x: chrono.map(m => m.ptuStartMs), series: [
      { name: 'traded kWh', values: chrono.map(m => m.tradedInKwh), kind: 'bar', cls: 's-traded' },
      { name: 'local price €/kWh', values: chrono.map(m => m.priceInEurPerKwh), axis: 'right', cls: 's-price' }],
    left: { label: 'kWh', digits: 1 }, right: { label: '€/kWh', digits: 2 } });
    fillTable('market', market.slice(0, 24), m => [dateTime(m.ptuStartMs), m.community,
      td('n', num(m.priceInEurPerKwh, 3)), td('n', num(m.tradedInKwh, 2)), td('n', num(m.gridImportInKwh, 2)),
      td('n', num(m.gridExportInKwh, 2)), td('n', m.participants),
      td(m.absent.length ? 'absent' : '', m.absent.length ? m.absent.join(', ') : '–')], 'no clearing yet');
    fillTable('flex', flex, f => [dateTime(f.receivedAtMs), td('kind kind-' + f.kind, f.kind),
      f.senderDomain + ' → ' + f.recipientDomain, f.period, td('n', num(f.powerInKw, 1)), td('n', eur(f.priceInEur)),
      td('mono', f.conversationId), td('mono', f.messageId)], 'no flexibility messages yet');
    fillTable('agents', agents, a => Object.assign([td('mono', a.id), a.role, presence(a),
      dateTime(a.lastReadingPtuMs), td('n', a.readings), td('n' + (a.absences ? ' absent' : ''), a.absences)],
    { rowClass: a.revoked ? 'revoked' : null }), 'no agents registered');
  }

  $('community').addEventListener('change', e => {
    community = e.target.value;
    if (last) draw();
  });
  start(refresh);
})();
