// Charts through Chart.js (served from its WebJar as a classic script, window.Chart). Every chart
// also has a table with the same figures beside it, so nothing is only in pixels.

const charts = new WeakMap();

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function draw(canvas, config) {
  if (!window.Chart) return null; // the tables still show every figure
  const old = charts.get(canvas);
  if (old) old.destroy();
  const chart = new window.Chart(canvas, config);
  charts.set(canvas, chart);
  return chart;
}

function baseOptions() {
  const text = css('--muted');
  const grid = css('--line');
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: false } },
    scales: {
      x: { ticks: { color: text }, grid: { display: false } },
      y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
    },
  };
}

/** Bars: labels, values (numbers), a formatter for the tooltips and axis. */
export function bars(canvas, labels, values, format) {
  const accent = css('--accent');
  const bad = css('--bad');
  const options = baseOptions();
  options.scales.y.ticks.callback = v => format(v);
  options.plugins.tooltip = { callbacks: { label: ctx => format(ctx.parsed.y) } };
  return draw(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{
        data: values,
        backgroundColor: labels.map((l, i) => (i === 0 ? css('--ok') : i >= labels.length - 2 ? bad : accent)),
        borderRadius: 6,
        maxBarThickness: 64,
      }],
    },
    options,
  });
}

/** A line over dates. */
export function line(canvas, labels, values, format) {
  const accent = css('--accent');
  const options = baseOptions();
  options.scales.y.beginAtZero = false;
  options.scales.y.ticks.callback = v => format(v);
  options.plugins.tooltip = { callbacks: { label: ctx => format(ctx.parsed.y) } };
  return draw(canvas, {
    type: 'line',
    data: { labels, datasets: [{ data: values, borderColor: accent, backgroundColor: accent, tension: 0.3, pointRadius: 2, fill: false }] },
    options,
  });
}
