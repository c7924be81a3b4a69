/* Bousla's service worker: after the first visit the app works with no network (kiosks on
 * flaky connections). The build writes VERSION, ASSETS (the hashed files of this deploy but the
 * texts of each language) and TABLES (those texts, one file per language); a new deploy has a
 * new VERSION, precaches its files and deletes the previous cache.
 * A phone keeps only the languages it uses: a table is cached when the page loads it (through
 * this worker, or by a "bousla:keep" message for a table the page loaded before the worker
 * took control); a kiosk asks for every language ("bousla:keep-all"), since its next holder
 * may choose any of them. The wasm chunks of the adviser's page and of the office counts are
 * listed in TABLES too: kept when used, and all of them on a kiosk.
 * Nothing is ever sent anywhere: this worker only serves the app's own files. */
const VERSION = "__BOUSLA_VERSION__";
const ASSETS = __BOUSLA_ASSETS__;
const TABLES = __BOUSLA_TABLES__;
const CACHE = "bousla-" + VERSION;

const tableOf = (url) => {
  const u = new URL(url, self.location.href);
  if (u.origin !== self.location.origin) return null;
  const name = "./" + u.pathname.split("/").pop();
  return TABLES.includes(name) ? name : null;
};

const keep = (names) =>
  caches.open(CACHE).then((cache) =>
    Promise.all(names.map((n) => cache.match(n).then((hit) => hit || cache.add(n).catch(() => undefined))))
  );

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "bousla:keep-all") {
    event.waitUntil(keep(TABLES));
  } else if (data.type === "bousla:keep" && typeof data.url === "string") {
    const name = tableOf(data.url);
    if (name) event.waitUntil(keep([name]));
  }
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
  // Hashed assets never change: cache first; a language's texts are kept once used.
  const table = tableOf(request.url);
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => {
      if (hit) return hit;
      return fetch(request).then((response) => {
        if (table && response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(table, copy));
        }
        return response;
      });
    })
  );
});
