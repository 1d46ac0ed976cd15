"use client";
import { useEffect } from "react";

/**
 * Registers public/sw.js (the installable app's offline page and static-file cache) in production
 * builds only: in development it would serve stale chunks across hot reloads, so there it removes
 * any worker a production run left behind.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (process.env.NODE_ENV !== "production") {
      // A worker left by a production run on the same address would serve its shell to `npm run dev`.
      void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
      return;
    }
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a worker the app still works online; nothing to tell the person.
    });
  }, []);
  return null;
}
