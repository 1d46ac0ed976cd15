// `npm run db:migrate`: applies the committed migrations to the database at DATABASE_URL
// (`npm start` does this by itself; this is for preparing a server by hand, e.g. before bench:seed).
import { migrateDeploy } from "./lib/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(1);
}
await migrateDeploy(url);
console.log("[migrate] up to date");
