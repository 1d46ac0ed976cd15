/** Text for a LIKE / ILIKE pattern with the person's own %, _ and \ taken literally. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
