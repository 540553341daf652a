import { Link } from 'react-router';
import { StatusBadge } from '../AgreementBits.tsx';
import { DescriptionList } from '../ui.tsx';
import { AGREEMENT_STATUSES, agreementTypeLabel, frenchText, type AgreementDetail } from '../../lib/agreements.ts';
import { formatCivilDate } from '../../lib/format.ts';

/** Identity of the agreement, with its legality receipt and annexes beside it. */
export function AgreementIdentity({ agreement, member }: { agreement: AgreementDetail; member: boolean }) {
  return (
    <div className="two-columns">
      <section className="section" aria-labelledby="identite">
        <h2 id="identite">Identité</h2>
        <DescriptionList
          items={[
            { term: 'Code', value: <span className="mono">{agreement.code}</span> },
            { term: 'Type', value: agreementTypeLabel(agreement.type) },
            {
              term: 'Fournisseur',
              value: member ? agreement.providerName : <Link to={`/organisations/${agreement.providerId}`}>{agreement.providerName}</Link>,
            },
            {
              term: 'Statut',
              value: (
                <>
                  <StatusBadge status={agreement.status} />
                  {AGREEMENT_STATUSES[agreement.status].hint ? <span className="small"> {AGREEMENT_STATUSES[agreement.status].hint}</span> : null}
                </>
              ),
            },
            { term: 'Signature', value: agreement.signedOn ? formatCivilDate(agreement.signedOn) : 'Non enregistrée' },
            ...(agreement.openingRecordSignedOn || agreement.rules.effective.kind === 'first_of_month_after_opening_record'
              ? [{ term: 'Procès-verbal de mise en service', value: agreement.openingRecordSignedOn ? formatCivilDate(agreement.openingRecordSignedOn) : 'Non enregistré' }]
              : []),
            { term: "Prise d'effet", value: agreement.effectiveOn ? formatCivilDate(agreement.effectiveOn) : 'Pas encore connue' },
            ...(agreement.rules.duration.kind === 'fixed' && agreement.rules.duration.renewal.kind === 'express'
              ? [{ term: 'Renouvellements exprès enregistrés', value: String(agreement.expressRenewals) }]
              : []),
            {
              term: 'Prochaine échéance',
              value: agreement.nextDeadline ? `${formatCivilDate(agreement.nextDeadline.date)} : ${frenchText(agreement.nextDeadline.label)}` : 'Aucune',
            },
          ]}
        />
      </section>
      <div>
        <section className="section" aria-labelledby="legalite">
          <h2 id="legalite">Contrôle de légalité</h2>
          {agreement.legalityReceipt ? (
            <DescriptionList
              items={[
                { term: 'Accusé de réception', value: <span className="mono break-anywhere">{agreement.legalityReceipt.id}</span> },
                { term: 'Transmis le', value: agreement.legalityReceipt.transmittedOn ? formatCivilDate(agreement.legalityReceipt.transmittedOn) : null },
                { term: 'Reçu le', value: agreement.legalityReceipt.receivedOn ? formatCivilDate(agreement.legalityReceipt.receivedOn) : null },
              ]}
            />
          ) : (
            <p className="empty">Aucun accusé de réception en préfecture enregistré.</p>
          )}
        </section>
        <section className="section" aria-labelledby="annexes">
          <h2 id="annexes">Annexes</h2>
          {agreement.annexes.length ? (
            <ul className="annex-list">
              {agreement.annexes.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          ) : (
            <p className="empty">Aucune annexe enregistrée.</p>
          )}
        </section>
      </div>
    </div>
  );
}
