// The safety net behind the zod primitives: a database refusal that a person's input caused
// becomes a field error they can act on, not "something went wrong". Most input never gets this
// far (lib/validation/primitives.ts refuses it first); what remains are races — two people
// registering the same credit code at the same moment both pass the "is it free?" check, and the
// unique index refuses the second — and values no schema anticipated.
import { AppError } from "@/lib/errors";

/** Unique indexes a person can run into, with the field and message that explain them. */
const UNIQUE_INDEXES: Record<string, { code: "DUPLICATE" | "VALIDATION"; field: string; message: string }> = {
  Account_creditCode_key: { code: "DUPLICATE", field: "creditCode", message: "validation.creditCodeTaken" },
  User_email_key: { code: "VALIDATION", field: "email", message: "validation.emailTaken" },
  Territory_code_key: { code: "VALIDATION", field: "code", message: "validation.codeTaken" },
  LostReason_code_key: { code: "VALIDATION", field: "code", message: "validation.codeTaken" },
  SavedView_userId_scope_name_key: {
    code: "VALIDATION",
    field: "name",
    message: "accountList.views.nameTaken",
  },
  // One active exclusive distributor per territory (a race past replaceCoverage's check).
  DistributorTerritory_one_active_exclusive: {
    code: "VALIDATION",
    field: "territories",
    message: "validation.exclusiveTerritoryTaken",
  },
};

type Found = { codes: string[]; messages: string[] };

/** Collects SQLSTATE / Prisma codes and messages through the wrappers (Prisma error → driver adapter error → pg). */
function collect(error: unknown, found: Found = { codes: [], messages: [] }, depth = 0): Found {
  if (!error || typeof error !== "object" || depth > 5) return found;
  const e = error as Record<string, unknown> & { meta?: Record<string, unknown> };
  for (const key of ["code", "originalCode"])
    if (typeof e[key] === "string") found.codes.push(e[key] as string);
  for (const key of ["message", "originalMessage"])
    if (typeof e[key] === "string") found.messages.push(e[key] as string);
  collect(e.cause, found, depth + 1);
  collect(e.meta?.driverAdapterError, found, depth + 1);
  return found;
}

/**
 * The AppError a database error stands for when the input caused it, or null (then it is a bug
 * or an outage: logged, and the person sees the generic message).
 */
export function databaseErrorToAppError(error: unknown): AppError | null {
  const { codes, messages } = collect(error);
  const text = messages.join("\n");
  const has = (...c: string[]) => c.some((x) => codes.includes(x));

  if (has("P2002", "23505")) {
    const index = Object.keys(UNIQUE_INDEXES).find((name) => text.includes(name));
    const target = index ? UNIQUE_INDEXES[index]! : null;
    return target
      ? new AppError(target.code, "unique index", { [target.field]: [target.message] })
      : new AppError("DUPLICATE", "unique index", { _form: ["validation.duplicate"] });
  }
  // Text the database cannot store (NUL) or characters outside the encoding.
  if (has("22021", "22P05") || /invalid byte sequence|unsupported Unicode escape/i.test(text))
    return new AppError("VALIDATION", "unstorable text", { _form: ["validation.unstorable"] });
  if (has("P2000", "22001"))
    return new AppError("VALIDATION", "too long", { _form: ["validation.tooLongGeneric"] });
  // Prisma refuses a bigint beyond 64 bits or a date beyond year 9999 before sending it.
  const unconvertible = /Could not convert argument value Object \{"\$type": String\("(\w+)"\)/.exec(
    text,
  )?.[1];
  if (has("P2020", "22003") || /out of range for type/i.test(text) || unconvertible === "BigInt")
    return new AppError("VALIDATION", "number out of range", { _form: ["validation.numberTooLarge"] });
  if (has("22007", "22008") || unconvertible === "DateTime")
    return new AppError("VALIDATION", "bad date", { _form: ["validation.date"] });
  return null;
}
