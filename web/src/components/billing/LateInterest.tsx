import type { TitleDetail } from '../../api/billing.ts';
import { frenchText } from '../../lib/agreements.ts';
import { euros } from '../../lib/catalogue.ts';
import { formatCivilDate } from '../../lib/format.ts';
import { Alert } from '../ui.tsx';

/**
 * Legal interest for late payment as of today (seed 002 art. 4.2), from the due date on what remained unpaid:
 * shown for information — charging it is the provider's decision — or why it cannot be computed (a missing rate).
 */
export function LateInterest({ title }: { title: TitleDetail }) {
  const interest = title.lateInterest;
  if (!interest) {
    return <p>{title.dueOn ? `Aucun intérêt de retard : l’échéance du ${formatCivilDate(title.dueOn)} n’est pas dépassée.` : 'Aucun intérêt de retard : la convention ne fixe pas d’échéance.'}</p>;
  }
  if (interest.amount === null) {
    return (
      <Alert tone="warning" title={`Intérêts de retard au ${formatCivilDate(interest.until)} : non calculables`}>
        <p>{frenchText(interest.message ?? 'taux d’intérêt légal manquant')}</p>
      </Alert>
    );
  }
  return (
    <p>
      Intérêts légaux de retard au {formatCivilDate(interest.until)} : <strong>{euros(interest.amount)}</strong>, depuis l’échéance du {formatCivilDate(title.dueOn)} sur le reste dû. À titre
      indicatif : leur facturation relève du fournisseur.
    </p>
  );
}
