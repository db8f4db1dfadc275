// The actors' discs: sigma's node program, drawn as plain triangles rather than instances.
//
// Sigma's own disc program draws one instance of a three-corner mesh per actor. Chromium's
// software WebGL (SwiftShader, where there is no GPU) spends about 25 µs on each instance,
// so 10,000 actors took some 250 ms a pass and a frame has two passes (the picture and the
// picking texture). The same triangles written out, three vertices per actor in one
// buffer, draw in a few milliseconds there and as fast on a GPU. The picture is the same:
// each actor is a triangle around its disc, cut to the disc with a soft edge.

import { NodeProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";

const { UNSIGNED_BYTE, FLOAT, TRIANGLES } = WebGLRenderingContext;

/** The corners of a triangle around a unit disc, as angles. */
const CORNERS = [0, (2 * Math.PI) / 3, (4 * Math.PI) / 3];

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_corner;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_offset;
varying float v_radius;

const float bias = 255.0 / 254.0;

void main() {
  // The disc's radius in clip units; the triangle's corners are twice as far.
  float radius = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  vec2 offset = 2.0 * radius * vec2(cos(a_corner), sin(a_corner));
  gl_Position = vec4((u_matrix * vec3(a_position + offset, 1.0)).xy, 0.0, 1.0);
  v_offset = offset;
  v_radius = radius;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT_SHADER = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_offset;
varying float v_radius;

uniform float u_correctionRatio;

void main() {
  // Two pixels of soft edge inside the disc's rim; none for picking.
  float edge = 2.0 * u_correctionRatio;
  float outside = length(v_offset) - v_radius + edge;
  #ifdef PICKING_MODE
  gl_FragColor = outside > edge ? vec4(0.0) : v_color;
  #else
  gl_FragColor = mix(v_color, vec4(0.0), clamp(outside / edge, 0.0, 1.0));
  #endif
}
`;

export class DiscProgram extends NodeProgram {
  getDefinition() {
    return {
      VERTICES: CORNERS.length,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: TRIANGLES,
      UNIFORMS: ["u_sizeRatio", "u_correctionRatio", "u_matrix"],
      ATTRIBUTES: [
        { name: "a_position", size: 2, type: FLOAT },
        { name: "a_size", size: 1, type: FLOAT },
        { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_corner", size: 1, type: FLOAT },
      ],
    };
  }

  processVisibleItem(nodeIndex, startIndex, data) {
    const array = this.array;
    const colour = floatColor(data.color);
    let at = startIndex;
    for (const corner of CORNERS) {
      array[at++] = data.x;
      array[at++] = data.y;
      array[at++] = data.size;
      array[at++] = colour;
      array[at++] = nodeIndex;
      array[at++] = corner;
    }
  }

  setUniforms(params, { gl, uniformLocations }) {
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
  }
}
