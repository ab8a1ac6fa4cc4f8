// The waiting-room display: loads the state, follows the queue's events, chimes and highlights a
// call, speaks it with ?speak=1. EventSource reconnects by itself after a restart or a network
// drop; meanwhile the numbers are dimmed and a mark shows, and on reconnect the state is reloaded
// so no stale number stays up.
(function () {
  var loc = document.body.getAttribute('data-location');
  var speak = new URLSearchParams(window.location.search).get('speak') === '1';
  var texts = [
    { lang: 'nl', now: 'Nu aan de beurt', recent: 'Vorige oproepen', hint: 'Houd dit scherm in het oog: uw nummer verschijnt hier.' },
    { lang: 'fr', now: "C'est au tour de", recent: 'Appels précédents', hint: 'Surveillez cet écran : votre numéro y apparaîtra.' },
    { lang: 'de', now: 'Jetzt an der Reihe', recent: 'Letzte Aufrufe', hint: 'Behalten Sie diesen Bildschirm im Blick: Ihre Nummer erscheint hier.' },
    { lang: 'en', now: 'Now serving', recent: 'Previous calls', hint: 'Watch this screen: your number will appear here.' }
  ];
  var turn = 0;
  // The location's name in every language, from the state; the page starts with the Dutch one.
  var names = null;
  var flash = { number: null, until: 0 };
  var audio = null;
  function $(id) { return document.getElementById(id); }
  function rotate() {
    var t = texts[turn % texts.length]; turn += 1;
    $('title-now').textContent = t.now; $('title-recent').textContent = t.recent; $('hint').textContent = t.hint;
    document.documentElement.lang = t.lang;
    if (names && names[t.lang]) { $('location-name').textContent = names[t.lang]; }
  }
  function clock() {
    $('clock').textContent = new Date().toLocaleTimeString('nl-BE', { hour: '2-digit', minute: '2-digit' });
  }
  function item(call, big) {
    var li = document.createElement('li');
    var num = document.createElement('span'); num.className = 'num'; num.textContent = call.number;
    var desk = document.createElement('span'); desk.className = 'desk'; desk.textContent = call.desk;
    li.appendChild(num); li.appendChild(desk);
    if (big && call.number === flash.number && Date.now() < flash.until) { li.className = 'flash'; }
    return li;
  }
  function fill(list, calls, big) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    calls.forEach(function (c) { list.appendChild(item(c, big)); });
  }
  function render(view) {
    names = view.location_name;
    fill($('calling'), view.calling, true);
    fill($('recent'), view.recent, false);
    document.body.classList.remove('stale');
  }
  function load() {
    return fetch('/v1/display/' + encodeURIComponent(loc), { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (v) { if (v) { render(v); } })
      .catch(function () {});
  }
  function chime() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.25].forEach(function (at, i) {
        var o = audio.createOscillator(), g = audio.createGain(), t = audio.currentTime + at;
        o.frequency.value = i ? 660 : 880;
        g.gain.setValueAtTime(0.0001, t);
        g.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
        g.gain.exponentialRampToValueAtTime(0.0001, t + 0.5);
        o.connect(g); g.connect(audio.destination); o.start(t); o.stop(t + 0.55);
      });
    } catch (e) { /* no audio device: the highlight is enough */ }
  }
  function say(news) {
    if (!speak || !window.speechSynthesis) { return; }
    var u = new SpeechSynthesisUtterance('Nummer ' + news.number.split('').join(' ') + ', ' + (news.desk || ''));
    u.lang = 'nl-BE';
    window.speechSynthesis.speak(u);
  }
  var events = new EventSource('/v1/display/' + encodeURIComponent(loc) + '/events');
  // body[data-live] says the stream is open: what the browser tests wait for.
  events.onopen = function () { $('reconnecting').hidden = true; document.body.dataset.live = '1'; load(); };
  events.onerror = function () {
    $('reconnecting').hidden = false; delete document.body.dataset.live; document.body.classList.add('stale');
  };
  events.addEventListener('queue', function (e) {
    var news = {};
    try { news = JSON.parse(e.data); } catch (err) { news = {}; }
    if (news.announce) {
      flash = { number: news.number, until: Date.now() + 8000 };
      chime(); say(news);
      setTimeout(load, 8100);
    }
    load();
  });
  rotate(); clock(); load();
  setInterval(rotate, 6000);
  setInterval(clock, 1000);
})();
