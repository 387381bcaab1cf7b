// The drawing view: bpmn-js (vendored, see static/vendor/bpmn-js/VERSION) on the same draft as the
// table. Opening it asks the server for the table's BPMN with the positions kept for this SOP; saving
// sends the drawing back, where the same reader as an import turns it into the draft (or names each
// element it refuses). The bpmn.io watermark stays visible, as bpmn-js's licence requires.
(function () {
  "use strict";
  const view = document.getElementById("drawing-view");
  const tableView = document.getElementById("table-view");
  const form = document.getElementById("sop-form");
  const words = document.getElementById("editor-words");
  if (!view || !tableView || !form || !words) return;
  const say = words.dataset;
  const tableTab = document.getElementById("view-table");
  const drawingTab = document.getElementById("view-drawing");
  const state = document.getElementById("drawing-state");
  const problems = document.getElementById("drawing-problems");
  let modeler = null;

  function showProblems(list) {
    const items = problems.querySelector("ul");
    items.replaceChildren.apply(items, list.map(function (text) {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
    problems.hidden = list.length === 0;
  }
  function ensureModeler() {
    if (modeler) return modeler;
    if (typeof window.BpmnJS !== "function") {
      state.textContent = say.drawingOffline;
      return null;
    }
    modeler = new window.BpmnJS({container: "#drawing-canvas"});
    return modeler;
  }
  // The whole diagram in view, right of the tool palette (bpmn-js lays the palette over the canvas,
  // so a plain fit hides the start event's label under it). On a phone a fit would make the boxes
  // too small to read or touch: there the diagram starts readable at its left end, and is panned.
  const MARGIN = 12, NARROW = 700, READABLE = 0.6;
  function place(canvas) {
    canvas.zoom("fit-viewport");
    const box = canvas.viewbox();
    const inner = box.inner, outer = box.outer;
    if (!inner.width || !inner.height || !outer.width || !outer.height) return;
    const palette = view.querySelector(".djs-palette");
    const area = document.getElementById("drawing-canvas").getBoundingClientRect();
    const room = palette ? Math.max(0, palette.getBoundingClientRect().right - area.left) + MARGIN : MARGIN;
    let scale = Math.min((outer.width - room - MARGIN) / inner.width, (outer.height - 2 * MARGIN) / inner.height, 1);
    if (outer.width < NARROW) scale = Math.max(scale, READABLE);
    if (!(scale > 0)) return;
    canvas.viewbox({x: inner.x - room / scale, y: inner.y - MARGIN / scale, width: outer.width / scale,
      height: outer.height / scale});
  }
  function load() {
    const drawing = ensureModeler();
    if (!drawing) return Promise.resolve();
    state.textContent = say.drawingLoading;
    showProblems([]);
    return fetch(view.dataset.loadUrl, {method: "POST", body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin"})
      .then(function (answer) {
        return answer.text().then(function (text) { return {ok: answer.ok, text: text}; });
      }).then(function (result) {
        if (!result.ok) {
          state.textContent = "";
          showProblems(result.text.split("\n").filter(Boolean));
          return;
        }
        return drawing.importXML(result.text).then(function () {
          place(drawing.get("canvas"));
          state.textContent = "";
          view.dataset.loaded = "1";
        });
      }).catch(function (error) { state.textContent = String(error && error.message || error); });
  }
  function show(drawingWanted) {
    view.hidden = !drawingWanted;
    document.body.classList.toggle("drawing-mode", drawingWanted);
    tableView.hidden = drawingWanted;
    drawingTab.setAttribute("aria-pressed", drawingWanted ? "true" : "false");
    tableTab.setAttribute("aria-pressed", drawingWanted ? "false" : "true");
    if (drawingWanted) {
      if (window.location.hash !== "#gambar") history.replaceState(null, "", "#gambar");
      load();
    } else if (window.location.hash === "#gambar") {
      history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }
  tableTab.addEventListener("click", function () { show(false); });
  drawingTab.addEventListener("click", function () { show(true); });
  document.getElementById("drawing-reload").addEventListener("click", load);
  const save = document.getElementById("drawing-save");
  if (save) save.addEventListener("click", function () {
    if (!modeler) return;
    save.disabled = true;
    modeler.saveXML({format: true}).then(function (result) {
      const data = new FormData();
      data.append("csrf_token", form.querySelector("[name=csrf_token]").value);
      data.append("key", form.querySelector("[name=key]").value);
      data.append("bpmn", new Blob([result.xml], {type: "application/xml"}), "gambar.bpmn");
      return fetch(view.dataset.saveUrl, {method: "POST", body: data, credentials: "same-origin"});
    }).then(function (answer) {
      return answer.json();
    }).then(function (answer) {
      if (answer.url) {
        if (window.alurEditor) window.alurEditor.leave();
        const next = new URL(answer.url, window.location.href);
        if (next.pathname === window.location.pathname) {
          history.replaceState(null, "", next.pathname + next.search + "#gambar");
          window.location.reload();
        } else {
          window.location.assign(next.href);
        }
        return;
      }
      showProblems(answer.problems || []);
    }).catch(function (error) {
      showProblems([String(error && error.message || error)]);
    }).then(function () { save.disabled = false; });
  });
  if (window.location.hash === "#gambar") show(true);
})();
