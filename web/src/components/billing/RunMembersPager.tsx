import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { RunPreview } from '../../api/billing.ts';
import { memberPageParams, PREVIEW_PAGE_SIZE, type MemberPage } from '../../lib/billing-run.ts';
import { plural } from '../../lib/format.ts';
import { TextField } from '../forms.tsx';
import { Pagination } from '../ui.tsx';

/**
 * A search in the members' names and the pages of the preview's members, for runs too large for one table (a
 * national run bills 36,000 members). Shown only when there is more than one page or a search is under way.
 */
export function RunMembersPager({ preview, members, children }: { preview: RunPreview; members: MemberPage; children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(members.search);
  const pages = Math.max(1, Math.ceil(preview.page.matching / PREVIEW_PAGE_SIZE));
  const large = preview.page.members > PREVIEW_PAGE_SIZE || Boolean(members.search);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(memberPageParams(params, { page: 1, search: draft.trim() }));
  };
  if (!large) return <>{children}</>;
  const first = preview.page.offset + 1;
  const last = preview.page.offset + preview.members.length;
  return (
    <>
      <div className="panel filters" role="search" aria-label="Rechercher un adhérent dans l’aperçu">
        <form onSubmit={submit} noValidate>
          <div className="filters-main">
            <TextField id="apercu-adherent" label="Adhérent" hint="Une partie du nom, sans accents ni majuscules nécessaires" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} className="grow" />
            <button type="submit" className="btn btn-secondary">
              Rechercher
            </button>
          </div>
        </form>
      </div>
      <p aria-live="polite">
        {preview.page.matching
          ? `Adhérents ${first} à ${last} sur ${plural(preview.page.matching, 'adhérent', 'adhérents')}${members.search ? ` dont le nom contient « ${members.search} »` : ''} (la facturation en compte ${preview.page.members}).`
          : `Aucun adhérent dont le nom contient « ${members.search} » (la facturation en compte ${preview.page.members}).`}
      </p>
      {children}
      <Pagination page={members.page} pages={pages} hrefOf={(page) => `?${memberPageParams(params, { page, search: members.search })}`} label="Pages des adhérents" />
    </>
  );
}
