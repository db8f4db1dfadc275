"""A frame reference for the browser bench: bare WebGL drawing the same actors and ties.

In a new tab of the same Chromium, a blank canvas of the network's size draws every actor
as a point and every tie as a line (two small shaders, one buffer each, no library),
moving and zooming the picture in a ``requestAnimationFrame`` loop for as long as the
bench's camera animation. Its draw time per frame and interval between frames are
measured as the renderer's are (``camera_frames``), so that ``ours / bare WebGL`` is a
ratio taken in the same run, on the same machine and the same (software) GL.

``points_only`` draws the actors alone: the fair reference for the renderer's camera moves
from ``SIMPLE_MOVES_FROM`` ties (``src/view.js``), which hide the ties until the camera stops.
"""

from __future__ import annotations

import statistics
from typing import Any

#: The page's script: arguments ``[width, height, xs, ys, ends, milliseconds, done]``.
BARE_WEBGL = """
var width = arguments[0], height = arguments[1], xs = arguments[2], ys = arguments[3];
var ends = arguments[4], duration = arguments[5], done = arguments[6];
var canvas = document.createElement('canvas');
var ratio = window.devicePixelRatio || 1;
canvas.width = width * ratio; canvas.height = height * ratio;
canvas.style.width = width + 'px'; canvas.style.height = height + 'px';
document.body.style.margin = '0'; document.body.appendChild(canvas);
var gl = canvas.getContext('webgl', {antialias: false});
if (!gl) { done(null); return; }
function shader(type, text) {
  var s = gl.createShader(type); gl.shaderSource(s, text); gl.compileShader(s); return s;
}
var program = gl.createProgram();
gl.attachShader(program, shader(gl.VERTEX_SHADER,
  'attribute vec2 p; uniform vec3 camera; uniform float size;' +
  'void main() { gl_Position = vec4((p - camera.xy) / camera.z * 2.0, 0.0, 1.0);' +
  ' gl_PointSize = size; }'));
gl.attachShader(program, shader(gl.FRAGMENT_SHADER,
  'precision mediump float; uniform vec4 colour; void main() { gl_FragColor = colour; }'));
gl.linkProgram(program); gl.useProgram(program);
var p = gl.getAttribLocation(program, 'p');
var camera = gl.getUniformLocation(program, 'camera');
var size = gl.getUniformLocation(program, 'size');
var colour = gl.getUniformLocation(program, 'colour');
var n = xs.length, x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
for (var j = 0; j < n; j++) {
  x0 = Math.min(x0, xs[j]); x1 = Math.max(x1, xs[j]);
  y0 = Math.min(y0, ys[j]); y1 = Math.max(y1, ys[j]);
}
var span = Math.max(x1 - x0, y1 - y0) || 1;
var points = new Float32Array(2 * n);
for (var i = 0; i < n; i++) {
  points[2 * i] = (xs[i] - x0) / span; points[2 * i + 1] = (ys[i] - y0) / span;
}
var lines = new Float32Array(2 * ends.length);
for (var k = 0; k < ends.length; k++) {
  lines[2 * k] = points[2 * ends[k]]; lines[2 * k + 1] = points[2 * ends[k] + 1];
}
function buffer(data) {
  var b = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, b);
  gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW); return b;
}
var pointBuffer = buffer(points), lineBuffer = buffer(lines);
gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
gl.viewport(0, 0, canvas.width, canvas.height); gl.enableVertexAttribArray(p);
function draw(share) {
  var zoom = 1 - 0.8 * Math.sin(Math.PI * share);
  gl.uniform3f(camera, 0.5 - 0.1 * share, 0.5 + 0.1 * share, zoom);
  gl.clearColor(1, 1, 1, 1); gl.clear(gl.COLOR_BUFFER_BIT);
  gl.bindBuffer(gl.ARRAY_BUFFER, lineBuffer); gl.vertexAttribPointer(p, 2, gl.FLOAT, false, 0, 0);
  gl.uniform4f(colour, 0.76, 0.79, 0.83, 1); gl.drawArrays(gl.LINES, 0, ends.length);
  gl.bindBuffer(gl.ARRAY_BUFFER, pointBuffer); gl.vertexAttribPointer(p, 2, gl.FLOAT, false, 0, 0);
  gl.uniform1f(size, 6 * ratio); gl.uniform4f(colour, 0.2, 0.4, 0.7, 1);
  gl.drawArrays(gl.POINTS, 0, n);
}
var renders = [], stamps = [], began = 0;
draw(0); gl.finish();  // compiles and uploads before the clock starts
function frame() {
  if (!began) began = performance.now();
  var start = performance.now(), share = Math.min(1, (start - began) / duration);
  draw(share);
  var end = performance.now(); renders.push(end - start); stamps.push(end);
  if (share < 1) requestAnimationFrame(frame);
  else {
    var gaps = [];
    for (var i = 1; i < stamps.length; i++) gaps.push(stamps[i] - stamps[i - 1]);
    done({renders: renders, gaps: gaps});
  }
}
requestAnimationFrame(frame);
"""

#: What the Explore page's renderer holds: the canvas size and the payload's geometry.
GEOMETRY = (
    "var s = v.renderer.getDimensions(), p = v.payload;"
    "return [s.width, s.height, p.x, p.y, p.edges];"
)


def bare_webgl_frames(
    driver: Any, geometry: list, milliseconds: float = 2000, points_only: bool = False
) -> dict[str, Any]:
    """Frames of bare WebGL drawing ``geometry`` (from ``GEOMETRY``) in a new tab.

    The actors alone when ``points_only``. The tab is closed afterwards and the driver is
    back on the window it was on.
    """
    width, height, xs, ys, ends = geometry
    if points_only:
        ends = []
    back = driver.current_window_handle
    driver.switch_to.new_window("tab")
    try:
        driver.get("about:blank")
        found = driver.execute_async_script(BARE_WEBGL, width, height, xs, ys, ends, milliseconds)
    finally:
        driver.close()
        driver.switch_to.window(back)
    if not found:
        raise RuntimeError("no WebGL in this browser")
    return frame_summary(found["renders"], found["gaps"])


def frame_summary(renders: list[float], gaps: list[float]) -> dict[str, Any]:
    """Count, median and 95th percentile of frame render times and intervals, in ms."""
    return {
        "frames": len(renders),
        "render_p50_ms": statistics.median(renders),
        "render_p95_ms": percentile(renders, 0.95),
        "interval_p50_ms": statistics.median(gaps),
        "interval_p95_ms": percentile(gaps, 0.95),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]
