/** Names of the accounts seed-e2e.ts makes for the visit-record journeys (visit-records.spec.ts). */
export const VISIT_E2E = { visitAccount: "拜访演练客户", overduePrefix: "逾期待访客户" };
