// The network at the end of a year, drawn from the payload's timeline without the
// server (maillage.dashboard.network_payload.timeline states the rule and the format).

const NODE_ARRAYS = ["ids", "labels", "x", "y", "size", "sector", "community"];

/** The payload as drawn at 31 December of ``year``: the actors joined by then and
 * the ties active then between them, one edge a pair (weights summed, kinds joined).
 * ``payload`` itself when ``year`` is null or it has no timeline. */
export function payloadAt(payload, year) {
  const line = payload && payload.timeline;
  if (!line || year === null || year === undefined) return payload;
  const kept = [];
  const position = new Int32Array(payload.ids.length).fill(-1);
  for (let i = 0; i < payload.ids.length; i++) {
    const joined = line.joined ? line.joined[i] : null;
    if (joined === null || joined <= year) {
      position[i] = kept.length;
      kept.push(i);
    }
  }
  const shown = { ...payload, timeline: undefined, year };
  for (const key of NODE_ARRAYS) {
    if (payload[key]) shown[key] = kept.map((i) => payload[key][i]);
  }
  // Only the sectors present, in the payload's order, as the server writes them.
  const present = new Set(shown.sector);
  const codes = payload.sectors.map((_, s) => s).filter((s) => present.has(s));
  const code = new Map(codes.map((s, k) => [s, k]));
  shown.sectors = codes.map((s) => payload.sectors[s]);
  shown.sectorColours = codes.map((s) => payload.sectorColours[s]);
  shown.sector = shown.sector.map((s) => code.get(s));
  const { count, since, until } = line;
  const tieWeights = line.weights || null;
  const tieKinds = line.kinds || null;
  const edges = [];
  const weights = [];
  const kinds = [];
  let k = 0;
  for (let e = 0; e < payload.weights.length; e++) {
    const end = k + (count ? count[e] : 1);
    const i = position[payload.edges[2 * e]];
    const j = position[payload.edges[2 * e + 1]];
    if (i < 0 || j < 0) {
      k = end;
      continue;
    }
    let active = false;
    let weight = 0;
    let kind = 0;
    for (; k < end; k++) {
      if (since && since[k] !== null && since[k] > year) continue;
      if (until && until[k] !== null && until[k] < year) continue;
      const tied = tieWeights ? tieWeights[k] : payload.weights[e];
      weight = active ? weight + tied : tied;
      kind |= tieKinds ? tieKinds[k] : payload.edgeKinds[e];
      active = true;
    }
    if (!active) continue;
    edges.push(i, j);
    weights.push(weight || 1);
    kinds.push(kind);
  }
  shown.edges = edges;
  shown.weights = weights;
  shown.edgeKinds = kinds;
  return shown;
}
