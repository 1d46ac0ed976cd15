import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, formatUtc, type IcsEvent } from "@/lib/domain/icalendar";

const now = new Date("2026-12-02T03:04:05Z");
const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: "plan-abc@keystone",
  start: new Date("2026-12-03T01:30:00Z"),
  end: new Date("2026-12-03T03:00:00Z"),
  summary: "拜访计划：苏州精工汽车零部件有限公司",
  location: "苏州工业园区星湖街 328 号",
  description: "目的：技术交流, 了解需求; 带上样品\\方案\n第二行",
  status: "CONFIRMED",
  url: "https://keystone.example/visits/plans/abc",
  ...overrides,
});

/** Parses the feed with ical.js (an independent RFC 5545 parser) into its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents("vevent").map((c) => ({
      component: c,
      event: new ICAL.Event(c),
    })),
  };
}

describe("iCalendar output", () => {
  it("round-trips through ical.js: UID, times in UTC, text with , ; \\ and line breaks", () => {
    const text = buildCalendar({ name: "张磊的拜访", events: [event()], now });
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("张磊的拜访");
    expect(events).toHaveLength(1);
    const { event: e, component } = events[0]!;
    expect(e.uid).toBe("plan-abc@keystone");
    expect(e.summary).toBe("拜访计划：苏州精工汽车零部件有限公司");
    expect(e.location).toBe("苏州工业园区星湖街 328 号");
    expect(e.description).toBe("目的：技术交流, 了解需求; 带上样品\\方案\n第二行");
    expect(e.startDate.toJSDate().toISOString()).toBe("2026-12-03T01:30:00.000Z");
    expect(e.endDate.toJSDate().toISOString()).toBe("2026-12-03T03:00:00.000Z");
    expect(e.startDate.zone?.tzid).toBe("UTC");
    expect(component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect((component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString()).toBe(
      now.toISOString(),
    );
  });

  it("ends every line with CRLF and keeps every line within 75 octets", () => {
    const long = "很长的拜访说明，".repeat(40) + "end";
    const text = buildCalendar({
      name: "x",
      events: [event({ description: long, summary: "A".repeat(200) })],
      now,
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    // Folded lines continue with a space, and unfold to the original text.
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(parse(text).events[0]!.event.description).toBe(long);
    expect(parse(text).events[0]!.event.summary).toBe("A".repeat(200));
  });

  it("escapes text as RFC 5545 says", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    expect(formatUtc(new Date("2026-12-03T01:30:00.123Z"))).toBe("20261203T013000Z");
  });

  it("never cuts a multi-byte character when folding", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        const folded = foldLine(`DESCRIPTION:${s}`);
        const parts = folded.split("\r\n");
        for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
        expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(`DESCRIPTION:${s}`);
      }),
    );
  });

  it("survives hostile text: any summary parses back to itself (control characters dropped)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120 }), (summary, description) => {
        const text = buildCalendar({ name: "x", events: [event({ summary, description })], now });
        const parsed = parse(text).events[0]!.event;
        const strip = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
        expect(parsed.summary ?? "").toBe(strip(summary).replace(/\r\n|\r/g, "\n"));
        if (strip(description)) expect(parsed.description).toBe(strip(description).replace(/\r\n|\r/g, "\n"));
      }),
    );
  });

  it("writes no events for an empty feed, and a tentative plan as TENTATIVE", () => {
    expect(parse(buildCalendar({ name: "x", events: [], now })).events).toHaveLength(0);
    const { component } = parse(buildCalendar({ name: "x", events: [event({ status: "TENTATIVE" })], now }))
      .events[0]!;
    expect(component.getFirstPropertyValue("status")).toBe("TENTATIVE");
  });

  it("gives a zero-length event a minute so calendar apps show it", () => {
    const start = new Date("2026-12-03T01:30:00Z");
    const e = parse(buildCalendar({ name: "x", events: [event({ start, end: start })], now })).events[0]!
      .event;
    expect(e.endDate.toJSDate().getTime() - start.getTime()).toBe(60_000);
  });
});
