/**
 * Civil (legal) dates: `YYYY-MM-DD` strings with no time zone. Agreements speak in calendar days
 * ("1er janvier", "six mois avant l'échéance"), so dates never go through `Date` and a time zone.
 */
export type CivilDate = string & { readonly __brand: 'CivilDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Returns the reason a string is not a valid civil date, or null when it is one. */
export function civilDateError(value: string): string | null {
  const match = PATTERN.exec(value);
  if (!match) return 'attendu au format AAAA-MM-JJ';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `mois ${match[2]} invalide`;
  if (day < 1 || day > daysInMonth(year, month)) return `le jour ${match[3]} n'existe pas en ${match[1]}-${match[2]}`;
  return null;
}

export function parseCivilDate(value: string): CivilDate {
  const error = civilDateError(value);
  if (error) throw new RangeError(`Date invalide « ${value} » : ${error}`);
  return value as CivilDate;
}

export function civilDate(year: number, month: number, day: number): CivilDate {
  return parseCivilDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

export function partsOf(date: CivilDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * Adds whole months, clamping to the end of the target month: 31 August + 6 months = 28 (or 29)
 * February. This is how notice periods expressed in months are counted in the seeds' calendars.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new RangeError(`Nombre de mois non entier : ${months}`);
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return civilDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil), without any Date object. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return civilDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const { year, month, day } = partsOf(date);
  return civilFromDays(daysFromCivil(year, month, day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier), e.g. for late-payment interest. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  const a = partsOf(from);
  const b = partsOf(to);
  return daysFromCivil(b.year, b.month, b.day) - daysFromCivil(a.year, a.month, a.day);
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function firstDayOfNextMonth(date: CivilDate): CivilDate {
  const { year, month } = partsOf(date);
  return month === 12 ? civilDate(year + 1, 1, 1) : civilDate(year, month + 1, 1);
}

export function formatCivilDateFr(date: CivilDate): string {
  const { year, month, day } = partsOf(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "1er janvier 2025", "18 mai 2016": the way agreements write dates. */
export function formatCivilDateLongFr(date: CivilDate): string {
  const { year, month, day } = partsOf(date);
  return `${day === 1 ? '1er' : day} ${MONTHS_FR[month - 1]} ${year}`;
}
