import type { RunPreview } from '../../api/billing.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatInteger, plural } from '../../lib/format.ts';

/** The run's key figures: titles and their amount, reductions, payment orders, lines that cannot be priced. */
export function RunTotals({ preview }: { preview: RunPreview }) {
  const t = preview.totals;
  const figures = [
    { value: euros(t.titlesAmount), label: plural(t.titles, 'titre de recette', 'titres de recette') },
    { value: euros(t.reductionsAmount), label: plural(t.reductions, 'réduction de titre', 'réductions de titres') },
    { value: euros(t.paymentOrdersAmount), label: plural(t.paymentOrders, 'mandat de reversement', 'mandats de reversement') },
    { value: formatInteger(t.issues), label: t.issues > 1 ? 'lignes non chiffrables' : 'ligne non chiffrable' },
  ];
  return (
    <ul className="stats" aria-label={`Totaux — ${preview.periodLabel}`}>
      {figures.map((f) => (
        <li className="stat" key={f.label}>
          <span className="stat-value">{f.value}</span>
          <span className="stat-label">{f.label}</span>
        </li>
      ))}
    </ul>
  );
}
