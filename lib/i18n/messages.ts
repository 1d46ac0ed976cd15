import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { AppLocale } from "./config";

export type Messages = typeof en;

const catalogues: Record<AppLocale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: AppLocale): Messages {
  return catalogues[locale];
}
