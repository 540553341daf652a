import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { OperatorInvoice } from '../api/consumption-records.ts';
import { api } from '../api/endpoints.ts';
import { InvoiceCopyForm } from '../components/operator-invoices/InvoiceCopyForm.tsx';
import { InvoiceLines } from '../components/operator-invoices/InvoiceLines.tsx';
import { InvoicePaymentForm } from '../components/operator-invoices/InvoicePaymentForm.tsx';
import { Alert, DescriptionList, LoadError, Loading, PageHeader } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { euros } from '../lib/catalogue.ts';
import { formatCivilDate } from '../lib/format.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { billedPeriod } from '../lib/operator-invoices.ts';
import { useCan } from '../lib/session.tsx';

const BREADCRUMB = [{ to: '/factures-operateurs', label: 'Factures d’opérateurs' }];

/** One operator invoice: its identity and amounts, its lines per member, its payment and its copy. */
export function OperatorInvoicePage() {
  const { id = '' } = useParams();
  const can = useCan();
  const announce = useAnnounce();
  const loaded = useResource((signal) => api.operatorInvoices.get(id, signal), `invoice-${id}`);
  const [updated, setUpdated] = useState<OperatorInvoice | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const invoice = updated ?? loaded.data;
  useTitle(invoice ? `Facture ${invoice.number}` : 'Facture d’opérateur');

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash, updated]);

  function changed(next: OperatorInvoice, message: string) {
    setUpdated(next);
    setFlash(message);
    announce(message);
  }

  if (!invoice) {
    return (
      <>
        <PageHeader title="Facture d’opérateur" breadcrumb={BREADCRUMB} />
        {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : <Loading />}
      </>
    );
  }
  const writes = can('consumption:write');
  return (
    <>
      <PageHeader title={`Facture ${invoice.number}`} breadcrumb={BREADCRUMB} lead={`${invoice.operator}${invoice.marketLot ? ` — ${invoice.marketLot}` : ''}, période facturée ${billedPeriod(invoice)}.`} />
      {flash ? (
        <Alert tone="success" focusRef={flashRef}>
          <p>{flash}</p>
        </Alert>
      ) : null}
      <section className="section" aria-labelledby="facture-identite">
        <h2 id="facture-identite">La facture</h2>
        <DescriptionList
          items={[
            { term: 'Opérateur', value: invoice.operator },
            { term: 'Lot du marché', value: invoice.marketLot },
            { term: 'Numéro', value: invoice.number },
            { term: 'Date de la facture', value: formatCivilDate(invoice.issuedOn) },
            { term: 'Période facturée', value: billedPeriod(invoice) },
            { term: 'Adhérents', value: invoice.members.join(', ') },
            { term: 'Montant HT', value: euros(invoice.amount) },
            { term: 'TVA', value: euros(invoice.vat) },
            { term: 'Total TTC', value: euros(invoice.total) },
            { term: 'Réglée le', value: invoice.paidOn ? formatCivilDate(invoice.paidOn) : 'non réglée' },
            { term: 'Double', value: invoice.copyFileName ?? 'non déposé' },
          ]}
        />
      </section>
      <section className="section" aria-labelledby="facture-lignes">
        <h2 id="facture-lignes">Lignes par adhérent</h2>
        <InvoiceLines invoice={invoice} />
      </section>
      <section className="section" aria-labelledby="facture-reglement">
        <h2 id="facture-reglement">Règlement</h2>
        <p>{invoice.paidOn ? `Réglée le ${formatCivilDate(invoice.paidOn)}.` : "Pas encore réglée : l'état trimestriel de l'adhérent joint les doubles des factures réglées."}</p>
        {writes ? <InvoicePaymentForm key={invoice.paidOn ?? 'non-reglee'} invoice={invoice} onPaid={(next) => changed(next, `Facture ${next.number} : règlement enregistré le ${formatCivilDate(next.paidOn)}.`)} /> : null}
      </section>
      <section className="section" aria-labelledby="facture-double">
        <h2 id="facture-double">Double de la facture</h2>
        {invoice.copyFileName ? (
          <p>
            <a className="btn btn-secondary" href={api.operatorInvoices.copyUrl(invoice.id)} download={invoice.copyFileName}>
              Télécharger le double<span className="sr-only"> de la facture {invoice.number}</span> ({invoice.copyFileName})
            </a>
          </p>
        ) : (
          <p className="muted">Aucun double déposé.</p>
        )}
        {writes ? <InvoiceCopyForm key={invoice.copyFileName ?? 'sans-double'} invoice={invoice} onUploaded={(next, fileName) => changed(next, `Facture ${next.number} : double déposé (${fileName}).`)} /> : null}
      </section>
    </>
  );
}
