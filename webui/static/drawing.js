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
          drawing.get("canvas").zoom("fit-viewport");
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
