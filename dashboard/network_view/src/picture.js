// The current picture (what the camera shows, as the reducers style it) as SVG,
// and PNG rasterised from that SVG: one drawing for both formats.

import { textOrigin } from "./labels.js";

const FONT = "Helvetica, Arial, sans-serif";

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

/** An SVG document of the picture drawn by ``renderer`` (a LabelledSigma instance). */
export function pictureSvg(renderer) {
  const graph = renderer.getGraph();
  const { width, height } = renderer.getDimensions();
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}">`,
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
  graph.forEachEdge((edge, attrs, source, target) => {
    const shown = renderer.getEdgeDisplayData(edge);
    const a = where.get(source);
    const b = where.get(target);
    if (!shown || shown.hidden || !a || !b) return;
    const thickness = Math.max(0.3, renderer.scaleSize(shown.size));
    parts.push(
      `<line x1="${round(a.at.x)}" y1="${round(a.at.y)}" x2="${round(b.at.x)}" ` +
        `y2="${round(b.at.y)}" stroke="${escapeXml(shown.color)}" ` +
        `stroke-width="${round(thickness)}"/>`,
    );
  });
  parts.push(`</g><g class="nodes">`);
  const ordered = [...where.entries()].sort((p, q) => (p[1].shown.zIndex || 0) - (q[1].shown.zIndex || 0));
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
  parts.push("</g></svg>");
  return parts.join("");
}

/** A promise of the picture as a PNG data URL (the SVG drawn on a canvas). */
export function picturePng(renderer) {
  const svg = pictureSvg(renderer);
  const { width, height } = renderer.getDimensions();
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

export function downloadSvg(renderer, name) {
  const url = URL.createObjectURL(new Blob([pictureSvg(renderer)], { type: "image/svg+xml" }));
  download(url, `${name}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadPng(renderer, name) {
  return picturePng(renderer).then((href) => download(href, `${name}.png`));
}
