// Keeps the panel live: on every queue change the server's fresh panel replaces this one (fresh
// form keys included). EventSource reconnects by itself; the mark shows meanwhile.
(function () {
  var panel = document.getElementById('panel');
  var mark = document.getElementById('live-mark');
  function reload() {
    fetch('/desk/panel', { cache: 'no-store', credentials: 'same-origin' }).then(function (r) {
      if (r.redirected || r.status === 401) { location.href = '/desk/login'; return null; }
      return r.ok ? r.text() : null;
    }).then(function (html) { if (html !== null && html !== undefined) { panel.innerHTML = html; } });
  }
  var events = new EventSource('/desk/events');
  var wasDown = false;
  events.onopen = function () { mark.hidden = true; if (wasDown) { reload(); } wasDown = false; };
  events.onerror = function () { mark.hidden = false; wasDown = true; };
  events.addEventListener('queue', reload);
})();
