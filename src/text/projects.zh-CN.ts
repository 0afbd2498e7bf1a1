/** projects messages (merged into the zh-CN catalogue). */
export const projects = {
} as const;
