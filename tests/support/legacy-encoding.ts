// Text → bytes in the encodings Excel saves "CSV" in on non-Unicode settings, for tests of how the
// import reads them. Node can decode these but not encode them, so the double-byte ones are
// encoded by inverting its decoder over every two-byte sequence; Windows-1252 by its published
// table (ISO-8859-1 plus the characters at 0x80–0x9F used below).

type DoubleByte = "gbk" | "big5" | "shift_jis";
const tables = new Map<DoubleByte, Map<string, number[]>>();

function table(encoding: DoubleByte): Map<string, number[]> {
  let map = tables.get(encoding);
  if (map) return map;
  map = new Map();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const char = decoder.decode(Uint8Array.from([lead, trail]));
        if ([...char].length === 1 && !map.has(char)) map.set(char, [lead, trail]);
      } catch {
        // not a character in this encoding
      }
    }
  }
  // Single-byte half-width katakana in Shift-JIS are not needed by the tests.
  tables.set(encoding, map);
  return map;
}

const CP1252_SPECIALS: Record<string, number> = {
  "€": 0x80,
  "…": 0x85,
  Š: 0x8a,
  Œ: 0x8c,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "–": 0x96,
  "—": 0x97,
  š: 0x9a,
  œ: 0x9c,
  Ÿ: 0x9f,
};

export function encodeLegacy(text: string, encoding: DoubleByte | "windows-1252"): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (encoding === "windows-1252") {
      const byte = CP1252_SPECIALS[char] ?? (code >= 0xa0 && code <= 0xff ? code : undefined);
      if (byte === undefined) throw new Error(`“${char}” is not in Windows-1252`);
      out.push(byte);
    } else {
      const bytes = table(encoding).get(char);
      if (!bytes) throw new Error(`“${char}” is not in ${encoding}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
