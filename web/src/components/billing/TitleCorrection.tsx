import { useState } from 'react';
import type { TitleDetail } from '../../api/billing.ts';
import { parseEuros } from '../../shared.ts';
import { RadioGroup } from '../forms.tsx';
import { TitleCancellationForm } from './TitleCancellationForm.tsx';
import { TitleReductionForm } from './TitleReductionForm.tsx';

type Choice = 'reduction' | 'cancellation';

/**
 * « Corriger ce titre » (staff with `billing:run`, a title of kind 'title'): a title issued never changes (DOMAIN.md),
 * it is reduced in part or cancelled whole by a new numbered document that refers to it. Cancelling is offered only
 * while the title has neither reduction nor payment (the server refuses it otherwise: paid money goes back by a
 * payment order).
 */
export function TitleCorrection({ title, onCorrected }: { title: TitleDetail; onCorrected(document: TitleDetail): void }) {
  const cancellable = title.reductions.length === 0 && title.payments.length === 0;
  const [choice, setChoice] = useState<Choice | ''>('');
  const options: { value: Choice; label: string }[] = [{ value: 'reduction', label: 'Réduire une partie du titre' }, ...(cancellable ? [{ value: 'cancellation' as const, label: 'Annuler tout le titre' }] : [])];
  if (parseEuros(title.outstanding) <= 0 && !cancellable) return <p className="empty">Plus rien ne reste dû sur ce titre : ce qui a été payé se reverse par mandat.</p>;
  return (
    <>
      <RadioGroup<Choice>
        id="correction-choix"
        legend="Type de correction"
        hint={cancellable ? undefined : 'L’annulation n’est plus possible : le titre a déjà été réduit ou a reçu des paiements.'}
        options={options}
        value={choice}
        onChange={setChoice}
      />
      {choice === 'reduction' ? (
        <>
          <h3 id="correction-reduction">Réduire une partie du titre</h3>
          <TitleReductionForm title={title} onReduced={onCorrected} />
        </>
      ) : null}
      {choice === 'cancellation' && cancellable ? (
        <>
          <h3 id="correction-annulation">Annuler tout le titre</h3>
          <TitleCancellationForm title={title} onCancelled={onCorrected} />
        </>
      ) : null}
    </>
  );
}
