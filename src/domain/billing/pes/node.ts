/**
 * A PES file as a tree of elements, independent of any XML library: built by `buildPes`, checked by
 * `pesIssues`, written and read as XML by the service layer. PES puts values in the `V` attribute of empty
 * elements (`<Exer V="2026"/>`); containers have children only (PES-V2-NOTES §0).
 */
export interface PesNode {
  name: string;
  attrs?: Record<string, string> | undefined;
  children?: PesNode[] | undefined;
  text?: string | undefined;
}

export const leaf = (name: string, value: string | number): PesNode => ({ name, attrs: { V: String(value) } });
export const node = (name: string, children: (PesNode | null | undefined | false)[], attrs?: Record<string, string>): PesNode => ({ name, attrs, children: children.filter((c): c is PesNode => Boolean(c)) });
export const valueOf = (n: PesNode | undefined): string | undefined => n?.attrs?.V;
export const childrenNamed = (n: PesNode, name: string): PesNode[] => (n.children ?? []).filter((c) => c.name === name);
export const child = (n: PesNode, name: string): PesNode | undefined => childrenNamed(n, name)[0];

/** PES text: upper case, no accents, Latin-1 only, within a length (PES-V2-NOTES R16, R24). */
export function pesText(text: string, max: number): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/€/g, 'EUR')
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .replace(/[^\x20-\x7e]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
  return plain.slice(0, max).trim();
}

/** CatTiers of a member by its kind (PES-V2-NOTES §2: 23 commune, 24 groupement de collectivités, 22 département, 21 région, 29 other public body). */
const CATEGORY: Record<string, string> = {
  commune: '23',
  communaute_communes: '24',
  communaute_agglomeration: '24',
  communaute_urbaine: '24',
  metropole: '24',
  syndicat_mixte_ouvert: '24',
  syndicat_mixte_ferme: '24',
  syndicat_intercommunal: '24',
  centre_de_gestion: '29',
  departement: '22',
  region: '21',
  etablissement_public: '29',
};
export const debtorCategory = (kind: string): string => CATEGORY[kind] ?? '29';
