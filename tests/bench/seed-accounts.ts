// `npm run bench:seed`: fills the database at DATABASE_URL (which must already be migrated and
// hold the demo organisation, e.g. one `npm start` created) with 20,000 accounts and 100,000
// contacts, so the app can be tried at scale. ACCOUNTS / CONTACTS_PER_ACCOUNT override the sizes.
import { fillBenchData } from "./bench-data";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "Set DATABASE_URL to the database to fill (for the embedded one: start it with KEYSTONE_DB_PORT=5544 and use postgresql://postgres:postgres@127.0.0.1:5544/postgres?sslmode=disable).",
  );
  process.exit(1);
}
const result = await fillBenchData(url, {
  accounts: Number(process.env.ACCOUNTS ?? 20_000),
  contactsPerAccount: Number(process.env.CONTACTS_PER_ACCOUNT ?? 5),
});
console.log(
  `[bench:seed] ${result.accounts} accounts and ${result.contacts} contacts in ${result.seconds.toFixed(1)} s`,
);
