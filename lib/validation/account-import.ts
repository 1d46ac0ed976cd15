import { z } from "zod";
import type { ProfileValidator, Translate } from "@/lib/domain/account-import";
import { fieldErrorsFromIssues } from "@/lib/i18n/validation-messages";
import { createAccountSchema } from "./accounts";
import { parseInput } from "./parse";

/**
 * What the import's confirm step receives besides the file: the SHA-256 digest of the file the
 * check (preview) read, and the batch token it handed out (18 random bytes, base64url).
 */
export const importConfirmationSchema = z.object({
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  batch: z.string().regex(/^[A-Za-z0-9_-]{24}$/),
});

export type ImportConfirmation = z.infer<typeof importConfirmationSchema>;

/** Each imported row is checked by the "new account" form's own schema, with its messages. */
export const validateImportedProfile: ProfileValidator = (input, t: Translate) => {
  const parsed = parseInput(createAccountSchema, input);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues, t) };
};
