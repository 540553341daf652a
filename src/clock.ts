import { civilDate, type CivilDate } from './domain/civil-date.ts';

/** Time enters the application here only; the domain receives it as a parameter (`asOf`). */
export interface Clock {
  now(): Date;
  /** Today's civil date in the service's legal time zone (French local authorities: Europe/Paris). */
  today(): CivilDate;
}

export function systemClock(timeZone = 'Europe/Paris'): Clock {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    now: () => new Date(),
    today: () => {
      const [y, m, d] = format.format(new Date()).split('-').map(Number) as [number, number, number];
      return civilDate(y, m, d);
    },
  };
}

export function fixedClock(instant: string): Clock {
  const date = new Date(instant);
  return { now: () => new Date(date), today: () => civilDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) };
}
