import type { HealthBand } from "@/lib/domain/health";
import { Badge } from "@/components/ui/badge";

const TONE = { HEALTHY: "good", WATCH: "warn", AT_RISK: "bad" } as const;

/** The band as a coloured label; the words carry the meaning, the colour only repeats it. */
export function HealthBadge({ band, label }: { band: HealthBand; label: string }) {
  return <Badge tone={TONE[band]}>{label}</Badge>;
}
