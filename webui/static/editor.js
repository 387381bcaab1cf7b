// The table editor: add and remove rows, keep NO numbers and the pelaksana list in step. The
// server does every check; this only saves retyping.
(function () {
  "use strict";
  const body = document.querySelector("#steps tbody");
  if (!body) return;
  function renumber() {
    body.querySelectorAll("tr").forEach(function (row, index) {
      row.querySelector(".no").textContent = String(index + 1);
    });
  }
  function showTargets(row) {
    const kind = row.querySelector("select.kind").value;
    row.querySelectorAll(".targets input").forEach(function (input) {
      const name = input.name;
      const decision = name === "step_ya" || name === "step_tidak" || name === "step_syarat";
      input.hidden = kind === "keputusan" ? name === "step_lanjut" : decision;
    });
  }
  body.addEventListener("change", function (event) {
    if (event.target.matches("select.kind")) showTargets(event.target.closest("tr"));
  });
  body.addEventListener("click", function (event) {
    if (!event.target.matches(".remove-step")) return;
    if (body.querySelectorAll("tr").length > 1) event.target.closest("tr").remove();
    renumber();
  });
  document.getElementById("add-step").addEventListener("click", function () {
    const rows = body.querySelectorAll("tr");
    const copy = rows[rows.length - 1].cloneNode(true);
    copy.classList.remove("has-problem");
    copy.querySelectorAll(".row-problem").forEach(function (p) { p.remove(); });
    copy.querySelectorAll("input, textarea").forEach(function (field) { field.value = ""; });
    copy.querySelector("select.kind").value = "kegiatan";
    copy.querySelector("input[name=step_id]").value = "langkah_" + (rows.length + 1);
    body.insertBefore(copy, rows[rows.length - 1]);
    renumber();
    showTargets(copy);
    copy.querySelector("textarea").focus();
  });
  const actors = document.getElementById("pelaksana");
  actors.addEventListener("input", function () {
    const list = document.getElementById("daftar-pelaksana");
    list.innerHTML = "";
    actors.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (name) {
      const option = document.createElement("option");
      option.value = name;
      list.appendChild(option);
    });
  });
  body.querySelectorAll("tr").forEach(showTargets);
})();
// Live preview: after a pause in typing, the server draws the official flowchart of the table.
(function () {
  "use strict";
  const form = document.getElementById("sop-form");
  const target = document.getElementById("preview");
  const state = document.getElementById("preview-state");
  if (!form || !target) return;
  let timer = null;
  function refresh() {
    const data = new FormData(form);
    fetch(target.dataset.url, {method: "POST", body: data, credentials: "same-origin"}).then(function (answer) {
      return answer.text().then(function (text) { return {ok: answer.ok, text: text}; });
    }).then(function (result) {
      if (result.ok) {
        const doc = new DOMParser().parseFromString(result.text, "image/svg+xml");
        target.replaceChildren(document.importNode(doc.documentElement, true));
        state.textContent = "";
      } else {
        state.textContent = result.text.split("\n")[0];
      }
    });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 900);
  });
  const suggest = document.getElementById("suggest-number");
  if (suggest) suggest.addEventListener("click", function () {
    const unit = document.getElementById("unit-code").value;
    fetch(suggest.dataset.url + "?unit=" + encodeURIComponent(unit), {credentials: "same-origin"})
      .then(function (answer) { return answer.text(); })
      .then(function (text) { document.getElementById("nomor").value = text; });
  });
})();
