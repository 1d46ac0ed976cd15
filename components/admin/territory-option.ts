import type { AppLocale } from "@/lib/i18n/config";
import { territoryLabel } from "@/lib/i18n/names";

/** A territory as a <select> option: indented by its depth in the tree (options cannot be styled). */
export function territoryOption(
  row: { id: string; code: string; name: string; nameEn: string; depth: number },
  locale: AppLocale,
) {
  return {
    value: row.id,
    label: `${"\u00a0\u00a0\u00a0".repeat(row.depth)}${territoryLabel(row, locale)} (${row.code})`,
  };
}
