// Where the app may send a person after signing in (or any other redirect built from input): a
// path on this site, normalised. Browsers read "/\evil.example" and "//evil.example" as another
// host, and strip tabs and newlines before resolving, so anything that could leave the site —
// a backslash, a control character, a scheme — falls back to the home page.

const PLACEHOLDER_ORIGIN = "http://keystone.invalid";
const MAX_LENGTH = 2048;
// Pages that make no sense to come back to after signing in (and would loop).
const NOT_A_DESTINATION = /^\/(login|api)(\/|$|\?|#)/;

/** The same-site path `value` names, normalised ("/a/../b?x#y" → "/b?x#y"), or `fallback`. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that normalises to "//host" would be protocol-relative when used as a Location.
  if (path.startsWith("//") || NOT_A_DESTINATION.test(path)) return fallback;
  return path;
}
