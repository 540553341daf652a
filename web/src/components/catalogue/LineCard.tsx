import type { ReactNode } from 'react';
import { lineKindLabel, lineStatusLabel, nodePhrase, statusTone, unitLabel, WITHDRAWAL_REASONS, type CatalogueLine, type WithdrawalReason } from '../../lib/catalogue.ts';
import type { CatalogueView } from '../../shared.ts';
import { Badge, TableScroll } from '../ui.tsx';

/** The facts of a line, as terms and values of its description list. */
function lineFacts(view: CatalogueView, line: CatalogueLine): { term: string; value: ReactNode }[] {
  const additiveTo = line.additiveTo ? view.lines.find((l) => l.code === line.additiveTo) : undefined;
  const lineRequires = view.dependencies.filter((d) => 'line' in d.from && d.from.line === line.code);
  const items: { term: string; value: ReactNode }[] = [
    { term: 'Nature', value: lineKindLabel(line.kind) },
    { term: 'Unité de compte', value: unitLabel(line.unit) },
  ];
  if (additiveTo) items.push({ term: 'Tarif additionnel', value: <>s'ajoute à « {additiveTo.name} »</> });
  if (lineRequires.length) items.push({ term: 'Nécessite', value: lineRequires.map((d) => nodePhrase(view, d.requires)).join(', ') });
  if (line.options.length) {
    items.push({
      term: 'Options',
      value: (
        <ul className="plain-list">
          {line.options.map((o) => (
            <li key={o.code}>
              <strong>{o.label}</strong> : {o.values.map((v) => v.label).join(' ; ')}
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (line.deliveredByName) items.push({ term: 'Délivrée par', value: line.deliveredByName });
  if (line.subProviderName) items.push({ term: 'Sous-traitant', value: line.subProviderName });
  if (line.annexes.length) {
    items.push({
      term: 'Annexes',
      value: (
        <ul className="plain-list">
          {line.annexes.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ),
    });
  }
  return items;
}

/** Who does what for a line. */
function Responsibilities({ line }: { line: CatalogueLine }) {
  return (
    <TableScroll label={`Répartition des rôles pour « ${line.name} »`}>
      <table className="table">
        <caption>Qui fait quoi pour « {line.name} »</caption>
        <thead>
          <tr>
            <th scope="col">Partie</th>
            <th scope="col">Tâches</th>
          </tr>
        </thead>
        <tbody>
          {line.responsibilities.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.partyName || 'Organisation inconnue'}</th>
              <td>{r.tasks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A line of service as its card reads: status, description, technical prerequisites, facts and roles. */
export function LineCard({ view, line, action }: { view: CatalogueView; line: CatalogueLine; action: ReactNode }) {
  const items = lineFacts(view, line);
  return (
    <article className={`line-card${line.status === 'withdrawn' ? ' is-withdrawn' : ''}`} aria-labelledby={`ligne-${line.code}-nom`}>
      <div className="line-card-header">
        <h4 id={`ligne-${line.code}-nom`}>{line.name}</h4>
        {action}
      </div>
      <p className="line-card-meta">
        <Badge tone={statusTone(line.status)}>
          <span className="sr-only">Statut : </span>
          {lineStatusLabel(line.status)}
        </Badge>{' '}
        <span className="mono small">{line.code}</span>
      </p>
      {line.status === 'withdrawn' && line.withdrawalReason ? (
        <p className="small">
          <strong>Motif du retrait :</strong> {WITHDRAWAL_REASONS[line.withdrawalReason as WithdrawalReason] ?? line.withdrawalReason}
        </p>
      ) : null}
      <div className="line-card-body">
        <div>
          {line.description ? <p className="line-description">{line.description}</p> : null}
          {line.technicalPrerequisites.length ? (
            <div className="checklist-block">
              <h5>Prérequis techniques à remplir</h5>
              <ul className="checklist">
                {line.technicalPrerequisites.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <div>
          <dl className="line-facts">
            {items.map((item) => (
              <div key={item.term}>
                <dt>{item.term}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
          {line.responsibilities.length ? <Responsibilities line={line} /> : null}
        </div>
      </div>
    </article>
  );
}
