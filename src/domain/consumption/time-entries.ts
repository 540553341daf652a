import type { CivilDate } from '../civil-date.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { parseDay, parseYesNo, type FileError } from './fields.ts';
import { periodOfMonth, type Period, type PeriodKind } from './periods.ts';

/**
 * Time spent for members: seed 002 art. 4.2 bills each intervention "sur la base du temps passé au taux
 * horaire de 50 euros TTC (temps et frais de déplacements compris)"; seed 004 art. 9.2.3 counts days of work.
 * Durations are whole minutes, so sums are exact and a rate applies once per bill line.
 */
export interface RawTimeEntry {
  workedOn: string;
  duration: string;
  person: string;
  member: string;
  line: string;
  travel: string;
  description: string;
  reference: string;
  row: number;
}

export interface TimeEntryInput {
  workedOn: CivilDate;
  minutes: number;
  person: string;
  /** The member as the file names it (SIREN, INSEE code or id), resolved by the caller. */
  member: string;
  line: string;
  travelIncluded: boolean;
  description: string;
  /** The file's own reference (ticket number), or empty. */
  reference: string;
}

const CLOCK = /^(\d{1,2})\s*(?:h|:)\s*(\d{2})?$/i;
const HOURS = /^(\d{1,2})(?:[.,](\d{1,2}))?\s*h?$/i;
const MINUTES = /^(\d{1,4})\s*min$/i;
/** One intervention is at most a day and a night: a longer one is a typing error. */
const MAX_MINUTES = 24 * 60;

/**
 * "1:30", "1h30", "2 h", "1,5" (hours) or "90 min" → minutes. Decimal hours must make whole minutes
 * (1,25 h = 75 min; 1,33 h is refused rather than rounded behind the user's back).
 */
export function parseDuration(text: string): number | string {
  const value = text.trim();
  let minutes: number;
  const clock = CLOCK.exec(value);
  const hours = HOURS.exec(value);
  const mins = MINUTES.exec(value);
  if (clock && (clock[2] !== undefined || /h$/i.test(value))) {
    const m = Number(clock[2] ?? 0);
    if (m >= 60) return `durée « ${text} » : ${m} minutes, au-delà de 59`;
    minutes = Number(clock[1]) * 60 + m;
  } else if (hours) {
    const hundredths = Number(hours[1]) * 100 + Number((hours[2] ?? '0').padEnd(2, '0'));
    if ((hundredths * 60) % 100 !== 0) return `durée « ${text} » : ne fait pas un nombre entier de minutes, écrivez-la en heures et minutes (ex. 1:20)`;
    minutes = (hundredths * 60) / 100;
  } else if (mins) minutes = Number(mins[1]);
  else return `durée « ${text} » illisible : attendu 1:30, 1h30, 1,5 ou 90 min`;
  if (minutes <= 0) return 'durée nulle';
  if (minutes > MAX_MINUTES) return `durée de ${Math.floor(minutes / 60)} h au-delà de 24 h pour une intervention`;
  return minutes;
}

/** Checks one row of a time file or form; the member is resolved by the caller (it needs the database). */
export function parseTimeEntry(raw: RawTimeEntry, catalogue: Catalogue): { ok: true; value: TimeEntryInput } | { ok: false; errors: FileError[] } {
  const errors: FileError[] = [];
  const row = raw.row;
  const workedOn = parseDay(raw.workedOn);
  if (!workedOn) errors.push({ row, column: 'date', message: `date illisible « ${raw.workedOn} » : attendu AAAA-MM-JJ ou JJ/MM/AAAA` });
  const minutes = parseDuration(raw.duration);
  if (typeof minutes === 'string') errors.push({ row, column: 'durée', message: minutes });
  const person = raw.person.trim();
  if (!person) errors.push({ row, column: 'intervenant', message: 'intervenant manquant' });
  const member = raw.member.trim();
  if (!member) errors.push({ row, column: 'membre', message: 'adhérent manquant (SIREN ou code INSEE)' });
  const line = catalogue.lines.find((l) => l.code === raw.line.trim());
  if (!line) errors.push({ row, column: 'service', message: `ligne de service « ${raw.line.trim()} » inconnue du catalogue` });
  const travel = parseYesNo(raw.travel);
  if (travel === null) errors.push({ row, column: 'déplacement', message: `« ${raw.travel} » : attendu oui ou non` });
  if (raw.description.length > 2000) errors.push({ row, column: 'description', message: 'description de plus de 2 000 caractères' });
  if (raw.reference.trim().length > 100) errors.push({ row, column: 'référence', message: 'référence de plus de 100 caractères' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { workedOn: workedOn!, minutes: minutes as number, person, member, line: line!.code, travelIncluded: travel!, description: raw.description.trim(), reference: raw.reference.trim() },
  };
}

/**
 * What identifies an entry without a reference of its own: its content, and its rank among identical rows of
 * the same file (two identical one-hour interventions the same day are two entries). The same file imported
 * again gives the same keys, so it changes nothing.
 */
export function contentKeys(entries: readonly (TimeEntryInput & { organisationId: string })[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    if (e.reference) return `ref:${e.reference}`;
    const content = [e.workedOn, e.organisationId, e.line, e.person, e.minutes, e.travelIncluded ? 1 : 0, e.description].join('\u0001');
    const rank = (seen.get(content) ?? 0) + 1;
    seen.set(content, rank);
    return `${content}\u0001${rank}`;
  });
}

export interface TimeTotal {
  organisationId: string;
  line: string;
  period: Period;
  entries: number;
  minutes: number;
}

/** Time summed per member, service line and period: the basis of hourly billing (seed 002). */
export function sumTime(entries: readonly { organisationId: string; line: string; workedOn: string; minutes: number }[], kind: PeriodKind): TimeTotal[] {
  const totals = new Map<string, TimeTotal>();
  for (const e of entries) {
    const period = periodOfMonth(kind, Number(e.workedOn.slice(0, 4)), Number(e.workedOn.slice(5, 7)));
    const key = `${e.organisationId}|${e.line}|${period.year}|${period.index}`;
    const total = totals.get(key) ?? { organisationId: e.organisationId, line: e.line, period, entries: 0, minutes: 0 };
    total.entries++;
    total.minutes += e.minutes;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.line.localeCompare(b.line) || a.period.year - b.period.year || a.period.index - b.period.index);
}

/** Minutes as decimal hours with two decimals, rounded half up: 50 min → "0.83". For display and files. */
export function hoursText(minutes: number): string {
  const hundredths = Math.floor((minutes * 100 * 2 + 60) / 120);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Minutes as days of work of `workdayMinutes` (seed 004: days of work), two decimals, half up. */
export function daysText(minutes: number, workdayMinutes: number): string {
  const hundredths = Math.floor((minutes * 100 * 2 + workdayMinutes) / (2 * workdayMinutes));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
