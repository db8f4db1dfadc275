// The Dash component: props in, events out through setProps. React comes from
// the page (Dash's renderer provides window.React); it is not bundled.

import { legendEntries, word } from "./graph.js";
import { downloadPng, downloadSvg } from "./picture.js";
import { payloadAt } from "./timeline.js";
import { NetworkRenderer } from "./view.js";

const React = window.React;
const h = React.createElement;
const { useEffect, useMemo, useRef, useState } = React;

const STAGE = { position: "absolute", top: 0, right: 0, bottom: 0, left: 0 };
const TOOLBAR = { position: "absolute", top: 8, right: 8, display: "flex", gap: 4, zIndex: 2 };
const BUTTON = {
  minWidth: 30,
  height: 28,
  padding: "0 6px",
  border: "1px solid #c3cad3",
  borderRadius: 4,
  background: "rgba(255,255,255,0.92)",
  font: "13px Helvetica, Arial, sans-serif",
  cursor: "pointer",
};
/** The legend is a column beside the drawing (never over it), scrolled when long. */
export const LEGEND_WIDTH = 176;
const LEGEND = {
  position: "absolute",
  left: 0,
  top: 0,
  bottom: 0,
  width: LEGEND_WIDTH,
  boxSizing: "border-box",
  display: "flex",
  flexDirection: "column",
  gap: 3,
  padding: "6px 6px 6px 4px",
  overflowY: "auto",
  borderRight: "1px solid #e4e7eb",
  zIndex: 2,
};
const LEGEND_HEAD = { display: "flex", alignItems: "center", gap: 4, font: "bold 12px Helvetica, Arial, sans-serif" };
const ITEM = {
  display: "flex",
  alignItems: "center",
  gap: 5,
  padding: "1px 6px",
  border: "1px solid #dde1e6",
  borderRadius: 10,
  background: "rgba(255,255,255,0.92)",
  font: "12px Helvetica, Arial, sans-serif",
  textAlign: "left",
};
const SHOW_LEGEND = { ...BUTTON, position: "absolute", left: 4, top: 4, zIndex: 2 };
const SWATCH = { display: "inline-block", width: 10, height: 10, borderRadius: "50%" };

/** Inputs one clicks rather than types in: Esc there still clears the selection. */
const NOT_TYPED = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

/** Whether a key pressed on ``target`` belongs to it: the user types there, or a
 * dropdown there is open (its Esc closes it). */
function keyBelongsTo(target) {
  if (!target || !target.closest) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === "INPUT") return !NOT_TYPED.has((target.type || "text").toLowerCase());
  return Boolean(target.closest('textarea, select, [aria-expanded="true"], [role="listbox"]'));
}

function Toolbar({ view, name, labels, legend }) {
  const act = (fn) => (event) => {
    event.stopPropagation();
    if (view.current) fn(view.current);
  };
  const button = (key, text, title, fn) =>
    h(
      "button",
      { key, type: "button", className: `nv-button nv-${key}`, title, onClick: act(fn), style: BUTTON },
      text,
    );
  return h("div", { className: "nv-toolbar", style: TOOLBAR }, [
    button("zoom-in", "+", word(labels, "zoomIn"), (v) => v.zoomIn()),
    button("zoom-out", "\u2212", word(labels, "zoomOut"), (v) => v.zoomOut()),
    button("fit", "\u2922", word(labels, "fit"), (v) => v.fit()),
    button("png", "PNG", word(labels, "png"), (v) => downloadPng(v.renderer, name, legend())),
    button("svg", "SVG", word(labels, "svg"), (v) => downloadSvg(v.renderer, name, legend())),
  ]);
}

