import { api } from '../api.js';
import { badge, errorBox, h, table, toast } from '../dom.js';
import { dateTime, number, percent } from '../format.js';

export async function render(view) {
  view.dataset.title = 'Connections';
  const [connections, parked] = await Promise.all([api('/api/connections'), api('/api/parked')]);
  view.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: 'Connections' }),
      h('p', { text: 'Each host the hub syncs with: its status, last sync, API usage and parked records.' }))),
    connections.length
      ? h('div', { class: 'grid cards' }, connections.map(c => card(c, parked.filter(p => p.connection === c.name))))
      : h('div', { class: 'panel' }, h('p', { class: 'empty', text: 'No connections are configured.' })),
    parkedPanel(parked));
  view.querySelector('#parked').style.marginTop = '1rem';
}

function card(c, parked) {
  const result = h('div', { role: 'status' });
  const testButton = h('button', { type: 'button', class: 'btn', text: 'Test connection', dataset: { connection: c.name } });
  testButton.addEventListener('click', async () => {
    testButton.disabled = true;
    result.replaceChildren(h('p', { class: 'muted', text: 'Testing…' }));
    try {
      const r = await api('/api/connections/' + encodeURIComponent(c.name) + '/test', { method: 'POST' });
      result.replaceChildren(h('p', { class: r.ok ? 'notice' : 'error', text: (r.ok ? '✓ ' : '✗ ') + (r.message || '') }));
    } catch (e) {
      result.replaceChildren(errorBox(e));
    } finally {
      testButton.disabled = false;
    }
  });
  const usage = c.apiUsage;
  const ratio = usage && usage.limit && usage.used !== null && usage.used !== undefined ? usage.used / usage.limit : null;
  const last = c.lastSync;
  return h('section', { class: 'panel', id: 'connection-' + c.name.replace(/[^A-Za-z0-9_-]/g, '_') },
    h('div', { class: 'card-head' },
      h('div', {}, h('h2', { text: c.name }), h('div', { class: 'muted', text: c.connector })),
      badge(c.enabled === false ? 'disabled' : c.status)),
    h('dl', { class: 'facts' },
      h('dt', { text: 'Last sync' }),
      h('dd', {}, last ? [dateTime(last.at), ' · ', last.ok ? `${number(last.records)} ${last.records === 1 ? 'record' : 'records'}` : h('span', { class: 'badge failing', text: 'failed' })] : 'never'),
      h('dt', { text: 'Parked' }), h('dd', { text: number(c.parked ?? parked.length) }),
      h('dt', { text: 'API usage' }),
      h('dd', {}, usage && !usage.limit && usage.used !== null && usage.used !== undefined
        ? `${number(usage.used)} ${usage.used === 1 ? 'call' : 'calls'}${usage.since ? ' since ' + dateTime(usage.since) : ''}; no published limit`
        : usage && ratio === null
        ? `limit ${number(usage.limit)} per ${windowLabel(usage.window)}; nothing measured yet`
        : usage
        ? [h('div', { class: 'meter' + (ratio > 0.8 ? ' high' : ''), role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': usage.limit, 'aria-valuenow': usage.used, 'aria-label': 'API usage' },
          meterFill(ratio)),
        h('div', { class: 'muted', text: `${number(usage.used)} of ${number(usage.limit)} per ${windowLabel(usage.window)} (${percent(ratio)})` })]
        : 'not reported by this host'),
      ...allowanceFacts(usage && usage.allowance)),
    h('div', { class: 'actions card-actions' }, testButton),
    result);
}

/** The account-wide allowance the host reports (Salesforce: the org's API requests in 24 hours). */
function allowanceFacts(a) {
  if (!a || !a.limit) {
    return [];
  }
  const ratio = a.used / a.limit;
  return [
    h('dt', { text: 'Host allowance' }),
    h('dd', {},
      h('div', { class: 'meter' + (ratio > 0.8 ? ' high' : ''), role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': a.limit, 'aria-valuenow': a.used, 'aria-label': a.name },
        meterFill(ratio)),
      h('div', { class: 'muted', text: `${number(a.used)} of ${number(a.limit)} ${a.name} (${percent(ratio)}), as of ${dateTime(a.at)}` })),
  ];
}

function meterFill(ratio) {
  const span = h('span', {});
  span.style.width = Math.min(100, Math.max(0, (ratio || 0) * 100)).toFixed(1) + '%';
  return span;
}

/** "PT1M" → "minute", "PT24H" → "24 hours", else as given. */
function windowLabel(iso) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso || '');
  if (!m) return iso || 'window';
  const [, hours, minutes, seconds] = m.map(x => (x ? Number(x) : 0));
  if (hours && !minutes && !seconds) return hours === 1 ? 'hour' : hours + ' hours';
  if (minutes && !hours && !seconds) return minutes === 1 ? 'minute' : minutes + ' minutes';
  if (seconds && !hours && !minutes) return seconds === 1 ? 'second' : seconds + ' seconds';
  return iso;
}

