// A map from 128-bit digests to positive whole numbers, in two typed arrays (open addressing,
// linear probing): 20 bytes a slot and nothing for the garbage collector to walk, where a Map of
// the keys themselves costs a few hundred bytes a line (the string, its parts, the entry). The
// sales-report import keeps one entry per line of the file to find repeated lines.

const EMPTY = 0;

export class DigestTable {
  private keys: Uint32Array;
  private values: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Uint32Array(slots * 4);
    this.values = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored under the digest (its first 16 bytes), or undefined. */
  get(digest: Uint8Array): number | undefined {
    const slot = this.find(digest);
    const value = this.values[slot]!;
    return value === EMPTY ? undefined : value;
  }

  /** Stores `value` (1 … 2³²−1) under the digest, replacing what was there. */
  set(digest: Uint8Array, value: number): void {
    if (!Number.isInteger(value) || value < 1 || value > 0xffff_ffff)
      throw new RangeError(`DigestTable: ${value} is not a positive 32-bit whole number`);
    let slot = this.find(digest);
    if (this.values[slot] === EMPTY) {
      if ((this.count + 1) * 4 > (this.mask + 1) * 3) {
        this.grow();
        slot = this.find(digest);
      }
      this.count++;
      const k = slot * 4;
      for (let w = 0; w < 4; w++) this.keys[k + w] = word(digest, w);
    }
    this.values[slot] = value;
  }

  /** The slot holding the digest, or the empty slot where it would go. */
  private find(digest: Uint8Array): number {
    if (digest.byteLength < 16) throw new RangeError("DigestTable: a digest has at least 16 bytes");
    const [a, b, c, d] = [word(digest, 0), word(digest, 1), word(digest, 2), word(digest, 3)];
    // The digest is already uniform: its first word places it.
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.values[slot] === EMPTY) return slot;
      const k = slot * 4;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c && this.keys[k + 3] === d)
        return slot;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    const slots = values.length * 2;
    this.keys = new Uint32Array(slots * 4);
    this.values = new Uint32Array(slots);
    this.mask = slots - 1;
    for (let old = 0; old < values.length; old++) {
      if (values[old] === EMPTY) continue;
      let slot = keys[old * 4]! & this.mask;
      while (this.values[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys.set(keys.subarray(old * 4, old * 4 + 4), slot * 4);
      this.values[slot] = values[old]!;
    }
  }
}

const word = (bytes: Uint8Array, w: number) =>
  (bytes[w * 4]! | (bytes[w * 4 + 1]! << 8) | (bytes[w * 4 + 2]! << 16) | (bytes[w * 4 + 3]! << 24)) >>> 0;
