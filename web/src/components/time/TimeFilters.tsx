import { useProviderMembers } from '../../lib/provider-members.ts';
import type { TimeFilters as Filters } from '../../lib/time-entries.ts';
import { MemberSelect } from '../MemberSelect.tsx';
import { PeriodFilters } from '../PeriodFilters.tsx';

/** The list's filters, applied to the address: provider (platform staff), member, dates worked from and to. */
export function TimeFilters({
  applied,
  providers,
  ownProviderId,
  onApply,
}: {
  applied: Filters;
  /** The providers to choose from (platform staff), or null for a provider's own staff. */
  providers: { id: string; name: string }[] | null;
  ownProviderId: string;
  onApply(filters: Filters): void;
}) {
  return (
    <PeriodFilters
      applied={applied}
      providers={providers}
      onApply={onApply}
      prefix="temps-filtre"
      searchLabel="Filtrer les temps passés"
      resetTo="/temps"
      dates={{ du: 'Du', au: 'Au', duHint: "Date de l'intervention", auHint: 'Incluse' }}
      onProvider={{ membre: '' }}
    >
      {(draft, setDraft) => <MemberFilter draft={draft} platform={providers !== null} ownProviderId={ownProviderId} onChange={(membre) => setDraft({ ...draft, membre })} />}
    </PeriodFilters>
  );
}

/** The member to filter on, among the chosen provider's members (or the own provider's). */
function MemberFilter({ draft, platform, ownProviderId, onChange }: { draft: Filters; platform: boolean; ownProviderId: string; onChange(membre: string): void }) {
  const members = useProviderMembers(platform ? draft.fournisseur : ownProviderId);
  return (
    <MemberSelect
      id="temps-filtre-membre"
      label="Adhérent"
      members={members.data ?? []}
      value={draft.membre}
      empty={platform && !draft.fournisseur ? 'Tous (choisissez un fournisseur pour en choisir un)' : 'Tous les adhérents'}
      onChange={onChange}
    />
  );
}
