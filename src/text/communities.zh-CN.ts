/** communities messages (merged into the zh-CN catalogue). */
export const communities = {
} as const;
