// One sigma renderer and the state it draws: selection, hovered actor, path,
// visible sectors, colouring. Plain JavaScript; the React component drives it.

import { DiscProgram } from "./disc.js";
import { buildGraph, recolour } from "./graph.js";
import { LabelledSigma } from "./labels.js";
import { hideEmptyLayers } from "./layers.js";
import { picturePng, pictureSvg } from "./picture.js";
import { restyleKeepingOrder } from "./restyle.js";
import { TieProgram } from "./tie.js";

const FADED_NODE = "#e4e7eb";
const FADED_EDGE = "#eef0f3";
const PATH_COLOUR = "#c0392b";
const FLY_MS = 600;
/** Flying to an actor frames it and its partners, with this much room around them. */
const FRAME_MARGIN = 1.3;
/** The camera ratios a flight stays within: never closer, never farther than the whole. */
const CLOSEST_RATIO = 0.05;
const FARTHEST_RATIO = 1;
/** The ratio for an actor without a drawn partner. */
const LONE_RATIO = 0.3;
/** ``refreshSoon``'s request to restyle every actor and tie without sigma's reprocessing. */
const EVERY = "every";
/** Sigma's label grid (labels per cell, more as one zooms in) and size threshold choose the
 * label candidates, generously; the label pass (labels.js) draws those that do not overlap. */
const LABEL_DENSITY = 3;
const LABEL_SIZE_THRESHOLD = 4;
/** From this many ties, a moving camera draws the actors only (no ties, no labels). */
export const SIMPLE_MOVES_FROM = 5000;

/** Which actors the hidden sectors hide: 1 at their payload index. */
function hiddenActors(payload, hiddenSectors) {
  const codes = (payload && payload.sector) || [];
  const hidden = new Uint8Array(codes.length);
  if (!hiddenSectors.size) return hidden;
  const names = payload.sectors || [];
  for (let i = 0; i < codes.length; i++) hidden[i] = hiddenSectors.has(names[codes[i]]) ? 1 : 0;
  return hidden;
}

/** The ties of ``graph`` along ``path`` (a list of actors). */
function pathEdges(graph, path) {
  const edges = new Set();
  for (let k = 0; k + 1 < path.length; k++) {
    if (graph.hasNode(path[k]) && graph.hasNode(path[k + 1])) {
      const edge = graph.edge(path[k], path[k + 1]);
      if (edge !== undefined) edges.add(edge);
    }
  }
  return edges;
}

function sameItems(a, b) {
  return a.length === b.length && a.every((item, k) => item === b[k]);
}

export class NetworkRenderer {
  constructor(container, { onClickNode, onClear }) {
    this.container = container;
    this.onClickNode = onClickNode;
    this.onClear = onClear;
    this.payload = null;
    this.colouring = "sector";
    this.selected = null;
    this.hovered = null;
    this.neighbours = new Set();
    this.pathNodes = new Set();
    this.pathEdges = new Set();
    this.hiddenSectors = new Set();
    this.hiddenNode = new Uint8Array(0);
    this.focusIndex = -1;
    this.focusedId = null;
    this.pendingRefresh = null;
    this.partial = null;
    this.kindMask = null;
    this.minWeight = 0;
    this.neighbourhood = null;
    this.dragged = null;
    // Sigma's own idea of the actor under the pointer, kept during a drag too (its
    // leaveNode can come while the dragged actor stays lit): a drop goes back to it.
    this.underPointer = null;
    this.justDragged = false;
    this.flights = 0;
    const settings = {
      allowInvalidContainer: true,
      labelDensity: LABEL_DENSITY,
      labelGridCellSize: 70,
      labelRenderedSizeThreshold: LABEL_SIZE_THRESHOLD,
      labelSize: 12,
      labelFont: "Helvetica, Arial, sans-serif",
      zIndex: true,
      // Sigma's disc and band drawn without instancing: the same picture, far cheaper in
      // software WebGL (disc.js).
      nodeProgramClasses: { circle: DiscProgram },
      edgeProgramClasses: { line: TieProgram },
      hideEdgesOnMove: false,
      minCameraRatio: 0.01,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => this.styleNode(node, data),
      edgeReducer: (edge, data) => this.styleEdge(edge, data),
    };
    const labelPriority = { rank: (node) => this.labelRank(node), important: () => this.important() };
    this.renderer = new LabelledSigma(buildGraph({ ids: [] }, "sector"), container, settings, labelPriority);
    hideEmptyLayers(this.renderer);
    this.listen();
  }

