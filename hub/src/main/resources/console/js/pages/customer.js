import { api } from '../api.js';
import { badge, h, table } from '../dom.js';
import { date, money, moneyList } from '../format.js';

export async function render(view, { args }) {
  const party = await api('/api/parties/' + encodeURIComponent(args[0]));
  view.dataset.title = party.name;
  const invoices = party.invoices || [];
  const cases = Array.isArray(party.cases) ? party.cases : [];
  const caseById = new Map(cases.map(c => [c.id, c]));
  const caseByInvoice = new Map(cases.map(c => [c.invoiceId, c]));

  view.append(
    h('p', {}, h('a', { href: '#/customers', text: '← Customers' })),
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { id: 'party-name', text: party.name }),
        h('p', { text: [party.email, party.phone, party.country, party.segment].filter(Boolean).join(' · ') })),
      h('div', {}, party.state ? badge(party.state) : null)),
    h('div', { class: 'grid kpis' },
      h('div', { class: 'panel kpi' }, h('div', { class: 'label', text: 'Open balance' }), h('div', { class: 'value', text: moneyList(party.openBalance) })),
      h('div', { class: 'panel kpi' }, h('div', { class: 'label', text: 'Open cases' }),
        h('div', { class: 'value', text: String(cases.filter(c => c.state !== 'closed').length) }))),
    h('section', { class: 'panel', id: 'invoices' }, h('h2', { text: 'Invoices' }),
      table([
        { label: 'Invoice', cell: i => i.number },
        { label: 'Due', cell: i => date(i.dueDate) },
        { label: 'Issued', cell: i => date(i.issueDate), narrow: false },
        { label: 'Total', num: true, cell: i => money(i.total), narrow: false },
        { label: 'Open', num: true, cell: i => money(i.openBalance) },
        { label: 'Status', cell: i => badge(String(i.status || '').toLowerCase()) },
        { label: 'Case', cell: i => {
          const c = (i.caseId && caseById.get(i.caseId)) || caseByInvoice.get(i.id) || (i.caseId ? { id: i.caseId } : null);
          return c ? h('a', { href: '#/cases/' + encodeURIComponent(c.id), class: 'case-link', text: (c.state || 'open').replace('_', ' ') }) : '—';
        } },
      ], invoices, { empty: 'No invoices.' })),
    h('section', { class: 'panel', id: 'party-cases', style: null }, h('h2', { text: 'Dunning cases' }),
      table([
        { label: 'Invoice', cell: c => h('a', { href: '#/cases/' + encodeURIComponent(c.id), text: c.invoiceNumber || c.id }) },
        { label: 'Open', num: true, cell: c => money(c.openBalance) },
        { label: 'Next evaluation', cell: c => date(c.nextEvaluationAt), narrow: false },
        { label: 'Last step', cell: c => c.lastStep || '—', narrow: false },
        { label: 'State', cell: c => badge(c.state) },
      ], cases, { onRow: c => { location.hash = '#/cases/' + encodeURIComponent(c.id); }, empty: 'No dunning cases.' })));
  view.querySelector('#party-cases').style.marginTop = '1rem';
}
