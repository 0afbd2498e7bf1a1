/**
 * Evidence photos compared by what they show, not by their bytes: a photo sent again is rarely
 * byte-identical (chat apps recompress, students re-save, crop and screenshot), so a SHA-256 of
 * the bytes misses the usual reuse. A 64-bit pHash survives recompression, rescaling, format
 * changes and thin borders; crops of a few percent per side move it further (see
 * SAME_PHOTO_MAX_DISTANCE).
 */
import type { Sharp, SharpOptions } from 'sharp';
import { IMAGE_MAX_SIDE } from '../feishu/api.js';

/** What a picture is, as its header says; width and height as displayed (EXIF rotation applied). */
interface ImageInfo {
  /**
   * sharp's name for it: jpeg, png, webp, gif, tiff or heif. sharp's prebuilt libvips reads AVIF
   * but has no HEVC decoder, so an iPhone HEIC is not decoded (photoHash gives undefined).
   */
  format: string;
  width: number;
  height: number;
}

type SharpFactory = (input: Buffer, options?: SharpOptions) => Sharp;

// Only pictures a phone or a chat app sends. SVG and PDF are documents that libvips would render,
// a larger surface for untrusted input, and Feishu's image upload refuses them anyway. BMP and ICO,
// which Feishu accepts, are not in this set because sharp's prebuilt libvips cannot decode them.
const PHOTO_FORMATS: ReadonlySet<string> = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif']);

const INPUT: SharpOptions = {
  // Feishu's own image limit; a larger "photo" is refused before any pixels are allocated.
  limitInputPixels: IMAGE_MAX_SIDE * IMAGE_MAX_SIDE,
  // A phone JPEG cut short in transfer still shows most of the photo; its missing rows come out
  // grey, and a hash near the original's is worth more than none.
  failOn: 'none',
};

/**
 * Whether the bytes start like a photo format (JPEG, PNG, GIF, WebP, TIFF, HEIF/AVIF): anything
 * else never reaches libvips, whose loaders (SVG through librsvg, PDF …) are a larger surface
 * for untrusted input than the photo decoders.
 */
function looksLikePhoto(b: Buffer): boolean {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString('latin1');
  return (
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    || ascii(0, 8) === '\x89PNG\r\n\x1a\n'
    || ascii(0, 4) === 'GIF8'
    || (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
    || ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*'
    || ascii(4, 8) === 'ftyp'
  );
}

const SIZE = 32;
const LOW = 8;

// Orthonormal DCT-II basis, only the LOW lowest frequencies: the hash reads nothing else. The
// scale factors matter because the median compares coefficients of rows u = 0 and u > 0.
const BASIS: readonly Float64Array[] = Array.from({ length: LOW }, (_, u) =>
  Float64Array.from({ length: SIZE }, (_, x) => Math.sqrt((u === 0 ? 1 : 2) / SIZE) * Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))),
);

let loading: Promise<SharpFactory> | undefined;

// sharp loads libvips (about 20 MB of native code): pay for it on the first photo, not at start.
function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then((m) => m.default as SharpFactory);
  return loading;
}

/**
 * What the picture is, from its header (no pixels decoded).
 *
 * @returns undefined when sharp cannot read it or it is not a photo format (see PHOTO_FORMATS).
 * Rejects only when sharp itself cannot be loaded.
 */
export async function imageInfo(bytes: Buffer): Promise<ImageInfo | undefined> {
  if (!looksLikePhoto(bytes)) return undefined;
  const sharp = await loadSharp();
  try {
    // The header alone allocates no pixels, and an oversized picture is worth describing: the
    // pixel limit is for photoHash.
    const meta = await sharp(bytes, { ...INPUT, limitInputPixels: false }).metadata();
    if (!PHOTO_FORMATS.has(meta.format)) return undefined;
    return { format: meta.format, width: meta.autoOrient.width, height: meta.autoOrient.height };
  } catch {
    return undefined;
  }
}

/**
 * 64-bit perceptual hash (pHash) as 16 hex digits: upright by EXIF, transparency on white,
 * grayscale, 32×32 regardless of aspect, 2-D DCT; the top-left 8×8 coefficients, one bit each,
 * set where the coefficient is above the median of the 63 that are not the DC term. The DC bit
 * (the first) is always 0: brightness alone says nothing about which photo it is. A one-colour
 * picture hashes to 0000000000000000, so all of them count as the same photo.
 *
 * @returns undefined when the bytes cannot be decoded as a photo. Rejects only when sharp itself
 * cannot be loaded.
 */
