/**
 * A log as cards and the confirmation page show it: the facts of src/domain/logView.ts with
 * codes turned into labels, the unit into one line, and the fraud signals into sentences. Pure.
 */
import type { ConfirmationSummary } from '../domain/confirmations.js';
import type { LogFacts, LogSignal } from '../domain/logView.js';
import type { MemberUnit } from '../domain/members.js';
import { t } from '../text/zh-CN.js';

export interface LogView {
  id: number;
  authorName: string;
  unit: string;
  date: string;
  item: string;
  itemLabel: string;
  hours: number;
  mode: string;
  community: string;
  source: string;
  /** 三下乡「队名」 or 返家乡, when the log names vacation practice. */
  practice?: string;
  description: string;
  evidence: number;
  /** The first photos as the bot uploaded them (image keys a card may show), at most PHOTOS_SHOWN. */
  photos: string[];
  distanceKm?: number;
  signals: string[];
  status: LogFacts['status'];
}

const unitLine = (u: MemberUnit) => [u.college, u.branch].filter(Boolean).join(' ') || '—';
const itemLabelText = (label: string | null) => (label ? `「${label}」` : '');

export function logView(f: LogFacts): LogView {
  return {
    id: f.id,
    authorName: f.authorName ?? '—',
    unit: unitLine(f.unit),
    date: f.date,
    item: t(`item.${f.item}`),
    itemLabel: itemLabelText(f.itemLabel),
    hours: f.hours,
    mode: t(`mode.${f.mode}`),
    community: f.community ?? '—',
    source: t(`source.${f.source}`),
    practice: practiceLabel(f),
    description: f.description,
    evidence: f.evidence,
    photos: f.photos,
    distanceKm: f.distanceKm,
    signals: f.signals.map(signalText),
    status: f.status,
  };
}

/** 三下乡「队名」 / 返家乡, or undefined: how lists and cards name a log's vacation practice. */
export function practiceLabel(p: { team: string | null; returnHome: boolean }): string | undefined {
  if (p.returnHome) return t('team.tagHome');
  return p.team !== null ? t('team.tagTeam', { name: p.team }) : undefined;
}

export function signalText(s: LogSignal): string {
  switch (s.kind) {
    case 'dayTotal':
      return t('review.signal.dayTotal', { hours: s.hours });
    case 'photoReused':
      return t('review.signal.photoReused');
    case 'burst':
      return t('review.signal.burst', { count: s.count });
    case 'far':
      return t('review.signal.far', { km: s.km });
  }
}

/** What the community contact (and the card telling reviewers) shows: no student number, no phone, no signals. */
export interface ConfirmationView {
  studentName: string;
  unit: string;
  date: string;
  /** The item with the X item's own name. */
  item: string;
  hours: number;
  mode: string;
  community: string;
  description: string;
}

export function confirmationView(s: ConfirmationSummary): ConfirmationView {
  return {
    studentName: s.studentName ?? '—',
    unit: unitLine(s.unit),
    date: s.date,
    item: `${t(`item.${s.item}`)}${itemLabelText(s.itemLabel)}`,
    hours: s.hours,
    mode: t(`mode.${s.mode}`),
    community: s.community ?? '—',
    description: s.description,
  };
}
