/**
 * Charts as plain SVG strings: no chart library, no script, no network. Each chart is an
 * `<svg data-chart="…">` whose data marks (bars, dots, cells, points) carry `class="mark"`,
 * so a test can count them.
 */

/** Escapes text for XML/HTML. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `1.2M`, `350k`, `900`. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${Math.round(n / 1e3)}k`;
  if (a >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n * 100) / 100);
}

const f = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Round tick values covering [min, max]. */
function ticks(min: number, max: number, count = 4): number[] {
  if (max <= min) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step / 1e6; v += step) out.push(v);
  return out;
}

function frame(name: string, title: string, width: number, height: number, body: string): string {
  return (
    `<figure><figcaption>${esc(title)}</figcaption>` +
    `<svg data-chart="${name}" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" role="img" aria-label="${esc(title)}">${body}</svg></figure>`
  );
}

/** A vertical value axis with grid lines, for plots spanning x from `x0` to `x1`. */
function yAxis(
  y: (v: number) => number,
  values: number[],
  x0: number,
  x1: number,
  label: (v: number) => string,
): string {
  return values
    .map(
      (v) =>
        `<line class="grid" x1="${x0}" x2="${x1}" y1="${f(y(v))}" y2="${f(y(v))}"/>` +
        `<text class="tick" x="${x0 - 4}" y="${f(y(v) + 4)}" text-anchor="end">${esc(label(v))}</text>`,
    )
    .join('');
}

/** Horizontal bars, one per stage, widths proportional to the count. */
export function funnelChart(rows: readonly { label: string; value: number; note: string }[]): string {
  const w = 640;
  const bar = 26;
  const h = rows.length * (bar + 8) + 16;
  const max = largest(
    rows.map((r) => r.value),
    1,
  );
  const left = 130;
  const span = w - left - 150;
  const body = rows
    .map((r, i) => {
      const y = 8 + i * (bar + 8);
      const bw = Math.max(1, (r.value / max) * span);
      const x = left + (span - bw) / 2;
      return (
        `<text class="label" x="${left - 8}" y="${y + bar / 2 + 4}" text-anchor="end">${esc(r.label)}</text>` +
        `<rect class="mark" x="${f(x)}" y="${y}" width="${f(bw)}" height="${bar}" rx="3">` +
        `<title>${esc(`${r.label}: ${r.value}`)}</title></rect>` +
        `<text class="value" x="${left + span + 8}" y="${y + bar / 2 + 4}">${esc(`${r.value}  ${r.note}`)}</text>`
      );
    })
    .join('');
  return frame('funnel', 'Deal funnel: deals that reached each stage', w, h, body);
}

