// `npm run bench:seed`: fills the database at DATABASE_URL (which must already be migrated and
// hold the demo organisation, e.g. one `npm start` created) with 20,000 accounts, 100,000
// contacts and 30,000 deals with their stage history (2,000 of them open in East China), so the app
// can be tried at scale. ACCOUNTS / CONTACTS_PER_ACCOUNT / DEALS / OPEN_DEALS override the sizes.
// `-- --visits` also adds the visit bench data (bench-visits.ts: 200 reps, 1,000,000 records).
import { fillBenchData, fillBenchDeals } from "./bench-data";
import { fillBenchVisits } from "./bench-visits";

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
const deals = await fillBenchDeals(url, {
  deals: Number(process.env.DEALS ?? 30_000),
  openInHeavyTeam: Number(process.env.OPEN_DEALS ?? 2_000),
});
console.log(
  `[bench:seed] ${deals.deals} deals (${deals.openInHeavyTeam} open in ${deals.heavyTeam}) and ${deals.stageChanges} stage changes in ${deals.seconds.toFixed(1)} s`,
);
if (process.argv.includes("--visits")) {
  const v = await fillBenchVisits(url);
  console.log(
    `[bench:seed] ${v.reps} reps, ${v.records} visit records, ${v.plans} plans, ${v.followUps} follow-ups in ${v.seconds.toFixed(0)} s`,
  );
}
