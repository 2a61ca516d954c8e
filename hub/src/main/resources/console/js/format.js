// Money and dates for display. Amounts arrive as decimal strings; they are shown, never summed here.

export function money(m) {
  if (!m || m.amount === undefined || m.amount === null) return '—';
  const n = Number(m.amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(n);
  } catch (e) {
    return `${m.amount} ${m.currency}`;
  }
}

export function moneyList(list) {
  if (!Array.isArray(list) || list.length === 0) return '—';
  return list.map(money).join(' · ');
}

export function date(value) {
  if (!value) return '—';
  const d = new Date(value.length === 10 ? value + 'T00:00:00Z' : value);
  if (isNaN(d)) return String(value);
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function dateTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (isNaN(d)) return String(value);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function percent(ratio, digits = 0) {
  if (ratio === undefined || ratio === null || isNaN(ratio)) return '—';
  return (Number(ratio) * 100).toFixed(digits) + '%';
}

export function number(n, digits = 0) {
  if (n === undefined || n === null || isNaN(n)) return '—';
  return Number(n).toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** "3 minutes ago" style, from an ISO instant. */
export function ago(value) {
  if (!value) return 'never';
  const seconds = Math.round((Date.now() - new Date(value).getTime()) / 1000);
  if (isNaN(seconds)) return String(value);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(-seconds, 'second');
  if (abs < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return rtf.format(-Math.round(seconds / 86400), 'day');
}
