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
  const levels = [];
  const counts = {};
  let rising = true;
  let top = -Infinity;
  forEachItem((item) => {
    const data = cache[item];
    if (data.type !== type) return;
    const slot = slotOf[item];
    bySlot[slot] = item;
    const z = level(data);
    levels[slot] = z;
    if (z !== null) counts[z] = (counts[z] || 0) + 1;
  });
  for (let slot = 0; slot < levels.length && rising; slot++) {
    const z = levels[slot];
    if (z === null || z === undefined) continue;
    if (z < top) rising = false;
    else top = z;
  }
  const writes = new Map();
  if (!rising) {
    // Drawn items in slot order: the first counts[z0] belong to the lowest level, and so on.
    const order = Object.keys(counts)
      .map(Number)
      .sort((a, b) => a - b);
    const holes = {};
    const strays = {};
    for (const z of order) {
      holes[z] = [];
      strays[z] = [];
    }
    let run = 0;
    let left = order.length ? counts[order[0]] : 0;
    for (let slot = 0; slot < levels.length; slot++) {
      const z = levels[slot];
      if (z === null || z === undefined) continue;
      while (left === 0) left = counts[order[++run]];
      left -= 1;
      if (z !== order[run]) {
        holes[order[run]].push(slot);
        strays[z].push(bySlot[slot]);
      }
    }
    for (const z of order) strays[z].forEach((item, k) => writes.set(item, holes[z][k]));
  }
  for (const item of items) if (!writes.has(item)) writes.set(item, slotOf[item]);
  return writes;
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
