// The embedded database (PGlite) in a process of its own, for the HTTP benchmarks: as under
// `npm start`, where the launcher serves it beside the app, it must not share an event loop with
// the load generator. Prints `url=<connection url>` once ready; stops cleanly on SIGTERM/SIGINT.
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";

const db = await startEmbeddedDatabase({ dataDir: null });
console.log(`url=${db.url}`);
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void db.stop().then(() => process.exit(0));
  });
}
