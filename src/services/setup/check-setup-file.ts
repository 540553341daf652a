import type { SetupFile } from '../../contracts/setup-file.ts';
import { cliConflict } from '../../domain/contacts/roles.ts';
import { organisationRuleIssues } from '../../domain/organisation/organisation-rules.ts';
import type { Issue } from '../errors.ts';
import { issueAt, type ParsedSetupFile } from './parse-setup-file.ts';
import { gridIssues } from '../../domain/catalogue/tariff-grid.ts';
import { canonicalJson } from '../canonical-json.ts';
import { documentToDomain, gridInputToDomain } from '../catalogue/catalogue-mapping.ts';
import { BLOCKING_GRID_ISSUES } from '../catalogue/grid-service.ts';
import { documentIssues } from '../catalogue/catalogue-service.ts';

/** Checks that need the whole file: references, duplicates, and the registry's cross-field rules. */
export function crossCheckSetupFile(file: SetupFile, parsed: ParsedSetupFile): Issue[] {
  const issues: Issue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push(issueAt(parsed, path, message));
  const byRef = new Map<string, SetupFile['organisations'][number]>();
  const seenKeys = new Map<string, number>();

  file.organisations.forEach((org, i) => {
    if (byRef.has(org.ref)) at(['organisations', i, 'ref'], `référence « ${org.ref} » déjà utilisée`);
    byRef.set(org.ref, org);
    for (const [field, value] of [['siren', org.siren], ['inseeCode', org.inseeCode]] as const) {
      if (!value) continue;
      const key = `${field}:${value}`;
      if (seenKeys.has(key)) at(['organisations', i, field], `même valeur que organisations[${seenKeys.get(key)}]`);
      seenKeys.set(key, i);
    }
  });

  file.organisations.forEach((org, i) => {
    const parent = org.parentEpci ? byRef.get(org.parentEpci) : undefined;
    if (org.parentEpci && !parent) at(['organisations', i, 'parentEpci'], `référence inconnue « ${org.parentEpci} »`);
    for (const issue of organisationRuleIssues({ ...org, parentEpciKind: parent?.kind })) {
      at(['organisations', i, issue.path === 'parentEpciId' ? 'parentEpci' : issue.path], issue.message);
    }
  });

  const pairs = new Set<string>();
  file.memberships.forEach((m, i) => {
    const provider = byRef.get(m.provider);
    if (!provider) at(['memberships', i, 'provider'], `référence inconnue « ${m.provider} »`);
    else if (!provider.provider) at(['memberships', i, 'provider'], `« ${m.provider} » n'est pas déclaré fournisseur (bloc provider)`);
    if (!byRef.has(m.member)) at(['memberships', i, 'member'], `référence inconnue « ${m.member} »`);
    if (m.provider === m.member) at(['memberships', i, 'member'], 'un fournisseur ne peut pas adhérer à lui-même');
    if (m.since && m.until && m.until < m.since) at(['memberships', i, 'until'], 'la fin précède le début');
    const pair = `${m.provider}→${m.member}`;
    if (pairs.has(pair)) at(['memberships', i], `adhésion ${pair} déjà déclarée`);
    pairs.add(pair);
  });

  const contactsByOrg = new Map<string, { id: string; active: boolean; roles: SetupFile['contacts'][number]['roles'] }[]>();
  file.contacts.forEach((c, i) => {
    if (!byRef.has(c.organisation)) at(['contacts', i, 'organisation'], `référence inconnue « ${c.organisation} »`);
    const others = contactsByOrg.get(c.organisation) ?? [];
    const holder = { id: String(i), active: c.active ?? true, roles: c.roles };
    const conflict = cliConflict(holder, others);
    if (conflict) at(['contacts', i, 'roles'], conflict);
    contactsByOrg.set(c.organisation, [...others, holder]);
  });
  file.catalogues.forEach((catalogue, i) => {
    const provider = byRef.get(catalogue.provider);
    if (!provider) at(['catalogues', i, 'provider'], `référence inconnue « ${catalogue.provider} »`);
    else if (!provider.provider) at(['catalogues', i, 'provider'], `« ${catalogue.provider} » n'est pas déclaré fournisseur (bloc provider)`);
    if (file.catalogues.findIndex((c) => c.provider === catalogue.provider) !== i) at(['catalogues', i, 'provider'], 'un seul catalogue par fournisseur');
    catalogue.lines.forEach((line, j) => {
      const parties: [string, string | undefined][] = [
        ['deliveredBy', line.deliveredBy],
        ['subProvider', line.subProvider],
        ...line.responsibilities.map((r, k): [string, string] => [`responsibilities.${k}.party`, r.party]),
      ];
      for (const [field, party] of parties) {
        if (party && !byRef.has(party)) at(['catalogues', i, 'lines', j, ...field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))], `référence inconnue « ${party} »`);
      }
    });
    for (const issue of documentIssues(catalogue)) at(['catalogues', i, ...parsePath(issue.path)], issue.message);
    const domain = documentToDomain(catalogue);
    catalogue.grids.forEach((grid, g) => {
      const dates = catalogue.grids.filter((other) => other.effectiveFrom === grid.effectiveFrom);
      if (dates.length > 1 && dates[0] !== grid) at(['catalogues', i, 'grids', g, 'effectiveFrom'], 'deux grilles prennent effet le même jour');
      const domainGrid = gridInputToDomain(grid);
      for (const issue of gridIssues(domainGrid, domain).filter((x) => BLOCKING_GRID_ISSUES.includes(x.kind))) {
        const index = grid.prices.findIndex((p) => p.line === issue.line && canonicalJson(p.options) === canonicalJson(issue.options));
        at(['catalogues', i, 'grids', g, 'prices', index], issue.message);
      }
    });
    catalogue.unitCosts.forEach((cost, u) => {
      if (!catalogue.lines.some((l) => l.code === cost.line)) at(['catalogues', i, 'unitCosts', u, 'line'], `ligne « ${cost.line} » absente du catalogue`);
    });
  });
  file.agreements.forEach((agreement, i) => {
    const provider = byRef.get(agreement.provider);
    if (!provider) at(['agreements', i, 'provider'], `référence inconnue « ${agreement.provider} »`);
    else if (!provider.provider) at(['agreements', i, 'provider'], `« ${agreement.provider} » n'est pas déclaré fournisseur (bloc provider)`);
    agreement.parties.forEach((party, j) => {
      if (!byRef.has(party.organisation)) at(['agreements', i, 'parties', j, 'organisation'], `référence inconnue « ${party.organisation} »`);
    });
    if (!agreement.parties.some((p) => p.organisation === agreement.provider && p.role === 'provider')) {
      at(['agreements', i, 'parties'], 'le fournisseur doit être partie à la convention (rôle provider)');
    }
    if (file.agreements.findIndex((a) => a.provider === agreement.provider && a.code === agreement.code) !== i) at(['agreements', i, 'code'], 'code déjà utilisé pour ce fournisseur');
  });
  file.committees.forEach((entry, i) => {
    const provider = byRef.get(entry.provider);
    if (!provider) at(['committees', i, 'provider'], `référence inconnue « ${entry.provider} »`);
    else if (!provider.provider) at(['committees', i, 'provider'], `« ${entry.provider} » n'est pas déclaré fournisseur (bloc provider)`);
    entry.members.forEach((m, j) => {
      if (!byRef.has(m.organisation)) at(['committees', i, 'members', j, 'organisation'], `référence inconnue « ${m.organisation} »`);
    });
    if (file.committees.findIndex((c) => c.provider === entry.provider && c.code === entry.code) !== i) at(['committees', i, 'code'], 'code déjà utilisé pour ce fournisseur');
  });
  file.needs.forEach((entry, i) => {
    if (file.needs.findIndex((n) => n.provider === entry.provider && n.code === entry.code) !== i) at(['needs', i, 'code'], 'code déjà utilisé pour ce fournisseur');
  });
  for (const section of ['perimeters', 'subscriptions', 'needs'] as const) {
    file[section].forEach((entry, i) => {
      const provider = byRef.get(entry.provider);
      if (!provider) at([section, i, 'provider'], `référence inconnue « ${entry.provider} »`);
      else if (!provider.provider) at([section, i, 'provider'], `« ${entry.provider} » n'est pas déclaré fournisseur (bloc provider)`);
      if (!byRef.has(entry.organisation)) at([section, i, 'organisation'], `référence inconnue « ${entry.organisation} »`);
    });
  }
  file.subscriptions.forEach((entry, i) => {
    if (file.subscriptions.findIndex((s) => s.provider === entry.provider && s.code === entry.code) !== i) at(['subscriptions', i, 'code'], 'code déjà utilisé pour ce fournisseur');
  });
  return issues;
}

/** "lines[3].category" → ['lines', 3, 'category'] */
export function parsePath(path: string): (string | number)[] {
  return path.split(/\.|\[|\]/).filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}
