// Keystone's service worker: makes the app installable and lets it open on a weak network.
// - The app shell's static files (/_next/static/*, hashed and immutable; the icons, the manifest and
//   the offline page) are served from the cache first.
// - A page the network cannot fetch is answered with /offline.html (both languages).
// - Nothing else is cached: pages (signed-in HTML), RSC payloads, server actions and /api/* always
//   go to the network, so no one's data is left on a shared phone. (The offline queue for visit
//   records lives in IndexedDB, written by the record form, not here.)
const VERSION = "v1";
const SHELL_CACHE = `keystone-shell-${VERSION}`;
const STATIC_CACHE = `keystone-static-${VERSION}`;
const OFFLINE_URL = "/offline.html";
const SHELL = [
  OFFLINE_URL,
  "/icon.svg",
  "/icon-192.png",
  "/icon-512.png",
  "/icons/maskable-192.png",
  "/icons/maskable-512.png",
  "/apple-touch-icon.png",
  "/manifest.webmanifest",
];
// Old builds' chunks pile up in the static cache; keep the newest this many.
const STATIC_LIMIT = 300;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("keystone-") && key !== SHELL_CACHE && key !== STATIC_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function trim(cache) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - STATIC_LIMIT)).map((key) => cache.delete(key)));
}

async function cacheFirst(request, cacheName) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  // Only whole, same-origin answers: an error page or an opaque response must not stick. Build
  // chunks only when the server calls them immutable (production): a dev server's chunks keep
  // their names across edits, and a worker left from a production run must not pin them.
  const immutable = (response.headers.get("cache-control") ?? "").includes("immutable");
  if (response.ok && response.type === "basic" && (cacheName !== STATIC_CACHE || immutable)) {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
    if (cacheName === STATIC_CACHE) await trim(cache);
  }
  return response;
}

async function pageOrOffline(request) {
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(OFFLINE_URL)) ?? Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request, STATIC_CACHE));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(cacheFirst(request, SHELL_CACHE));
  } else if (request.mode === "navigate") {
    // Never cached: the network's page, or the offline page when there is no network.
    event.respondWith(pageOrOffline(request));
  }
  // Everything else (RSC payloads, /api/*, photos) goes to the network untouched.
});
