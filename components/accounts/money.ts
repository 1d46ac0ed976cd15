/** Fen (as stored) → the yuan a person types back into a form: "1250000", "99.5"; null → "". */
export function fenToYuanInput(fen: bigint | null | undefined): string {
  if (fen === null || fen === undefined) return "";
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const cents = abs % 100n;
  const fraction = cents ? `.${cents.toString().padStart(2, "0").replace(/0$/, "")}` : "";
  return `${negative ? "-" : ""}${abs / 100n}${fraction}`;
}

/** Fen → yuan as a number, for display and charts. */
export const fenToYuanNumber = (fen: bigint | null | undefined): number | null =>
  fen === null || fen === undefined ? null : Number(fen) / 100;
