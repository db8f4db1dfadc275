// Restyle some actors and ties without sigma reprocessing the others, keeping the draw
// order of its zIndex rule. Sigma 3.0's partial refresh rewrites each item in its own draw
// slot, so an actor raised by a new focus would stay drawn under the others; here the
// restyled items share out their slots again by their new zIndex. This reads sigma's
// internals (its item caches and program slots, as `refresh` itself does): sigma is pinned.

function level(data) {
  return data.hidden ? -Infinity : data.zIndex || 0;
}

/** ``[item, slot]`` for the restyled ``items`` so that every drawn item of their program
 * is in rising zIndex order, or null when their slots cannot give that order. */
function slotsKeepingOrder(items, cache, slotOf, forEachItem) {
  if (!items.length) return [];
  const type = cache[items[0]].type;
  if (items.some((item) => cache[item].type !== type)) return null;
  const slots = items.map((item) => slotOf[item]).sort((a, b) => a - b);
  const ordered = [...items].sort((a, b) => {
    const za = level(cache[a]);
    const zb = level(cache[b]);
    return za < zb ? -1 : za > zb ? 1 : 0;
  });
  const levels = [];
  forEachItem((item) => {
    if (cache[item].type === type) levels[slotOf[item]] = level(cache[item]);
  });
  ordered.forEach((item, k) => {
    levels[slots[k]] = level(cache[item]);
  });
  let top = -Infinity;
  for (const z of levels) {
    if (z === undefined || z === -Infinity) continue;
    if (z < top) return null;
    top = z;
  }
  return ordered.map((item, k) => [item, slots[k]]);
}

/** Restyle ``nodes`` and ``edges`` of ``renderer`` (its reducers again) and draw: true,
 * or false, with nothing drawn, when the order needs sigma's full refresh. */
export function restyleKeepingOrder(renderer, nodes, edges) {
  const r = renderer;
  if (r.needToProcess) return false;
  for (const node of nodes) r.updateNode(node);
  for (const edge of edges) r.updateEdge(edge);
  const graph = r.getGraph();
  const nodeSlots = slotsKeepingOrder(nodes, r.nodeDataCache, r.nodeProgramIndex, (f) =>
    graph.forEachNode(f),
  );
  const edgeSlots =
    nodeSlots &&
    slotsKeepingOrder(edges, r.edgeDataCache, r.edgeProgramIndex, (f) => graph.forEachEdge(f));
  if (!edgeSlots) return false;
  for (const [node, slot] of nodeSlots) r.addNodeToProgram(node, r.nodeIndices[node], slot);
  for (const [edge, slot] of edgeSlots) r.addEdgeToProgram(edge, r.edgeIndices[edge], slot);
  r.render();
  return true;
}