/** A dot per group at its rate, with a bar from the lower to the upper bound of its interval. */
export function intervalChart(
  rows: readonly { label: string; rate: number | null; lower: number | null; upper: number | null; n: string }[],
): string {
  const w = 640;
  const rowH = 26;
  const h = rows.length * rowH + 40;
  const left = 160;
  const right = w - 90;
  const x = (v: number) => left + v * (right - left);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line class="grid" x1="${f(x(v))}" x2="${f(x(v))}" y1="4" y2="${h - 24}"/>` +
        `<text class="tick" x="${f(x(v))}" y="${h - 8}" text-anchor="middle">${v * 100}%</text>`,
    )
    .join('');
  const body = rows
    .map((r, i) => {
      const y = 16 + i * rowH;
      const label = `<text class="label" x="${left - 8}" y="${y + 4}" text-anchor="end">${esc(r.label)}</text>`;
      if (r.rate === null || r.lower === null || r.upper === null) {
        return `${label}<text class="value" x="${left}" y="${y + 4}">no closed deals</text>`;
      }
      const p1 = (v: number) => (v * 100).toFixed(1);
      const tip = `${r.label}: ${p1(r.rate)}% (${p1(r.lower)}–${p1(r.upper)}%), ${r.n}`;
      return (
        label +
        `<g class="mark"><title>${esc(tip)}</title>` +
        `<line class="interval" x1="${f(x(r.lower))}" x2="${f(x(r.upper))}" y1="${y}" y2="${y}"/>` +
        `<circle class="dot" cx="${f(x(r.rate))}" cy="${y}" r="5"/></g>` +
        `<text class="value" x="${right + 8}" y="${y + 4}">${esc(r.n)}</text>`
      );
    })
    .join('');
  return frame('win-rate', 'Win rate by rep, with 95% Wilson interval', w, h, grid + body);
}

/** A waterfall: the first and last bars stand on zero, the others float from the running total. */
export function waterfallChart(
  steps: readonly { label: string; value: number; kind: 'total' | 'up' | 'down' }[],
): string {
  const w = 640;
  const h = 280;
  const top = 12;
  const bottom = h - 40;
  const left = 64;
  const colW = (w - left - 10) / steps.length;
  const bars: { label: string; from: number; to: number; kind: string; value: number }[] = [];
  let run = 0;
  for (const s of steps) {
    if (s.kind === 'total') {
      bars.push({ label: s.label, from: 0, to: s.value, kind: s.kind, value: s.value });
      run = s.value;
    } else {
      const next = s.kind === 'up' ? run + s.value : run - s.value;
      bars.push({ label: s.label, from: run, to: next, kind: s.kind, value: s.value });
      run = next;
    }
  }
  const ends = bars.flatMap((b) => [b.from, b.to]);
  const max = largest(ends, 1);
  const min = smallest(ends, 0);
  const y = (v: number) => bottom - ((v - min) / (max - min)) * (bottom - top);
  const axis = yAxis(y, ticks(min, max), left, w - 10, compact);
  const body = bars
    .map((b, i) => {
      const x = left + i * colW + colW * 0.15;
      const y0 = Math.min(y(b.from), y(b.to));
      const hh = Math.max(1, Math.abs(y(b.from) - y(b.to)));
      return (
        `<rect class="mark ${b.kind}" x="${f(x)}" y="${f(y0)}" width="${f(colW * 0.7)}" height="${f(hh)}">` +
        `<title>${esc(`${b.label}: ${compact(b.value)}`)}</title></rect>` +
        `<text class="tick" x="${f(x + colW * 0.35)}" y="${bottom + 14}" text-anchor="middle">${esc(b.label)}</text>` +
        `<text class="tick" x="${f(x + colW * 0.35)}" y="${bottom + 28}" text-anchor="middle">${esc(
          (b.kind === 'down' ? '−' : b.kind === 'up' ? '+' : '') + compact(b.value),
        )}</text>`
      );
    })
    .join('');
  return frame('mrr-waterfall', 'MRR movements in the period', w, h, axis + body);
}

/** A heat map: one cell per cohort and age, shaded by its rate. */
export function heatMap(
  rows: readonly { label: string; cells: readonly (number | null)[] }[],
  columns: number,
): string {
  const cell = 34;
  const left = 70;
  const w = left + columns * cell + 10;
  const h = 24 + rows.length * (cell * 0.7);
  const ch = cell * 0.7;
  const head = Array.from(
    { length: columns },
    (_, j) => `<text class="tick" x="${left + j * cell + cell / 2}" y="14" text-anchor="middle">${j}</text>`,
  ).join('');
  const body = rows
    .map((r, i) => {
      const y = 20 + i * ch;
      const cells = r.cells
        .slice(0, columns)
        .map((v, j) => {
          if (v === null) return '';
          const t = Math.max(0, Math.min(1, v));
          const light = 95 - t * 55;
          return (
            `<rect class="mark" x="${left + j * cell}" y="${f(y)}" width="${cell - 2}" height="${f(ch - 2)}" ` +
            `fill="hsl(210 70% ${f(light)}%)">` +
            `<title>${esc(`${r.label}, month ${j}: ${(v * 100).toFixed(1)}%`)}</title></rect>` +
            `<text class="cell" x="${left + j * cell + cell / 2 - 1}" y="${f(y + ch / 2 + 3)}" text-anchor="middle" ` +
            `fill="${t > 0.6 ? '#fff' : '#123'}">${Math.round(v * 100)}</text>`
          );
        })
        .join('');
      const label = `<text class="label" x="${left - 6}" y="${f(y + ch / 2 + 3)}" text-anchor="end">`;
      return `${label}${esc(r.label)}</text>${cells}`;
    })
    .join('');
  return frame(
    'cohort-heatmap',
    'Revenue retention by monthly cohort (% of starting MRR, by month since start)',
    w,
    h,
    head + body,
  );
}

/** A line through points (x, y) with a dot at each point. */
export function lineChart(
  name: string,
  title: string,
  points: readonly { x: number; y: number; tip: string }[],
  xLabel: (x: number) => string,
  yLabel: (y: number) => string,
): string {
  const w = 640;
  const h = 260;
  const left = 70;
  const right = w - 16;
  const top = 12;
  const bottom = h - 36;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [smallest(xs, Number.POSITIVE_INFINITY), largest(xs, Number.NEGATIVE_INFINITY)];
  const [y0, y1] = [smallest(ys, 0), largest(ys, 1)];
  const x = (v: number) => left + ((v - x0) / (x1 - x0 || 1)) * (right - left);
  const y = (v: number) => bottom - ((v - y0) / (y1 - y0 || 1)) * (bottom - top);
  const axis =
    yAxis(y, ticks(y0, y1), left, right, yLabel) +
    ticks(x0, x1, 8)
      .map((v) => `<text class="tick" x="${f(x(v))}" y="${bottom + 16}" text-anchor="middle">${esc(xLabel(v))}</text>`)
      .join('');
  const path = `<polyline class="line" points="${points.map((p) => `${f(x(p.x))},${f(y(p.y))}`).join(' ')}"/>`;
  const dots = points
    .map(
      (p) => `<circle class="mark" cx="${f(x(p.x))}" cy="${f(y(p.y))}" r="2.5"><title>${esc(p.tip)}</title></circle>`,
    )
    .join('');
  return frame(name, title, w, h, axis + path + dots);
}

/** Monthly history, then the forecast with its 80 % and 95 % bands. */
export function fanChart(
  history: readonly { label: string; value: number }[],
  forecast: readonly { label: string; mean: number; l80: number; u80: number; l95: number; u95: number }[],
): string {
  const w = 640;
  const h = 260;
  const left = 64;
  const right = w - 12;
  const top = 12;
  const bottom = h - 36;
  const n = history.length + forecast.length;
  const x = (i: number) => left + (i / Math.max(1, n - 1)) * (right - left);
  const all = [...history.map((p) => p.value), ...forecast.flatMap((p) => [p.l95, p.u95])];
  const [lo, hi] = [Math.min(0, ...all), Math.max(1, ...all)];
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const h0 = history.length - 1;
  const last = history[h0] as { value: number };
  const band = (lower: (p: (typeof forecast)[number]) => number, upper: (p: (typeof forecast)[number]) => number) => {
    const up = forecast.map((p, i) => `${f(x(h0 + 1 + i))},${f(y(upper(p)))}`);
    const down = forecast.map((p, i) => `${f(x(h0 + 1 + i))},${f(y(lower(p)))}`).reverse();
    return [`${f(x(h0))},${f(y(last.value))}`, ...up, ...down].join(' ');
  };
  const every = Math.max(1, Math.ceil(n / 8));
  const labels = [...history.map((p) => p.label), ...forecast.map((p) => p.label)]
    .map((l, i) =>
      i % every === 0 || i === n - 1
        ? `<text class="tick" x="${f(x(i))}" y="${bottom + 16}" text-anchor="middle">${esc(l)}</text>`
        : '',
    )
    .join('');
  const body =
    yAxis(y, ticks(lo, hi), left, right, compact) +
    labels +
    `<polygon class="band95" points="${band(
      (p) => p.l95,
      (p) => p.u95,
    )}"/>` +
    `<polygon class="band80" points="${band(
      (p) => p.l80,
      (p) => p.u80,
    )}"/>` +
    `<polyline class="line" points="${history.map((p, i) => `${f(x(i))},${f(y(p.value))}`).join(' ')}"/>` +
    `<polyline class="line forecast" points="${[
      `${f(x(h0))},${f(y(last.value))}`,
      ...forecast.map((p, i) => `${f(x(h0 + 1 + i))},${f(y(p.mean))}`),
    ].join(' ')}"/>` +
    forecast
      .map(
        (p, i) =>
          `<circle class="mark" cx="${f(x(h0 + 1 + i))}" cy="${f(y(p.mean))}" r="3.5"><title>${esc(
            `${p.label}: ${compact(p.mean)} (80% ${compact(p.l80)}–${compact(p.u80)}, ` +
              `95% ${compact(p.l95)}–${compact(p.u95)})`,
          )}</title></circle>`,
      )
      .join('');
  return frame('trend-fan', 'Monthly won bookings and the Holt-Winters forecast (80% and 95% intervals)', w, h, body);
}

