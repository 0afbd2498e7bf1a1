/**
 * The QR code of a confirmation link, as a PNG file: `FeishuApi.uploadImage` takes a path.
 * The file lives in its own temp folder only while `use` runs.
 */
import path from 'node:path';
import { withTempDir } from './tempDir.js';

/** Large enough to scan from a phone screen held up to another phone, small to upload. */
const QR_WIDTH = 480;

export async function withQrPng<T>(text: string, use: (file: string) => Promise<T>): Promise<T> {
  return withTempDir('qr', async (dir) => {
    const file = path.join(dir, 'confirm.png');
    // Loaded on first use (≈ 8 MB resident): a QR code is drawn a few times a week, not at start.
    const { default: QRCode } = await import('qrcode');
    await QRCode.toFile(file, text, { type: 'png', width: QR_WIDTH, margin: 2, errorCorrectionLevel: 'M' });
    return use(file);
  });
}
