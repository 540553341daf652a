import { nodeName, unitLabel } from '../../lib/catalogue.ts';
import type { CatalogueView } from '../../shared.ts';

/** Lines billed once for several others (« Facturation partagée »). */
export function SharedCharges({ view }: { view: CatalogueView }) {
  if (!view.sharedCharges.length) return null;
  const name = (code: string) => nodeName(view, { line: code });
  return (
    <section className="section" aria-labelledby="facturation-partagee">
      <h2 id="facturation-partagee">Facturation partagée</h2>
      {view.sharedCharges.map((s) => {
        const line = view.lines.find((l) => l.code === s.chargeLine);
        const unit = line ? unitLabel(line.unit) : 'unité';
        return (
          <div className="panel shared-charge" key={s.chargeLine}>
            <p>
              <strong>« {name(s.chargeLine)} »</strong> est facturé une seule fois par {unit}, même quand ce {unit} relève de plusieurs des lignes
              suivantes :
            </p>
            <ul>
              {s.triggeredBy.map((code) => (
                <li key={code}>{name(code)}</li>
              ))}
            </ul>
            <p className="muted small">
              La quantité facturée est la plus grande quantité souscrite parmi ces lignes, pas leur somme : par exemple, 10 postes gérés et 10 postes
              hébergés ne paient « {name(s.chargeLine)} » que pour 10 postes.
            </p>
          </div>
        );
      })}
    </section>
  );
}
