"use client";

import { useState } from "react";
import { SelectField, TextField } from "@/components/forms/action-form";
import { moneyFormat, parseYuan } from "@/lib/domain/money";

/** Raw message texts with {placeholders}, filled in here (the server translated them). */
export type GiftCapTexts = {
  recipient: string;
  chooseRecipient: string;
  value: string;
  valueHint: string;
  contactTotal: string; // "{name}: {total} this year (cap {cap})"
  overContact: string; // "… would reach {after}, above the cap of {cap}"
  overAccount: string;
};

/**
 * The gift's recipient and value, with the compliance check beside them: the year's gift total for
 * the chosen contact, and a warning as soon as the value typed would pass the yearly cap per
 * contact or per account. The server shows the same figures; this only makes them live.
 */
export function GiftFields({
  locale,
  contacts,
  totals,
  caps,
  texts,
  defaults,
}: {
  locale: string;
  contacts: { id: string; name: string }[];
  /** fen as strings (bigint does not cross to the browser): per contact id, and the account's */
  totals: { perContact: Record<string, string>; account: string };
  caps: { contact: string; account: string };
  texts: GiftCapTexts;
  defaults: { recipientContactId?: string; amount?: string };
}) {
  const [recipient, setRecipient] = useState(defaults.recipientContactId ?? "");
  const [amount, setAmount] = useState(defaults.amount ?? "");
  const money = moneyFormat(locale);
  const show = (fen: bigint) => money.full(Number(fen) / 100);
  const fill = (text: string, values: Record<string, string>) =>
    text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
  const parsed = parseYuan(amount);
  const value = parsed.ok ? parsed.fen : 0n;
  const contactTotal = BigInt(totals.perContact[recipient] ?? "0");
  const accountTotal = BigInt(totals.account);
  const contactCap = BigInt(caps.contact);
  const accountCap = BigInt(caps.account);
  const name = contacts.find((c) => c.id === recipient)?.name;
  const warnings = [
    recipient && contactTotal + value > contactCap
      ? fill(texts.overContact, {
          name: name ?? "",
          after: show(contactTotal + value),
          cap: show(contactCap),
        })
      : null,
    accountTotal + value > accountCap
      ? fill(texts.overAccount, { after: show(accountTotal + value), cap: show(accountCap) })
      : null,
  ].filter((w): w is string => !!w);

  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="recipientContactId"
          label={texts.recipient}
          placeholder={texts.chooseRecipient}
          options={contacts.map((c) => ({ value: c.id, label: c.name }))}
          defaultValue={defaults.recipientContactId ?? ""}
          onChange={(e) => setRecipient(e.currentTarget.value)}
        />
        <TextField
          name="amount"
          label={texts.value}
          hint={texts.valueHint}
          inputMode="decimal"
          defaultValue={defaults.amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
      </div>
      {recipient && name ? (
        <p className="text-sm text-slate-700" data-testid="gift-contact-total">
          {fill(texts.contactTotal, { name, total: show(contactTotal), cap: show(contactCap) })}
        </p>
      ) : null}
      <div aria-live="polite">
        {warnings.length ? (
          <div
            role="status"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
            data-testid="gift-cap-warning"
          >
            {warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
