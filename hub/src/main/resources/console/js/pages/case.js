import { api } from '../api.js';
import { ask, badge, errorBox, h, toast } from '../dom.js';
import { date, dateTime, money } from '../format.js';

const TYPE_LABELS = {
  notice_sent: 'Notice sent', notice_failed: 'Notice failed', thank_you_sent: 'Thank-you sent',
  payment_received: 'Payment received', payment_failed: 'Payment failed',
  dispute_opened: 'Dispute opened', dispute_resolved: 'Dispute resolved',
  promise_to_pay: 'Promise to pay', promise_made: 'Promise to pay', promise_broken: 'Promise broken',
  escalated: 'Escalated', fee_applied: 'Fee applied', task_created: 'Task created',
  paused: 'Paused', case_paused: 'Paused', hold: 'On hold', case_held: 'On hold', resumed: 'Resumed', case_resumed: 'Resumed',
  excluded: 'Excluded from dunning', handed_over: 'Handed over to collections',
  hold_placed: 'Paused', hold_released: 'Resumed', note: 'Note', late_fee_applied: 'Late fee applied',
  final_notice_sent: 'Final notice sent', handed_over_to_collections: 'Handed over to collections',
};

export async function render(view, { args }) {
  const id = args[0];
  const c = await api('/api/cases/' + encodeURIComponent(id));
  view.dataset.title = 'Case ' + (c.invoiceNumber || id);
  const message = h('div', {});

  async function act(path, body, done) {
    message.replaceChildren();
    try {
      await api('/api/cases/' + encodeURIComponent(id) + '/' + path, { method: 'POST', body: body || {} });
      toast(done);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      message.appendChild(errorBox(e));
    }
  }

  const today = new Date().toISOString().slice(0, 10);
  const buttons = [
    ['pause', 'Pause', async () => {
      const v = await ask('Pause dunning', [
        { name: 'reason', label: 'Reason', required: true },
        { name: 'until', label: 'Until (optional)', type: 'date' }], 'Pause');
      if (v) await act('pause', { reason: v.reason, until: v.until || undefined }, 'Case paused');
    }],
    ['promise', 'Promise to pay', async () => {
      const v = await ask('Promise to pay', [{ name: 'date', label: 'Promised payment date', type: 'date', required: true, value: today }], 'Record promise');
      if (v) await act('promise', { date: v.date }, 'Promise recorded');
    }],
    ['dispute', c.state === 'disputed' ? 'Resolve dispute' : 'Dispute', async () => {
      const opening = c.state !== 'disputed';
      const v = await ask(opening ? 'Open a dispute' : 'Resolve the dispute', [{ name: 'reason', label: 'Reason', type: 'textarea', required: true }],
        opening ? 'Open dispute' : 'Resolve');
      if (v) await act('dispute', { open: opening, reason: v.reason }, opening ? 'Dispute opened' : 'Dispute resolved');
    }],
    ['hold', 'Hold', async () => {
      const v = await ask('Put on hold', [
        { name: 'reason', label: 'Reason', required: true },
        { name: 'until', label: 'Until', type: 'date', required: true }], 'Hold');
      if (v) await act('hold', { reason: v.reason, until: v.until }, 'Case on hold');
    }],
    ['escalate', 'Escalate', async () => {
      const v = await ask('Escalate to a person', [{ name: 'note', label: 'Note (optional)', type: 'textarea' }], 'Escalate');
      if (v) await act('escalate', { note: v.note || undefined }, 'Case escalated');
    }],
    ['exclude', 'Exclude customer', async () => {
      const v = await ask('Exclude ' + (c.partyName || 'this customer') + ' from dunning?', [], 'Exclude');
      if (v) await act('exclude', {}, 'Customer excluded from dunning');
    }],
    ['resume', 'Resume', () => act('resume', {}, 'Dunning resumed')],
  ].map(([key, label, onclick]) => h('button', {
    type: 'button', id: 'action-' + key, class: key === 'exclude' ? 'btn btn-danger' : 'btn', text: label, onclick,
  }));

  const timeline = (c.timeline || []).slice().sort((a, b) => String(b.at).localeCompare(String(a.at)));
  view.append(
    h('p', {}, c.partyId ? h('a', { href: '#/customers/' + encodeURIComponent(c.partyId), text: '← ' + (c.partyName || 'Customer') }) : null),
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', { text: 'Invoice ' + (c.invoiceNumber || '') }),
        h('p', { text: (c.partyName || '') + (c.dueDate ? ' · due ' + date(c.dueDate) : '') })),
      h('div', { id: 'case-state' }, badge(c.state))),
    h('div', { class: 'grid two' },
      h('section', { class: 'panel' }, h('h2', { text: 'Timeline' }),
        timeline.length ? h('ol', { class: 'timeline', id: 'timeline' }, timeline.map(entry)) : h('p', { class: 'empty', id: 'timeline', text: 'Nothing has happened on this case yet.' })),
      h('div', { class: 'stack' },
        h('section', { class: 'panel' }, h('h2', { text: 'Case' }),
          h('dl', { class: 'facts' },
            h('dt', { text: 'Open balance' }), h('dd', { text: money(c.openBalance) }),
            h('dt', { text: 'Due date' }), h('dd', { text: date(c.dueDate) }),
            h('dt', { text: 'State' }), h('dd', {}, badge(c.state)),
            h('dt', { text: 'Last step' }), h('dd', { text: c.lastStep || '—' }),
            h('dt', { text: 'Next evaluation' }), h('dd', { text: dateTime(c.nextEvaluationAt) }),
            c.holdReason ? [h('dt', { text: 'Reason' }), h('dd', { id: 'hold-reason', text: c.holdReason + (c.holdUntil ? ' (until ' + date(c.holdUntil) + ')' : '') })] : null,
            c.policy ? [h('dt', { text: 'Policy' }), h('dd', { text: c.policy })] : null,
            c.promisedDate ? [h('dt', { text: 'Promised' }), h('dd', { text: date(c.promisedDate) })] : null)),
        h('section', { class: 'panel' }, h('h2', { text: 'Actions' }), h('div', { class: 'actions' }, buttons), message))));
}

