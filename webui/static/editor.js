// The table editor: rows added, moved (drag, buttons, Alt+Up/Down) and deleted (after a
// confirmation), Ya/Tidak/lanjut targets chosen from the rows, step ids made from the kegiatan,
// undo/redo, an autosave in this browser, a warning before leaving unsaved work, and a live preview.
// The server does every real check; the few checks here only name a row and its fix sooner.
(function () {
  "use strict";
  const form = document.getElementById("sop-form");
  const body = document.querySelector("#steps tbody");
  const words = document.getElementById("editor-words");
  if (!form || !body || !words) return;
  const say = words.dataset;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function rows() { return Array.prototype.slice.call(body.querySelectorAll("tr.step")); }
  function cell(row, name) { return row.querySelector("[name=step_" + name + "]"); }

  // --- ids from the kegiatan -------------------------------------------------------------
  function slug(text) {
    let value = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
    value = value.split("_").slice(0, 4).join("_");
    if (!value) value = "langkah";
    if (/^[0-9]/.test(value)) value = "langkah_" + value;
    return value;
  }
  function uniqueId(base, row) {
    const taken = new Set(rows().filter(function (r) { return r !== row; }).map(function (r) { return cell(r, "id").value; }));
    let candidate = base, counter = 2;
    while (taken.has(candidate)) { candidate = base + "_" + counter; counter += 1; }
    return candidate;
  }
  function isGeneratedId(row) {
    const id = cell(row, "id");
    return id.dataset.auto === "1" || id.value === "";  // ids of saved rows stay: they name running work
  }
  function renameReferences(oldId, newId) {
    if (!oldId || oldId === newId) return;
    form.querySelectorAll("select.target-choice, select.step-choice").forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value === oldId) option.value = newId;
      });
      if (select.dataset.value === oldId) select.dataset.value = newId;
    });
  }

  // --- target selects (filled when opened, labelled "NO. kegiatan") -----------------------
  function label(row, index) {
    const text = cell(row, "kegiatan").value.trim() || cell(row, "id").value;
    return (index + 1) + ". " + (text.length > 60 ? text.slice(0, 57) + "…" : text);
  }
  function fillTargets(select) {
    const value = select.value;
    const first = select.options[0];
    const fixed = first && first.value === "" ? first.textContent : "";
    const options = document.createDocumentFragment();
    if (fixed || select.classList.contains("target-choice")) {
      const none = document.createElement("option");
      none.value = "";
      none.textContent = fixed;
      options.appendChild(none);
    }
    if (select.classList.contains("step-choice")) {
      const start = document.createElement("option");
      start.value = "mulai";
      start.textContent = say.fieldStart;
      options.appendChild(start);
    }
    let found = value === "" || value === "mulai";
    rows().forEach(function (row, index) {
      const id = cell(row, "id").value;
      if (select.classList.contains("step-choice") && cell(row, "jenis").value === "mulai") return;
      const option = document.createElement("option");
      option.value = id;
      option.textContent = label(row, index);
      if (id === value) found = true;
      options.appendChild(option);
    });
    if (!found) {  // a list of parallel targets, or a target that no longer exists: kept visible
      const option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      options.appendChild(option);
    }
    select.replaceChildren(options);
    select.value = value;
  }
  function relabelTargets() {
    const names = {};
    rows().forEach(function (row, index) { names[cell(row, "id").value] = label(row, index); });
    form.querySelectorAll("select.target-choice, select.step-choice").forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value && names[option.value]) option.textContent = names[option.value];
      });
    });
  }
  form.addEventListener("focusin", function (event) {
    if (event.target.matches("select.target-choice, select.step-choice")) fillTargets(event.target);
  });
  form.addEventListener("mousedown", function (event) {
    if (event.target.matches("select.target-choice, select.step-choice")) fillTargets(event.target);
  });

  // --- rows --------------------------------------------------------------------------------
  function renumber() {
    rows().forEach(function (row, index) { row.querySelector(".number").textContent = String(index + 1); });
    relabelTargets();
  }
  function showTargets(row) {
    const kind = cell(row, "jenis").value;
    row.querySelector(".target-lanjut").hidden = kind === "keputusan" || kind === "selesai";
    row.querySelector(".target-ya").hidden = kind !== "keputusan";
    row.querySelector(".target-tidak").hidden = kind !== "keputusan";
    row.querySelector(".target-syarat").hidden = kind !== "keputusan";
    showSpecial(row);
  }

  // --- a row's call, wait and timeout sub-forms: editor_rows.js, loaded before this file ------------
  const rowForms = window.alurRowForms({body: body, cell: cell, rows: rows, fill: fill, say: say});
  function showSpecial(row) { rowForms.show(row); }
  function checkSpecial() { rowForms.check(); }
  function blankRow(template) {
    const copy = template.cloneNode(true);
    copy.classList.remove("has-problem");
    copy.querySelectorAll(".row-problem:not(.live-check)").forEach(function (p) { p.remove(); });
    copy.querySelectorAll("details").forEach(function (details) { details.open = false; });
    copy.querySelectorAll("input, textarea").forEach(function (field) { field.value = ""; });
    copy.querySelectorAll("select").forEach(function (select) {
      if (select.classList.contains("duration-unit")) {  // the unit a new duration starts in
        select.value = select.querySelector("option[selected]") ? select.querySelector("option[selected]").value : "";
        return;
      }
      if (select.classList.contains("target-choice")) {
        select.replaceChildren(select.options[0].cloneNode(true));
        select.dataset.value = "";
      }
      select.selectedIndex = 0;
    });
    return copy;
  }
  function move(row, step) {
    const sibling = step < 0 ? row.previousElementSibling : row.nextElementSibling;
    if (!sibling) return;
    remember();
    if (step < 0) body.insertBefore(row, sibling); else body.insertBefore(sibling, row);
    renumber();
    changed();
  }
  body.addEventListener("change", function (event) {
    if (event.target.matches("select[name=step_jenis]")) showTargets(event.target.closest("tr"));
  });
  body.addEventListener("click", function (event) {
    const row = event.target.closest("tr.step");
    if (!row) return;
    if (event.target.matches(".move-up")) move(row, -1);
    if (event.target.matches(".move-down")) move(row, 1);
    if (!event.target.matches(".remove-step") || rows().length <= 1) return;
    const question = fill(say.confirmDelete, {no: rows().indexOf(row) + 1,
      kegiatan: cell(row, "kegiatan").value.trim() || cell(row, "id").value});
    if (!window.confirm(question)) return;
    remember();
    row.remove();
    renumber();
    changed();
  });
  body.addEventListener("keydown", function (event) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    const row = event.target.closest("tr.step");
    if (!row) return;
    event.preventDefault();
    const focused = event.target;
    move(row, event.key === "ArrowUp" ? -1 : 1);
    focused.focus();
  });
  let dragged = null;
  body.addEventListener("dragstart", function (event) {
    if (!event.target.matches || !event.target.matches(".drag")) return;
    dragged = event.target.closest("tr.step");
    dragged.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", cell(dragged, "id").value);
    remember();
  });
  body.addEventListener("dragover", function (event) {
    const over = event.target.closest && event.target.closest("tr.step");
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    const box = over.getBoundingClientRect();
    body.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextElementSibling);
  });
  body.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    dragged = null;
    renumber();
    changed();
  });
  body.addEventListener("focusin", function (event) {
    if (event.target.matches("input[name=step_id]")) event.target.dataset.before = event.target.value;
  });
  body.addEventListener("input", function (event) {
    const row = event.target.closest("tr.step");
    if (!row) return;
    if (event.target.matches("textarea[name=step_kegiatan]") && isGeneratedId(row)) {
      const id = cell(row, "id");
      const next = uniqueId(slug(event.target.value), row);
      renameReferences(id.value, next);
      id.value = next;
      id.dataset.auto = "1";
    }
    if (event.target.matches("input[name=step_id]")) {
      event.target.dataset.auto = "0";
      renameReferences(event.target.dataset.before, event.target.value);
      event.target.dataset.before = event.target.value;
    }
  });
  body.addEventListener("change", function (event) {
    if (event.target.matches("textarea[name=step_kegiatan], input[name=step_id]")) relabelTargets();
  });
  document.getElementById("add-step").addEventListener("click", function () {
    remember();
    const all = rows();
    const last = all[all.length - 1];
    const copy = blankRow(last);
    cell(copy, "jenis").value = "kegiatan";
    cell(copy, "id").value = uniqueId("langkah_" + all.length, copy);
    cell(copy, "id").dataset.auto = "1";
    // the new row goes before the end row, so the end stays last
    body.insertBefore(copy, cell(last, "jenis").value === "selesai" ? last : null);
    renumber();
    showTargets(copy);
    cell(copy, "kegiatan").focus();
    changed();
  });

  // --- case fields and routing rows ---------------------------------------------------------
  const fieldBody = document.querySelector("#fields tbody");
  document.getElementById("add-field").addEventListener("click", function () {
    remember();
    const all = fieldBody.querySelectorAll("tr");
    const copy = all[all.length - 1].cloneNode(true);
    copy.classList.remove("has-problem");
    copy.querySelectorAll(".row-problem:not(.live-check)").forEach(function (p) { p.remove(); });
    copy.querySelectorAll("input, textarea").forEach(function (field) { field.value = ""; });
    copy.querySelectorAll("select").forEach(function (select) { select.selectedIndex = 0; });
    fieldBody.appendChild(copy);
    copy.querySelector("input").focus();
    changed();
  });
  fieldBody.addEventListener("click", function (event) {
    if (!event.target.matches(".remove-field")) return;
    const row = event.target.closest("tr");
    remember();
    if (fieldBody.querySelectorAll("tr").length > 1) row.remove();
    else row.querySelectorAll("input, textarea").forEach(function (field) { field.value = ""; });
    changed();
  });
  function checkFields() {
    const seen = {};
    fieldBody.querySelectorAll("tr").forEach(function (row, index) {
      const name = row.querySelector("[name=field_nama]").value.trim();
      const kind = row.querySelector("[name=field_jenis]").value;
      const options = row.querySelector("[name=field_pilihan]").value.trim();
      let text = "";
      if (name && !/^[a-z_][a-z0-9_]*$/.test(name)) {
        text = fill(say.checkFieldName, {no: index + 1, name: name, fix: slug(name)});
      } else if (name && seen[name]) {
        text = fill(say.checkFieldDuplicate, {no: index + 1, name: name});
      } else if (name && kind === "pilihan" && !options) {
        text = fill(say.checkFieldOptions, {no: index + 1, name: name});
      }
      if (name) seen[name] = true;
      const note = row.querySelector(".live-check");
      note.textContent = text;
      note.hidden = !text;
    });
  }
  const ruleBody = document.querySelector("#rules tbody");
  const actors = document.getElementById("pelaksana");
  function syncRules() {
    const names = actors.value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
    const existing = {};
    ruleBody.querySelectorAll("tr").forEach(function (row) { existing[row.querySelector(".rule-column").value] = row; });
    names.forEach(function (name) {
      let row = existing[name];
      if (!row) {
        row = ruleRow();
        row.classList.remove("has-problem");
        row.querySelectorAll(".row-problem:not(.live-check)").forEach(function (p) { p.remove(); });
        row.querySelector(".rule-column").value = name;
        row.querySelector(".rule-kind").selectedIndex = 0;
        row.querySelector(".rule-argument").value = "";
      }
      if (row) ruleBody.appendChild(row);
      delete existing[name];
    });
    Object.keys(existing).forEach(function (name) {  // a column no longer listed: its rule has no use
      if (!existing[name].querySelector(".row-problem:not(.live-check)")) existing[name].remove();
    });
    const list = document.getElementById("daftar-pelaksana");
    list.replaceChildren.apply(list, names.map(function (name) {
      const option = document.createElement("option");
      option.value = name;
      return option;
    }));
  }
  function ruleRow() {
    return document.getElementById("rule-template").content.querySelector("tr").cloneNode(true);
  }
  function checkRules() {
    ruleBody.querySelectorAll("tr").forEach(function (row) {
      const kind = row.querySelector(".rule-kind").value;
      const argument = row.querySelector(".rule-argument");
      const needs = kind === "unit" || kind === "dipilih";
      argument.hidden = !needs;
      const text = needs && !argument.value.trim() ? fill(say.checkRuleArgument, {
        column: row.querySelector(".rule-column").value, rule: kind,
        what: kind === "unit" ? say.whatUnit : say.whatField}) : "";
      const note = row.querySelector(".live-check");
      note.textContent = text;
      note.hidden = !text;
    });
  }
  actors.addEventListener("input", syncRules);

  // --- undo / redo ---------------------------------------------------------------------------
  const undoButton = document.getElementById("undo");
  const redoButton = document.getElementById("redo");
  const past = [], future = [];
  function snapshot() {
    const table = function (selector) {
      return Array.prototype.map.call(document.querySelectorAll(selector + " tbody tr"), function (row) {
        const values = {};
        row.querySelectorAll("[name]").forEach(function (field) {
          values[field.name] = field.value;
          if (field.tagName === "SELECT") values[field.name + "\u0000label"] = field.selectedOptions[0] ?
            field.selectedOptions[0].textContent : "";
        });
        return values;
      });
    };
    const single = {};
    form.querySelectorAll("[name]").forEach(function (field) {
      if (!field.closest("tbody")) single[field.name] = field.value;
    });
    return JSON.stringify({single: single, steps: table("#steps"), fields: table("#fields"), rules: table("#rules")});
  }
  function restoreTable(tableBody, wanted, makeRow, fewest) {
    let current = tableBody.querySelectorAll("tr");
    while (current.length > wanted.length && current.length > fewest) {
      current[current.length - 1].remove();
      current = tableBody.querySelectorAll("tr");
    }
    while (current.length < wanted.length) {
      tableBody.appendChild(makeRow(current[current.length - 1]));
      current = tableBody.querySelectorAll("tr");
    }
    wanted.forEach(function (values, index) {
      current[index].querySelectorAll("[name]").forEach(function (field) {
        if (!(field.name in values)) return;
        if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) {
          return o.value === values[field.name];
        })) {
          const option = document.createElement("option");
          option.value = values[field.name];
          option.textContent = values[field.name + "\u0000label"] || values[field.name];
          field.appendChild(option);
        }
        field.value = values[field.name];
      });
    });
  }
  function restore(text) {
    const state = JSON.parse(text);
    Object.keys(state.single).forEach(function (name) {
      const field = form.querySelector("[name=" + name + "]:not(tbody [name])");
      if (field && field.type !== "hidden") field.value = state.single[name];
    });
    restoreTable(body, state.steps, blankRow, 1);
    restoreTable(fieldBody, state.fields, function (row) { return row.cloneNode(true); }, 1);
    restoreTable(ruleBody, state.rules, ruleRow, 0);
    rows().forEach(showTargets);
    renumber();
    checkFields();
    checkRules();
    checkSpecial();
  }
  let last = snapshot();
  let typingTimer = null;
  function remember() {  // before a structural change: what was typed so far becomes its own step
    clearTimeout(typingTimer);
    settle();
  }
  function settle() {  // after typing pauses: one undo step per burst of typing
    const now = snapshot();
    if (now !== last) { past.push(last); last = now; future.length = 0; }
    buttons();
  }
  function buttons() {
    undoButton.disabled = past.length === 0;
    redoButton.disabled = future.length === 0;
  }
  function undo() {
    clearTimeout(typingTimer);
    settle();
    if (!past.length) return;
    future.push(last);
    last = past.pop();
    restore(last);
    buttons();
    changed(true);
  }
  function redo() {
    if (!future.length) return;
    past.push(last);
    last = future.pop();
    restore(last);
    buttons();
    changed(true);
  }
  undoButton.addEventListener("click", undo);
  redoButton.addEventListener("click", redo);
  document.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (document.body.classList.contains("drawing-mode")) return;  // the drawing has its own undo
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) { event.preventDefault(); undo(); }
    if (key === "y" || (key === "z" && event.shiftKey)) { event.preventDefault(); redo(); }
  });

  // --- autosave, unsaved-changes warning ------------------------------------------------------
  const storageKey = say.storageKey;
  const saved = snapshot();
  let leaving = false, autosaveTimer = null;
  // asked when needed, not on every keystroke: a snapshot of a 60-row table is the keystroke's largest
  // share of work in the page before the preview request leaves
  function dirty() { return snapshot() !== saved; }
  const autosaveState = document.getElementById("autosave-state");
  function clock() { return new Date().toLocaleTimeString(document.documentElement.lang || "id"); }
  function autosave() {
    const state = snapshot();
    try {
      if (state === saved) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, JSON.stringify({at: clock(), state: state}));
      autosaveState.textContent = state === saved ? "" : fill(say.autosaved, {time: clock()});
    } catch (error) { autosaveState.textContent = ""; }
  }
  function changed(fromHistory) {
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(autosave, 800);
    schedulePreview();
    checkFields();
    checkRules();
    checkSpecial();
    if (!fromHistory) {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(settle, 700);
    }
  }
  form.addEventListener("input", function () { changed(); });
  form.addEventListener("change", function () { changed(); });
  form.addEventListener("submit", function () {
    leaving = true;
    try { window.localStorage.removeItem(storageKey); } catch (error) { /* private mode */ }
  });
  window.addEventListener("beforeunload", function (event) {
    if (leaving || !dirty()) return;
    event.preventDefault();
    event.returnValue = say.unsaved;
    return say.unsaved;
  });
  window.alurEditor = {
    snapshot: snapshot, restore: restore, dirty: dirty,
    leave: function () { leaving = true; try { window.localStorage.removeItem(storageKey); } catch (e) { /* */ } }
  };
  (function offerRestore() {
    let kept = null;
    try { kept = JSON.parse(window.localStorage.getItem(storageKey) || "null"); } catch (error) { kept = null; }
    if (!kept || !kept.state || kept.state === saved) return;
    const banner = document.getElementById("restore");
    document.getElementById("restore-text").textContent = fill(say.restore, {time: kept.at});
    banner.hidden = false;
    document.getElementById("restore-yes").addEventListener("click", function () {
      remember();
      restore(kept.state);
      banner.hidden = true;
      changed(true);
    });
    document.getElementById("restore-no").addEventListener("click", function () {
      window.localStorage.removeItem(storageKey);
      banner.hidden = true;
    });
  })();

  // --- import without a file -----------------------------------------------------------------
  const importForm = document.querySelector("form.import");
  if (importForm) importForm.addEventListener("submit", function (event) {
    const file = importForm.querySelector("input[type=file]");
    if (file.files.length) { leaving = true; return; }
    event.preventDefault();
    document.getElementById("import-note").hidden = false;
    file.focus();
  });

  // --- live preview: no pause before the first request, one request at a time ------------------
  // A keystroke while nothing is in flight asks at once; keystrokes while a request is in flight are
  // coalesced into one request sent when it answers. An answer that a newer edit has made stale is
  // not decoded or shown (decoding the SVG is the browser's largest share): the newer one is asked
  // for at once instead.
  const target = document.getElementById("preview");
  const state = document.getElementById("preview-state");
  let previewTimer = null, inFlight = null, again = false, firstInput = 0;
  function show(text, started) {
    // an image, not thousands of SVG nodes in the page: the browser decodes it off the main thread
    const picture = new Image();
    picture.alt = fill(say.flowchartLabel, {nama: (form.querySelector("[name=nama]").value || "").trim()});
    picture.className = "preview-image";
    picture.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    return picture.decode().catch(function () { /* shown all the same */ }).then(function () {
      if (again) return;  // typed on while it decoded: the newer answer replaces it anyway
      target.replaceChildren(picture);
      const took = Math.round(performance.now() - started);
      target.dataset.latency = String(took);
      target.dataset.renders = String(Number(target.dataset.renders || "0") + 1);
      state.textContent = fill(say.previewUpdated, {ms: took});
    });
  }
  function refresh() {
    previewTimer = null;
    if (inFlight) { again = true; return; }
    const started = firstInput || performance.now();
    firstInput = 0;
    const controller = new AbortController();
    inFlight = controller;
    // url-encoded, not multipart: the server parses a 60-row table several times faster
    fetch(target.dataset.url, {method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin",
      signal: controller.signal}).then(function (answer) {
      const timing = /dur=([0-9.]+)/.exec(answer.headers.get("Server-Timing") || "");
      target.dataset.serverMs = timing ? timing[1] : "";
      return answer.text().then(function (text) { return {ok: answer.ok, text: text}; });
    }).then(function (result) {
      target.dataset.answered = String(Math.round(performance.now() - started));  // the server's share
      if (again) return null;  // stale: a newer edit waits for its own answer
      if (result.ok) return show(result.text, started);
      state.textContent = result.text.split("\n")[0];
      target.dataset.renders = String(Number(target.dataset.renders || "0") + 1);
      return null;
    }).catch(function () { /* offline or aborted: the next change tries again */ }).then(function () {
      inFlight = null;
      if (again) {
        again = false;
        firstInput = firstInput || performance.now();
        refresh();
      }
    });
  }
  function schedulePreview() {
    if (!firstInput) firstInput = performance.now();
    if (inFlight) { again = true; return; }
    // the events of one keystroke (input, then change of a select) become one request
    if (previewTimer === null) previewTimer = setTimeout(refresh, 0);
  }
  const toggle = document.getElementById("toggle-preview");
  const panel = document.getElementById("preview-panel");
  function previewShown() { return window.getComputedStyle(panel).display !== "none"; }
  toggle.setAttribute("aria-expanded", previewShown() ? "true" : "false");
  toggle.addEventListener("click", function () {  // wide: fold the preview away; narrow: open it
    document.body.classList.toggle("preview-flipped");
    toggle.setAttribute("aria-expanded", previewShown() ? "true" : "false");
  });
  const suggest = document.getElementById("suggest-number");
  if (suggest) suggest.addEventListener("click", function () {
    const unit = document.getElementById("unit-code").value;
    fetch(suggest.dataset.url + "?unit=" + encodeURIComponent(unit), {credentials: "same-origin"})
      .then(function (answer) { return answer.text(); })
      .then(function (text) { document.getElementById("nomor").value = text; changed(); });
  });

  rows().forEach(showTargets);
  checkFields();
  checkRules();
  checkSpecial();
})();
