// The ties' bands: sigma's default tie program, drawn as plain triangles rather than instances.
//
// As for the actors' discs (disc.js), sigma draws one instance of a six-corner band per tie,
// and Chromium's software WebGL (SwiftShader, no GPU) pays some 25 µs for each instance:
// 40,000 ties were about a second a frame. Written out, six vertices per tie in one buffer,
// they draw in milliseconds. The picture is the same: a band of the tie's thickness (at
// least ``minEdgeThickness`` pixels) with a feathered rim.

import { EdgeProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";

const { UNSIGNED_BYTE, FLOAT, TRIANGLES } = WebGLRenderingContext;

/** The band's two triangles: for each corner, which end (0 source, 1 target) and which side. */
const CORNERS = [
  [0, 1],
  [0, -1],
  [1, 1],
  [1, 1],
  [0, -1],
  [1, -1],
];

const VERTEX_SHADER = /* glsl */ `
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

void main() {
  // a_normal: across the tie, as long as its size; a_side: which rim this corner is on.
  float size = length(a_normal);
  vec2 across = size > 0.0 ? a_normal / size : vec2(0.0);
  float pixels = max(size, u_minEdgeThickness * u_sizeRatio);
  float half_width = pixels * u_correctionRatio / u_sizeRatio;
  vec2 corner = a_position + a_side * across * half_width;
  gl_Position = vec4((u_matrix * vec3(corner, 1.0)).xy, 0.0, 1.0);
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

const FRAGMENT_SHADER = /* glsl */ `
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

export class TieProgram extends EdgeProgram {
  getDefinition() {
    return {
      VERTICES: CORNERS.length,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
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
      ATTRIBUTES: [
        { name: "a_position", size: 2, type: FLOAT },
        { name: "a_normal", size: 2, type: FLOAT },
        { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_side", size: 1, type: FLOAT },
      ],
    };
  }

  processVisibleItem(edgeIndex, startIndex, source, target, data) {
    const thickness = data.size || 1;
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const length = Math.sqrt(dx * dx + dy * dy);
    const nx = length ? (-dy / length) * thickness : 0;
    const ny = length ? (dx / length) * thickness : 0;
    const colour = floatColor(data.color);
    const array = this.array;
    let at = startIndex;
    for (const [end, side] of CORNERS) {
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

  setUniforms(params, { gl, uniformLocations: u }) {
    gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
    gl.uniform1f(u.u_zoomRatio, params.zoomRatio);
    gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
    gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(u.u_pixelRatio, params.pixelRatio);
    gl.uniform1f(u.u_feather, params.antiAliasingFeather);
    gl.uniform1f(u.u_minEdgeThickness, params.minEdgeThickness);
  }
}
