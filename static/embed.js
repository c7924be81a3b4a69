/* Bousla embed: one line on a partner's page inserts the widget in an iframe that sizes itself.
 *
 *   <script src="https://YOUR-HOST/bousla/embed.js" data-lang="fr" data-region="oriental"
 *           data-theme="#0b5cad" data-featured="ccis" async></script>
 *
 * Every data-* attribute is passed to the widget as a URL option (see the README); the widget
 * checks them and falls back to defaults on bad values. The iframe isolates styles both ways.
 * Only one kind of message is accepted: {type: "bousla:height", height: <number>}, from the
 * widget's own origin and window, with a whole number of pixels from MIN_HEIGHT to MAX_HEIGHT.
 * The iframe follows the content down as well as up. Nothing else crosses, and nothing is sent
 * anywhere. The iframe may write to the clipboard and open the phone's share sheet ("Copy the
 * link", "Share" on the results), nothing more. */
(function () {
  "use strict";
  // The tallest page measured: the results of a holder who answered nothing, every group and
  // every folded section opened, in Arabic on a 320 px phone: 124,000 px (with 62 programs;
  // tests/e2e/embed-edges.spec.ts measures it on every run and wants 4 times that in bounds).
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 1000000;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(".", script.src);
  var src = new URL("index.html", base);
  var allowed = ["lang", "region", "featured", "theme", "compact", "mode", "idle"];
  allowed.forEach(function (key) {
    var value = script.getAttribute("data-" + key);
    if (value !== null) src.searchParams.set(key, value);
  });
  src.searchParams.set("embed", "1");

  var frame = document.createElement("iframe");
  frame.src = src.href;
  frame.title = script.getAttribute("data-title") || "Bousla — programmes d'appui aux porteurs de projet / برامج دعم حاملي المشاريع";
  frame.setAttribute("loading", "lazy");
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.setAttribute("allow", "clipboard-write; web-share");
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.display = "block";
  frame.style.height = "640px";
  script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener("message", function (event) {
    if (event.origin !== src.origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "bousla:height") return;
    var height = data.height;
    // A number, not a string or an object that converts to one; whole; within bounds.
    if (typeof height !== "number" || !Number.isInteger(height)) return;
    if (height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    frame.style.height = height + "px";
  });
})();