function entry(item) {
  const type = String(item.type || '').toLowerCase();
  const label = TYPE_LABELS[type] || type.replace(/_/g, ' ');
  const cls = type.includes('failed') || type.includes('broken') ? 'failed' : type.startsWith('payment') ? 'payment' : '';
  const chips = [];
  if (item.channel) chips.push(badge(String(item.channel).toLowerCase()));
  if (item.opens) chips.push(h('span', { class: 'badge', text: item.opens + (item.opens === 1 ? ' open' : ' opens') }));
  if (item.clicks) chips.push(h('span', { class: 'badge', text: item.clicks + (item.clicks === 1 ? ' click' : ' clicks') }));
  for (const wb of item.writeBacks || []) {
    const status = String(wb.status || '').toLowerCase();
    chips.push(h('span', { class: 'badge ' + (status === 'done' ? 'ok' : status === 'dead' ? 'dead' : ''), text: `${wb.connection}: ${status}` }));
  }
  const li = h('li', { class: cls || null, dataset: { type } },
    h('div', { class: 'when', text: dateTime(item.at) }),
    h('div', { class: 'what', text: label + (item.recipient ? ' → ' + item.recipient : '') }),
    item.subject ? h('div', { text: item.subject }) : null,
    chips.length ? h('div', { class: 'chips' }, chips) : null);
  if (item.html || (item.content && item.content !== item.subject)) {
    const details = h('details', {}, h('summary', { text: 'Show content' }));
    if (item.html) {
      // the notice as the customer saw it, in a frame that may run nothing and reach nothing
      const frame = h('iframe', { class: 'preview', sandbox: '', referrerpolicy: 'no-referrer', title: 'Notice ' + (item.subject || '') });
      frame.srcdoc = item.html;
      details.appendChild(frame);
    }
    if (item.content && item.content !== item.subject) details.appendChild(h('pre', { text: item.content }));
    li.appendChild(details);
  }
  return li;
}
