import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";
import { requestHost } from "@/lib/http/same-origin";

/** The public address survey links start with: NEXTAUTH_URL, else the address this request came to. */
export async function surveyLinkBase(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured;
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${requestHost(h) ?? "localhost"}`;
}

/** A link as a QR code (SVG markup, drawn on the server: no client JavaScript), for WeChat's scanner. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#0f172a", light: "#ffffff" },
  });
}
