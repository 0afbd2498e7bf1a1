/** branch messages (merged into the zh-CN catalogue). */
export const branch = {
} as const;
