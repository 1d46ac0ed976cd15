// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters —
// registration authority (1), entity type (1), administrative division (6 digits),
// organisation code (9), check character (1) — over an alphabet without I, O, Z, S, V.

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = "length" | "characters" | "checkDigit";

/** Upper-cases and strips spaces, the way people paste codes from licences. */
export function normaliseCreditCode(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

/** The check character for the first 17 characters (which must be in the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

/** null when the code is valid, else what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return "length";
  if (!SHAPE.test(code)) return "characters";
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : "checkDigit";
}

export const isValidCreditCode = (code: string) => creditCodeProblem(code) === null;

/** The six-digit administrative division the code was issued in (e.g. 320500 Suzhou). */
export const creditCodeDivision = (code: string) => code.slice(2, 8);
