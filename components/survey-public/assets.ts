import { createHash } from "node:crypto";

// The survey page's only style sheet and only script, inline and allowed by their SHA-256 in the
// Content-Security-Policy: nothing else can run or style the page, and no file is fetched.

export const SURVEY_STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f1f5f9;color:#0f172a;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem}
header{padding:.5rem 0 1rem}
.company{margin:0;font-size:.875rem;color:#475569}
h1{margin:.25rem 0 0;font-size:1.375rem;line-height:1.3;overflow-wrap:anywhere}
.intro{margin:.5rem 0 0;color:#334155;white-space:pre-line;overflow-wrap:anywhere}
.note{margin:.5rem 0 0;font-size:.875rem;color:#475569}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1rem;margin:0 0 1rem}
fieldset.card{min-width:0}
legend,.label{float:left;width:100%;padding:0;margin:0 0 .75rem;font-weight:600;overflow-wrap:anywhere}
legend+*,.label+*{clear:both}
.req{color:#b91c1c;margin-left:.25rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.picks{display:grid;gap:.5rem;grid-template-columns:repeat(6,minmax(0,1fr))}
.picks.five{grid-template-columns:repeat(5,minmax(0,1fr))}
@media (min-width:40rem){.picks.eleven{grid-template-columns:repeat(11,minmax(0,1fr))}}
.pick{position:relative;display:block}
.pick input,.opt input{position:absolute;opacity:0;width:1px;height:1px}
.pick span{display:flex;align-items:center;justify-content:center;min-height:3rem;border:1px solid #94a3b8;border-radius:.5rem;background:#fff;font-size:1.125rem;font-weight:600;cursor:pointer}
.pick input:checked+span{background:#3730a3;border-color:#3730a3;color:#fff}
.pick input:focus-visible+span,.opt input:focus-visible+span{outline:3px solid #f59e0b;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:1rem;margin-top:.5rem;font-size:.8125rem;color:#475569}
.ends span:last-child{text-align:right}
.opts{display:grid;gap:.5rem}
.opt{position:relative;display:block}
.opt span{display:flex;align-items:center;min-height:3rem;padding:.5rem .75rem .5rem 2.5rem;border:1px solid #94a3b8;border-radius:.5rem;background:#fff;cursor:pointer;overflow-wrap:anywhere;position:relative}
.opt span::before{content:"";position:absolute;left:.75rem;top:50%;width:1.125rem;height:1.125rem;margin-top:-.5625rem;border:2px solid #475569;background:#fff}
.opt input[type=radio]+span::before{border-radius:50%}
.opt input[type=checkbox]+span::before{border-radius:.25rem}
.opt input:checked+span{border-color:#3730a3;background:#eef2ff}
.opt input:checked+span::before{background:#3730a3;border-color:#3730a3;box-shadow:inset 0 0 0 3px #fff}
textarea{display:block;width:100%;min-height:7rem;padding:.625rem .75rem;border:1px solid #94a3b8;border-radius:.5rem;font:inherit;resize:vertical}
textarea:focus-visible{outline:3px solid #f59e0b;outline-offset:1px}
.count{display:block;margin-top:.25rem;font-size:.8125rem;color:#475569;text-align:right}
.hint{margin:-.5rem 0 .75rem;font-size:.875rem;color:#475569}
.err{margin:.75rem 0 0;color:#b91c1c;font-weight:600}
.has-err{border-color:#b91c1c;border-width:2px}
.summary{border:2px solid #b91c1c;background:#fef2f2;color:#7f1d1d;border-radius:.75rem;padding:.75rem 1rem;margin:0 0 1rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1.5rem 0 2rem}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:3rem;padding:.5rem 1.5rem;border:0;border-radius:.5rem;background:#3730a3;color:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
button:focus-visible,.button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.link{color:#3730a3;display:inline-flex;align-items:center;min-height:3rem}
.message{text-align:center;padding:2rem 1rem}
.message h1{font-size:1.5rem}
.message p{color:#334155}
.message+.message{border-top:1px solid #e2e8f0}
`.trim();

// Progressive enhancement only: a live character count under each text answer. The form works
// the same without it.
export const SURVEY_SCRIPT = `document.querySelectorAll("textarea[data-count]").forEach(function(t){var o=document.getElementById(t.getAttribute("data-count"));if(!o)return;var u=function(){o.textContent=t.value.length+" / "+t.maxLength};t.addEventListener("input",u);u()});`;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * Nothing but this page's own style and script, forms only to ourselves, no framing, no plugins,
 * no base-URL tricks, no fetches (connect-src falls back to 'none').
 */
export const SURVEY_CSP = [
  "default-src 'none'",
  `style-src ${sha256(SURVEY_STYLE)}`,
  `script-src ${sha256(SURVEY_SCRIPT)}`,
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

/**
 * Every response under /s/: the token is in the URL, so it must not travel in a Referer to anyone
 * else, be cached by a shared cache, or be indexed. "same-origin" rather than "no-referrer":
 * with no-referrer browsers send `Origin: null` on a form POST, which the origin check (kept on
 * for every state-changing request) would refuse; same-origin still sends nothing off-site.
 */
export const SURVEY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": SURVEY_CSP,
  "Referrer-Policy": "same-origin",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};