  // Styling -----------------------------------------------------------------
  // The reducers run on every node and tie at each refresh: they read only what the
  // setters below prepared (hidden actors by payload index, the focus's index), never
  // the graph, and style sigma's own copy of the attributes in place.

  focusNode() {
    return this.hovered || this.selected;
  }

  styleNode(node, data) {
    if (this.hiddenNode[data.index]) {
      data.hidden = true;
      return data;
    }
    const onPath = this.pathNodes.has(node);
    if (onPath) {
      data.forceLabel = true;
      data.highlighted = true;
      data.zIndex = 2;
    }
    if (this.focusIndex >= 0) {
      if (data.index === this.focusIndex) {
        data.highlighted = true;
        data.forceLabel = true;
        data.zIndex = 3;
      } else if (this.neighbours.has(node)) {
        data.zIndex = 1;
      } else if (!onPath) {
        data.color = FADED_NODE;
        data.label = "";
        data.zIndex = 0;
      }
    }
    return data;
  }

  styleEdge(edge, data) {
    if (
      this.hiddenNode[data.s] ||
      this.hiddenNode[data.t] ||
      data.weight < this.minWeight ||
      (this.kindMask !== null && data.kinds && (data.kinds & this.kindMask) === 0)
    ) {
      data.hidden = true;
      return data;
    }
    if (this.pathEdges.has(edge)) {
      data.color = PATH_COLOUR;
      data.size = Math.max(data.size, 3);
      data.zIndex = 2;
      return data;
    }
    const focus = this.focusIndex;
    if (focus >= 0) {
      if (data.s === focus || data.t === focus) {
        data.color = "#7b8794";
        data.zIndex = 1;
      } else {
        data.color = FADED_EDGE;
        data.zIndex = 0;
      }
    }
    return data;
  }

  /** Which labels win a place (lower first): hovered, selected, path, neighbours, others. */
  labelRank(node) {
    if (node === this.hovered) return 0;
    if (node === this.selected) return 1;
    if (this.pathNodes.has(node)) return 2;
    if (this.neighbours.has(node)) return 3;
    return 4;
  }

  /** The actors whose labels are candidates even when sigma's label grid leaves them out. */
  important() {
    const focus = [this.hovered, this.selected].filter(Boolean);
    return [...focus, ...this.pathNodes, ...this.neighbours];
  }

  /** The focus (hovered, else selected actor) and its lit neighbours, for ``graph``. */
  focusOn(graph) {
    const focus = this.focusNode();
    if (!focus || !graph.hasNode(focus)) {
      this.focusIndex = -1;
      this.focusedId = null;
      this.neighbours = new Set();
      return;
    }
    this.focusedId = focus;
    this.focusIndex = graph.getNodeAttribute(focus, "index");
    if (focus === this.selected && !this.hovered && this.neighbourhood)
      this.neighbours = this.neighbourhood;
    else this.neighbours = new Set(graph.neighbors(focus));
  }

  /** A focus moved from one actor to another restyles those two and their neighbours
   * only (every other actor stays faded); a focus set or cleared restyles every actor and
   * tie, neither reprocessed: positions, sizes and hidden actors stay as they were. */
  refreshFocus() {
    const was = this.focusedId;
    const before = this.neighbours;
    this.focusOn(this.renderer.getGraph());
    if (was === this.focusedId && was === null) return;
    if (was === null || this.focusedId === null) {
      this.refreshSoon(EVERY);
      return;
    }
    this.refreshSoon([was, ...before, this.focusedId, ...this.neighbours]);
  }

  /** Restyle once however many changes of one task asked for it: sigma's full refresh
   * (``null``), every actor and tie without reprocessing (``EVERY``), or only ``actors``
   * and their ties when every change asked for some actors only. */
  refreshSoon(actors = null) {
    const waiting = this.pendingRefresh ? this.partial : undefined;
    if (actors === null || waiting === null) this.partial = null;
    else if (actors === EVERY || waiting === EVERY) this.partial = EVERY;
    else if (waiting) for (const node of actors) waiting.add(node);
    else this.partial = new Set(actors);
    if (this.pendingRefresh) return;
    // After the changes of this task (the props of one Dash update), before the next frame.
    const token = {};
    this.pendingRefresh = token;
    queueMicrotask(() => {
      if (this.pendingRefresh !== token) return;
      this.pendingRefresh = null;
      const nodes = this.partial;
      this.partial = null;
      if (nodes === null) {
        this.renderer.refresh();
        return;
      }
      const graph = this.renderer.getGraph();
      if (nodes === EVERY) {
        if (!restyleKeepingOrder(this.renderer, graph.nodes(), graph.edges()))
          this.renderer.refresh();
        return;
      }
      const shown = [...nodes].filter((node) => graph.hasNode(node));
      const edges = new Set();
      for (const node of shown) graph.forEachEdge(node, (edge) => edges.add(edge));
      if (!restyleKeepingOrder(this.renderer, shown, [...edges])) this.renderer.refresh();
    });
  }

