// Runs the complaint SLA job once against DATABASE_URL, as the scheduler would: the e2e journey
// (complaints.spec.ts) starts it in a child process with the react-server condition, so the data
// layer's `server-only` guard resolves as it does in the app.
import { runComplaintSlaJob } from "@/lib/data/complaints/sla-job";
import { disconnectDb } from "@/lib/db";

const result = await runComplaintSlaJob(new Date());
console.log(JSON.stringify(result));
await disconnectDb();
