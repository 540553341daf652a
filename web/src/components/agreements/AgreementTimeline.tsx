import { EntryLabel } from '../AgreementBits.tsx';
import { entryDateText, type AgreementDetail } from '../../lib/agreements.ts';
import { formatCivilDate, plural } from '../../lib/format.ts';
import { todayInParis } from '../../lib/grids.ts';
import type { CalendarEntry } from '../../shared.ts';

type TimelineItem = { type: 'entry'; entry: CalendarEntry; state: 'past' | 'current' | 'coming' } | { type: 'today' };

/** The chronology: past dates greyed with the word "passé", a "today" marker, then the coming dates. */
export function AgreementTimeline({ agreement }: { agreement: AgreementDetail }) {
  const today = todayInParis();
  const items: TimelineItem[] = [];
  let todayPlaced = false;
  for (const entry of agreement.timeline) {
    if (!todayPlaced && entry.date > today) {
      items.push({ type: 'today' });
      todayPlaced = true;
    }
    const state = entry.date > today ? 'coming' : entry.date === today || (entry.until && entry.until >= today) ? 'current' : 'past';
    items.push({ type: 'entry', entry, state });
  }
  if (!todayPlaced) items.push({ type: 'today' });
  const past = agreement.timeline.filter((e) => e.date < today).length;
  return (
    <section className="section" aria-labelledby="chronologie">
      <h2 id="chronologie">Chronologie</h2>
      {agreement.timeline.length === 0 ? (
        <p className="empty">
          Aucune date : {agreement.effectiveOn ? 'rien à venir sur la période calculée.' : "la date d'effet n'est pas encore connue (signature ou procès-verbal à enregistrer)."}
        </p>
      ) : (
        <>
          <p className="muted">
            {agreement.signedOn ? `Depuis la signature, le ${formatCivilDate(agreement.signedOn)},` : 'Depuis un an'} et jusqu'à trois ans après aujourd'hui :{' '}
            {plural(past, 'date passée', 'dates passées')},{' '}
            {plural(agreement.timeline.length - past, 'date à venir', 'dates à venir')}.
          </p>
          <ol className="timeline">
            {items.map((item, i) =>
              item.type === 'today' ? (
                <li key="today" className="timeline-today">
                  <span className="timeline-date">
                    <time dateTime={today}>{formatCivilDate(today)}</time>
                  </span>
                  <span className="timeline-body">
                    <strong>Aujourd'hui</strong>
                  </span>
                </li>
              ) : (
                <li key={i} className={`timeline-item is-${item.state}${item.entry.kind.startsWith('exit_') ? ' is-exit' : ''}`}>
                  <span className="timeline-date">
                    <time dateTime={item.entry.date}>{entryDateText(item.entry)}</time>
                    {item.state === 'past' ? (
                      <>
                        {' '}
                        <span className="timeline-marker">passé</span>
                      </>
                    ) : item.state === 'current' ? (
                      <>
                        {' '}
                        <span className="timeline-marker">en cours</span>
                      </>
                    ) : null}
                  </span>
                  <span className="timeline-body">
                    <EntryLabel entry={item.entry} />
                  </span>
                </li>
              ),
            )}
          </ol>
        </>
      )}
    </section>
  );
}
