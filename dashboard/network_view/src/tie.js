// The ties: sigma's default tie program, drawn as plain triangles rather than instances,
// and as one-pixel lines side by side where a band would be narrower than 4.5 pixels.
//
// As for the actors' discs (disc.js), sigma draws one instance of a six-corner band per tie,
// and Chromium's software WebGL (SwiftShader, no GPU) pays some 25 µs for each instance:
// 40,000 ties were about a second a frame. Written out, six vertices per tie in one buffer,
// they draw in milliseconds. The picture is the same: a band of the tie's thickness (at
// least ``minEdgeThickness`` pixels) with a feathered rim.
//
// Filling thin feathered bands is most of a still frame in software (some 0.5-1 s for
// 40,000 ties). A band w pixels wide fades over a pixel on each rim and inks about w - 1
// pixels: below LINES_BELOW_PX it is drawn as that many one-pixel lines (``gl.LINES``, one
// to three lanes side by side), which fill fewer pixels with a plain colour. Each tie is
// written to both programs; the vertex shaders choose, at every frame, which one draws it
// (the other's copy is put outside the viewport), so zooming needs no reprocessing.

import { EdgeProgram, createEdgeCompoundProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";

const { UNSIGNED_BYTE, FLOAT, TRIANGLES, LINES } = WebGLRenderingContext;

/** Bands narrower than this many device pixels are drawn as one-pixel lines side by side. */
export const LINES_BELOW_PX = 4.5;

/** The band's two triangles: for each corner, which end (0 source, 1 target) and which side. */
const BAND_CORNERS = [
  [0, 1],
  [0, -1],
  [1, 1],
  [1, 1],
  [0, -1],
  [1, -1],
];
/** Up to three one-pixel lines side by side: for each end, which end and which lane. */
const LANE_ENDS = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
  [0, 2],
  [1, 2],
];

/** GLSL: the tie's width on screen in device pixels, and where a vertex not drawn goes. */
const WIDTH = /* glsl */ `
float deviceWidth(float size) {
  return max(size / u_sizeRatio, u_minEdgeThickness) * u_pixelRatio;
}
const float LINES_BELOW = ${LINES_BELOW_PX.toFixed(1)};
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
  // Thin enough for lines: the lane program draws it.
  if (deviceWidth(size) < LINES_BELOW) gl_Position = NOWHERE;
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
attribute float a_side;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;

varying vec4 v_color;

const float bias = 255.0 / 254.0;
${WIDTH}
void main() {
  // A band w pixels wide, feathered over a pixel on each rim, inks about w - 1 pixels:
  // as many lanes (at least one), a device pixel apart; a_side is this vertex's lane.
  float size = length(a_normal);
  float width = deviceWidth(size);
  float lanes = max(1.0, floor(width - 0.5));
  vec2 across = size > 0.0 ? a_normal / size : vec2(0.0);
  float pixel = 2.0 * u_correctionRatio / u_pixelRatio;
  vec2 at = a_position + across * (a_side - (lanes - 1.0) / 2.0) * pixel;
  gl_Position = vec4((u_matrix * vec3(at, 1.0)).xy, 0.0, 1.0);
  // Too wide for lines (the band program draws it), or a lane this tie does not use.
  if (width >= LINES_BELOW || a_side >= lanes) gl_Position = NOWHERE;
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

/** A tie's vertices, one per ``[end, side or lane]`` of ``corners``, from ``startIndex`` in ``array``. */
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
  gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
  if (u.u_zoomRatio === undefined) return;
  gl.uniform1f(u.u_zoomRatio, params.zoomRatio);
  gl.uniform1f(u.u_feather, params.antiAliasingFeather);
}

/** The ties at least LINES_BELOW_PX device pixels wide: feathered bands. */
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

/** The ties narrower than LINES_BELOW_PX device pixels: one to three one-pixel lines. */
class TieLineProgram extends EdgeProgram {
  getDefinition() {
    return {
      VERTICES: LANE_ENDS.length,
      VERTEX_SHADER_SOURCE: LINE_VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: LINE_FRAGMENT_SHADER,
      METHOD: LINES,
      UNIFORMS: ["u_matrix", "u_sizeRatio", "u_pixelRatio", "u_correctionRatio", "u_minEdgeThickness"],
      ATTRIBUTES,
    };
  }

  processVisibleItem(edgeIndex, startIndex, source, target, data) {
    writeTie(this.array, startIndex, LANE_ENDS, edgeIndex, source, target, data);
  }

  setUniforms(params, context) {
    setTieUniforms(params, context);
  }
}

/** Sigma's ``line`` ties: the thin ones as lines first, then the wider ones as bands. */
export const TieProgram = createEdgeCompoundProgram([TieLineProgram, TieBandProgram]);
