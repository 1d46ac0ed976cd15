"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import type { ActionState } from "@/lib/actions/types";
import { decideCreditRequest, requestCreditLimit } from "@/lib/data/receivables/credit";
import { createInvoice, voidInvoice } from "@/lib/data/receivables/invoices";
import { recordPayment } from "@/lib/data/receivables/payments";
import {
  createInvoiceSchema,
  decideCreditSchema,
  recordPaymentSchema,
  requestCreditSchema,
  voidInvoiceSchema,
} from "@/lib/validation/receivables";

// Credit and receivables actions: each authorises inside lib/data (capability + the distributor's
// scope), validates with the shared schemas and refreshes the pages that show the figures.

function refresh(distributorId?: string) {
  revalidatePath("/receivables", "layout");
  if (distributorId) revalidatePath(`/distributors/${distributorId}`);
}

const create = formAction(createInvoiceSchema, async ({ viewer, input }) => {
  const r = await createInvoice(viewer, input);
  refresh(input.distributorId);
  return r;
});

/** Creates the invoice and opens it. */
export async function createInvoiceAction(
  prev: ActionState<{ id: string; invoiceNo: string }>,
  formData: FormData,
): Promise<ActionState<{ id: string; invoiceNo: string }>> {
  const state = await create(prev, formData);
  if (state.status === "ok" && state.data)
    redirect(`/receivables/invoices/${encodeURIComponent(state.data.id)}`);
  return state;
}

export const voidInvoiceAction = formAction(
  voidInvoiceSchema,
  async ({ viewer, input }) => {
    await voidInvoice(viewer, input);
    refresh();
  },
  (t) => t("receivables.detail.voided"),
);

type PaymentResult = { id: string; paymentNo: string; back: string };

const pay = formAction(recordPaymentSchema, async ({ viewer, input }): Promise<PaymentResult> => {
  const r = await recordPayment(viewer, input);
  refresh(input.distributorId);
  // Back to the invoice the person came from when the payment settled it, else the distributor's invoices.
  const first = r.allocated[0]?.invoiceId;
  const back =
    r.allocated.length === 1 && first
      ? `/receivables/invoices/${encodeURIComponent(first)}?paid=${encodeURIComponent(r.paymentNo)}`
      : `/receivables/invoices?distributor=${encodeURIComponent(input.distributorId)}`;
  return { id: r.id, paymentNo: r.paymentNo, back };
});

/** Records the payment with its allocations, then shows what it settled. */
export async function recordPaymentAction(
  prev: ActionState<PaymentResult>,
  formData: FormData,
): Promise<ActionState<PaymentResult>> {
  const state = await pay(prev, formData);
  if (state.status === "ok" && state.data) redirect(state.data.back);
  return state;
}

export const requestCreditAction = formAction(
  requestCreditSchema,
  async ({ viewer, input }) => {
    await requestCreditLimit(viewer, input);
    refresh(input.distributorId);
  },
  (t) => t("receivables.credit.requested"),
);

const decide = formAction(decideCreditSchema, async ({ viewer, input }) => {
  const r = await decideCreditRequest(viewer, input);
  refresh(r.distributorId);
  return r;
});

type Decided = { id: string; status: "APPROVED" | "REJECTED"; distributorId: string };

/** Decides the request; its form leaves the page with the decision, so the page says what happened. */
export async function decideCreditAction(
  prev: ActionState<Decided>,
  formData: FormData,
): Promise<ActionState<Decided>> {
  const state = await decide(prev, formData);
  if (state.status === "ok" && state.data) redirect(`/receivables/credit?decided=${state.data.status}`);
  return state;
}
