/**
 * The chart: one panel per page, main-thread time (log scale) against glossary size, a line per
 * method and the bare-TreeWalker floor dashed. A method that gave up is drawn at its limit as ▲.
 */
import type { Measurement } from "./measure";

const SERIES = [
  { method: "backstory", label: "Backstory", color: "#3b5bdb" },
  { method: "markjs-regexp", label: "mark.js markRegExp", color: "#e8590c" },
  { method: "markjs-array", label: "mark.js mark(array)", color: "#c2255c" },
  { method: "regex-per-term", label: "regex per term + <mark>", color: "#5c940d" },
];
const GLOSSARIES = ["bundled", "2k", "20k", "50k"];
const [WIDTH, HEIGHT, COLUMNS] = [1200, 760, 3];
const PANEL = { width: 400, height: 360, left: 62, top: 34, right: 18, bottom: 44 };
const [MIN_MS, MAX_MS] = [1, 100_000];

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function panel(page: string, results: Measurement[], x0: number, y0: number): string {
  const plotW = PANEL.width - PANEL.left - PANEL.right;
  const plotH = PANEL.height - PANEL.top - PANEL.bottom;
  const x = (i: number) => x0 + PANEL.left + (plotW * (i + 0.5)) / GLOSSARIES.length;
  const y = (ms: number) => {
    const t = Math.log10(Math.min(Math.max(ms, MIN_MS), MAX_MS)) / Math.log10(MAX_MS / MIN_MS);
    return y0 + PANEL.top + plotH * (1 - t);
  };
  const parts = [
    `<text x="${x0 + PANEL.left}" y="${y0 + 20}" font-size="15" font-weight="bold">${escapeXml(page)}</text>`,
  ];
  for (let ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
    const label = ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
    parts.push(
      `<line x1="${x0 + PANEL.left}" x2="${x0 + PANEL.left + plotW}" y1="${y(ms)}" y2="${y(ms)}" stroke="#ddd"/>`,
      `<text x="${x0 + PANEL.left - 6}" y="${y(ms) + 4}" font-size="11" text-anchor="end">${label}</text>`,
    );
  }
  GLOSSARIES.forEach((name, i) => {
    parts.push(
      `<text x="${x(i)}" y="${y0 + PANEL.height - 22}" font-size="12" text-anchor="middle">${name}</text>`,
    );
  });
  const floor = results.find((r) => r.page === page && r.method === "floor" && r.status === "ok");
  if (floor?.mainMs) {
    const fy = y(floor.mainMs);
    parts.push(
      `<line x1="${x0 + PANEL.left}" x2="${x0 + PANEL.left + plotW}" y1="${fy}" y2="${fy}" stroke="#555" stroke-dasharray="5 4"/>`,
    );
  }
  for (const { method, color } of SERIES) {
    const points = GLOSSARIES.flatMap((glossary, i) => {
      const r = results.find((m) => m.page === page && m.method === method && m.glossary === glossary);
      if (r?.status === "ok" && r.mainMs !== undefined) return [{ i, ms: r.mainMs, gaveUp: false }];
      if (r?.status === "gave up" && r.mainMs !== undefined) return [{ i, ms: r.mainMs, gaveUp: true }];
      return [];
    });
    const path = points.map((p) => `${x(p.i)},${y(p.ms)}`).join(" ");
    parts.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2.5"/>`);
    for (const p of points) {
      parts.push(
        p.gaveUp
          ? `<text x="${x(p.i)}" y="${y(p.ms) + 5}" font-size="15" fill="${color}" text-anchor="middle">▲</text>`
          : `<circle cx="${x(p.i)}" cy="${y(p.ms)}" r="4" fill="${color}"/>`,
      );
    }
  }
  return parts.join("\n");
}

function legend(x0: number, y0: number): string {
  const rows = [
    ...SERIES.map(
      ({ label, color }) =>
        `<line x2="28" stroke="${color}" stroke-width="3"/><text x="38" y="5">${escapeXml(label)}</text>`,
    ),
    `<line x2="28" stroke="#555" stroke-dasharray="5 4"/><text x="38" y="5">floor: bare TreeWalker reading all text</text>`,
    `<text x="8" y="6" font-size="15">▲</text><text x="38" y="5">gave up at the time limit</text>`,
  ];
  const lines = rows.map(
    (content, i) => `<g transform="translate(${x0 + 40},${y0 + 70 + i * 28})">${content}</g>`,
  );
  return [
    `<text x="${x0 + 40}" y="${y0 + 40}" font-size="14">Main-thread time by glossary size (log scale)</text>`,
    ...lines,
    `<text x="${x0 + 40}" y="${y0 + 270}" font-size="12">On infinite-scroll: the method's own script time.</text>`,
    `<text x="${x0 + 40}" y="${y0 + 288}" font-size="12">▲: main-thread time until it was stopped.</text>`,
  ].join("\n");
}

export function renderChart(results: Measurement[]): string {
  const pages = [...new Set(results.map((r) => r.page))];
  const panels = pages.map((page, n) =>
    panel(page, results, (n % COLUMNS) * PANEL.width, 10 + Math.floor(n / COLUMNS) * PANEL.height),
  );
  const slot = pages.length;
  const legendAt = legend((slot % COLUMNS) * PANEL.width, 10 + Math.floor(slot / COLUMNS) * PANEL.height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="14" fill="#222">
<rect width="100%" height="100%" fill="#fff"/>
${panels.join("\n")}
${legendAt}
</svg>`;
}