  // Events ------------------------------------------------------------------

  listen() {
    const renderer = this.renderer;
    const hover = (node) => {
      this.hovered = node;
      this.container.style.cursor = node ? "pointer" : "";
      this.refreshFocus();
    };
    renderer.on("enterNode", ({ node }) => {
      this.underPointer = node;
      if (!this.dragged) hover(node);
    });
    renderer.on("leaveNode", () => {
      this.underPointer = null;
      if (!this.dragged) hover(null);
    });
    renderer.on("clickNode", ({ node }) => {
      if (this.justDragged) {
        this.justDragged = false;
        return;
      }
      this.onClickNode(node);
    });
    renderer.on("clickStage", () => {
      if (this.justDragged) {
        this.justDragged = false;
        return;
      }
      this.onClear();
    });
    renderer.on("downNode", ({ node }) => {
      this.dragged = node;
      this.justDragged = false;
      if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
    });
    renderer.on("moveBody", ({ event, preventSigmaDefault }) => {
      if (!this.dragged) return;
      const at = renderer.viewportToGraph(event);
      renderer.getGraph().mergeNodeAttributes(this.dragged, { x: at.x, y: at.y });
      this.justDragged = true;
      preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    const drop = () => {
      if (!this.dragged) return;
      this.dragged = null;
      if (this.hovered !== this.underPointer) hover(this.underPointer);
    };
    renderer.on("upNode", drop);
    renderer.on("upStage", drop);
  }

  /** Leave a performance mark ``nv:<what>`` when the next frame is drawn (for benchmarks). */
  markDrawn(what) {
    if (typeof performance === "undefined" || !performance.mark) return;
    this.renderer.once("afterRender", () => performance.mark(`nv:${what}`));
  }

  // State from the props ----------------------------------------------------
  // Each setter changes the state and asks for one refresh (none when nothing changed).

  setPayload(payload, colouring) {
    this.markDrawn("payload");
    this.payload = payload;
    this.colouring = colouring;
    const graph = buildGraph(payload, colouring);
    this.hiddenNode = hiddenActors(payload, this.hiddenSectors);
    this.pathNodes = new Set([...this.pathNodes].filter((node) => graph.hasNode(node)));
    this.pathEdges = pathEdges(graph, [...this.pathNodes]);
    this.focusOn(graph);
    // The new graph is styled in full as it is set: nothing waiting needs doing.
    this.pendingRefresh = null;
    this.partial = null;
    const large = graph.size >= SIMPLE_MOVES_FROM;
    if (this.renderer.getSetting("hideEdgesOnMove") !== large) {
      this.renderer.setSetting("hideEdgesOnMove", large);
      this.renderer.setSetting("hideLabelsOnMove", large);
    }
    this.renderer.setGraph(graph);
    const extent = payload.extent;
    if (extent && extent.length === 4) {
      this.renderer.setCustomBBox({ x: [extent[0], extent[1]], y: [extent[2], extent[3]] });
    } else {
      this.renderer.setCustomBBox(null);
    }
  }

  setColouring(colouring) {
    if (colouring === this.colouring || !this.payload) return;
    this.markDrawn("colouring");
    this.colouring = colouring;
    recolour(this.renderer.getGraph(), this.payload, colouring);
  }

  setSelected(selected) {
    if ((selected || null) === this.selected) return;
    this.markDrawn("selected");
    this.selected = selected || null;
    this.refreshFocus();
  }

  setPath(path) {
    const graph = this.renderer.getGraph();
    const nodes = (path || []).filter((node) => graph.hasNode(node));
    if (sameItems(nodes, [...this.pathNodes])) return;
    this.markDrawn("path");
    const before = [...this.pathNodes];
    this.pathNodes = new Set(nodes);
    this.pathEdges = pathEdges(graph, path || []);
    // Only the old and new chains' actors and ties change.
    this.refreshSoon([...before, ...nodes]);
  }

  setVisibleSectors(visible) {
    const all = (this.payload && this.payload.sectors) || [];
    const hidden = visible ? all.filter((s) => !visible.includes(s)) : [];
    if (sameItems(hidden, [...this.hiddenSectors])) return;
    this.markDrawn("sectors");
    const before = this.hiddenNode;
    // Hiding more restyles only the actors hidden now (their labels are skipped as drawn);
    // showing some again reprocesses everything, so that their labels are placed.
    const onlyMore = [...this.hiddenSectors].every((sector) => hidden.includes(sector));
    this.hiddenSectors = new Set(hidden);
    this.hiddenNode = hiddenActors(this.payload, this.hiddenSectors);
    if (!onlyMore) {
      this.refreshSoon();
      return;
    }
    const ids = this.payload.ids;
    const changed = [];
    for (let i = 0; i < ids.length; i++) if (this.hiddenNode[i] !== before[i]) changed.push(ids[i]);
    this.refreshSoon(changed);
  }

  setTieFilter(visibleKinds, minWeight) {
    const kinds = (this.payload && this.payload.kinds) || [];
    const mask = visibleKinds
      ? kinds.reduce((mask, kind, k) => (visibleKinds.includes(kind) ? mask | (1 << k) : mask), 0)
      : null;
    const weight = Number(minWeight) || 0;
    if (mask === this.kindMask && weight === this.minWeight) return;
    this.kindMask = mask;
    this.minWeight = weight;
    this.refreshSoon();
  }

  setNeighbourhood(actors) {
    const next = actors ? new Set(actors) : null;
    const now = this.neighbourhood;
    if (next === null ? now === null : now !== null && sameItems(actors, [...now])) return;
    this.neighbourhood = next;
    this.refreshFocus();
  }

  // Camera ------------------------------------------------------------------

  /** Where the camera frames ``node`` and its drawn partners: their extent's centre, at
   * the ratio that fits the extent with a margin, within the bounds above. */
  framing(node) {
    const r = this.renderer;
    const graph = r.getGraph();
    const shown = r.getNodeDisplayData(node);
    if (!shown || !graph.hasNode(node)) return null;
    let [left, right, bottom, top] = [shown.x, shown.x, shown.y, shown.y];
    graph.forEachNeighbor(node, (partner) => {
      const d = r.getNodeDisplayData(partner);
      if (!d || d.hidden) return;
      left = Math.min(left, d.x);
      right = Math.max(right, d.x);
      bottom = Math.min(bottom, d.y);
      top = Math.max(top, d.y);
    });
    if (left === right && bottom === top) return { x: shown.x, y: shown.y, ratio: LONE_RATIO };
    // What the viewport shows at ratio 1, in the same (framed graph) coordinates.
    const { width, height } = r.getDimensions();
    const whole = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const corner = r.viewportToFramedGraph({ x: 0, y: 0 }, { cameraState: whole });
    const other = r.viewportToFramedGraph({ x: width, y: height }, { cameraState: whole });
    const across = Math.abs(other.x - corner.x) || 1;
    const down = Math.abs(other.y - corner.y) || 1;
    const fitted = FRAME_MARGIN * Math.max((right - left) / across, (top - bottom) / down);
    const ratio = Math.min(FARTHEST_RATIO, Math.max(CLOSEST_RATIO, fitted));
    return { x: (left + right) / 2, y: (bottom + top) / 2, ratio };
  }

  flyTo(node) {
    const frame = this.framing(node);
    if (!frame) return Promise.resolve(false);
    this.flights += 1;
    return this.renderer
      .getCamera()
      .animate(frame, { duration: FLY_MS })
      .then(() => true);
  }

  zoomIn() {
    return this.renderer.getCamera().animatedZoom({ duration: 250 });
  }

  zoomOut() {
    return this.renderer.getCamera().animatedUnzoom({ duration: 250 });
  }

  fit() {
    return this.renderer.getCamera().animatedReset({ duration: 300 });
  }

  svg() {
    return pictureSvg(this.renderer);
  }

  png() {
    return picturePng(this.renderer);
  }

  kill() {
    this.pendingRefresh = null;
    this.renderer.kill();
  }
}
