// Who sent a request. X-Forwarded-For is only a claim: anyone can send it. Keystone believes it
// only as far as the chain of proxies the operator listed in TRUSTED_PROXIES, read from the right
// (the hop nearest to us) — the first address that is not a trusted proxy is the client. With no
// trusted proxies the client is the socket's peer, whatever the headers say.
// The launcher's HTTP server (scripts/server.ts) resolves the address once per request and passes
// it on in CLIENT_ADDRESS_HEADER, after removing any copy of that header the request brought.
import { BlockList, isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-keystone-client-address";

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

export type TrustedProxies = { matches(address: string): boolean; empty: boolean };

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]" → "::1"; anything that is not an IP address → null. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES: a comma-separated list of addresses, CIDR ranges, or the words "loopback" and
 * "private". Throws with a message naming the entry it cannot read.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((entry) => NAMED_RANGES[entry.toLowerCase()] ?? [entry]);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const ip = normaliseAddress(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const family = ip && isIP(ip) === 6 ? "ipv6" : "ipv4";
    const maxBits = family === "ipv6" ? 128 : 32;
    if (
      !ip ||
      extra !== undefined ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
    )
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range, "loopback" or "private".`,
      );
    if (bits === null) list.addAddress(ip, family);
    else list.addSubnet(ip, bits, family);
  }
  return {
    empty: entries.length === 0,
    matches(address) {
      const ip = normaliseAddress(address);
      return !!ip && list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** The client's address: the peer, unless the peer is a trusted proxy vouching for someone else. */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normaliseAddress(peer) ?? "unknown";
  if (trusted.empty || !trusted.matches(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // A hop that is not an address was not written by a proxy we trust: stop at the last good one.
    if (!hop) return client;
    client = hop;
    if (!trusted.matches(hop)) return hop;
  }
  return client;
}

/** The address the launcher resolved for this request (null when the app runs without it). */
export function clientAddressFrom(headers: { get(name: string): string | null }): string | null {
  return normaliseAddress(headers.get(CLIENT_ADDRESS_HEADER));
}

const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

/**
 * Rewrites a request's headers in place before the app sees them: the resolved client address in
 * CLIENT_ADDRESS_HEADER (any copy the request brought is replaced), and forwarding headers kept
 * only when the peer is a trusted proxy (otherwise Next.js fills them in from the socket).
 */
export function attributeHeaders(
  headers: Record<string, string | string[] | undefined>,
  peer: string | undefined,
  trusted: TrustedProxies,
): string {
  const client = resolveClientAddress(peer, headers["x-forwarded-for"], trusted);
  if (trusted.empty || !peer || !trusted.matches(peer)) {
    for (const name of FORWARDING_HEADERS) delete headers[name];
  }
  headers[CLIENT_ADDRESS_HEADER] = client;
  headers["x-forwarded-for"] = client;
  return client;
}
