/* align: present mode.  Every element of class "slide" is one item of the
   method (a question's responses, a theme, a principle); in present mode
   one fills the screen at a time, in type as large as fits, and a slide
   whose items do not fit at the smallest size goes over several screens.
   Keys: P toggles; arrows, space, Page Up/Down (what clickers send),
   Enter and Backspace move; Home and End; Escape leaves; F full screen.
   The script reads and writes classes and sizes only, never text. */
(function () {
  "use strict";
  var root = document.documentElement, body = document.body;
  var slides = [].slice.call(document.querySelectorAll(".slide"));
  var button = document.querySelector(".present-button");
  var screens = [], at = 0, SMALL, LARGE;

  if (slides.length === 0) return;
  function items(slide) { return slide.querySelectorAll(".item"); }
  function fits(slide) {
    return slide.scrollHeight <= slide.clientHeight &&
      slide.scrollWidth <= slide.clientWidth;
  }
  function only(slide, from, to) {
    var v = items(slide), i;
    for (i = 0; i < v.length; i++) v[i].hidden = i < from || i >= to;
  }
  /* The screens: each slide's items, as many a screen as fit in type
     no smaller than a thirtieth of the window's height (24px at 720).
     One layout a slide: its items laid out at that size fall into rows
     (a grid's, or a list's one an item), and rows go onto screens while
     they fit below the slide's heading. */
  function paginate() {
    SMALL = Math.max(16, Math.round(window.innerHeight / 30));
    LARGE = Math.max(SMALL, Math.round(window.innerHeight / 10));
    screens = [];
    slides.forEach(function (slide) {
      var v = items(slide), n = v.length, rows = [], i, a, b, r, room;
      slide.classList.add("current");
      slide.style.fontSize = SMALL + "px";
      only(slide, 0, n);
      for (i = 0; i < n; i++) {
        r = v[i].getBoundingClientRect();
        if (rows.length && r.top < rows[rows.length - 1].top + 1)
          rows[rows.length - 1].bottom =
            Math.max(rows[rows.length - 1].bottom, r.bottom);
        else
          rows.push({ first: i, top: r.top, bottom: r.bottom });
      }
      r = slide.getBoundingClientRect();
      room = r.top + slide.clientHeight -
        parseFloat(getComputedStyle(slide).paddingBottom) - 1;
      for (a = 0; a < rows.length; a = b + 1) {
        for (b = a; b + 1 < rows.length; b++)
          if (rows[b + 1].bottom - rows[a].top > room - rows[0].top) break;
        screens.push({ slide: slide, from: rows[a].first,
          to: b + 1 < rows.length ? rows[b + 1].first : n });
      }
      if (n === 0) screens.push({ slide: slide, from: 0, to: 0 });
      slide.classList.remove("current");
    });
  }
  /* The largest type in which the screen fits. */
  function fit(slide) {
    var lo = SMALL, hi = LARGE, mid;
    while (lo < hi) {
      mid = Math.ceil((lo + hi) / 2);
      slide.style.fontSize = mid + "px";
      if (fits(slide)) lo = mid; else hi = mid - 1;
    }
    slide.style.fontSize = lo + "px";
  }
  function show(i) {
    var s;
    at = Math.max(0, Math.min(i, screens.length - 1));
    s = screens[at];
    slides.forEach(function (x) { x.classList.remove("current"); });
    s.slide.classList.add("current");
    only(s.slide, s.from, s.to);
    fit(s.slide);
    /* One item too long for any screen: it scrolls. */
    s.slide.classList.toggle("overflow", !fits(s.slide));
    body.setAttribute("data-position", (at + 1) + " / " + screens.length);
  }
  function presenting() { return root.classList.contains("present"); }
  /* The slide at the top of the window. */
  function topmost() {
    var i;
    for (i = 0; i < slides.length - 1; i++)
      if (slides[i].getBoundingClientRect().bottom > 0) break;
    return slides[i];
  }
  function toggle() {
    var s, i;
    if (!presenting()) {
      s = topmost();
      root.classList.add("present");
      if (document.activeElement) document.activeElement.blur();
      paginate();
      for (i = 0; i < screens.length - 1; i++)
        if (screens[i].slide === s) break;
      show(i);
      return;
    }
    s = screens[at].slide;
    root.classList.remove("present");
    slides.forEach(function (x) {
      x.classList.remove("current", "overflow");
      x.style.fontSize = "";
      only(x, 0, items(x).length);
    });
    body.removeAttribute("data-position");
    s.scrollIntoView();
  }
  function fullscreen() {
    var p;
    if (!root.requestFullscreen) return;
    p = document.fullscreenElement ? document.exitFullscreen() :
      root.requestFullscreen();
    if (p && p.catch) p.catch(function () {});
  }
  document.addEventListener("keydown", function (ev) {
    var k = ev.key;
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (k === "p" || k === "P") toggle();
    else if (k === "f" || k === "F") fullscreen();
    else if (!presenting()) return;
    else if (k === "ArrowRight" || k === "ArrowDown" || k === "PageDown" ||
      k === "Enter" || (k === " " && !ev.shiftKey)) show(at + 1);
    else if (k === "ArrowLeft" || k === "ArrowUp" || k === "PageUp" ||
      k === "Backspace" || k === " ") show(at - 1);
    else if (k === "Home") show(0);
    else if (k === "End") show(screens.length - 1);
    else if (k === "Escape") toggle();
    else return;
    ev.preventDefault();
  });
  /* A tap: on the left third back, elsewhere on. */
  document.addEventListener("click", function (ev) {
    if (!presenting()) return;
    show(ev.clientX < window.innerWidth / 3 ? at - 1 : at + 1);
  });
  window.addEventListener("resize", function () {
    var s;
    if (!presenting()) return;
    s = screens[at];
    paginate();
    for (at = 0; at < screens.length - 1; at++)
      if (screens[at].slide === s.slide && screens[at].to > s.from) break;
    show(at);
  });
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function (ev) {
      ev.stopPropagation();
      toggle();
    });
  }
  if (location.hash === "#present") toggle();
}());
