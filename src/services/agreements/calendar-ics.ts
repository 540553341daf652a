import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import type { CalendarEntry } from '../../contracts/agreements.ts';
import { addDays, parseCivilDate } from '../../domain/civil-date.ts';

/** Civil date → a Date at UTC midnight, which ical-generator writes as a date-only value for all-day events. */
function utcMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The calendar as an iCalendar feed (RFC 5545): one all-day event per deadline, windows spanning their
 * days, with stable UIDs so that a subscribed calendar updates events instead of duplicating them.
 */
export function calendarIcs(entries: CalendarEntry[], name: string): string {
  const calendar = ical({ name, prodId: { company: 'Mutualis', product: 'calendrier-des-conventions', language: 'FR' } });
  for (const entry of entries) {
    const uid = createHash('sha256').update(`${entry.agreementId}|${entry.kind}|${entry.date}|${entry.label}|${entry.party ?? ''}`).digest('hex').slice(0, 32);
    calendar.createEvent({
      id: `${uid}@mutualis`,
      allDay: true,
      start: utcMidnight(entry.date),
      // DTEND is exclusive for all-day events: the day after the last day.
      end: utcMidnight(addDays(parseCivilDate(entry.until ?? entry.date), 1)),
      summary: `${entry.label} — ${entry.agreementTitle}`,
      description: `${entry.providerName}\nConvention : ${entry.agreementTitle} (${entry.agreementCode})${entry.party ? `\nPartie concernée : ${entry.party === 'member' ? 'adhérent' : 'fournisseur'}` : ''}`,
      stamp: utcMidnight(entry.date),
    });
  }
  return calendar.toString();
}
