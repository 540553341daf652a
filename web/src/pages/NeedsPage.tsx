import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { NeedActions } from '../components/governance/NeedActions.tsx';
import { NeedForm } from '../components/governance/NeedForm.tsx';
import { Alert, LoadError, Loading, PageHeader, TableScroll } from '../components/ui.tsx';
import { useAnnounce } from '../lib/announcer.tsx';
import { formatCivilDate, plural } from '../lib/format.ts';
import { todayInParis } from '../lib/grids.ts';
import { useResource, useTitle } from '../lib/hooks.ts';
import { useAccount, useCan } from '../lib/session.tsx';
import { formatEurosFr, parseEuros, type NeedView } from '../shared.ts';

const euros = (amount: string | null) => (amount ? formatEurosFr(parseEuros(amount)) : '—');

function roadmapText(need: NeedView): string | null {
  if (need.roadmap) return `Feuille de route ${need.roadmap.year}, priorité ${need.roadmap.priority}${need.roadmap.budget ? `, budget ${euros(need.roadmap.budget)}` : ''}${need.roadmap.resources ? `, ${need.roadmap.resources}` : ''}`;
  if (need.advice) return `${need.advice.favourable ? 'Avis favorable' : 'Avis défavorable'} du ${formatCivilDate(need.advice.on)} : ${need.advice.text}`;
  return need.reason;
}

/**
 * The needs register (seed 004 art. 3.2): a member's CLI records its needs and acquisition requests and follows their
 * status; the provider's staff see every member's, advise and validate acquisitions; committees decide the rest.
 */
export function NeedsPage() {
  const account = useAccount();
  const allowed = useCan();
  const announce = useAnnounce();
  const member = account.side === 'member';
  useTitle(member ? 'Mes besoins' : 'Registre des besoins');
  const year = Number(todayInParis().slice(0, 4));
  const list = useResource((signal) => api.governance.needs({}, signal), 'needs');
  const providers = useResource(() => (member ? api.providers.list() : Promise.resolve([])), `providers-${member}`);
  const [rows, setRows] = useState<NeedView[] | null>(null);
  const [flash, setFlash] = useState<{ text: string; tone: 'success' | 'error'; at: number } | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => setRows(list.data ?? null), [list.data]);
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);
  const needs = rows ?? [];
  const show = (text: string, tone: 'success' | 'error' = 'success') => {
    setFlash({ text, tone, at: Date.now() });
    announce(text);
  };
  const replace = (next: NeedView) => setRows((current) => (current ?? []).map((n) => (n.id === next.id ? next : n)));

  return (
    <>
      <PageHeader
        title={member ? 'Mes besoins' : 'Registre des besoins'}
        lead={
          member
            ? 'Les besoins de votre collectivité, recensés chaque année, et vos demandes d’acquisition à faire valider avant de commander : leur statut suit les avis du fournisseur et les décisions des comités.'
            : 'Les besoins recensés par les correspondants informatiques des adhérents et leurs demandes d’acquisition : avis, validation, et suite donnée en comité (feuille de route).'
        }
      />
      {flash ? (
        <Alert tone={flash.tone} focusRef={flashRef} role={flash.tone === 'error' ? 'alert' : undefined}>
          <p>{flash.text}</p>
        </Alert>
      ) : null}
      {member && allowed('need:record') && account.organisationId && providers.data ? (
        <NeedForm
          organisationId={account.organisationId}
          providers={providers.data.map((p) => ({ id: p.id, name: p.name }))}
          year={year + 1}
          onDone={(need) => {
            setRows((current) => [need, ...(current ?? [])]);
            show(`Besoin enregistré : ${need.title} (${need.statusLabel.toLowerCase()}).`);
          }}
        />
      ) : null}
      <section className="section" aria-labelledby="liste-besoins" aria-busy={list.loading}>
        <h2 id="liste-besoins">{member ? 'Besoins et demandes' : 'Besoins des adhérents'}</h2>
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {rows && needs.length === 0 ? <p className="empty">Aucun besoin recensé.</p> : null}
        {needs.length ? (
          <TableScroll label="Besoins">
            <table className="table">
              <caption>{plural(needs.length, 'besoin ou demande', 'besoins ou demandes')}, par année</caption>
              <thead>
                <tr>
                  <th scope="col">Intitulé</th>
                  {member ? null : <th scope="col">Adhérent</th>}
                  <th scope="col">Année</th>
                  <th scope="col">Nature</th>
                  <th scope="col" className="num">
                    Estimation
                  </th>
                  <th scope="col">Statut</th>
                  <th scope="col">Suite donnée</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {needs.map((n) => (
                  <tr key={n.id}>
                    <th scope="row">
                      {n.title}
                      {n.description ? <span className="block muted">{n.description}</span> : null}
                    </th>
                    {member ? null : <td>{n.organisationName}</td>}
                    <td>{n.year}</td>
                    <td>{n.kindLabel}</td>
                    <td className="num">{euros(n.estimated)}</td>
                    <td>{n.statusLabel}</td>
                    <td>{roadmapText(n) ?? '—'}</td>
                    <td>
                      <NeedActions
                        need={n}
                        provider={!member && allowed('governance:manage')}
                        onDone={(next, text) => {
                          replace(next);
                          show(text);
                        }}
                        onError={(text) => show(text, 'error')}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </>
  );
}
