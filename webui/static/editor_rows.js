// The table editor's row sub-forms (webui/row_forms.py): a call to another published SOP, a wait
// (a duration, a date field or a message with its correlation field) and a timeout on a step. A
// sub-form of another kind is only hidden, never removed: every row posts every cell, so the
// parallel step_* lists stay aligned. editor.js calls alurRowForms with its helpers; the checks here
// only name a row and its fix sooner, in the words of alur check, the server does the real ones.
(function () {
  "use strict";
  window.alurRowForms = function (editor) {
    const body = editor.body, cell = editor.cell, rows = editor.rows, fill = editor.fill, say = editor.say;
    function showSpecial(row) {
      const kind = cell(row, "jenis").value;
      const special = cell(row, "khusus").value;
      row.querySelector(".special-choice").hidden = kind !== "kegiatan" && !special;
      row.querySelector(".call-form").hidden = special !== "panggil";
      row.querySelector(".wait-form").hidden = special !== "tunggu";
      const waitKind = cell(row, "tunggu_jenis").value;
      row.querySelectorAll(".wait-part").forEach(function (part) {
        part.hidden = !part.classList.contains("wait-" + waitKind);
      });
      const timeout = row.querySelector(".timeout-form");
      timeout.hidden = kind !== "kegiatan" && !cell(row, "batas_waktu").value && !cell(row, "batas_ke").value;
      row.querySelectorAll(".duration").forEach(durationFromText);
      const info = row.querySelector(".call-info");
      const key = cell(row, "panggil_sop").value;
      info.textContent = key ? fill(info.dataset.template, {key: key, version: newestVersion(row) || "-"}) : "";
      titleSelects(row);
    }
    function titleSelects(row) {  // a long SOP name may not fit the select: the whole of it on hover
      row.querySelectorAll(".special select").forEach(function (select) {
        select.title = select.selectedOptions[0] ? select.selectedOptions[0].textContent : "";
      });
    }
    const DURATION = /^\s*(\d+)\s+(.+?)\s*$/;
    function durationFromText(widget) {
      const text = widget.querySelector(".duration-text");
      const amount = widget.querySelector(".duration-amount");
      const unit = widget.querySelector(".duration-unit");
      const units = Array.prototype.map.call(unit.options, function (o) { return o.value; }).filter(Boolean);
      const found = DURATION.exec(text.value);
      if (!text.value.trim()) {
        amount.value = "";
        if (!unit.value) unit.value = units.indexOf("hari kerja") >= 0 ? "hari kerja" : units[0];
      } else if (found && units.indexOf(found[2].toLowerCase()) >= 0) {
        amount.value = found[1];
        unit.value = found[2].toLowerCase();
      } else {
        unit.value = "";  // a text the two controls cannot hold ("2 x 24 jam", "P14D"): typed as it is
      }
      text.hidden = unit.value !== "";
      amount.hidden = unit.value === "";
    }
    function durationToText(widget) {
      const text = widget.querySelector(".duration-text");
      const amount = widget.querySelector(".duration-amount").value.trim();
      const unit = widget.querySelector(".duration-unit").value;
      if (unit) text.value = amount ? amount + " " + unit : "";
      text.hidden = unit !== "";
      widget.querySelector(".duration-amount").hidden = unit === "";
      if (!unit) text.focus();
    }
    body.addEventListener("input", function (event) {
      if (event.target.matches(".duration-amount")) durationToText(event.target.closest(".duration"));
    });
    body.addEventListener("change", function (event) {
      const row = event.target.closest("tr.step");
      if (!row) return;
      if (event.target.matches(".duration-unit")) durationToText(event.target.closest(".duration"));
      if (event.target.matches(".special-kind, .wait-kind, .call-sop")) showSpecial(row);
      if (event.target.matches(".call-sop")) fillVersions(cell(row, "panggil_versi"));
      if (event.target.matches(".special select")) titleSelects(row);
    });
    function newestVersion(row) {
      const chosen = cell(row, "panggil_sop").selectedOptions[0];
      return chosen ? Number(chosen.dataset.version || "0") : 0;
    }
    function fillVersions(select) {
      const value = select.value;
      const newest = newestVersion(select.closest("tr.step"));
      const options = [new Option(say.callLatest, "")];
      for (let number = newest; number >= 1; number -= 1) {
        options.push(new Option(fill(say.callPinned, {version: number}), String(number)));
      }
      if (value && !(Number(value) >= 1 && Number(value) <= newest)) {
        options.push(new Option(fill(say.callPinned, {version: value}), value));  // kept: its check names it
      }
      select.replaceChildren.apply(select, options);
      select.value = value;
    }
    function declaredFields() {
      return Array.prototype.map.call(document.querySelectorAll("#fields tbody tr"), function (row) {
        return {name: row.querySelector("[name=field_nama]").value.trim(),
          label: row.querySelector("[name=field_label]").value.trim(),
          kind: row.querySelector("[name=field_jenis]").value};
      }).filter(function (field) { return field.name; });
    }
    function fillFields(select) {
      const value = select.value;
      const dates = select.classList.contains("date-only");
      const options = [new Option(dates ? say.fieldChoose : say.correlationDefault, "")];
      let found = value === "";
      declaredFields().forEach(function (field) {
        if (dates && field.kind !== "tanggal" && field.name !== value) return;
        options.push(new Option((field.label || field.name) + " (" + field.name + ")", field.name));
        if (field.name === value) found = true;
      });
      if (!found) options.push(new Option(value, value));
      select.replaceChildren.apply(select, options);
      select.value = value;
    }
    function openingChoice(event) {
      if (event.target.matches("select.call-version")) fillVersions(event.target);
      if (event.target.matches("select.field-choice")) fillFields(event.target);
    }
    body.addEventListener("focusin", openingChoice);
    body.addEventListener("mousedown", openingChoice);
    const MESSAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$/;
    function specialProblem(row, fields) {
      const kind = cell(row, "jenis").value;
      const special = cell(row, "khusus").value;
      if (special === "panggil") {
        const key = cell(row, "panggil_sop").value;
        const version = cell(row, "panggil_versi").value;
        if (!key) return say.checkCallChoose;
        if (version ? Number(version) > newestVersion(row) : newestVersion(row) < 1) {  // the call would fail
          return fill(say.checkCallVersion, {key: key, step: cell(row, "id").value,
            rule: version ? fill(say.rulePinned, {version: version}) : say.ruleLatest});
        }
      }
      if (special === "tunggu" && kind === "kegiatan") {
        const waitKind = cell(row, "tunggu_jenis").value;
        if (waitKind === "waktu" && !cell(row, "tunggu_waktu").value.trim()) return say.checkTimerEmpty;
        if (waitKind === "tanggal") {
          const name = cell(row, "tunggu_tanggal").value;
          if (!name) return say.checkTimerField;
          if (!fields[name]) return fill(say.checkTimerUnknownField, {field: name});
          if (fields[name].kind !== "tanggal") return fill(say.checkTimerNotDate, {field: name});
        }
        if (waitKind === "pesan") {
          const name = cell(row, "tunggu_pesan").value.trim();
          if (!MESSAGE_NAME.test(name)) return fill(say.checkBadName, {name: name});
          const correlation = cell(row, "tunggu_korelasi").value;
          if (correlation && !fields[correlation]) {
            return fill(say.checkMessageField, {field: correlation, fields: Object.keys(fields).join(", ") || "-"});
          }
        }
      }
      const after = cell(row, "batas_waktu").value.trim();
      const to = cell(row, "batas_ke").value;
      if (after && !to) return say.checkTimeoutTarget;
      if (to && !after) return say.checkTimerEmpty;
      if (to && to === cell(row, "id").value) return say.checkTimeoutItself;
      return "";
    }
    function checkSpecial() {
      const fields = {};
      declaredFields().forEach(function (field) { fields[field.name] = field; });
      rows().forEach(function (row, index) {
        const text = specialProblem(row, fields);
        const note = row.querySelector(".special-check");
        note.textContent = text ? fill(say.checkRow, {no: index + 1,
          kegiatan: cell(row, "kegiatan").value.trim() || cell(row, "id").value, text: text}) : "";
        note.hidden = !text;
      });
    }
    return {show: showSpecial, check: checkSpecial};
  };
})();
