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