function Legend({ payload, colouring, visibleSectors, onToggle, onOpen, onClose, labels }) {
  if (!payload || !payload.ids || !payload.ids.length) return null;
  const visible = visibleSectors || payload.sectors;
  const hidden = new Set(payload.sectors.filter((s) => !visible.includes(s)));
  const entries = legendEntries(payload, colouring, labels, hidden);
  const locale = word(labels, "locale");
  const byCommunity = colouring === "community" && payload.community && !payload.opened;
  const head = [
    h("span", { key: "t", style: { flex: 1 } }, payload.opened ? word(labels, "community", { n: payload.opened }) : word(labels, "legend")),
    h(
      "button",
      { key: "x", type: "button", className: "nv-legend-hide", title: word(labels, "hideLegend"), onClick: onClose, style: { ...BUTTON, minWidth: 22, height: 22 } },
      "\u2039",
    ),
  ];
  const rows = [h("div", { key: "head", className: "nv-legend-head", style: LEGEND_HEAD }, head)];
  if (payload.opened) {
    rows.push(
      h(
        "button",
        { key: "whole", type: "button", className: "nv-whole", onClick: () => onOpen(null), style: { ...BUTTON, height: 26, marginBottom: 4 } },
        `\u2190 ${word(labels, "whole")}`,
      ),
    );
  }
  for (const entry of entries) {
    const opens = byCommunity && entry.community;
    const toggles = !byCommunity;
    const off = toggles && hidden.has(entry.key);
    let title;
    if (opens) title = word(labels, "open", { label: entry.label });
    else if (toggles) title = word(labels, off ? "show" : "hide", { label: entry.label });
    rows.push(
      h(
        opens || toggles ? "button" : "span",
        {
          key: entry.key,
          type: opens || toggles ? "button" : undefined,
          className: `nv-legend-item${off ? " nv-off" : ""}${opens ? " nv-open" : ""}`,
          "data-key": entry.key,
          "data-community": opens ? entry.community : undefined,
          title,
          onClick: opens ? () => onOpen(entry.community) : toggles ? () => onToggle(entry.key) : undefined,
          style: { ...ITEM, opacity: off ? 0.45 : 1, cursor: opens || toggles ? "pointer" : "default" },
        },
        [
          h("span", { key: "s", className: "nv-swatch", style: { ...SWATCH, background: entry.colour } }),
          h("span", { key: "t", style: { flex: 1 } }, entry.label),
          h("span", { key: "n", className: "nv-count" }, entry.count.toLocaleString(locale)),
        ],
      ),
    );
  }
  return h("div", { className: "nv-legend", style: LEGEND }, rows);
}

