/**
 * The platform's rules in one place (CARDS.md): what Feishu refuses and what it mis-renders,
 * for cards, message bodies, patches, uploads and card-callback answers. The Open API
 * stand-in (../openApi.ts) checks every request against them, so tests and local mode meet
 * the real platform's strictness; test/platformRules.test.ts feeds each rule a violating and
 * a conforming case.
 */
export { CARD_MAX_BYTES, CARD_PATCH_WINDOW_MS as PATCH_WINDOW_MS, MAX_COMPONENTS, SUBTITLE_MAX_WIDTH, countComponents, textWidth } from '../../feishu/cardLimits.js';
export { checkCard } from './cards.js';
export { checkMarkdown } from './markdown.js';
export { checkCallbackAnswer, checkFileUpload, checkImageUpload, checkMessage, checkPatch, type DeliveredMessage } from './messages.js';
export type { Defect, Refusal, Verdict } from './verdict.js';
