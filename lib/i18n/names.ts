import type { AppLocale } from "./config";

/** Teams have an English name and, usually, a Chinese one; show the one that fits the language. */
export function teamLabel(team: { name: string; nameZh: string | null }, locale: AppLocale): string {
  return locale === "zh-CN" && team.nameZh ? team.nameZh : team.name;
}

/** Territories carry both names. */
export function territoryLabel(territory: { name: string; nameEn: string }, locale: AppLocale): string {
  return locale === "zh-CN" ? territory.name : territory.nameEn;
}
