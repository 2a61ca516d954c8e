import { api } from '../api.js';
import { errorBox, h, table, tabs } from '../dom.js';

export async function render(view, { params }) {
  view.dataset.title = 'Policies & templates';
  view.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', { text: 'Policies, templates & mappings' }),
      h('p', { text: 'View and validate what drives dunning and sync; preview a notice for a real invoice.' }))),
    h('div', { class: 'panel' }, tabs([
      { id: 'policies', label: 'Policies', render: body => documents(body, '/api/policies', 'policy') },
      { id: 'templates', label: 'Templates', render: body => templates(body, params.get('invoice')) },
      { id: 'mappings', label: 'Mappings', render: body => documents(body, '/api/mappings', 'mapping') },
    ], params.get('tab'))));
}

function nameOf(item) {
  return typeof item === 'string' ? item : item.name || item.file || item.id;
}

/** A list of YAML documents (policies or mappings): view one, edit a copy, validate it. */
async function documents(body, base, noun) {
  body.appendChild(h('p', { class: 'loading', text: 'Loading…' }));
  let answer;
  try {
    answer = await api(base);
  } catch (e) {
    body.replaceChildren(errorBox(e));
    return;
  }
  const list = Array.isArray(answer) ? answer : answer.policies || answer.mappings || [];
  const loadProblems = Array.isArray(answer) ? [] : answer.problems || [];
  const detail = h('div', {});
  body.replaceChildren(h('div', { class: 'grid two' },
    h('div', {}, table([
      { label: noun === 'policy' ? 'Policy' : 'File', cell: p => h('button', { type: 'button', class: 'link', text: nameOf(p), onclick: () => open(nameOf(p)) }) },
      { label: 'Details', cell: p => (typeof p === 'object' ? [p.default ? 'default' : null, p.steps !== undefined ? (Array.isArray(p.steps) ? p.steps.length : p.steps) + ' steps' : null, p.hostObject ? p.hostObject + ' → ' + p.entity : null, p.direction, p.user === false ? 'bundled' : null].filter(Boolean).join(' · ') : '') },
    ], list, { empty: `No ${noun} files.` }),
    loadProblems.length ? h('ul', { class: 'error' }, loadProblems.map(p => h('li', { text: describeProblem(p) }))) : null),
    detail));

  if (list.length) open(nameOf(list.find(p => p.default) || list[0]));

  async function open(name) {
    detail.replaceChildren(h('p', { class: 'loading', text: 'Loading…' }));
    try {
      const doc = await api(base + '/' + name.split('/').map(encodeURIComponent).join('/'));
      const yaml = typeof doc === 'string' ? doc : doc.yaml || doc.content || doc.source || JSON.stringify(doc, null, 2);
      const editor = h('textarea', { id: noun + '-editor', 'aria-label': name, spellcheck: 'false' });
      editor.value = yaml;
      const problems = h('div', { role: 'status' });
      detail.replaceChildren(h('h3', { text: name }), editor,
        h('div', { class: 'actions', style: null }, h('button', { type: 'button', class: 'btn btn-primary', text: 'Validate', onclick: () => validate(editor.value, problems) })),
        problems);
    } catch (e) {
      detail.replaceChildren(errorBox(e));
    }
  }

  async function validate(yaml, out) {
    out.replaceChildren(h('p', { class: 'muted', text: 'Validating…' }));
    try {
      const result = await api(base + '/validate', { method: 'POST', body: yaml });
      const problems = Array.isArray(result) ? result : result.problems || [];
      out.replaceChildren(problems.length
        ? h('ul', { class: 'error' }, problems.map(p => h('li', { text: describeProblem(p) })))
        : h('p', { class: 'notice', text: '✓ No problems found.' }));
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  }
}

/** Templates: pick one and an invoice, preview it in one locale or all of them side by side. */
async function templates(body, invoiceId) {
  body.appendChild(h('p', { class: 'loading', text: 'Loading…' }));
  let list;
  try {
    list = await api('/api/templates');
  } catch (e) {
    body.replaceChildren(errorBox(e));
    return;
  }
  const items = list.map(t => (typeof t === 'string' ? { name: t, locales: [] } : t));
  const template = h('select', { id: 'template' }, items.map(t => h('option', { value: t.name, text: t.name })));
  const locale = h('select', { id: 'locale' });
  const invoice = h('input', { id: 'invoice', value: invoiceId || '', placeholder: 'Invoice number or id', required: true });
  const out = h('div', {});
  function fillLocales() {
    const t = items.find(x => x.name === template.value);
    const locales = (t && t.locales && t.locales.length ? t.locales : ['en']);
    locale.replaceChildren(...locales.map(l => h('option', { value: l, text: l })), h('option', { value: '*', text: 'Every locale' }));
  }
  template.addEventListener('change', fillLocales);
  fillLocales();
  const form = h('form', { class: 'row' },
    h('div', { class: 'field' }, h('label', { for: 'template', text: 'Template' }), template),
    h('div', { class: 'field' }, h('label', { for: 'locale', text: 'Locale' }), locale),
    h('div', { class: 'field' }, h('label', { for: 'invoice', text: 'Invoice' }), invoice),
    h('button', { type: 'submit', class: 'btn btn-primary', text: 'Preview' }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!invoice.value) { out.replaceChildren(h('div', { class: 'error', text: 'Enter the number of the invoice to preview with.' })); return; }
    const locales = locale.value === '*' ? [...locale.options].map(o => o.value).filter(v => v !== '*') : [locale.value];
    out.replaceChildren(h('p', { class: 'muted', text: 'Rendering…' }));
    const previews = await Promise.all(locales.map(async l => {
      try {
        const r = await api('/api/templates/preview', { method: 'POST', body: { template: template.value, locale: l, invoiceId: invoice.value } });
        return preview(l, r);
      } catch (err) {
        return h('div', {}, h('h3', { text: l }), errorBox(err));
      }
    }));
    out.replaceChildren(h('div', { class: 'grid previews', style: null }, previews));
  });
  body.replaceChildren(form, out);
}

function preview(locale, r) {
  const frame = h('iframe', { class: 'preview', sandbox: '', referrerpolicy: 'no-referrer', title: 'Preview ' + locale });
  frame.srcdoc = r.html || '';
  return h('section', { class: 'stack', dataset: { locale } },
    h('h3', { text: locale + ' · ' + (r.subject || '') }),
    frame,
    r.text ? h('details', {}, h('summary', { text: 'Plain text' }), h('pre', { text: r.text })) : null);
}

function describeProblem(p) {
  if (typeof p === 'string') return p;
  const where = [p.file, p.line ? 'line ' + p.line + (p.column ? ':' + p.column : '') : null].filter(Boolean).join(' ');
  return (where ? where + ': ' : '') + (p.message || p.problem || JSON.stringify(p));
}
