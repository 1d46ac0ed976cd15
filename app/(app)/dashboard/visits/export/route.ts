import { drillExport } from "@/components/dashboard/drill-export";

// The CSV of the visits drill-down, scoped exactly like the page.
export const dynamic = "force-dynamic";

export const GET = drillExport("visits");
