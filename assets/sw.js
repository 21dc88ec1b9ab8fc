// Rollout Lab's service worker: the app and its workers work offline in the room after one visit.
//
// `scripts/sw_version.sh` (a trunk post-build hook) replaces VERSION with a hash of the build's files and
// FILES with their names, so every release gets its own cache, filled on install; activating it deletes
// every older Rollout Lab cache. Requests go to the network first (a fresh page whenever the server is
// there) and fall back to the cache when it is not.
const VERSION = "dev";
const FILES = [];
const CACHE = `rollout-lab-${VERSION}`;

self.addEventListener("install", (event) => {
  const urls = ["./", ...FILES].map((f) => new URL(f, self.registration.scope).href);
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("rollout-lab-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: true, cacheName: CACHE })
          .then((hit) => hit || (request.mode === "navigate" ? caches.match(new URL("./", self.registration.scope).href, { cacheName: CACHE }) : undefined))
          .then((hit) => hit || Response.error()),
      ),
  );
});
