// Labels that never overlap, at every zoom. Each frame, the candidates (the labels sigma's
// grid and threshold chose, its forced labels, and the actors the view says matter: focus,
// path, neighbours) are placed greedily by priority on the viewport; a label is drawn only
// where its box overlaps no box placed before it. Sigma still chooses the candidates (its
// label grid and density, by zoom level); this pass only decides which of them are drawn.

import Sigma from "sigma";

/** Pixels of padding around a label's text in its box (two boxes never touch: 2 x this). */
export const LABEL_PADDING = 2;
/** Pixels between a node's rim and its label's text, as sigma draws it. */
const LABEL_OFFSET = 3;
/** Side, in pixels, of the cells of the uniform grid the collision test uses. */
const CELL_PX = 48;
const HALO = "#ffffff";
const SHADOW = "rgba(0, 0, 0, 0.55)";

/** Order of placement: lower ``rank`` first, then bigger actors, then by key. */
function byPriority(a, b) {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.size !== b.size) return b.size - a.size;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function overlaps(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * The candidates to draw so that no two boxes intersect, chosen greedily by priority.
 *
 * Parameters
 * ----------
 * candidates : Array<{key, rank, size, x0, y0, x1, y1}>
 *     Boxes in viewport pixels; ``rank`` (lower first) then ``size`` (bigger first) then
 *     ``key`` order them. Boxes wholly outside the viewport are left out.
 * width, height : number
 *     The viewport's size in pixels.
 *
 * Returns
 * -------
 * Array
 *     The placed candidates, in placement order. The collision test looks only at the
 *     boxes of the grid cells a box covers: linear in the number of candidates.
 */
export function placeLabels(candidates, width, height) {
  const columns = Math.max(1, Math.ceil(width / CELL_PX));
  const rows = Math.max(1, Math.ceil(height / CELL_PX));
  const cells = new Array(columns * rows);
  const column = (x) => Math.min(columns - 1, Math.max(0, Math.floor(x / CELL_PX)));
  const row = (y) => Math.min(rows - 1, Math.max(0, Math.floor(y / CELL_PX)));
  const placed = [];
  for (const box of [...candidates].sort(byPriority)) {
    if (box.x1 <= 0 || box.y1 <= 0 || box.x0 >= width || box.y0 >= height) continue;
    const c0 = column(box.x0);
    const c1 = column(box.x1);
    const r0 = row(box.y0);
    const r1 = row(box.y1);
    let free = true;
    for (let r = r0; free && r <= r1; r++) {
      for (let c = c0; free && c <= c1; c++) {
        const cell = cells[r * columns + c];
        if (cell && cell.some((other) => overlaps(box, other))) free = false;
      }
    }
    if (!free) continue;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const k = r * columns + c;
        (cells[k] || (cells[k] = [])).push(box);
      }
    }
    placed.push(box);
  }
  return placed;
}

/** Text widths, measured once per font and label. */
class TextWidths {
  constructor() {
    this.byFont = new Map();
  }

  width(context, font, text) {
    let widths = this.byFont.get(font);
    if (!widths) {
      widths = new Map();
      this.byFont.set(font, widths);
    }
    let width = widths.get(text);
    if (width === undefined) {
      context.font = font;
      width = context.measureText(text).width;
      widths.set(text, width);
    }
    return width;
  }
}

/** The font sigma's label settings describe, as a canvas font. */
export function labelFont(settings) {
  return `${settings.labelWeight || "normal"} ${settings.labelSize}px ${settings.labelFont}`;
}

/** Where a label's text starts (its baseline's left end) for a node drawn at x, y. */
export function textOrigin(x, y, size, labelSize) {
  return { x: x + size + LABEL_OFFSET, y: y + labelSize / 3 };
}

/** The labels of one sigma instance: candidates collected, then placed and drawn. */
class LabelPass {
  constructor({ rank, important }) {
    this.rank = rank || (() => 0);
    this.important = important || (() => []);
    this.widths = new TextWidths();
    this.candidates = [];
    this.seen = new Set();
    /** The labels drawn by the last frame: key, label, x, y, size and their box. */
    this.placed = [];
    this.placedKeys = new Set();
  }

  begin() {
    this.candidates = [];
    this.seen = new Set();
  }

  /** One of sigma's chosen labels (``data`` in viewport pixels, as sigma draws it). */
  collect(data) {
    if (!data.label || this.seen.has(data.key)) return;
    this.seen.add(data.key);
    this.candidates.push({ key: data.key, label: data.label, x: data.x, y: data.y, size: data.size });
  }

