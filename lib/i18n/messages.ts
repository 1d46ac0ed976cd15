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
import enGate from "@/messages/en/gate.json";
import zhGate from "@/messages/zh-CN/gate.json";
import enPipeline from "@/messages/en/pipeline.json";
import zhPipeline from "@/messages/zh-CN/pipeline.json";
import enDeal from "@/messages/en/deal.json";
import zhDeal from "@/messages/zh-CN/deal.json";
import enPipelineAdmin from "@/messages/en/pipelineAdmin.json";
import zhPipelineAdmin from "@/messages/zh-CN/pipelineAdmin.json";
import enHistory from "@/messages/en/history.json";
import zhHistory from "@/messages/zh-CN/history.json";
import enPeople from "@/messages/en/people.json";
import zhPeople from "@/messages/zh-CN/people.json";
import enVisits from "@/messages/en/visits.json";
import zhVisits from "@/messages/zh-CN/visits.json";
import enVisitPlans from "@/messages/en/visitPlans.json";
import zhVisitPlans from "@/messages/zh-CN/visitPlans.json";
import enVisitCalendar from "@/messages/en/visitCalendar.json";
import zhVisitCalendar from "@/messages/zh-CN/visitCalendar.json";
import enDashboard from "@/messages/en/dashboard.json";
import zhDashboard from "@/messages/zh-CN/dashboard.json";
import enTargets from "@/messages/en/targets.json";
import zhTargets from "@/messages/zh-CN/targets.json";
import enLedger from "@/messages/en/ledger.json";
import zhLedger from "@/messages/zh-CN/ledger.json";
import enBudgets from "@/messages/en/budgets.json";
import zhBudgets from "@/messages/zh-CN/budgets.json";
import enReviews from "@/messages/en/reviews.json";
import zhReviews from "@/messages/zh-CN/reviews.json";
import enSurveys from "@/messages/en/surveys.json";
import zhSurveys from "@/messages/zh-CN/surveys.json";
import enSurveyPublic from "@/messages/en/surveyPublic.json";
import zhSurveyPublic from "@/messages/zh-CN/surveyPublic.json";
import enComplaints from "@/messages/en/complaints.json";
import zhComplaints from "@/messages/zh-CN/complaints.json";
import enService from "@/messages/en/service.json";
import zhService from "@/messages/zh-CN/service.json";
import enHealth from "@/messages/en/health.json";
import zhHealth from "@/messages/zh-CN/health.json";
import enJobs from "@/messages/en/jobs.json";
import zhJobs from "@/messages/zh-CN/jobs.json";
import enDistributors from "@/messages/en/distributors.json";
import zhDistributors from "@/messages/zh-CN/distributors.json";
import enChannelAgreements from "@/messages/en/channelAgreements.json";
import zhChannelAgreements from "@/messages/zh-CN/channelAgreements.json";
import enChannelSales from "@/messages/en/channelSales.json";
import zhChannelSales from "@/messages/zh-CN/channelSales.json";
import enReceivables from "@/messages/en/receivables.json";
import zhReceivables from "@/messages/zh-CN/receivables.json";
import enChannelConflicts from "@/messages/en/channelConflicts.json";
import zhChannelConflicts from "@/messages/zh-CN/channelConflicts.json";
import enDistributorScorecards from "@/messages/en/distributorScorecards.json";
import zhDistributorScorecards from "@/messages/zh-CN/distributorScorecards.json";
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
    gate: enGate,
    pipeline: enPipeline,
    deal: enDeal,
    pipelineAdmin: enPipelineAdmin,
    history: enHistory,
    people: enPeople,
    visits: enVisits,
    visitPlans: enVisitPlans,
    visitCalendar: enVisitCalendar,
    dashboard: enDashboard,
    targets: enTargets,
    ledger: enLedger,
    budgets: enBudgets,
    reviews: enReviews,
    surveys: enSurveys,
    surveyPublic: enSurveyPublic,
    complaints: enComplaints,
    service: enService,
    health: enHealth,
    jobs: enJobs,
    distributors: enDistributors,
    channelAgreements: enChannelAgreements,
    channelSales: enChannelSales,
    receivables: enReceivables,
    channelConflicts: enChannelConflicts,
    distributorScorecards: enDistributorScorecards,
  },
  "zh-CN": {
    ...zhCN,
    account: zhAccount,
    accountList: zhAccountList,
    accountPage: zhAccountPage,
    accountTools: zhAccountTools,
    gate: zhGate,
    pipeline: zhPipeline,
    deal: zhDeal,
    pipelineAdmin: zhPipelineAdmin,
    history: zhHistory,
    people: zhPeople,
    visits: zhVisits,
    visitPlans: zhVisitPlans,
    visitCalendar: zhVisitCalendar,
    dashboard: zhDashboard,
    targets: zhTargets,
    ledger: zhLedger,
    budgets: zhBudgets,
    reviews: zhReviews,
    surveys: zhSurveys,
    surveyPublic: zhSurveyPublic,
    complaints: zhComplaints,
    service: zhService,
    health: zhHealth,
    jobs: zhJobs,
    distributors: zhDistributors,
    channelAgreements: zhChannelAgreements,
    channelSales: zhChannelSales,
    receivables: zhReceivables,
    channelConflicts: zhChannelConflicts,
    distributorScorecards: zhDistributorScorecards,
  },
};

export type Messages = (typeof catalogues)["en"];

export function messagesFor(locale: AppLocale): Messages {
  return catalogues[locale] as Messages;
}
