// The ties: sigma's default tie program, drawn as plain triangles rather than instances,
// and as one-pixel lines where a band would be no wider than two pixels.
//
// As for the actors' discs (disc.js), sigma draws one instance of a six-corner band per tie,
// and Chromium's software WebGL (SwiftShader, no GPU) pays some 25 µs for each instance:
// 40,000 ties were about a second a frame. Written out, six vertices per tie in one buffer,
// they draw in milliseconds. The picture is the same: a band of the tie's thickness (at
// least ``minEdgeThickness`` pixels) with a feathered rim.
//
// Zoomed out, most ties are such thin bands, and filling them is then most of a still
// frame in software (some 0.4-0.5 s for 40,000 ties). A band at most LINE_MAX_PX device
// pixels wide fades across its whole width and inks about one pixel: it is drawn as a
// one-pixel line (``gl.LINES``) instead, which fills a third of the pixels. Each tie is
// written to both programs; the vertex shaders choose, at every frame, which one draws it
// (the other's copy is put outside the viewport), so zooming needs no reprocessing.

import { EdgeProgram, createEdgeCompoundProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";

const { UNSIGNED_BYTE, FLOAT, TRIANGLES, LINES } = WebGLRenderingContext;

/** Bands at most this many device pixels wide are drawn as one-pixel lines. */
export const LINE_MAX_PX = 2;

/** The band's two triangles: for each corner, which end (0 source, 1 target) and which side. */
const BAND_CORNERS = [
  [0, 1],
  [0, -1],
  [1, 1],
  [1, 1],
  [0, -1],
  [1, -1],
];
/** The line's two ends. */
const LINE_ENDS = [
  [0, 0],
  [1, 0],
];

/** GLSL: the tie's width on screen in device pixels, and where a vertex not drawn goes. */
const WIDTH = /* glsl */ `
float deviceWidth(float size) {
  return max(size / u_sizeRatio, u_minEdgeThickness) * u_pixelRatio;
}
const vec4 NOWHERE = vec4(2.0, 2.0, 0.0, 1.0);
`;

const BAND_VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute vec2 a_normal;
attribute float a_side;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;

varying vec4 v_color;
varying float v_side;
varying float v_thickness;
varying float v_feather;

const float bias = 255.0 / 254.0;
${WIDTH}
void main() {
  // a_normal: across the tie, as long as its size; a_side: which rim this corner is on.
  float size = length(a_normal);
  vec2 across = size > 0.0 ? a_normal / size : vec2(0.0);
  float pixels = max(size, u_minEdgeThickness * u_sizeRatio);
  float half_width = pixels * u_correctionRatio / u_sizeRatio;
  vec2 corner = a_position + a_side * across * half_width;
  gl_Position = vec4((u_matrix * vec3(corner, 1.0)).xy, 0.0, 1.0);
  // Thin enough for a line: the line program draws it.
  if (deviceWidth(size) <= ${LINE_MAX_PX.toFixed(1)}) gl_Position = NOWHERE;
  v_side = a_side;
  v_thickness = half_width / u_zoomRatio;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const BAND_FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying float v_side;
varying float v_thickness;
varying float v_feather;

void main() {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  // From the band's middle (0) to its rim (v_thickness), faded over the last v_feather.
  float fromMiddle = abs(v_side) * v_thickness;
  float fade = smoothstep(v_thickness - v_feather, v_thickness, fromMiddle);
  gl_FragColor = mix(v_color, vec4(0.0), fade);
  #endif
}
`;

const LINE_VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute vec2 a_normal;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_minEdgeThickness;

varying vec4 v_color;

const float bias = 255.0 / 254.0;
${WIDTH}
void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1.0)).xy, 0.0, 1.0);
  // Too wide for a line: the band program draws it.
  if (deviceWidth(length(a_normal)) > ${LINE_MAX_PX.toFixed(1)}) gl_Position = NOWHERE;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const LINE_FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;

void main() {
  gl_FragColor = v_color;
}
`;

const ATTRIBUTES = [
  { name: "a_position", size: 2, type: FLOAT },
  { name: "a_normal", size: 2, type: FLOAT },
  { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
  { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
  { name: "a_side", size: 1, type: FLOAT },
];

/** A tie's vertices, one per ``[end, side]`` of ``corners``, from ``startIndex`` in ``array``. */
function writeTie(array, startIndex, corners, edgeIndex, source, target, data) {
  const thickness = data.size || 1;
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.sqrt(dx * dx + dy * dy);
  const nx = length ? (-dy / length) * thickness : 0;
  const ny = length ? (dx / length) * thickness : 0;
  const colour = floatColor(data.color);
  let at = startIndex;
  for (const [end, side] of corners) {
    const point = end ? target : source;
    array[at++] = point.x;
    array[at++] = point.y;
    array[at++] = nx;
    array[at++] = ny;
    array[at++] = colour;
    array[at++] = edgeIndex;
    array[at++] = side;
  }
}

function setTieUniforms(params, { gl, uniformLocations: u }) {
  gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
  gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
  gl.uniform1f(u.u_pixelRatio, params.pixelRatio);
  gl.uniform1f(u.u_minEdgeThickness, params.minEdgeThickness);
  if (u.u_zoomRatio === undefined) return;
  gl.uniform1f(u.u_zoomRatio, params.zoomRatio);
  gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
  gl.uniform1f(u.u_feather, params.antiAliasingFeather);
}

/** The ties wider than LINE_MAX_PX device pixels: feathered bands. */
class TieBandProgram extends EdgeProgram {
  getDefinition() {
    return {
      VERTICES: BAND_CORNERS.length,
      VERTEX_SHADER_SOURCE: BAND_VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: BAND_FRAGMENT_SHADER,
      METHOD: TRIANGLES,
      UNIFORMS: [
        "u_matrix",
        "u_zoomRatio",
        "u_sizeRatio",
        "u_correctionRatio",
        "u_pixelRatio",
        "u_feather",
        "u_minEdgeThickness",
      ],
      ATTRIBUTES,
    };
  }

  processVisibleItem(edgeIndex, startIndex, source, target, data) {
    writeTie(this.array, startIndex, BAND_CORNERS, edgeIndex, source, target, data);
  }

  setUniforms(params, context) {
    setTieUniforms(params, context);
  }
}

/** The ties at most LINE_MAX_PX device pixels wide: one-pixel lines. */
class TieLineProgram extends EdgeProgram {
  getDefinition() {
    return {
      VERTICES: LINE_ENDS.length,
      VERTEX_SHADER_SOURCE: LINE_VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: LINE_FRAGMENT_SHADER,
      METHOD: LINES,
      UNIFORMS: ["u_matrix", "u_sizeRatio", "u_pixelRatio", "u_minEdgeThickness"],
      // a_side is unused by the line shader (inactive): kept so both write the same rows.
      ATTRIBUTES,
    };
  }

  processVisibleItem(edgeIndex, startIndex, source, target, data) {
    writeTie(this.array, startIndex, LINE_ENDS, edgeIndex, source, target, data);
  }

  setUniforms(params, context) {
    setTieUniforms(params, context);
  }
}

/** Sigma's ``line`` ties: the thin ones as lines first, then the wider ones as bands. */
export const TieProgram = createEdgeCompoundProgram([TieLineProgram, TieBandProgram]);
