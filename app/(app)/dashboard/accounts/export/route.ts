import { drillExport } from "@/components/dashboard/drill-export";

// The CSV of the accounts drill-down, scoped exactly like the page.
export const dynamic = "force-dynamic";

export const GET = drillExport("accounts");
