// The current picture (what the camera shows, as the reducers style it) as SVG,
// and PNG rasterised from that SVG: one drawing for both formats. Ties and actors are
// written in sigma's draw order (rising zIndex), so the picture shows what the screen
// does; below it, a band with the legend of the colours drawn and a caption.

import { textOrigin } from "./labels.js";

const FONT = "Helvetica, Arial, sans-serif";
const BAND_PAD = 10;
const ROW_PX = 18;
const SWATCH_PX = 10;
const CHAR_PX = 6.5;

function escapeXml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function round(value) {
  return Math.round(value * 10) / 10;
}

function byLevel(p, q) {
  return (p.shown.zIndex || 0) - (q.shown.zIndex || 0);
}

/** What a legend ``entry`` (of ``legendEntries``) says of a node's attributes. */
function entryKey(attrs, colouring, entries) {
  if (colouring !== "community") return attrs.sector;
  const key = String(attrs.community);
  return entries.some((entry) => entry.key === key) ? key : "other";
}

/** The legend ``entries`` recounted on the actors drawn (filters applied); those with
 * none drawn left out. */
export function drawnEntries(renderer, entries, colouring) {
  const counts = new Map();
  renderer.getGraph().forEachNode((node, attrs) => {
    const shown = renderer.getNodeDisplayData(node);
    if (!shown || shown.hidden) return;
    const key = entryKey(attrs, colouring, entries);
    counts.set(key, (counts.get(key) || 0) + 1);
  });
  return entries
    .map((entry) => ({ ...entry, count: counts.get(entry.key) || 0 }))
    .filter((entry) => entry.count > 0);
}

/** A function giving the width of a text in the legend's font, in pixels. */
function textMeasure() {
  const canvas = typeof document !== "undefined" && document.createElement("canvas");
  const context = canvas && canvas.getContext && canvas.getContext("2d");
  if (!context) return (text) => text.length * CHAR_PX;
  context.font = `12px ${FONT}`;
  return (text) => context.measureText(text).width;
}

/** The legend and caption band under a picture ``width`` wide: its height and SVG. */
function band(width, top, { entries = [], caption = "", locale = "en" }) {
  const textWidth = textMeasure();
  const items = entries.map((entry) => {
    const text = `${entry.label} (${entry.count.toLocaleString(locale)})`;
    return { entry, text, width: SWATCH_PX + 5 + textWidth(text) + 14 };
  });
  const parts = [`<g class="legend" font-family="${FONT}" font-size="12" fill="#222222">`];
  let x = BAND_PAD;
  let y = top + BAND_PAD;
  for (const item of items) {
    if (x > BAND_PAD && x + item.width > width - BAND_PAD) {
      x = BAND_PAD;
      y += ROW_PX;
    }
    parts.push(
      `<rect class="swatch" x="${round(x)}" y="${round(y + 2)}" width="${SWATCH_PX}" ` +
        `height="${SWATCH_PX}" rx="${SWATCH_PX / 2}" fill="${escapeXml(item.entry.colour)}"/>`,
      `<text x="${round(x + SWATCH_PX + 5)}" y="${round(y + 11)}">${escapeXml(item.text)}</text>`,
    );
    x += item.width;
  }
  if (items.length) y += ROW_PX;
  parts.push("</g>");
  if (caption) {
    parts.push(
      `<text class="caption" x="${BAND_PAD}" y="${round(y + 12)}" font-family="${FONT}" ` +
        `font-size="12" font-style="italic" fill="#52606d">${escapeXml(caption)}</text>`,
    );
    y += ROW_PX;
  }
  if (!items.length && !caption) return { height: 0, svg: "" };
  return { height: y - top + BAND_PAD, svg: parts.join("") };
}

/** The picture drawn by ``renderer`` (a sigma instance) as ``{svg, width, height}``, with
 * a band holding ``legend.entries`` (those of ``legendEntries``, recounted on the actors
 * drawn under ``legend.colouring``) and ``legend.caption`` when ``legend`` is given. */