const PARKED_SHOWN = 50;

/** Parked records grouped by connection, stream and reason; each group opens to its records. */
function parkedPanel(parked) {
  const groups = new Map();
  for (const p of parked) {
    const key = [p.connection, p.stream, p.direction, p.reason].join('\u0000');
    if (!groups.has(key)) groups.set(key, { connection: p.connection, stream: p.stream, direction: p.direction, reason: p.reason, rule: p.rule, records: [] });
    groups.get(key).records.push(p);
  }
  const details = h('div', {});
  const showRecords = records => {
    details.replaceChildren(
      h('h3', { text: `${records.length} parked record${records.length === 1 ? '' : 's'}` }),
      table([
        { label: 'Record', cell: p => h('span', { class: 'mono', text: p.hostId || p.canonicalId || p.id }) },
        { label: 'Reason', cell: p => [p.reason, p.rule ? h('div', { class: 'muted', text: `rule ${p.rule}` + (p.value !== undefined && p.value !== null ? ` = ${p.value}` : '') }) : null] },
        { label: 'Attempts', num: true, cell: p => number(p.attempts), narrow: false },
        { label: 'Next try', cell: p => dateTime(p.nextAttemptAt), narrow: false },
        { label: '', cell: p => h('button', { type: 'button', class: 'btn', text: 'Retry now', onclick: async e => {
          e.target.disabled = true;
          try {
            await api('/api/parked/' + encodeURIComponent(p.id) + '/retry', { method: 'POST' });
            toast('Queued for retry');
          } catch (err) {
            toast(err.message);
            e.target.disabled = false;
          }
        } }) },
      ], records.slice(0, PARKED_SHOWN)),
      records.length > PARKED_SHOWN ? h('p', { class: 'muted', text: `Showing the first ${PARKED_SHOWN}; 'dunhub sync errors' lists them all.` }) : null);
    details.scrollIntoView({ block: 'nearest' });
  };
  return h('section', { class: 'panel', id: 'parked' }, h('h2', { text: `Parked records (${parked.length})` }),
    h('p', { class: 'muted', text: 'Records that could not be mapped or written. They are retried with backoff and never dropped.' }),
    table([
      { label: 'Connection', cell: g => g.connection },
      { label: 'Stream', cell: g => g.stream + (g.direction ? ' (' + String(g.direction).toLowerCase() + ')' : '') },
      { label: 'Reason', cell: g => [g.reason, g.rule ? h('div', { class: 'muted', text: 'rule ' + g.rule }) : null] },
      { label: 'Records', num: true, cell: g => number(g.records.length) },
      { label: '', cell: g => h('button', { type: 'button', class: 'btn', text: 'Show', onclick: () => showRecords(g.records) }) },
    ], [...groups.values()], { empty: 'Nothing is parked.' }),
    details);
}
