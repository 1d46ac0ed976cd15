// Text people type or paste, checked before it is stored. PostgreSQL refuses NUL; control and
// direction-override characters make names that look like something else (or like nothing);
// zero-width characters let "　\u200b" pass as a name. Tabs and line breaks are ordinary.

// C0 controls except tab/LF/CR, DEL, C1 controls, lone surrogates, the noncharacters U+FFFE/U+FFFF.
const UNSTORABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Bidirectional embeddings, overrides and isolates: they reorder what is displayed (spoofing).
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
// Whitespace and characters that print as nothing, trimmed from both ends.
const INVISIBLE =
  "\\s\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u2060-\\u2064\\u3164\\ufeff\\uffa0";
const EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, "gu");
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export type TextProblem = "unstorable" | "invisibleOnly";

/** NFC-normalised, with whitespace and invisible characters trimmed from both ends. */
export function cleanText(raw: string): string {
  return raw.normalize("NFC").replace(EDGES, "");
}

/** Why this (cleaned) text cannot be stored, or null. Empty text is fine here (required-ness is checked apart). */
export function textProblem(text: string): TextProblem | null {
  if (UNSTORABLE.test(text) || DIRECTION_CONTROLS.test(text)) return "unstorable";
  if (text.length > 0 && !VISIBLE.test(text)) return "invisibleOnly";
  return null;
}
