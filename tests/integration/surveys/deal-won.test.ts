// A won deal asks the customer how it went: winning through the pipeline sends one CSAT survey to
// the account's decision makers after the win committed.
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { winDeal } from "@/lib/data/deals/outcomes";
import { accountFixture, viewerFor } from "../helpers";
import { dayFromToday, dealRow, move, newDeal, NEXT_TERM, uniquePrefix } from "../deals/fixtures";

it("winning a deal sends one survey to the account's decision makers", async () => {
  process.env.NEXTAUTH_SECRET ??= "integration-survey-secret-0123456789";
  const kam = await viewerFor("usr_east_kam1");
  const manager = await viewerFor("usr_east_manager");
  const account = await accountFixture(kam.id);
  const boss = await db.contact.create({
    data: { accountId: account.id, name: "赵总", buyingRole: "DECISION_MAKER", email: "zhao@example.cn" },
  });
  const id = await newDeal(kam, account.id, uniquePrefix("Survey"));
  await move(manager, id, "CLOSING", { overrideReason: "调研测试" });
  await winDeal(manager, {
    id,
    version: (await dealRow(id)).version,
    overrideReason: "调研测试",
    applyToValue: false,
    agreement: { ...NEXT_TERM, startDate: dayFromToday(-10), endDate: dayFromToday(355) },
  });
  const surveys = await db.survey.findMany({ where: { dealId: id }, include: { invitations: true } });
  expect(surveys).toHaveLength(1);
  expect(surveys[0]).toMatchObject({ trigger: "DEAL_WON", accountId: account.id, ownerId: kam.id });
  expect(surveys[0]!.invitations.map((i) => i.contactId)).toEqual([boss.id]);
});
