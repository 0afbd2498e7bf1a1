/**
 * src/time.ts formats wall times from a remembered UTC offset instead of asking Intl on every
 * call; across daylight-saving changes it must still say exactly what dayjs's tz() says. Every
 * answer comes from the zone it is given, never from the process's zone.
 */
import { describe, expect, it } from 'vitest';
import { dayjs, formatDateTime, hourOfDay, localDate, localDay, startOfDate, type When } from '../src/time.js';

const transitions: [string, string][] = [
  ['America/New_York', '2025-03-09T07:00:00Z'],
  ['America/New_York', '2025-11-02T06:00:00Z'],
  ['Europe/London', '2025-03-30T01:00:00Z'],
  ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'], // a 30-minute change
  ['Asia/Kathmandu', '2025-06-01T00:00:00Z'], // +05:45
  ['Asia/Shanghai', '2025-12-31T16:00:00Z'], // the school's midnight, new year
];

describe('wall times in a zone', () => {
  it.each(transitions)('%s around %s match dayjs tz() minute by minute', (tz, at) => {
    const centre = Date.parse(at);
    const wrong: string[] = [];
    for (let t = centre - 3 * 3600_000; t <= centre + 3 * 3600_000; t += 60_000 + 7_000) {
      const expected = localDay(t, tz);
      const hour = expected.hour() + expected.minute() / 60 + expected.second() / 3600;
      if (formatDateTime(t, tz) !== expected.format('YYYY-MM-DD HH:mm') || localDate(t, tz) !== expected.format('YYYY-MM-DD') || Math.abs(hourOfDay(t, tz) - hour) > 1e-9) wrong.push(new Date(t).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it("the school's date turns at midnight Beijing time", () => {
    const tz = 'Asia/Shanghai';
    expect(localDate(Date.parse('2026-03-01T15:59:59Z'), tz)).toBe('2026-03-01');
    expect(localDate(Date.parse('2026-03-01T16:00:00Z'), tz)).toBe('2026-03-02');
    expect(formatDateTime(Date.parse('2026-03-01T16:00:00Z'), tz)).toBe('2026-03-02 00:00');
  });

  it('one moment is a different date in different zones, whatever zone the process runs in', () => {
    const when: When = { now: Date.parse('2026-03-01T20:00:00Z'), tz: 'Pacific/Kiritimati' };
    expect(localDate(when.now, when.tz)).toBe('2026-03-02'); // UTC+14
    expect(localDate(when.now, 'America/Los_Angeles')).toBe('2026-03-01');
    expect(formatDateTime(when.now, when.tz)).toBe('2026-03-02 10:00');
    expect(localDay(when.now, when.tz).hour()).toBe(10);
  });

  it('a calendar date begins at midnight in the zone', () => {
    expect(startOfDate('2026-09-01', 'Asia/Shanghai')).toBe(Date.parse('2026-08-31T16:00:00Z'));
    expect(startOfDate('2026-09-01', 'UTC')).toBe(Date.parse('2026-09-01T00:00:00Z'));
    expect(startOfDate('2025-03-09', 'America/New_York')).toBe(dayjs.tz('2025-03-09', 'America/New_York').valueOf());
  });

});
