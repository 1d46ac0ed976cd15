import type { FactorScore } from "@/lib/domain/health";

type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** A factor's explanation in the reader's language (an unknown key shows nothing rather than a code). */
export function factorExplanation(t: Translate, factor: FactorScore): string {
  const key = `details.${factor.detail.key}`;
  return t.has(key) ? t(key, factor.detail.values) : "";
}
