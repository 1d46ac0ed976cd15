// `npx tsx scripts/make-icons.ts`: the PNG icons from the keystone mark in public/icon.svg (the PNGs
// are committed; run this after changing the mark). The maskable icons put the mark inside the
// central 80 % circle that a launcher may crop to, on a full-bleed background.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const pub = path.resolve(import.meta.dirname, "../public");
const svg = fs.readFileSync(path.join(pub, "icon.svg"), "utf8");
const mark = [...svg.matchAll(/<path [^>]+\/>/g)].map((m) => m[0]).join("");
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#3730a3"/><g transform="translate(8 8) scale(0.75)">${mark}</g></svg>`;

const outputs: [string, string, number][] = [
  ["icon-192.png", svg, 192],
  ["icon-512.png", svg, 512],
  ["apple-touch-icon.png", maskable, 180], // iOS rounds the corners itself: full bleed
  ["icons/maskable-192.png", maskable, 192],
  ["icons/maskable-512.png", maskable, 512],
];
for (const [file, source, size] of outputs) {
  await sharp(Buffer.from(source), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path.join(pub, file));
  console.log(`public/${file} ${size}×${size}`);
}