export async function photoHash(bytes: Buffer): Promise<string | undefined> {
  if (!looksLikePhoto(bytes)) return undefined;
  const sharp = await loadSharp();
  let pixels: { data: Buffer; channels: number };
  try {
    const image = sharp(bytes, INPUT);
    const meta = await image.metadata();
    if (!PHOTO_FORMATS.has(meta.format)) return undefined;
    const { data, info } = await image
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .resize(SIZE, SIZE, { fit: 'fill' })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    pixels = { data, channels: info.channels };
  } catch {
    return undefined;
  }
  return bitsToHex(lowFrequencyBits(dctLow(pixels.data, pixels.channels)));
}

// Separable 2-D DCT of the first channel, keeping the LOW×LOW corner: rows first, then columns.
function dctLow(data: Buffer, channels: number): Float64Array {
  const rows = new Float64Array(SIZE * LOW);
  for (let y = 0; y < SIZE; y++) {
    for (let u = 0; u < LOW; u++) {
      const basis = BASIS[u]!;
      let sum = 0;
      for (let x = 0; x < SIZE; x++) sum += data[(y * SIZE + x) * channels]! * basis[x]!;
      rows[y * LOW + u] = sum;
    }
  }
  const out = new Float64Array(LOW * LOW);
  for (let v = 0; v < LOW; v++) {
    const basis = BASIS[v]!;
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) sum += rows[y * LOW + u]! * basis[y]!;
      out[v * LOW + u] = sum;
    }
  }
  return out;
}

// A one-colour picture has no AC energy, only rounding noise whose signs would make up bits; as
// zeros it hashes to 0000000000000000 instead.
const FLAT = 1e-6;

function lowFrequencyBits(coefficients: Float64Array): Uint8Array {
  const ac = Array.from(coefficients.subarray(1), (c) => (Math.abs(c) < FLAT ? 0 : c)).sort((a, b) => a - b);
  const median = ac[(ac.length - 1) / 2]!;
  return Uint8Array.from(coefficients, (c, i) => (i > 0 && Math.abs(c) >= FLAT && c > median ? 1 : 0));
}

function bitsToHex(bits: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bits.length; i += 4) hex += ((bits[i]! << 3) | (bits[i + 1]! << 2) | (bits[i + 2]! << 1) | bits[i + 3]!).toString(16);
  return hex;
}

const HASH = /^[0-9a-f]{16}$/i;

/**
 * Number of differing bits of two photoHash values (0–64). Infinity when either is not a
 * 16-hex-digit hash, e.g. a SHA-256 stored before photo hashes, so it never counts as the same.
 */
/** Whether a stored or computed value is a photo hash (16 hex digits). */
export const isPhotoHash = (s: string): boolean => HASH.test(s);

export function photoDistance(a: string, b: string): number {
  return HASH.test(a) && HASH.test(b) ? distanceTo(a)(b) : Infinity;
}

/**
 * photoDistance for scanning many stored hashes against one (the reused-photo query): the one
 * is parsed once, each stored hash (known to be 16 hex digits) without a pattern test.
 */
export function distanceTo(hash: string): (stored: string) => number {
  const hi = parseInt(hash.slice(0, 8), 16);
  const lo = parseInt(hash.slice(8), 16);
  return (stored) => popcount32(parseInt(stored.slice(0, 8), 16) ^ hi) + popcount32(parseInt(stored.slice(8), 16) ^ lo);
}

function popcount32(n: number): number {
  let x = n >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Largest photoDistance still taken for the same photo. Measured on 80 synthetic photos made as
 * in test/photos.test.ts (seeds 1000–1079): JPEG q60 and q35, half size, PNG re-saves and EXIF-rotated copies came
 * within 4; 90 % screenshots with a 1–3 % band and crops of 2–3 % per side within 12; unrelated
 * photos never nearer than 18 (3160 pairs, median 32). Crops of 4 % per side matched in 94 % of
 * cases (up to 16), of 5 % in 69 % (up to 20): raising the bound to catch those would bring
 * unrelated photos of similar scenes within reach, and a wrong flag accuses a student.
 */
export const SAME_PHOTO_MAX_DISTANCE = 12;

/** Whether two photoHash values are taken for the same photo. */
export function isSamePhoto(a: string, b: string): boolean {
  return photoDistance(a, b) <= SAME_PHOTO_MAX_DISTANCE;
}

/** The first candidate whose hash is the same photo as `hash`, in iteration order. */
export function findSamePhoto<T extends { hash: string }>(hash: string, candidates: Iterable<T>): T | undefined {
  for (const candidate of candidates) if (isSamePhoto(hash, candidate.hash)) return candidate;
  return undefined;
}
