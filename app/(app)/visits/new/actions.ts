"use server";

import { z } from "zod";
import { objectAction } from "@/lib/actions/action";
import { searchVisitAccounts } from "@/lib/data/visits/record-reads";
import { id, queryText } from "@/lib/validation/primitives";
import { loadVisitAccountContext } from "./account-context";

/** The quick log's account picker: accounts in the viewer's scope whose name matches. */
export const searchVisitAccountsAction = objectAction(
  z.object({ q: queryText(60) }),
  async ({ viewer, input }) => searchVisitAccounts(viewer, input.q ?? ""),
);

/** The chosen account's contacts, open deals and saved location. */
export const visitAccountContextAction = objectAction(
  z.object({ accountId: id }),
  async ({ viewer, input }) => loadVisitAccountContext(viewer, input.accountId),
);
