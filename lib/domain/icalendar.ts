// iCalendar output (RFC 5545) for a person's visit feed: one VCALENDAR of VEVENTs with times in UTC
// (so no VTIMEZONE is needed), text escaped (\ ; , and line breaks), content lines folded at 75
// octets without splitting a UTF-8 character, and CRLF line ends. Pure.

export type IcsStatus = "TENTATIVE" | "CONFIRMED" | "CANCELLED";

export type IcsEvent = {
  /** Stable across refreshes, so a calendar app updates an event instead of duplicating it. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  status: IcsStatus;
  url?: string | null;
  /** When the event last changed (LAST-MODIFIED); calendar apps use it to refresh. */
  updatedAt?: Date;
};

export type IcsCalendar = {
  /** The feed's name in the calendar app (X-WR-CALNAME). */
  name: string;
  events: readonly IcsEvent[];
  /** The moment the feed is produced (DTSTAMP). */
  now: Date;
};

const PRODID = "-//Keystone//Visits//EN";
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A DATE-TIME in UTC: 20261202T013000Z. */
export function formatUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start
 * with one space (which counts toward their 75). Cuts fall between characters, never inside one.
 */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** Control characters other than tab are not allowed in TEXT; drop them rather than break the feed. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

const textProp = (name: string, value: string) => `${name}:${escapeText(clean(value))}`;

function eventLines(e: IcsEvent, now: Date): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${clean(e.uid).replace(/[\r\n]/g, "")}`,
    `DTSTAMP:${formatUtc(now)}`,
    `DTSTART:${formatUtc(e.start)}`,
    // A zero-length or backwards event is shown by no app; give it at least a minute.
    `DTEND:${formatUtc(e.end.getTime() > e.start.getTime() ? e.end : new Date(e.start.getTime() + 60_000))}`,
    textProp("SUMMARY", e.summary),
  ];
  if (e.location) lines.push(textProp("LOCATION", e.location));
  if (e.description) lines.push(textProp("DESCRIPTION", e.description));
  if (e.url) lines.push(`URL:${clean(e.url).replace(/[\r\n]/g, "")}`);
  if (e.updatedAt) lines.push(`LAST-MODIFIED:${formatUtc(e.updatedAt)}`);
  lines.push(`STATUS:${e.status}`, "END:VEVENT");
  return lines;
}

/** The whole feed, CRLF-terminated. */
export function buildCalendar({ name, events, now }: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    textProp("X-WR-CALNAME", name),
    // Ask subscribing apps to refresh hourly (Apple and Google mostly decide for themselves).
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...events.flatMap((e) => eventLines(e, now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
