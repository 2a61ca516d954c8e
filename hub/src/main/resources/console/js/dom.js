// Building DOM nodes from data without ever parsing it as HTML: every string becomes a text node
// or an attribute value. Nothing in the console assigns innerHTML.

/**
 * h('a', {href: '#/x', class: 'btn', onclick: fn}, 'text', child, [more]) → element.
 * Attributes: class, text (textContent), dataset (object), on<event> (listener), hidden/disabled/
 * checked/selected (booleans), anything else through setAttribute.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces every child of node with children. */
export function mount(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A table: columns [{label, num?, cell: row => node|string}], rows, optional onRow(row). */
export function table(columns, rows, { onRow, empty = 'Nothing here yet.', caption } = {}) {
  if (!rows || rows.length === 0) return h('p', { class: 'empty', text: empty });
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', { class: 'sr-only', text: caption }) : null,
      h('thead', {}, h('tr', {}, columns.map(c =>
        h('th', { class: [c.num ? 'num' : '', c.narrow === false ? 'hide-narrow' : ''].join(' ').trim() || null, scope: 'col', text: c.label })))),
      h('tbody', {}, rows.map(row => {
        const tr = h('tr', { class: onRow ? 'clickable' : null },
          columns.map(c => h('td', { class: [c.num ? 'num' : '', c.narrow === false ? 'hide-narrow' : ''].join(' ').trim() || null }, c.cell(row))));
        if (onRow) {
          tr.addEventListener('click', e => { if (!e.target.closest('a,button')) onRow(row); });
        }
        return tr;
      }))));
}

/** A state or status badge; the class comes from a closed list, the text from the data. */
const BADGES = new Set(['ok', 'failing', 'disabled', 'active', 'paused', 'on_hold', 'disputed',
  'promised', 'escalated', 'closed', 'excluded', 'dead', 'overdue', 'current', 'settled', 'open', 'paid',
  'partially_paid', 'void', 'done', 'pending']);
export function badge(value) {
  const v = String(value ?? '');
  return h('span', { class: BADGES.has(v) ? 'badge ' + v : 'badge', text: v.replace(/_/g, ' ') || '—' });
}

let toastTimer;
/** A short message at the bottom of the screen. */
export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}

/** An error box with the API's message (and the field it names). */
export function errorBox(err) {
  const text = err && err.field ? `${err.message} (${err.field})` : String(err && err.message || err);
  return h('div', { class: 'error', role: 'alert', text });
}

/** Tabs: [{id, label, render: container => void}] → element; the first one is shown. */
export function tabs(list, selected) {
  const body = h('div', {});
  const buttons = list.map(t => h('button', {
    type: 'button', role: 'tab', id: 'tab-' + t.id, 'aria-selected': 'false', text: t.label,
    onclick: () => show(t.id),
  }));
  function show(id) {
    for (const b of buttons) b.setAttribute('aria-selected', String(b.id === 'tab-' + id));
    const t = list.find(x => x.id === id) || list[0];
    body.replaceChildren();
    t.render(body);
  }
  const el = h('div', {}, h('div', { class: 'tabs', role: 'tablist' }, buttons), body);
  show(selected || list[0].id);
  return el;
}

/**
 * A modal form: fields [{name, label, type, required, value, options}] → Promise of the values,
 * or null when cancelled.
 */
export function ask(title, fields, submitLabel = 'Save') {
  return new Promise(resolve => {
    const inputs = {};
    const form = h('form', { method: 'dialog' },
      h('h2', { text: title }),
      fields.map(f => {
        const id = 'f-' + f.name;
        let input;
        if (f.type === 'select') {
          input = h('select', { id, name: f.name }, f.options.map(o =>
            h('option', { value: o.value, text: o.label, selected: o.value === f.value })));
        } else if (f.type === 'textarea') {
          input = h('textarea', { id, name: f.name, required: f.required, rows: 3, style: null });
          input.style.minHeight = '5rem';
          input.value = f.value || '';
        } else {
          input = h('input', { id, name: f.name, type: f.type || 'text', required: f.required, value: f.value || '' });
        }
        inputs[f.name] = input;
        return h('div', { class: 'field' }, h('label', { for: id, text: f.label }), input,
          f.hint ? h('div', { class: 'muted', text: f.hint }) : null);
      }),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn', value: 'cancel', text: 'Cancel', onclick: () => dialog.close('cancel') }),
        h('button', { type: 'submit', class: 'btn btn-primary', value: 'ok', text: submitLabel })));
    const dialog = h('dialog', {}, form);
    form.addEventListener('submit', e => {
      e.preventDefault();
      if (!form.reportValidity()) return;
      dialog.close('ok');
    });
    dialog.addEventListener('close', () => {
      const values = {};
      for (const [k, input] of Object.entries(inputs)) values[k] = input.value;
      dialog.remove();
      resolve(dialog.returnValue === 'ok' ? values : null);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}