function drawing(renderer, legend) {
  const graph = renderer.getGraph();
  const { width, height } = renderer.getDimensions();
  const below = legend
    ? band(width, height, {
        ...legend,
        entries: drawnEntries(renderer, legend.entries || [], legend.colouring),
      })
    : { height: 0, svg: "" };
  const full = height + below.height;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${full}" ` +
      `viewBox="0 0 ${width} ${full}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges" stroke-linecap="round">`,
  ];
  const where = new Map();
  graph.forEachNode((node) => {
    const shown = renderer.getNodeDisplayData(node);
    if (!shown || shown.hidden) return;
    const at = renderer.framedGraphToViewport(shown);
    where.set(node, { at, shown });
  });
  // As sigma draws them: by rising zIndex, in graph order within one level.
  const tiesAt = new Map();
  graph.forEachEdge((edge, attrs, source, target) => {
    const shown = renderer.getEdgeDisplayData(edge);
    const a = where.get(source);
    const b = where.get(target);
    if (!shown || shown.hidden || !a || !b) return;
    const level = shown.zIndex || 0;
    if (!tiesAt.has(level)) tiesAt.set(level, []);
    const thickness = Math.max(0.3, renderer.scaleSize(shown.size));
    tiesAt
      .get(level)
      .push(
        `<line x1="${round(a.at.x)}" y1="${round(a.at.y)}" x2="${round(b.at.x)}" ` +
          `y2="${round(b.at.y)}" stroke="${escapeXml(shown.color)}" ` +
          `stroke-width="${round(thickness)}"/>`,
      );
  });
  for (const level of [...tiesAt.keys()].sort((p, q) => p - q)) {
    for (const line of tiesAt.get(level)) parts.push(line);
  }
  parts.push(`</g><g class="nodes">`);
  const ordered = [...where.entries()].sort((p, q) => byLevel(p[1], q[1]));
  for (const [node, { at, shown }] of ordered) {
    const radius = Math.max(0.5, renderer.scaleSize(shown.size));
    parts.push(
      `<circle data-id="${escapeXml(node)}" cx="${round(at.x)}" cy="${round(at.y)}" ` +
        `r="${round(radius)}" fill="${escapeXml(shown.color)}"/>`,
    );
  }
  const labelSize = renderer.getSetting("labelSize");
  parts.push(
    `</g><g class="labels" font-family="${FONT}" font-size="${labelSize}" fill="#222222">`,
  );
  // The labels the screen drew, where it drew them (none overlaps another).
  for (const placed of renderer.getPlacedLabels()) {
    const start = textOrigin(placed.x, placed.y, placed.size, labelSize);
    parts.push(
      `<text data-id="${escapeXml(placed.key)}" x="${round(start.x)}" y="${round(start.y)}">` +
        `${escapeXml(placed.label)}</text>`,
    );
  }
  parts.push("</g>", below.svg, "</svg>");
  return { svg: parts.join(""), width, height: full };
}

/** An SVG document of the picture (see ``drawing``). */
export function pictureSvg(renderer, legend = null) {
  return drawing(renderer, legend).svg;
}

/** A promise of the picture as a PNG data URL (the SVG drawn on a canvas). */
export function picturePng(renderer, legend = null) {
  const { svg, width, height } = drawing(renderer, legend);
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      canvas.getContext("2d").drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      resolve(canvas.toDataURL("image/png"));
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("the picture could not be rasterised"));
    };
    image.src = url;
  });
}

/** Offer ``href`` (a data or blob URL) as a download called ``name``. */
export function download(href, name) {
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function downloadSvg(renderer, name, legend = null) {
  const svg = pictureSvg(renderer, legend);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  download(url, `${name}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadPng(renderer, name, legend = null) {
  return picturePng(renderer, legend).then((href) => download(href, `${name}.png`));
}
