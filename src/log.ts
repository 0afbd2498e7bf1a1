/**
 * Structured logs. Secrets and personal data are redacted by path as a safety net; the
 * code's rule is still to log ids, never message text, student numbers or phone numbers.
 */
import pino, { type Logger } from 'pino';

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['appSecret', 'encryptKey', 'verificationToken', '*.appSecret', '*.encryptKey', '*.verificationToken', 'mobile', '*.mobile', 'studentNo', '*.studentNo', 'text', '*.text', 'content', '*.content'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
