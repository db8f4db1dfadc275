// Sigma's layers that drew nothing, hidden from the compositor until they draw again.
//
// Sigma stacks nine canvases and clears them all each frame. While the camera moves over a
// large network it draws the actors only (ties and labels hidden on move, view.js), and
// the hover layers hold something only when an actor is hovered or highlighted. Chromium
// still composites every visible canvas, which in software (no GPU) costs some 15-25 ms a
// frame for each WebGL canvas. A canvas left empty by the last pass that cleared it is
// given ``visibility: hidden``; it is shown again in the same task that draws in it, so the
// picture is the same. The mouse layer (events) and the actors' layer (picking) stay.

/** Sigma's layers that a frame may leave empty, by what draws them. */
const LAYERS = {
  ties: ["edges"],
  labels: ["labels"],
  edgeLabels: ["edgeLabels"],
  hovers: ["hovers", "hoverNodes"],
};

/** Whether sigma's hover pass has an actor to draw (the hovered one, or a highlighted one). */
function hoverToDraw(sigma) {
  const hovered = sigma.hoveredNode && sigma.nodeDataCache[sigma.hoveredNode];
  return Boolean(hovered && !hovered.hidden) || sigma.highlightedNodes.size > 0;
}

/** Call ``before`` then ``owner[name]`` then ``after``, whenever ``owner[name]`` is called. */
function wrap(owner, name, before, after = () => {}) {
  const original = owner[name].bind(owner);
  owner[name] = (...args) => {
    before();
    const result = original(...args);
    after();
    return result;
  };
}

/**
 * Keep the layers of ``sigma`` that its last pass left empty out of the compositor.
 *
 * Parameters
 * ----------
 * sigma : Sigma
 *     The renderer. Its ``clear``, ``renderLabels``, ``renderEdgeLabels``,
 *     ``renderHighlightedNodes`` and its tie programs' ``render`` are wrapped to note what
 *     each pass drew; what they draw is unchanged.
 */
export function hideEmptyLayers(sigma) {
  const canvases = sigma.getCanvases();
  const drawn = { ties: false, labels: false, edgeLabels: false, hovers: false };
  const apply = () => {
    for (const [what, layers] of Object.entries(LAYERS)) {
      const visibility = drawn[what] ? "" : "hidden";
      for (const layer of layers) {
        const style = canvases[layer] && canvases[layer].style;
        if (style && style.visibility !== visibility) style.visibility = visibility;
      }
    }
  };
  wrap(sigma, "clear", () => {
    for (const what of Object.keys(drawn)) drawn[what] = false;
  });
  for (const program of Object.values(sigma.edgePrograms)) {
    wrap(program, "render", () => {
      drawn.ties = true;
    });
  }
  wrap(sigma, "renderLabels", () => {
    drawn.labels = Boolean(sigma.getSetting("renderLabels"));
  });
  // The hover pass and the tie labels also run alone (an actor hovered between frames).
  wrap(
    sigma,
    "renderEdgeLabels",
    () => {
      drawn.edgeLabels = Boolean(sigma.getSetting("renderEdgeLabels"));
    },
    apply,
  );
  wrap(
    sigma,
    "renderHighlightedNodes",
    () => {
      drawn.hovers = hoverToDraw(sigma);
    },
    apply,
  );
  sigma.on("afterRender", apply);
}
