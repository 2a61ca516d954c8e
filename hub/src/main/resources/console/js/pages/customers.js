import { api } from '../api.js';
import { badge, h, table } from '../dom.js';
import { date, money, moneyList, number } from '../format.js';

const STATES = ['', 'active', 'paused', 'on_hold', 'disputed', 'promised', 'escalated', 'closed', 'excluded'];

export async function render(view, { params }) {
  view.dataset.title = 'Customers';
  const q = params.get('q') || '';
  const state = params.get('state') || '';
  const [parties, cases] = await Promise.all([
    api('/api/parties', { query: { q, limit: 50 } }),
    api('/api/cases', { query: { q, state, limit: 50 } }),
  ]);

  const search = h('input', { id: 'search', type: 'search', placeholder: 'Name, email or invoice number', value: q, 'aria-label': 'Search customers and invoices' });
  const stateSelect = h('select', { id: 'state', 'aria-label': 'Case state' },
    STATES.map(s => h('option', { value: s, text: s ? s.replace('_', ' ') : 'Any state', selected: s === state })));
  const form = h('form', { class: 'row', role: 'search' },
    h('div', { class: 'field search' }, h('label', { for: 'search', text: 'Search' }), search),
    h('div', { class: 'field', style: null }, h('label', { for: 'state', text: 'Case state' }), stateSelect),
    h('button', { type: 'submit', class: 'btn btn-primary', text: 'Search' }));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (search.value) p.set('q', search.value);
    if (stateSelect.value) p.set('state', stateSelect.value);
    location.hash = '#/customers' + (p.toString() ? '?' + p : '');
  });

  view.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: 'Customers & invoices' }),
      h('p', { text: 'Find a customer or an invoice, open its case, and act on it.' }))),
    h('div', { class: 'panel stack' }, form),
    h('div', { class: 'grid halves', style: null },
      h('section', { class: 'panel', id: 'parties' }, h('h2', { text: 'Customers' }),
        table([
          { label: 'Name', cell: p => h('a', { href: '#/customers/' + encodeURIComponent(p.id), text: p.name }) },
          { label: 'Email', cell: p => p.email || '—', narrow: false },
          { label: 'Open balance', num: true, cell: p => moneyList(p.openBalance) },
          { label: 'Cases', num: true, cell: p => number(p.cases) },
        ], parties, { onRow: p => { location.hash = '#/customers/' + encodeURIComponent(p.id); }, empty: 'No customer matches.' })),
      h('section', { class: 'panel', id: 'cases' }, h('h2', { text: 'Dunning cases' }),
        table([
          { label: 'Invoice', cell: c => h('a', { href: '#/cases/' + encodeURIComponent(c.id), text: c.invoiceNumber }) },
          { label: 'Customer', cell: c => c.partyName },
          { label: 'Open', num: true, cell: c => money(c.openBalance) },
          { label: 'Due', cell: c => date(c.dueDate), narrow: false },
          { label: 'State', cell: c => badge(c.state) },
        ], cases, { onRow: c => { location.hash = '#/cases/' + encodeURIComponent(c.id); }, empty: 'No case matches.' }))));
  view.querySelector('.grid.halves').style.marginTop = '1rem';
}
