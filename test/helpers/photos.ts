/**
 * Synthetic photos for tests, made with sharp (no binary fixtures): different seeds are
 * different scenes; re-encoding, resizing or cropping one gives the copies a student sends again.
 */
import sharp, { type Sharp } from 'sharp';
import { seededRandom } from '../../src/local/random.js';

/** The seeded random the photos are drawn with (src/local/random.ts). */
export const random = seededRandom;

/**
 * A synthetic photo with the statistics of a real one ("dead leaves": overlapping objects whose
 * sizes follow a power law, as in natural images), a few large soft gradients for light, and
 * sensor noise. Different seeds are different scenes.
 */
export function scene(seed: number, W = 1200, H = 900): Sharp {
  const key = `${seed}:${W}x${H}`;
  let raw = scenes.get(key);
  if (!raw) scenes.set(key, (raw = paint(seed, W, H)));
  return sharp(raw, { raw: { width: W, height: H, channels: 3 } });
}

/** Painted scenes by seed and size: the same seed is the same pixels, painted once. */
const scenes = new Map<string, Buffer>();

function paint(seed: number, W: number, H: number): Buffer {
  const r = random(seed);
  const px = new Float32Array(W * H * 3);
  const colour = () => [r() * 255, r() * 255, r() * 255] as const;
  const [top, bottom] = [colour(), colour()];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const t = y / H;
      for (let k = 0; k < 3; k++) px[(y * W + x) * 3 + k] = top[k]! * (1 - t) + bottom[k]! * t;
    }
  }
  const rmin = 5;
  const rmax = 350;
  for (let s = 0; s < 1500; s++) {
    const radius = (rmin * rmax) / Math.sqrt(rmax * rmax - r() * (rmax * rmax - rmin * rmin));
    const cx = r() * W, cy = r() * H, ax = radius * (0.6 + r() * 0.8), ay = radius * (0.6 + r() * 0.8);
    const col = colour();
    const box = r() < 0.3;
    for (let y = Math.max(0, Math.floor(cy - ay)); y < Math.min(H, Math.ceil(cy + ay)); y++) {
      for (let x = Math.max(0, Math.floor(cx - ax)); x < Math.min(W, Math.ceil(cx + ax)); x++) {
        const dx = (x - cx) / ax, dy = (y - cy) / ay;
        if (!box && dx * dx + dy * dy > 1) continue;
        const shade = 0.8 + 0.2 * dy;
        for (let k = 0; k < 3; k++) px[(y * W + x) * 3 + k] = col[k]! * shade;
      }
    }
  }
  const lights = Array.from({ length: 3 }, () => ({ x: r() * W, y: r() * H, reach: 300 + r() * 600, gain: r() - 0.4 }));
  const out = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let light = 1;
      for (const l of lights) light += l.gain * Math.exp(-((x - l.x) ** 2 + (y - l.y) ** 2) / (l.reach * l.reach));
      const i = (y * W + x) * 3;
      for (let k = 0; k < 3; k++) out[i + k] = Math.min(255, Math.max(0, px[i + k]! * light + (r() - 0.5) * 20));
    }
  }
  return out;
}


/** A scene as a phone would send it: a JPEG (small by default, to keep tests quick). */
export function photoJpeg(seed: number, opts: { quality?: number; width?: number; height?: number } = {}): Promise<Buffer> {
  return scene(seed, opts.width ?? 480, opts.height ?? 360).jpeg({ quality: opts.quality ?? 85 }).toBuffer();
}
