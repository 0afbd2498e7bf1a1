/**
 * The QR code of a confirmation link, as a PNG file: `FeishuApi.uploadImage` takes a path.
 * The file lives in its own temp folder only while `use` runs.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';

/** Large enough to scan from a phone screen held up to another phone, small to upload. */
const QR_WIDTH = 480;

export async function withQrPng<T>(text: string, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cpbot-qr-'));
  try {
    const file = path.join(dir, 'confirm.png');
    await QRCode.toFile(file, text, { type: 'png', width: QR_WIDTH, margin: 2, errorCorrectionLevel: 'M' });
    return await use(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