export default function NetworkView(props) {
  const {
    id,
    payload: whole,
    year = null,
    selected,
    path,
    visibleSectors,
    visibleKinds,
    minWeight = 0,
    neighbourhood,
    colouring = "sector",
    focus,
    n_clicks = 0,
    n_cleared = 0,
    filename = "network",
    community = null,
    caption = "",
    labels,
    className,
    style,
    setProps,
  } = props;
  const box = useRef(null);
  const stage = useRef(null);
  const view = useRef(null);
  const counters = useRef({ clicks: n_clicks, cleared: n_cleared });
  const [ready, setReady] = useState(false);
  const [legendOpen, setLegendOpen] = useState(true);
  // A step of the date is drawn here and now; the server's answer only resizes.
  const payload = useMemo(() => payloadAt(whole, year), [whole, year]);
  counters.current = { clicks: n_clicks, cleared: n_cleared };
  const clear = () => {
    if (view.current) view.current.setSelected(null);
    setProps({ clickedNode: null, n_cleared: counters.current.cleared + 1, selected: null });
  };

  useEffect(() => {
    const renderer = new NetworkRenderer(stage.current, {
      // The selection is drawn at once; Dash hears of it through the same props.
      onClickNode: (node) => {
        const clicks = counters.current.clicks + 1;
        renderer.setSelected(node);
        setProps({ clickedNode: node, n_clicks: clicks, selected: node });
      },
      onClear: () => clear(),
    });
    view.current = renderer;
    box.current.__networkView = renderer;
    setReady(true);
    return () => {
      renderer.kill();
      view.current = null;
      if (box.current) delete box.current.__networkView;
    };
  }, []);

  useEffect(() => {
    if (ready && payload) view.current.setPayload(payload, colouring);
  }, [ready, payload]);

  useEffect(() => {
    if (ready) view.current.setColouring(colouring);
  }, [ready, colouring]);

  useEffect(() => {
    if (ready) view.current.setVisibleSectors(visibleSectors);
  }, [ready, payload, visibleSectors]);

  useEffect(() => {
    if (ready) view.current.setTieFilter(visibleKinds, minWeight);
  }, [ready, payload, visibleKinds, minWeight]);

  useEffect(() => {
    if (ready) view.current.setNeighbourhood(neighbourhood);
  }, [ready, payload, neighbourhood]);

  useEffect(() => {
    if (ready) view.current.setSelected(selected);
  }, [ready, payload, selected]);

  useEffect(() => {
    if (ready) view.current.setPath(path);
  }, [ready, payload, path]);

  useEffect(() => {
    if (!ready || !focus) return;
    view.current.flyTo(focus);
    setProps({ focus: null });
  }, [ready, payload, focus]);

  const toggle = (sector) => {
    const all = (payload && payload.sectors) || [];
    const visible = visibleSectors || all;
    const next = visible.includes(sector)
      ? visible.filter((s) => s !== sector)
      : all
          .filter((s) => s === sector || visible.includes(s))
          .concat(visible.filter((s) => !all.includes(s)));
    setProps({ visibleSectors: next });
  };

  // The drawing takes the room the legend leaves: sigma hears of its new size.
  useEffect(() => {
    if (!ready) return;
    view.current.renderer.resize();
    view.current.renderer.refresh();
  }, [ready, legendOpen]);

  const open = (number) => {
    if ((number || null) !== (community || null)) setProps({ community: number || null });
  };
  const hasLegend = Boolean(payload && payload.ids && payload.ids.length);
  const shownLegend = legendOpen && hasLegend;

  // Esc clears the selection wherever the focus is, but not from a field or an open list.
  const escape = useRef(null);
  escape.current = (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || keyBelongsTo(event.target)) return;
    if (view.current && view.current.selected) clear();
  };
  useEffect(() => {
    const listener = (event) => escape.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  // What the exported picture says under it: the colours drawn, territory and date.
  const legend = () => ({
    entries: payload && payload.ids ? legendEntries(payload, colouring, labels) : [],
    colouring: colouring === "community" && payload && payload.community ? "community" : "sector",
    caption,
    locale: word(labels, "locale"),
  });

  return h(
    "div",
    {
      id,
      ref: box,
      className: `network-view${className ? ` ${className}` : ""}`,
      style: { position: "relative", height: "600px", ...style },
      tabIndex: 0,
      onMouseDown: () => box.current && box.current.focus({ preventScroll: true }),
    },
    [
      h("div", {
        key: "stage",
        ref: stage,
        className: "nv-stage",
        style: { ...STAGE, left: shownLegend ? LEGEND_WIDTH : 0 },
      }),
      h(Toolbar, { key: "toolbar", view, name: filename, labels, legend }),
      shownLegend
        ? h(Legend, {
            key: "legend",
            payload,
            colouring,
            visibleSectors,
            labels,
            onToggle: toggle,
            onOpen: open,
            onClose: () => setLegendOpen(false),
          })
        : hasLegend &&
          h(
            "button",
            {
              key: "legend",
              type: "button",
              className: "nv-button nv-legend-show",
              title: word(labels, "legend"),
              onClick: () => setLegendOpen(true),
              style: SHOW_LEGEND,
            },
            `${payload.opened ? word(labels, "community", { n: payload.opened }) : word(labels, "legend")} \u203a`,
          ),
    ],
  );
}
