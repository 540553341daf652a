import { Link } from 'react-router';
import type { TitleDetail } from '../../api/billing.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { DOCUMENT_KINDS_FR, TITLE_STATUSES, TITLE_STATUS_TONES, titlePeriod } from '../../lib/titles.ts';
import { Badge, DescriptionList } from '../ui.tsx';

/** A title's identity and amounts: number, kind, member, subject, period, dates, amounts, what was paid and what remains. */
export function TitleSummary({ title, detailPath }: { title: TitleDetail; detailPath: string }) {
  const receivable = title.kind === 'title';
  return (
    <DescriptionList
      items={[
        { term: 'Numéro', value: title.number },
        { term: 'Type', value: DOCUMENT_KINDS_FR[title.kind] },
        { term: 'Statut', value: <Badge tone={TITLE_STATUS_TONES[title.status]}>{TITLE_STATUSES[title.status]}</Badge> },
        { term: 'Adhérent', value: title.organisationName },
        { term: 'Objet', value: title.subject },
        { term: 'Période', value: titlePeriod(title) },
        { term: 'Exercice', value: String(title.fiscalYear) },
        { term: 'Émis le', value: formatCivilDate(title.issuedOn) },
        { term: 'Échéance', value: title.dueOn ? formatCivilDate(title.dueOn) : receivable ? 'la convention ne fixe pas de délai' : '' },
        ...(title.refersTo ? [{ term: 'Titre concerné', value: <Link to={`${detailPath}/${title.refersTo}`}>voir le titre réduit</Link> }] : []),
        { term: 'Montant HT', value: euros(title.amountExcl) },
        { term: 'TVA', value: euros(title.vat) },
        { term: 'Montant TTC', value: euros(title.amountIncl) },
        ...(receivable
          ? [
              { term: 'Payé', value: euros(title.paid) },
              { term: 'Reste à recouvrer', value: euros(title.outstanding) },
            ]
          : []),
      ]}
    />
  );
}
