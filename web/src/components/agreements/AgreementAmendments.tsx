import { useRef, useState } from 'react';
import type { AgreementDetail } from '../../lib/agreements.ts';
import { AMENDMENT_STATUSES } from '../../lib/amendments.ts';
import { AmendmentDecisionForm } from './AmendmentDecisionForm.tsx';
import { AmendmentsTable } from './AmendmentsTable.tsx';
import { ProposeAmendmentForm } from './ProposeAmendmentForm.tsx';

/**
 * The amendments and, for staff of the provider, proposing one and recording each party's deliberation.
 * `onChanged` receives the message to show once the agreement is reloaded.
 */
export function AgreementAmendments({ agreement, writer, onChanged }: { agreement: AgreementDetail; writer: boolean; onChanged(message: string): void }) {
  const [open, setOpen] = useState<{ kind: 'propose' } | { kind: 'decide'; amendmentId: string } | null>(null);
  const proposeButton = useRef<HTMLButtonElement>(null);
  const deciding = open?.kind === 'decide' ? agreement.amendments.find((a) => a.id === open.amendmentId) : undefined;

  /** Closes the form and gives the focus back to the button that opened it, once it is rendered again. */
  function close(target: () => HTMLElement | null) {
    setOpen(null);
    setTimeout(() => target()?.focus(), 0);
  }

  return (
    <section className="section" aria-labelledby="avenants">
      <h2 id="avenants">Avenants</h2>
      {agreement.amendments.length === 0 ? (
        <p className="empty">Aucun avenant.</p>
      ) : (
        <AmendmentsTable
          agreement={agreement}
          actions={
            writer
              ? (a) =>
                  a.status === 'pending' ? (
                    <button type="button" className="btn btn-secondary btn-small" id={`avenant-${a.number}-decider`} onClick={() => setOpen({ kind: 'decide', amendmentId: a.id })}>
                      Enregistrer une délibération<span className="sr-only"> sur l'avenant n° {a.number}</span>
                    </button>
                  ) : (
                    <span className="muted">—</span>
                  )
              : undefined
          }
        />
      )}
      {deciding ? (
        <AmendmentDecisionForm
          key={deciding.id}
          agreementId={agreement.id}
          amendment={deciding}
          onCancel={() => close(() => document.getElementById(`avenant-${deciding.number}-decider`))}
          onDecided={(updated, decision) => {
            setOpen(null);
            onChanged(
              `${decision === 'approve' ? 'Approbation enregistrée' : 'Rejet enregistré'} pour l'avenant n° ${updated.number} : ${AMENDMENT_STATUSES[updated.status].label.toLowerCase()}.`,
            );
          }}
        />
      ) : null}
      {writer ? (
        open?.kind === 'propose' ? (
          <ProposeAmendmentForm
            agreement={agreement}
            onCancel={() => close(() => proposeButton.current)}
            onProposed={(amendment) => {
              setOpen(null);
              onChanged(`Avenant n° ${amendment.number} enregistré : ${AMENDMENT_STATUSES[amendment.status].label.toLowerCase()}.`);
            }}
          />
        ) : (
          <p>
            <button type="button" className="btn btn-secondary" ref={proposeButton} onClick={() => setOpen({ kind: 'propose' })}>
              Proposer un avenant
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}
