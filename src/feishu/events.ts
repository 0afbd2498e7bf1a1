/**
 * zod schemas for the `event` bodies the bot handles (FEISHU.md §3.1, §4.1, §6). Anything
 * that does not match is ignored with a debug log rather than trusted.
 */
import { z } from 'zod';

const userId = z.object({ open_id: z.string().min(1), user_id: z.string().optional(), union_id: z.string().optional() });

export const messageReceived = z.object({
  sender: z.object({ sender_id: userId.partial({ open_id: true }), sender_type: z.string() }),
  message: z.object({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string().max(200_000),
    create_time: z.union([z.string(), z.number()]).optional(),
    mentions: z
      .array(z.object({ key: z.string(), id: userId.partial({ open_id: true }), name: z.string().optional() }))
      .optional(),
  }),
});

export const cardAction = z.object({
  operator: userId,
  token: z.string().optional(),
  action: z.object({
    value: z.unknown(),
    tag: z.string().optional(),
    name: z.string().optional(),
    form_value: z.record(z.string(), z.unknown()).optional(),
    input_value: z.string().optional(),
    option: z.string().optional(),
    options: z.array(z.string()).optional(),
    checked: z.boolean().optional(),
  }),
  context: z.object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() }).optional(),
});

export const botAddedToChat = z.object({
  chat_id: z.string().min(1),
  operator_id: userId.partial({ open_id: true }).optional(),
  name: z.string().optional(),
});

export const botMenu = z.object({
  operator: z.object({ operator_id: userId }),
  event_key: z.string().max(64),
});

export const textContent = z.object({ text: z.string().max(20_000) });
export const fileContent = z.object({ file_key: z.string().min(1), file_name: z.string().max(255) });
export const imageContent = z.object({ image_key: z.string().min(1).max(200) });
/** Coordinates arrive as strings; out-of-range values are refused, not clamped. */
export const locationContent = z.object({
  name: z.string().max(200).optional(),
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
});

/**
 * The body of a rich-text (`post`) message: `{title, content: [[element, …], …]}`, either as is
 * or wrapped by locale (`{"zh_cn": {…}}`, the first locale with a body is read).
 */
function postBody(content: unknown): { content: unknown[] } | null {
  const body = content as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') return null;
  const post = (Array.isArray(body.content) ? body : (Object.values(body).find((v) => v && typeof v === 'object' && Array.isArray((v as { content?: unknown }).content)) ?? null)) as { content?: unknown[] } | null;
  return post?.content ? { content: post.content } : null;
}

/** Text of a rich-text (`post`) message, flattened; Feishu wraps it by locale or not. */
export function postText(content: unknown): string | null {
  const post = postBody(content);
  if (!post) return null;
  return post.content
    .map((line) => (Array.isArray(line) ? line.map((seg) => (seg && typeof seg === 'object' && typeof (seg as { text?: unknown }).text === 'string' ? (seg as { text: string }).text : (seg as { key?: string })?.key ?? '')).join('') : ''))
    .join('\n');
}

/** An element of a post that claims to be an image; only one with a usable key is one. */
const postImgTag = z.object({ tag: z.literal('img') });
const postImage = z.object({ tag: z.literal('img'), image_key: imageContent.shape.image_key });

interface PostImages {
  /** The `image_key`s of the post's images, in reading order (line by line, left to right). */
  imageKeys: string[];
  /** `img` elements without a usable `image_key`: dropped, counted for the log. */
  malformed: number;
}

/** The images of a rich-text (`post`) message (a pasted screenshot, a photo sent with text). */
export function postImages(content: unknown): PostImages {
  const imageKeys: string[] = [];
  let malformed = 0;
  for (const line of postBody(content)?.content ?? []) {
    if (!Array.isArray(line)) continue;
    for (const seg of line) {
      if (!postImgTag.safeParse(seg).success) continue;
      const image = postImage.safeParse(seg);
      if (image.success) imageKeys.push(image.data.image_key);
      else malformed++;
    }
  }
  return { imageKeys, malformed };
}
