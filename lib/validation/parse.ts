import type { z } from "zod";

/**
 * Parses untrusted input the way every action does. `reportInput` keeps the offending value on
 * each issue, which is how a missing value ("required") is told apart from a wrong one.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown) {
  return schema.safeParse(raw, { reportInput: true });
}
