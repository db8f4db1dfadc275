// Restyle some actors and ties without sigma reprocessing the others, keeping the draw
// order of its zIndex rule. Sigma 3.0's partial refresh rewrites each item in its own draw
// slot, so an actor raised by a new focus would stay drawn under the others; here the
// fewest items change slots so that every drawn item of a program is in rising zIndex
// order again. This reads sigma's internals (its item caches and program slots, as
// `refresh` itself does): sigma is pinned.
//
// What the full refresh would do besides (the label grid, the extent, the slots' count)
// depends on the actors' positions, sizes and hidden flags only; a restyle that changes
// none of those (a focus, a path) draws as that refresh would.

/** The level an item is drawn at; null for a hidden item (drawn nowhere: any slot suits). */
function level(data) {
  return data.hidden ? null : data.zIndex || 0;
}

/** ``[item, slot]`` to write so that every drawn item of the restyled ``items``' program is
 * in rising zIndex order: the restyled items, and the fewest others that must move (each
 * item drawn out of its level's run of slots trades its slot with one in that run).
 * Null when the restyled items belong to several programs. */
function slotsKeepingOrder(items, cache, slotOf, forEachItem) {
  if (!items.length) return [];
  const type = cache[items[0]].type;
  if (items.some((item) => cache[item].type !== type)) return null;
  const bySlot = [];
  const counts = new Map();
  forEachItem((item) => {
    const data = cache[item];
    if (data.type !== type) return;
    bySlot[slotOf[item]] = item;
    const z = level(data);
    if (z !== null) counts.set(z, (counts.get(z) || 0) + 1);
  });
  // Drawn items in slot order: the first counts[z0] belong to the lowest level, and so on.
  const levels = [...counts.keys()].sort((a, b) => a - b);
  const holes = new Map(levels.map((z) => [z, []]));
  const strays = new Map(levels.map((z) => [z, []]));
  let run = 0;
  let left = levels.length ? counts.get(levels[0]) : 0;
  for (let slot = 0; slot < bySlot.length; slot++) {
    const item = bySlot[slot];
    if (item === undefined) continue;
    const z = level(cache[item]);
    if (z === null) continue;
    while (left === 0) left = counts.get(levels[++run]);
    left -= 1;
    if (z !== levels[run]) {
      holes.get(levels[run]).push(slot);
      strays.get(z).push(item);
    }
  }
  const writes = new Map();
  for (const z of levels) strays.get(z).forEach((item, k) => writes.set(item, holes.get(z)[k]));
  for (const item of items) if (!writes.has(item)) writes.set(item, slotOf[item]);
  return [...writes];
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
