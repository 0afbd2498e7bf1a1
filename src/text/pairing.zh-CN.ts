/** pairing messages (merged into the zh-CN catalogue). */
export const pairing = {
} as const;