  /** The important actors sigma did not choose (not forced, in a full grid cell). */
  collectImportant(sigma, width, height) {
    for (const node of this.important()) {
      if (this.seen.has(node)) continue;
      const data = sigma.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) continue;
      const at = sigma.framedGraphToViewport(data);
      if (at.x < 0 || at.y < 0 || at.x > width || at.y > height) continue;
      this.collect({ key: node, label: data.label, x: at.x, y: at.y, size: sigma.scaleSize(data.size) });
    }
  }

  /** Place this frame's candidates and draw the placed ones on ``context``. */
  settle(sigma, context, settings) {
    const { width, height } = sigma.getDimensions();
    this.collectImportant(sigma, width, height);
    const font = labelFont(settings);
    const labelSize = settings.labelSize;
    for (const item of this.candidates) {
      const start = textOrigin(item.x, item.y, item.size, labelSize);
      item.rank = this.rank(item.key);
      item.x0 = start.x - LABEL_PADDING;
      item.x1 = start.x + this.widths.width(context, font, item.label) + LABEL_PADDING;
      item.y0 = item.y - labelSize / 2 - LABEL_PADDING;
      item.y1 = item.y + labelSize / 2 + LABEL_PADDING;
    }
    this.placed = placeLabels(this.candidates, width, height);
    this.placedKeys = new Set(this.placed.map((item) => item.key));
    context.font = font;
    context.fillStyle = settings.labelColor.color || "#000";
    for (const item of this.placed) {
      const start = textOrigin(item.x, item.y, item.size, labelSize);
      context.fillText(item.label, start.x, start.y);
    }
    this.candidates = [];
    return this.placedKeys;
  }

  /** Sigma's hover layer (hovered and highlighted actors): a halo round the actor, and
   * round its label with the label again when the label was placed. */
  drawHover(context, data, settings) {
    context.fillStyle = HALO;
    context.shadowColor = SHADOW;
    context.shadowBlur = 6;
    context.beginPath();
    context.arc(data.x, data.y, data.size + LABEL_PADDING, 0, Math.PI * 2);
    context.fill();
    const labelled = data.label && this.placedKeys.has(data.key);
    if (labelled) {
      const font = labelFont(settings);
      const labelSize = settings.labelSize;
      const start = textOrigin(data.x, data.y, data.size, labelSize);
      const width = this.widths.width(context, font, data.label);
      const top = data.y - labelSize / 2 - LABEL_PADDING;
      context.fillRect(
        start.x - LABEL_PADDING,
        top,
        width + 2 * LABEL_PADDING,
        labelSize + 2 * LABEL_PADDING,
      );
    }
    context.shadowBlur = 0;
    if (!labelled) return;
    const start = textOrigin(data.x, data.y, data.size, settings.labelSize);
    context.font = labelFont(settings);
    context.fillStyle = settings.labelColor.color || "#000";
    context.fillText(data.label, start.x, start.y);
  }
}

/**
 * A sigma renderer whose labels never overlap.
 *
 * Parameters
 * ----------
 * graph, container, settings
 *     As for sigma.
 * priority : {rank, important}
 *     ``rank(node)``: a number, lower placed first (focus, path, neighbours...);
 *     ``important()``: the actors to consider even when sigma's grid left them out.
 */
export class LabelledSigma extends Sigma {
  constructor(graph, container, settings, priority = {}) {
    const labels = new LabelPass(priority);
    super(graph, container, {
      ...settings,
      defaultDrawNodeLabel: (context, data) => labels.collect(data),
      defaultDrawNodeHover: (context, data, all) => labels.drawHover(context, data, all),
    });
    this.labels = labels;
    this.refresh();
  }

  /** Sigma chooses its candidates (collected, not drawn), then they are placed. */
  renderLabels() {
    if (!this.labels) return this;
    this.labels.begin();
    super.renderLabels();
    if (!this.getSetting("renderLabels")) return this;
    // Sigma's own record of the labels drawn: the edge labels and its API read it.
    this.displayedNodeLabels = this.labels.settle(this, this.canvasContexts.labels, this.getSettings());
    return this;
  }

  /** The labels the last frame drew: ``{key, label, x, y, size, x0, y0, x1, y1}``. */
  getPlacedLabels() {
    return this.labels ? this.labels.placed : [];
  }
}

LabelledSigma.placeLabels = placeLabels;
