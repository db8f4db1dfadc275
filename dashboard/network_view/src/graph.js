// The compact payload (parallel arrays, built by maillage.dashboard.network_payload)
// turned into a graphology graph that sigma can draw.

import Graph from "graphology";

export const NODE_MIN_PX = 2;
export const NODE_MAX_PX = 14;
export const EDGE_MIN_PX = 0.4;
export const EDGE_MAX_PX = 3;
export const EDGE_COLOUR = "#c3cad3";
export const UNKNOWN_COLOUR = "#bbbbbb";

/** Colour of node ``i`` under ``colouring`` ("sector" or "community"). */
export function colourOf(payload, i, colouring) {
  if (colouring === "community" && payload.community) {
    const c = payload.community[i];
    return (c >= 0 && payload.communityColours[c]) || payload.communityOther || UNKNOWN_COLOUR;
  }
  return payload.sectorColours[payload.sector[i]] || UNKNOWN_COLOUR;
}

/** A new undirected graph holding every actor and tie of ``payload``; each tie keeps its
 * ends' payload indices (``s``, ``t``) for the reducers. */
export function buildGraph(payload, colouring) {
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const ids = payload.ids || [];
  for (let i = 0; i < ids.length; i++) {
    const relative = payload.size ? payload.size[i] : 0;
    graph.addNode(ids[i], {
      x: payload.x[i],
      y: payload.y[i],
      size: NODE_MIN_PX + (NODE_MAX_PX - NODE_MIN_PX) * relative,
      label: payload.labels[i],
      sector: payload.sectors[payload.sector[i]],
      community: payload.community ? payload.community[i] : -1,
      color: colourOf(payload, i, colouring),
      index: i,
    });
  }
  const ends = payload.edges || [];
  const weights = payload.weights || [];
  const kinds = payload.edgeKinds || [];
  let heaviest = 0;
  for (const w of weights) heaviest = Math.max(heaviest, w);
  for (let k = 0; 2 * k + 1 < ends.length; k++) {
    const source = ids[ends[2 * k]];
    const target = ids[ends[2 * k + 1]];
    const weight = weights.length ? weights[k] : 1;
    const share = heaviest > 0 ? weight / heaviest : 0;
    graph.mergeEdge(source, target, {
      s: ends[2 * k],
      t: ends[2 * k + 1],
      weight,
      kinds: kinds.length ? kinds[k] : 0,
      size: EDGE_MIN_PX + (EDGE_MAX_PX - EDGE_MIN_PX) * share,
      color: EDGE_COLOUR,
    });
  }
  return graph;
}

/** Recolour every node of ``graph`` in place. */
export function recolour(graph, payload, colouring) {
  graph.updateEachNodeAttributes((node, attrs) => ({
    ...attrs,
    color: colourOf(payload, attrs.index, colouring),
  }));
}

/** The legend's words in English; the ``labels`` prop replaces any of them. Its
 * ``sectors`` (code -> name) names the sectors in the legend; a sector it leaves out
 * reads as its code. */
export const DEFAULT_LABELS = {
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  fit: "Fit the whole network",
  png: "Download the picture as PNG",
  svg: "Download the picture as SVG",
  show: "Show {label}",
  hide: "Hide {label}",
  community: "Community {n}",
  smaller: "smaller",
  open: "Open {label}: its actors only, with a layout of their own",
  whole: "Whole territory",
  legend: "Legend",
  hideLegend: "Hide the legend",
  locale: "en",
};

/** ``labels[key]`` (else the English default) with its ``{name}`` fields filled in. */
export function word(labels, key, fields = {}) {
  const text = (labels && labels[key]) || DEFAULT_LABELS[key];
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in fields ? String(fields[name]) : all));
}

/** The legend entries: [{key, label, colour, count, community}] for the colouring in force.
 * The counts are what is drawn: actors of the ``hidden`` sectors (a Set of names) are left
 * out of a community's count; a sector keeps its own count, off or on, so that its button
 * says what showing it draws. A community's ``community`` is its number (rank + 1), the one
 * it is named and opened by. An opened community (``payload.opened``) is told by sector. */
export function legendEntries(payload, colouring, labels, hidden = new Set()) {
  const counts = new Map();
  const byCommunity = colouring === "community" && payload.community && !payload.opened;
  const codes = byCommunity ? payload.community : payload.sector;
  const names = payload.sectors || [];
  for (let i = 0; i < (codes || []).length; i++) {
    if (byCommunity && hidden.has(names[payload.sector[i]])) continue;
    counts.set(codes[i], (counts.get(codes[i]) || 0) + 1);
  }
  if (byCommunity) {
    const palette = payload.communityColours || [];
    const shown = palette.map((colour, c) => ({
      key: String(c),
      label: word(labels, "community", { n: c + 1 }),
      colour,
      count: counts.get(c) || 0,
      community: c + 1,
    }));
    let rest = 0;
    for (const [c, n] of counts) if (c < 0 || c >= palette.length) rest += n;
    const other = payload.communityOther || UNKNOWN_COLOUR;
    if (rest) shown.push({ key: "other", label: word(labels, "smaller"), colour: other, count: rest });
    return shown.filter((entry) => entry.count > 0);
  }
  const sectorNames = (labels && labels.sectors) || {};
  return names.map((name, s) => ({
    key: name,
    label: sectorNames[name] || name,
    colour: payload.sectorColours[s] || UNKNOWN_COLOUR,
    count: counts.get(s) || 0,
  }));
}
