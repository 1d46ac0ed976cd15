import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import enAccount from "@/messages/en/account.json";
import zhAccount from "@/messages/zh-CN/account.json";
import enAccountList from "@/messages/en/accountList.json";
import zhAccountList from "@/messages/zh-CN/accountList.json";
import enAccountPage from "@/messages/en/accountPage.json";
import zhAccountPage from "@/messages/zh-CN/accountPage.json";
import enAccountTools from "@/messages/en/accountTools.json";
import zhAccountTools from "@/messages/zh-CN/accountTools.json";
import type { AppLocale } from "./config";

// The core catalogue (messages/<locale>.json) plus one file per feature (messages/<locale>/<ns>.json,
// whose file name is its namespace), so features can grow their strings without touching each other.
const catalogues = {
  en: {
    ...en,
    account: enAccount,
    accountList: enAccountList,
    accountPage: enAccountPage,
    accountTools: enAccountTools,
  },
  "zh-CN": {
    ...zhCN,
    account: zhAccount,
    accountList: zhAccountList,
    accountPage: zhAccountPage,
    accountTools: zhAccountTools,
  },
};

export type Messages = (typeof catalogues)["en"];

export function messagesFor(locale: AppLocale): Messages {
  return catalogues[locale] as Messages;
}
