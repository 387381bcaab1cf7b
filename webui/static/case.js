// Case forms: a NIP field says whose NIP it is while the clerk types (GET /kasus/pegawai?nip=...).
// The page works without it; the server checks every value again when the form is posted.
(function () {
  "use strict";
  var DIGITS = 18;
  function digits(text) { return text.replace(/[\s.\-]/g, ""); }
  function show(output, text, bad) {
    output.textContent = text;
    output.classList.toggle("field-error", !!bad);
  }
  function lookUp(input) {
    var output = document.getElementById(input.id + "-pegawai");
    if (!output) { return; }
    var nip = digits(input.value);
    if (nip.length !== DIGITS || !/^\d+$/.test(nip)) { show(output, "", false); return; }
    fetch(input.dataset.lookup + "?nip=" + encodeURIComponent(nip), {credentials: "same-origin",
                                                                      headers: {"Accept": "application/json"}})
      .then(function (answer) {
        return answer.json().then(function (body) { return {ok: answer.ok, body: body}; });
      })
      .then(function (result) {
        if (!result.ok) { show(output, (result.body && result.body.error) || output.dataset.unknown, true); return; }
        var held = result.body.jabatan.map(function (item) { return item.jabatan + " (" + item.unit + ")"; });
        show(output, result.body.nama + (held.length ? " — " + held.join("; ") : ""), false);
      })
      .catch(function () { show(output, "", false); });
  }
  document.querySelectorAll("input[data-lookup]").forEach(function (input) {
    input.addEventListener("change", function () { lookUp(input); });
    input.addEventListener("blur", function () { lookUp(input); });
    if (input.value) { lookUp(input); }
  });
})();
