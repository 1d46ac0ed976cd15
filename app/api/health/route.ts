import { databaseAnswers } from "@/lib/data/health";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const ok = await databaseAnswers();
  return Response.json(
    { status: ok ? "ok" : "degraded", database: ok ? "ok" : "unavailable", version: packageJson.version },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
