// One sigma renderer and the state it draws: selection, hovered actor, path,
// visible sectors, colouring. Plain JavaScript; the React component drives it.

import Sigma from "sigma";
import { buildGraph, recolour } from "./graph.js";
import { picturePng, pictureSvg } from "./picture.js";

const FADED_NODE = "#e4e7eb";
const FADED_EDGE = "#eef0f3";
const PATH_COLOUR = "#c0392b";
const FOCUS_RATIO = 0.3;
const FLY_MS = 600;

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
    this.kindMask = null;
    this.minWeight = 0;
    this.neighbourhood = null;
    this.dragged = null;
    this.justDragged = false;
    this.flights = 0;
    this.renderer = new Sigma(buildGraph({ ids: [] }, "sector"), container, {
      allowInvalidContainer: true,
      labelDensity: 0.8,
      labelGridCellSize: 70,
      labelRenderedSizeThreshold: 7,
      labelSize: 12,
      labelFont: "Helvetica, Arial, sans-serif",
      zIndex: true,
      hideEdgesOnMove: false,
      minCameraRatio: 0.01,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => this.styleNode(node, data),
      edgeReducer: (edge, data) => this.styleEdge(edge, data),
    });
    this.listen();
  }

  // Styling -----------------------------------------------------------------

  focusNode() {
    return this.hovered || this.selected;
  }

  styleNode(node, data) {
    const shown = { ...data };
    if (this.hiddenSectors.has(data.sector)) {
      shown.hidden = true;
      return shown;
    }
    const focus = this.focusNode();
    if (this.pathNodes.has(node)) {
      shown.forceLabel = true;
      shown.highlighted = true;
      shown.zIndex = 2;
    }
    if (focus && this.renderer.getGraph().hasNode(focus)) {
      if (node === focus) {
        shown.highlighted = true;
        shown.forceLabel = true;
        shown.zIndex = 3;
      } else if (this.neighbours.has(node)) {
        shown.zIndex = 1;
      } else if (!this.pathNodes.has(node)) {
        shown.color = FADED_NODE;
        shown.label = "";
        shown.zIndex = 0;
      }
    }
    return shown;
  }

  styleEdge(edge, data) {
    const shown = { ...data };
    const graph = this.renderer.getGraph();
    const [source, target] = graph.extremities(edge);
    if (
      this.hiddenSectors.has(graph.getNodeAttribute(source, "sector")) ||
      this.hiddenSectors.has(graph.getNodeAttribute(target, "sector"))
    ) {
      shown.hidden = true;
      return shown;
    }
    if (
      data.weight < this.minWeight ||
      (this.kindMask !== null && data.kinds && (data.kinds & this.kindMask) === 0)
    ) {
      shown.hidden = true;
      return shown;
    }
    if (this.pathEdges.has(edge)) {
      shown.color = PATH_COLOUR;
      shown.size = Math.max(data.size, 3);
      shown.zIndex = 2;
      return shown;
    }
    const focus = this.focusNode();
    if (focus && graph.hasNode(focus)) {
      if (source === focus || target === focus) {
        shown.color = "#7b8794";
        shown.zIndex = 1;
      } else {
        shown.color = FADED_EDGE;
        shown.zIndex = 0;
      }
    }
    return shown;
  }

  refreshFocus() {
    const graph = this.renderer.getGraph();
    const focus = this.focusNode();
    if (!focus || !graph.hasNode(focus)) this.neighbours = new Set();
    else if (focus === this.selected && !this.hovered && this.neighbourhood)
      this.neighbours = this.neighbourhood;
    else this.neighbours = new Set(graph.neighbors(focus));
    this.renderer.scheduleRefresh({ skipIndexation: true });
  }

  // Events ------------------------------------------------------------------

  listen() {
    const renderer = this.renderer;
    renderer.on("enterNode", ({ node }) => {
      if (this.dragged) return;
      this.hovered = node;
      this.container.style.cursor = "pointer";
      this.refreshFocus();
    });
    renderer.on("leaveNode", () => {
      if (this.dragged) return;
      this.hovered = null;
      this.container.style.cursor = "";
      this.refreshFocus();
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
      this.dragged = null;
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

  setPayload(payload, colouring) {
    this.markDrawn("payload");
    this.payload = payload;
    this.colouring = colouring;
    const graph = buildGraph(payload, colouring);
    this.renderer.setGraph(graph);
    const extent = payload.extent;
    if (extent && extent.length === 4) {
      this.renderer.setCustomBBox({ x: [extent[0], extent[1]], y: [extent[2], extent[3]] });
    } else {
      this.renderer.setCustomBBox(null);
    }
    this.restyle();
  }

  setColouring(colouring) {
    if (colouring === this.colouring || !this.payload) return;
    this.markDrawn("colouring");
    this.colouring = colouring;
    recolour(this.renderer.getGraph(), this.payload, colouring);
  }

  setSelected(selected) {
    this.markDrawn("selected");
    this.selected = selected || null;
    this.refreshFocus();
  }

  setPath(path) {
    this.markDrawn("path");
    const graph = this.renderer.getGraph();
    this.pathNodes = new Set((path || []).filter((node) => graph.hasNode(node)));
    this.pathEdges = new Set();
    for (let k = 0; path && k + 1 < path.length; k++) {
      if (graph.hasNode(path[k]) && graph.hasNode(path[k + 1])) {
        const edge = graph.edge(path[k], path[k + 1]);
        if (edge !== undefined) this.pathEdges.add(edge);
      }
    }
    this.renderer.scheduleRefresh({ skipIndexation: true });
  }

  setVisibleSectors(visible) {
    this.markDrawn("sectors");
    const all = (this.payload && this.payload.sectors) || [];
    this.hiddenSectors = visible ? new Set(all.filter((s) => !visible.includes(s))) : new Set();
    this.renderer.scheduleRefresh({ skipIndexation: true });
  }

  setTieFilter(visibleKinds, minWeight) {
    const kinds = (this.payload && this.payload.kinds) || [];
    this.kindMask = visibleKinds
      ? kinds.reduce((mask, kind, k) => (visibleKinds.includes(kind) ? mask | (1 << k) : mask), 0)
      : null;
    this.minWeight = Number(minWeight) || 0;
    this.renderer.scheduleRefresh({ skipIndexation: true });
  }

  setNeighbourhood(actors) {
    this.neighbourhood = actors ? new Set(actors) : null;
    this.refreshFocus();
  }

  restyle() {
    const graph = this.renderer.getGraph();
    this.refreshFocus();
    if (this.pathNodes.size) this.setPath([...this.pathNodes].filter((n) => graph.hasNode(n)));
  }

  // Camera ------------------------------------------------------------------

  /** Resolves once a scheduled draw is done: sigma's display data (positions) are final. */
  drawn() {
    if (!this.renderer.renderFrame) return Promise.resolve();
    return new Promise((done) => this.renderer.once("afterRender", done));
  }

  flyTo(node) {
    return this.drawn().then(() => {
      const shown = this.renderer.getNodeDisplayData(node);
      if (!shown) return false;
      this.flights += 1;
      return this.renderer
        .getCamera()
        .animate({ x: shown.x, y: shown.y, ratio: FOCUS_RATIO }, { duration: FLY_MS })
        .then(() => true);
    });
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
    this.renderer.kill();
  }
}
