// The network at the end of a year, drawn from the payload's timeline without the
// server (maillage.dashboard.network_payload.timeline states the rule).

const NODE_ARRAYS = ["ids", "labels", "x", "y", "size", "sector", "community"];

function within(year, since, until) {
  return (since === null || since <= year) && (until === null || until >= year);
}

/** The payload as drawn at 31 December of ``year``: the actors joined by then and
 * the ties active then between them, one edge a pair (weights summed, kinds joined).
 * ``payload`` itself when ``year`` is null or it has no timeline. */
export function payloadAt(payload, year) {
  const line = payload && payload.timeline;
  if (!line || year === null || year === undefined) return payload;
  const kept = [];
  const position = new Int32Array(line.joined.length).fill(-1);
  line.joined.forEach((joined, i) => {
    if (joined === null || joined <= year) {
      position[i] = kept.length;
      kept.push(i);
    }
  });
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
  const edges = [];
  const weights = [];
  const kinds = [];
  let last = -1;
  for (let k = 0; k < line.weights.length; k++) {
    const i = position[line.ties[2 * k]];
    const j = position[line.ties[2 * k + 1]];
    if (i < 0 || j < 0 || !within(year, line.since[k], line.until[k])) continue;
    // Ties come sorted by pair: one pair's active ties are next to each other.
    if (last >= 0 && edges[2 * last] === i && edges[2 * last + 1] === j) {
      weights[last] += line.weights[k];
      kinds[last] |= line.kinds[k];
    } else {
      edges.push(i, j);
      weights.push(line.weights[k]);
      kinds.push(line.kinds[k]);
      last = weights.length - 1;
    }
  }
  shown.edges = edges;
  shown.weights = weights.map((w) => w || 1);
  shown.edgeKinds = kinds;
  return shown;
}
