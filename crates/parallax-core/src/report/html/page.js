// Keys: j / k move to the next / previous passage, u / i to the next unique / disagreeing one.
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.group"));
  function current() {
    var id = location.hash.slice(1);
    for (var i = 0; i < rows.length; i++) if (rows[i].id === id) return i;
    return -1;
  }
  function go(step, filter) {
    for (var i = current() + step; i >= 0 && i < rows.length; i += step) {
      if (!filter || rows[i].matches(filter)) { location.hash = rows[i].id; return; }
    }
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === "j") go(1); else if (k === "k") go(-1);
    else if (k === "u") go(1, ".unique"); else if (k === "i") go(1, ".disagrees");
    else return;
    e.preventDefault();
  });
})();
