"""An interactive page of a network that works offline: one HTML file, no CDN, no library.

The page holds the picture as inline SVG and about sixty lines of its own JavaScript: hover over a
person for their title; type in the box to find people by label (or name); click a legend entry to
hide or show that wave or group; raise the slider to hide people below a value of the size measure;
click a person to pick out their ties; scroll to zoom and drag to move.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from focus.network.render import Picture, svg_body

_STYLE = """
body { font-family: Helvetica, Arial, sans-serif; margin: 0; color: #222; }
header { padding: 8px 16px; background: #f4f4f4; border-bottom: 1px solid #ddd; }
header label { margin-right: 18px; font-size: 14px; }
#view { width: 100%; height: calc(100vh - 60px); display: block; cursor: grab; }
.dim { opacity: 0.12; }
.gone { display: none; }
.hit { stroke: #000 !important; stroke-width: 2.5 !important; }
.key { cursor: pointer; }
.key.off { opacity: 0.3; }
p.note { font-size: 12px; color: #555; margin: 4px 0 0 0; }
"""

_SCRIPT = """
(function () {
  var svg = document.getElementById('view');
  var people = Array.prototype.slice.call(svg.querySelectorAll('#people circle'));
  var ties = Array.prototype.slice.call(svg.querySelectorAll('#ties line'));
  var names = Array.prototype.slice.call(svg.querySelectorAll('#names text'));
  var byIndex = {};
  people.forEach(function (c) { byIndex[c.dataset.i] = c; });
  var hidden = {}, picked = null;
  var search = document.getElementById('search'), slider = document.getElementById('least');
  function visible(i) {
    var c = byIndex[i];
    return !hidden[c.dataset.cat] && parseFloat(c.dataset.v) >= parseFloat(slider.value);
  }
  function update() {
    var q = search.value.trim().toLowerCase();
    var near = {};
    if (picked !== null) {
      near[picked] = true;
      ties.forEach(function (t) {
        if (t.dataset.a === picked) { near[t.dataset.b] = true; }
        if (t.dataset.b === picked) { near[t.dataset.a] = true; }
      });
    }
    people.forEach(function (c) {
      var i = c.dataset.i;
      c.classList.toggle('gone', !visible(i));
      var hit = q !== '' && c.dataset.s.indexOf(q) >= 0;
      c.classList.toggle('hit', hit);
      c.classList.toggle('dim', (q !== '' && !hit) || (picked !== null && !near[i]));
    });
    ties.forEach(function (t) {
      var shown = visible(t.dataset.a) && visible(t.dataset.b);
      t.classList.toggle('gone', !shown);
      t.classList.toggle('dim', picked !== null && t.dataset.a !== picked && t.dataset.b !== picked);
    });
    names.forEach(function (n) { n.classList.toggle('gone', !visible(n.dataset.i)); });
    document.getElementById('least-value').textContent = slider.value;
  }
  Array.prototype.slice.call(svg.querySelectorAll('.key')).forEach(function (k) {
    k.addEventListener('click', function () {
      hidden[k.dataset.cat] = !hidden[k.dataset.cat];
      k.classList.toggle('off', hidden[k.dataset.cat]);
      update();
    });
  });
  people.forEach(function (c) {
    c.addEventListener('click', function (e) {
      picked = picked === c.dataset.i ? null : c.dataset.i; e.stopPropagation(); update();
    });
  });
  search.addEventListener('input', update);
  slider.addEventListener('input', update);
  var box = svg.viewBox.baseVal, drag = null;
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var f = e.deltaY > 0 ? 1.15 : 1 / 1.15, r = svg.getBoundingClientRect();
    var px = box.x + (e.clientX - r.left) / r.width * box.width;
    var py = box.y + (e.clientY - r.top) / r.height * box.height;
    box.x = px - (px - box.x) * f; box.y = py - (py - box.y) * f;
    box.width *= f; box.height *= f;
  }, { passive: false });
  svg.addEventListener('mousedown', function (e) { drag = [e.clientX, e.clientY]; });
  window.addEventListener('mouseup', function () { drag = null; });
  window.addEventListener('mousemove', function (e) {
    if (!drag) { return; }
    var r = svg.getBoundingClientRect();
    box.x -= (e.clientX - drag[0]) / r.width * box.width;
    box.y -= (e.clientY - drag[1]) / r.height * box.height;
    drag = [e.clientX, e.clientY];
  });
  svg.addEventListener('click', function () { if (picked !== null) { picked = null; update(); } });
  update();
})();
"""


def render_html(item: Picture, note: str = "") -> str:
    """A self-contained interactive page (HTML, inline SVG and script; nothing fetched)."""
    top = max(item.size_values, default=0.0)
    step = top / 100 if top > 0 else 1
    measure = escape(item.size_by or "size")
    body = "\n".join(svg_body(item, interactive=True))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{escape(item.title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            "<header>",
            '<label>Find <input id="search" type="search" placeholder="label or name"></label>',
            (
                f'<label>Least {measure} <input id="least" type="range" min="0" max="{top:.6g}" '
                f'step="{step:.6g}" value="0"> <span id="least-value">0</span></label>'
            ),
            (
                "<label>Click a legend entry to hide it; click a person for their ties; "
                "scroll to zoom, drag to move.</label>"
            ),
            f'<p class="note">{escape(note)}</p>',
            "</header>",
            (
                f'<svg id="view" viewBox="0 0 {item.width} {item.height}" '
                'preserveAspectRatio="xMidYMid meet">'
            ),
            body,
            "</svg>",
            f"<script>{_SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
