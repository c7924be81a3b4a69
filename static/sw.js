/* Bousla's service worker: after the first visit the app works with no network (kiosks on
 * flaky connections). The build writes VERSION and ASSETS (the hashed files of this deploy);
 * a new deploy has a new VERSION, precaches its files and deletes the previous cache.
 * Nothing is ever sent anywhere: this worker only serves the app's own files. */
const VERSION = "__BOUSLA_VERSION__";
const ASSETS = __BOUSLA_ASSETS__;
const CACHE = "bousla-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("bousla-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page itself: fresh when online (to pick up a new deploy), cached when offline.
    event.respondWith(
      fetch(request).catch(() => caches.match("./index.html", { ignoreSearch: true }).then((r) => r || caches.match("./", { ignoreSearch: true })))
    );
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
