// The account's fixed vocabularies, as stored: kinds of account (end customer, channel …), size
// bands (微型 … 特大型), tiers (A 战略 / B 重点 / C 一般) and the yes/no/unknown marks of the
// qualification gate. Labels live in the catalogues (account.json).

export const ACCOUNT_TYPES = ["END_CUSTOMER", "CHANNEL", "PARTNER", "SUPPLIER", "COMPETITOR"] as const;
export const SIZE_BANDS = ["MICRO", "SMALL", "MEDIUM", "LARGE", "GIANT"] as const;
export const TIERS = ["A", "B", "C"] as const;
export const MARK_ANSWERS = ["YES", "NO", "UNKNOWN"] as const;

export type AccountType = (typeof ACCOUNT_TYPES)[number];
export type SizeBand = (typeof SIZE_BANDS)[number];
