import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attributeHeaders,
  CLIENT_ADDRESS_HEADER,
  normaliseAddress,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/http/client-address";

const none = parseTrustedProxies(undefined);
const lb = parseTrustedProxies("10.0.0.0/8, loopback");

describe("resolveClientAddress", () => {
  it("believes no forwarding header when no proxy is trusted", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
  });

  it("believes a trusted proxy, read from the right, up to the first untrusted hop", () => {
    // The client forged "1.2.3.4"; our load balancer (10.0.0.2) appended the real address.
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7", lb)).toBe("198.51.100.7");
    // Two trusted hops.
    expect(resolveClientAddress("127.0.0.1", "198.51.100.7, 10.0.0.3", lb)).toBe("198.51.100.7");
    // A trusted peer without the header is itself the client.
    expect(resolveClientAddress("10.0.0.2", undefined, lb)).toBe("10.0.0.2");
    // Garbage where an address should be: stop at the last hop we could read.
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, not-an-ip", lb)).toBe("10.0.0.2");
  });

  it("from an untrusted peer, every X-Forwarded-For is ignored (property)", () => {
    const ipv4 = fc.ipV4();
    fc.assert(
      fc.property(
        ipv4.filter((ip) => !lb.matches(ip)),
        fc.array(fc.oneof(ipv4, fc.ipV6(), fc.string()), { maxLength: 5 }),
        (peer, forged) => {
          expect(resolveClientAddress(peer, forged.join(", "), lb)).toBe(peer);
        },
      ),
    );
  });

  it("behind a trusted proxy, the answer is the rightmost untrusted hop (property)", () => {
    const outside = fc.ipV4().filter((ip) => !lb.matches(ip));
    fc.assert(
      fc.property(fc.array(outside, { maxLength: 3 }), outside, (forged, real) => {
        expect(resolveClientAddress("10.1.2.3", [...forged, real, "10.0.0.9"].join(","), lb)).toBe(real);
      }),
    );
  });
});

describe("parseTrustedProxies", () => {
  it("reads addresses, CIDR ranges and the named ranges", () => {
    const t = parseTrustedProxies("192.0.2.1, 2001:db8::/32, private");
    expect(["192.0.2.1", "2001:db8::1", "172.20.1.1", "::ffff:10.9.9.9"].map((a) => t.matches(a))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["192.0.2.2", "8.8.8.8", "2001:db9::1"].map((a) => t.matches(a))).toEqual([false, false, false]);
  });

  it.each(["10.0.0.0/33", "proxy.example", "10.0.0.1/8/1", "::1/129", "1.2.3"])(
    "names the entry it cannot read: %s",
    (entry) => {
      expect(() => parseTrustedProxies(entry)).toThrow(entry);
    },
  );
});

describe("attributeHeaders", () => {
  it("replaces a client-sent address header and drops forwarding headers from untrusted peers", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-host": "evil.example",
      [CLIENT_ADDRESS_HEADER]: "5.6.7.8",
      host: "localhost:3000",
    };
    expect(attributeHeaders(headers, "::ffff:127.0.0.1", none)).toBe("127.0.0.1");
    expect(headers).toEqual({
      host: "localhost:3000",
      [CLIENT_ADDRESS_HEADER]: "127.0.0.1",
      "x-forwarded-for": "127.0.0.1",
    });
  });

  it("keeps a trusted proxy's forwarding headers", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-host": "crm.example.com",
      "x-forwarded-proto": "https",
    };
    attributeHeaders(headers, "10.0.0.2", lb);
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
    expect(headers["x-forwarded-host"]).toBe("crm.example.com");
  });

  it("normalises addresses and refuses what is not one", () => {
    expect(normaliseAddress("[::1]")).toBe("::1");
    expect(normaliseAddress(" 10.0.0.1 ")).toBe("10.0.0.1");
    expect(normaliseAddress("10.0.0.1:443")).toBeNull();
    expect(normaliseAddress("<script>")).toBeNull();
  });
});
