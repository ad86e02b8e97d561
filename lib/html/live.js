/* align: a served board, live.  The server sends each update of the
   board as an event from "events" beside the page (Server-Sent Events:
   connect-src 'self'): the tally and the slides, as HTML the server made,
   every piece of user text in it escaped.  They take the place of the old
   ones inside the element of class "live"; a slide's element is kept (its
   content replaced), for present mode holds it, and present mode is told
   to lay it out again.  The line of class "live-status" is marked is-on
   or is-off.  The script writes no text of its own.  Without it, the page
   reloads itself (a refresh in a noscript element). */
(function () {
  "use strict";
  var live = document.querySelector("div.live");
  var line = document.querySelector(".live-status");
  var source;

  if (!live || !window.EventSource || !window.DOMParser) return;
  function mark(state) {
    if (line) line.className = "live-status " + state;
  }
  function adopt(node) { return document.adoptNode(node); }
  function tally(fresh) {
    var old = live.querySelector(".tally"), now = fresh.querySelector(".tally");
    if (old && now) live.replaceChild(adopt(now), old);
    else if (now) live.insertBefore(adopt(now), live.firstChild);
    else if (old) live.removeChild(old);
  }
  function slides(fresh) {
    var keep = {}, v = [].slice.call(fresh.querySelectorAll(".slide"));
    v.forEach(function (s) {
      var old = s.id && document.getElementById(s.id);
      keep[s.id] = true;
      if (!old || !live.contains(old)) {
        live.appendChild(adopt(s));
        return;
      }
      while (old.firstChild) old.removeChild(old.firstChild);
      while (s.firstChild) old.appendChild(adopt(s.firstChild));
    });
    [].slice.call(live.querySelectorAll(".slide")).forEach(function (s) {
      if (!keep[s.id]) s.parentNode.removeChild(s);
    });
  }
  function update(ev) {
    var fresh;
    if (ev.lastEventId === live.getAttribute("data-generation")) return;
    fresh = new DOMParser().parseFromString(ev.data, "text/html").body;
    tally(fresh);
    slides(fresh);
    live.setAttribute("data-generation", ev.lastEventId);
    window.dispatchEvent(new Event("resize"));
  }
  source = new EventSource("events");
  source.addEventListener("board", update);
  source.addEventListener("open", function () { mark("is-on"); });
  source.addEventListener("error", function () { mark("is-off"); });
}());
