import { api } from '../api.js';
import { bars, line } from '../charts.js';
import { h, table, tabs } from '../dom.js';
import { date, money, number, percent } from '../format.js';

const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'];
const BUCKET_LABELS = { current: 'Current', '1-30': '1–30 days', '31-60': '31–60 days', '61-90': '61–90 days', '90+': '90+ days' };

export async function render(view, { params }) {
  view.dataset.title = 'Overview';
  const report = await api('/api/reports/overview', { query: { asOf: params.get('asOf') } });
  const currencies = report.currencies || [];
  const chosen = params.get('currency') || (currencies[0] && currencies[0].currency);
  const current = currencies.find(c => c.currency === chosen) || currencies[0];

  const picker = currencies.length > 1
    ? h('div', { class: 'field' },
      h('label', { for: 'currency', text: 'Currency' }),
      h('select', {
        id: 'currency',
        onchange: e => { location.hash = '#/overview?currency=' + encodeURIComponent(e.target.value); },
      }, currencies.map(c => h('option', { value: c.currency, text: c.currency, selected: c.currency === chosen }))))
    : null;

  view.appendChild(h('div', { class: 'page-head' },
    h('div', {}, h('h1', { text: 'Overview' }), h('p', { text: 'Receivables as of ' + date(report.asOf) })),
    picker));

  if (!current) {
    view.appendChild(h('div', { class: 'panel' }, h('p', { class: 'empty', text: 'No open receivables yet. Connect a host and run a sync.' })));
    return;
  }

  const dso = report.dso || [];
  const latestDso = dso.length ? dso[dso.length - 1].days : null;
  const dsoNow = typeof current.dso === 'number' ? current.dso : latestDso;
  const ceiNow = typeof current.cei === 'number' ? current.cei : (typeof report.cei === 'number' ? report.cei : null);
  const receivables = Number(current.receivables && current.receivables.amount);
  const atRisk = Number(current.atRisk && current.atRisk.amount);
  view.appendChild(h('section', { class: 'grid kpis', 'aria-label': 'Key figures' },
    kpi('Receivables', money(current.receivables), 'kpi-receivables',
      number(current.aging.reduce((n, b) => n + (b.count || 0), 0)) + ' open invoices'),
    kpi('At risk', money(current.atRisk), 'kpi-at-risk',
      receivables > 0 ? percent(atRisk / receivables) + ' of receivables' : ''),
    kpi('DSO', dsoNow === null ? '—' : number(dsoNow, 1) + ' days', 'kpi-dso', 'days sales outstanding'),
    kpi('CEI', ceiNow === null ? '—' : number(ceiNow, 1) + '%', 'kpi-cei',
      'collection effectiveness index')));

  // aging: chart and the same figures as a table
  const agingCanvas = h('canvas', { id: 'aging-chart', role: 'img', 'aria-label': 'Receivables by days overdue' });
  const byBucket = new Map((current.aging || []).map(b => [b.bucket, b]));
  const agingRows = BUCKETS.map(b => byBucket.get(b) || { bucket: b, amount: { amount: '0', currency: current.currency }, count: 0 });
  const agingTable = table([
    { label: 'Bucket', cell: r => BUCKET_LABELS[r.bucket] || r.bucket },
    { label: 'Amount', num: true, cell: r => h('span', { dataset: { bucket: r.bucket }, class: 'aging-amount', text: money(r.amount) }) },
    { label: 'Invoices', num: true, cell: r => number(r.count) },
  ], agingRows, { caption: 'Aging buckets' });
  agingTable.id = 'aging-table';

  const dsoCanvas = h('canvas', { id: 'dso-chart', role: 'img', 'aria-label': 'DSO trend' });
  view.appendChild(h('div', { class: 'grid two' },
    h('section', { class: 'panel' }, h('h2', { text: 'Aging' }), h('div', { class: 'chart-box' }, agingCanvas), agingTable),
    h('section', { class: 'panel' }, h('h2', { text: 'DSO trend' }),
      dso.length ? h('div', { class: 'chart-box' }, dsoCanvas) : h('p', { class: 'empty', text: 'Not enough history yet.' }),
      dso.length ? h('p', { class: 'muted', text: `From ${number(dso[0].days, 1)} days on ${date(dso[0].date)} to ${number(latestDso, 1)} days on ${date(dso[dso.length - 1].date)}.` }) : null)));

  const recovery = report.recovery || [];
  view.appendChild(h('div', { class: 'grid halves' },
    h('section', { class: 'panel' }, h('h2', { text: 'Recovery rate' }),
      tabs(['step', 'channel', 'template'].map(by => ({
        id: 'recovery-' + by,
        label: 'By ' + by,
        render: body => body.appendChild(table([
          { label: by[0].toUpperCase() + by.slice(1), cell: r => r.key },
          { label: 'Notices', num: true, cell: r => number(r.notices) },
          { label: 'Paid ≤30d', num: true, cell: r => number(r.paidWithin30d) },
          { label: 'Rate', num: true, cell: r => percent(r.rate, 1) },
        ], recovery.filter(r => r.by === by), { empty: 'No notices sent yet.' })),
      })))),
    upcomingPanel(report.upcoming || [])));

  // charts draw once the view is in the document (Chart.js measures its box)
  queueMicrotask(() => requestAnimationFrame(() => {
    bars(agingCanvas, agingRows.map(r => BUCKET_LABELS[r.bucket] || r.bucket),
      agingRows.map(r => Number(r.amount.amount)), v => money({ amount: v, currency: current.currency }));
    if (dso.length) line(dsoCanvas, dso.map(d => date(d.date)), dso.map(d => d.days), v => number(v, 1) + ' d');
  }));
}

function kpi(label, value, id, sub) {
  return h('div', { class: 'panel kpi', id },
    h('div', { class: 'label', text: label }),
    h('div', { class: 'value', text: value }),
    sub ? h('div', { class: 'sub', text: sub }) : null);
}

const UPCOMING_SHOWN = 12;

/** The next 7 days' actions: the first few, and a button for the rest. */
function upcomingPanel(upcoming) {
  const columns = [
    { label: 'Date', cell: r => h('span', { class: 'nowrap', text: date(r.date) }) },
    { label: 'Invoice', cell: r => r.caseId ? h('a', { class: 'nowrap', href: '#/cases/' + encodeURIComponent(r.caseId), text: r.invoiceNumber || r.caseId }) : r.invoiceNumber },
    { label: 'Customer', cell: r => r.party },
    { label: 'Step', cell: r => r.step, narrow: false },
    { label: 'Channel', cell: r => r.channel },
  ];
  const body = h('div', {});
  const show = all => body.replaceChildren(
    table(columns, all ? upcoming : upcoming.slice(0, UPCOMING_SHOWN), { empty: 'Nothing scheduled in the next 7 days.' }),
    !all && upcoming.length > UPCOMING_SHOWN
      ? h('button', { type: 'button', class: 'btn', id: 'upcoming-all', text: `Show all ${upcoming.length}`, onclick: () => show(true) })
      : null);
  show(false);
  return h('section', { class: 'panel', id: 'upcoming' },
    h('h2', { text: `Upcoming actions · next 7 days (${upcoming.length})` }), body);
}
