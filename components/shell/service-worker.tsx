"use client";
import { useEffect } from "react";

/**
 * Registers public/sw.js (the installable app's offline page and static-file cache) in production
 * builds only: in development it would serve stale chunks across hot reloads.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Without a worker the app still works online; nothing to tell the person.
    });
  }, []);
  return null;
}
