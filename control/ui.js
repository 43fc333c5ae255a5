"use strict";
// The console's script: poll the Sim's version, reload the live part when
// it changes, and drive the clock, reset and recording buttons.
(function () {
  var prefix = document.body.getAttribute("data-prefix");
  var live = document.getElementById("live");
  var msg = document.getElementById("msg");
  var by = document.getElementById("by");
  var advance = document.getElementById("advance-btn");
  var shown = function () { return document.getElementById("summary").dataset; };
  var say = function (text) { msg.textContent = text; };
  var answer = function (r) {
    return r.text().then(function (body) {
      if (r.ok) return body;
      var err = body;
      try { err = JSON.parse(body).error; } catch (e) {}
      throw new Error(err || ("HTTP " + r.status));
    });
  };
  var refresh = function () {
    return fetch(prefix + "ui?part=live", {cache: "no-store"}).then(answer).then(function (html) {
      live.innerHTML = html;
    });
  };
  var post = function (path, body) {
    return fetch(prefix + path, {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify(body)}).then(answer);
  };
  var lost = false;
  var poll = function () {
    fetch(prefix + "version", {cache: "no-store"}).then(answer).then(function (body) {
      var v = JSON.parse(body), d = shown();
      if (lost) { lost = false; say(""); }
      if (String(v.version) !== d.version || String(v.run) !== d.run) return refresh();
    }).catch(function (e) {
      lost = true;
      say("cannot reach eipsim serve: " + e.message);
    }).finally(function () { setTimeout(poll, 500); });
  };
  by.addEventListener("input", function () { advance.textContent = "advance " + by.value.trim(); });
  document.getElementById("advance").addEventListener("submit", function (e) {
    e.preventDefault();
    var d = by.value.trim();
    post("clock/advance", {by: d}).then(refresh).then(function () { say("advanced " + d); },
      function (err) { say(err.message); });
  });
  document.getElementById("reset").addEventListener("click", function () {
    if (!window.confirm("Reset the Sim? This run's recording is gone unless eipsim serve has -record.")) return;
    post("reset", {}).then(refresh).then(function () { say("reset"); }, function (err) { say(err.message); });
  });
  poll();
})();
