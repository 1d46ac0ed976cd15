// How large a server action's request may be. Next.js refuses a larger body with a 500; the proxy
// answers 413 first, and the forms check the size before sending (so what was typed stays).
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** What a form may hold, leaving room for the multipart framing around each field. */
export const FORM_SIZE_LIMIT_BYTES = 1_000_000;

const encoder = new TextEncoder();

/** The bytes a form's fields will take on the wire (close enough to compare with the limit). */
export function formDataBytes(formData: FormData): number {
  let total = 0;
  for (const [key, value] of formData.entries()) {
    total += encoder.encode(key).length + 100;
    total += typeof value === "string" ? encoder.encode(value).length : value.size;
  }
  return total;
}