/** A histogram of simulated outcomes with the P10, P50 and P90 lines. */
export function histogramChart(
  edges: readonly number[],
  counts: readonly number[],
  marks: readonly { label: string; value: number }[],
): string {
  const w = 640;
  const h = 240;
  const left = 50;
  const right = w - 12;
  const top = 18;
  const bottom = h - 36;
  const lo = edges[0] ?? 0;
  const hi = edges[edges.length - 1] ?? 1;
  const x = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (right - left);
  const max = Math.max(1, ...counts);
  const y = (c: number) => bottom - (c / max) * (bottom - top);
  const bars = counts
    .map((c, i) => {
      const a = x(edges[i] as number);
      const b = x(edges[i + 1] as number);
      return (
        `<rect class="mark" x="${f(a)}" y="${f(y(c))}" width="${f(Math.max(1, b - a - 1))}" ` +
        `height="${f(bottom - y(c))}">` +
        `<title>${esc(`${compact(edges[i] as number)}–${compact(edges[i + 1] as number)}: ${c} runs`)}</title></rect>`
      );
    })
    .join('');
  const lines = marks
    .map(
      (m) =>
        `<line class="quantile" x1="${f(x(m.value))}" x2="${f(x(m.value))}" y1="${top - 6}" y2="${bottom}"/>` +
        `<text class="tick" x="${f(x(m.value))}" y="${top - 8}" text-anchor="middle">` +
        `${esc(`${m.label} ${compact(m.value)}`)}</text>`,
    )
    .join('');
  const axis = ticks(lo, hi, 6)
    .map((v) => `<text class="tick" x="${f(x(v))}" y="${bottom + 16}" text-anchor="middle">${esc(compact(v))}</text>`)
    .join('');
  return frame(
    'forecast-simulation',
    'Simulated bookings still to close in the period (Monte Carlo)',
    w,
    h,
    axis + bars + lines,
  );
}

/** The largest of `values` and `start`, by a loop (a spread into Math.max overflows the stack on long lists). */
function largest(values: readonly number[], start: number): number {
  let m = start;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** The smallest of `values` and `start`, by a loop. */
function smallest(values: readonly number[], start: number): number {
  let m = start;
  for (const v of values) if (v < m) m = v;
  return m;
}
