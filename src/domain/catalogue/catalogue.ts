/**
 * The catalogue of a provider: categories of service lines, what each line is and how it is counted,
 * and the prerequisite links between them (seed 004 annexes 1–3; seed 003 "LE CATALOGUE").
 */
export const LINE_KINDS = {
  continuous: 'Service continu (récurrent)',
  one_off: 'Prestation ponctuelle',
  on_quote: 'Sur devis',
  pass_through: "Consommation refacturée (opérateur)",
} as const;
export type LineKind = keyof typeof LINE_KINDS;
export const LINE_KIND_VALUES = Object.keys(LINE_KINDS) as [LineKind, ...LineKind[]];

export const UNITS = {
  workstation: 'poste de travail',
  mailbox: 'boîte aux lettres',
  gb_allocated: 'Go alloué',
  hour: 'heure',
  day: 'jour',
  member_organisation: 'collectivité adhérente',
  line: 'ligne',
  inhabitant: 'habitant',
  flat: 'forfait',
} as const;
export type Unit = keyof typeof UNITS;
export const UNIT_VALUES = Object.keys(UNITS) as [Unit, ...Unit[]];

export const LINE_STATUSES = { proposed: 'Proposé', active: 'Actif', withdrawn: 'Retiré' } as const;
export type LineStatus = keyof typeof LINE_STATUSES;
export const LINE_STATUS_VALUES = Object.keys(LINE_STATUSES) as [LineStatus, ...LineStatus[]];

export interface OptionDimension {
  code: string;
  label: string;
  values: { code: string; label: string }[];
}

export interface Category {
  code: string;
  name: string;
  description?: string | undefined;
}

export interface ServiceLine {
  code: string;
  categoryCode: string;
  name: string;
  description?: string | undefined;
  kind: LineKind;
  unit: Unit;
  status: LineStatus;
  /** Option dimensions priced per combination (seed 004 mail: level × storage size). */
  options: OptionDimension[];
  /** The line this one adds to: its price is "tarif additionnel" to that line's (seed 004 level 2). */
  additiveTo?: string | undefined;
}

/** A node of the prerequisite graph: a whole category or one line. */
export type NodeRef = { category: string } | { line: string };

export interface Dependency {
  from: NodeRef;
  requires: NodeRef;
}

export interface Catalogue {
  categories: Category[];
  lines: ServiceLine[];
  dependencies: Dependency[];
}

export function nodeKey(node: NodeRef): string {
  return 'category' in node ? `category:${node.category}` : `line:${node.line}`;
}

export function nodeLabel(catalogue: Catalogue, node: NodeRef): string {
  if ('category' in node) return catalogue.categories.find((c) => c.code === node.category)?.name ?? node.category;
  return catalogue.lines.find((l) => l.code === node.line)?.name ?? node.line;
}

/** Structural errors of a catalogue: unknown references, duplicate codes, additive chains that loop. */
export function catalogueIssues(catalogue: Catalogue): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const categoryCodes = new Set<string>();
  catalogue.categories.forEach((c, i) => {
    if (categoryCodes.has(c.code)) issues.push({ path: `categories[${i}].code`, message: `code de catégorie « ${c.code} » en double` });
    categoryCodes.add(c.code);
  });
  const lineCodes = new Set<string>();
  catalogue.lines.forEach((l, i) => {
    if (lineCodes.has(l.code)) issues.push({ path: `lines[${i}].code`, message: `code de ligne « ${l.code} » en double` });
    lineCodes.add(l.code);
    if (!categoryCodes.has(l.categoryCode)) issues.push({ path: `lines[${i}].category`, message: `catégorie inconnue « ${l.categoryCode} »` });
    l.options.forEach((d, j) => {
      if (new Set(d.values.map((v) => v.code)).size !== d.values.length) issues.push({ path: `lines[${i}].options[${j}]`, message: 'valeur d’option en double' });
    });
  });
  catalogue.lines.forEach((l, i) => {
    if (l.additiveTo && !lineCodes.has(l.additiveTo)) issues.push({ path: `lines[${i}].additiveTo`, message: `ligne inconnue « ${l.additiveTo} »` });
    if (l.additiveTo === l.code) issues.push({ path: `lines[${i}].additiveTo`, message: "une ligne ne peut pas s'ajouter à elle-même" });
  });
  const exists = (n: NodeRef) => ('category' in n ? categoryCodes.has(n.category) : lineCodes.has(n.line));
  catalogue.dependencies.forEach((d, i) => {
    if (!exists(d.from)) issues.push({ path: `dependencies[${i}].from`, message: `élément inconnu « ${nodeKey(d.from)} »` });
    if (!exists(d.requires)) issues.push({ path: `dependencies[${i}].requires`, message: `élément inconnu « ${nodeKey(d.requires)} »` });
  });
  return issues;
}
