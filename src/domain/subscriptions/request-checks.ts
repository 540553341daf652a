import { compareCivilDates, formatCivilDateFr, partsOf, civilDate, type CivilDate } from '../civil-date.ts';
import { nodeLabel, type Catalogue } from '../catalogue/catalogue.ts';
import { missingPrerequisites } from '../catalogue/prerequisites.ts';

/** One line of a subscription request (seed 004 annex 7): a service line, its options, a volume, a wished date. */
export interface RequestedLine {
  line: string;
  options: Record<string, string>;
  quantity: number;
  wishedOn: CivilDate;
}

/** The deliberation that lets the member's representative open a set of lines (seed 004 annex 6). */
export interface AuthorisedPerimeter {
  lines: string[];
  deliberation: string;
}

/** What the request is checked against, all loaded by the use case. */
export interface RequestContext {
  catalogue: Catalogue;
  /** Lines the member already has open or accepted: they satisfy prerequisites. */
  currentLines: string[];
  /** Null when the member has recorded no perimeter and the agreement does not ask for one. */
  perimeter: AuthorisedPerimeter | null;
  /** The agreement's days in force: from its effective date, until the day before its end (null: open-ended). */
  agreementInForce: { from: CivilDate; before: CivilDate | null } | null;
  /** Wishes for year Y must arrive by this month-day of Y − 1 (seed 004 art. 3.2: "au plus tard au mois de juin"). */
  wishDeadline?: string | undefined;
  /** An offer aimed at small communes warns above this population (seed 002 preamble: under 3,500 inhabitants). */
  maxPopulation?: number | undefined;
  population: number | null;
  receivedOn: CivilDate;
}

export type FindingSeverity = 'refusal' | 'warning';
export interface Finding {
  severity: FindingSeverity;
  code: 'unknown_line' | 'withdrawn_line' | 'options' | 'quantity' | 'prerequisite' | 'perimeter' | 'agreement' | 'late' | 'eligibility';
  path: string;
  message: string;
}

function optionFindings(catalogue: Catalogue, requested: RequestedLine, path: string): Finding[] {
  const line = catalogue.lines.find((l) => l.code === requested.line)!;
  const findings: Finding[] = [];
  for (const dimension of line.options) {
    const value = requested.options[dimension.code];
    if (!value) findings.push({ severity: 'refusal', code: 'options', path: `${path}.options.${dimension.code}`, message: `choisissez : ${dimension.label.toLowerCase()} (${dimension.values.map((v) => v.label).join(', ')})` });
    else if (!dimension.values.some((v) => v.code === value)) findings.push({ severity: 'refusal', code: 'options', path: `${path}.options.${dimension.code}`, message: `valeur « ${value} » inconnue pour ${dimension.label.toLowerCase()}` });
  }
  for (const code of Object.keys(requested.options)) {
    if (!line.options.some((d) => d.code === code)) findings.push({ severity: 'refusal', code: 'options', path: `${path}.options.${code}`, message: `la ligne ${line.name} n'a pas d'option « ${code} »` });
  }
  return findings;
}

/**
 * Every check of a subscription request, each with a message a member's CLI understands. Refusals block the
 * request; warnings go to the provider, who decides (a late wish, seed 004; a population above the offer's
 * target, seed 002).
 */
export function checkRequest(lines: RequestedLine[], context: RequestContext): Finding[] {
  const { catalogue } = context;
  const findings: Finding[] = [];
  const known: string[] = [];
  lines.forEach((requested, i) => {
    const path = `lines[${i}]`;
    const line = catalogue.lines.find((l) => l.code === requested.line);
    if (!line) {
      findings.push({ severity: 'refusal', code: 'unknown_line', path: `${path}.line`, message: `ligne de service « ${requested.line} » inconnue du catalogue` });
      return;
    }
    known.push(line.code);
    if (line.status !== 'active') findings.push({ severity: 'refusal', code: 'withdrawn_line', path: `${path}.line`, message: `${line.name} n'est pas ouverte à la souscription (${line.status === 'withdrawn' ? 'retirée' : 'proposée, pas encore votée'})` });
    if (!Number.isInteger(requested.quantity) || requested.quantity <= 0) findings.push({ severity: 'refusal', code: 'quantity', path: `${path}.quantity`, message: 'le volume doit être un nombre entier positif' });
    findings.push(...optionFindings(catalogue, requested, path));
    if (context.perimeter && !context.perimeter.lines.includes(line.code)) {
      findings.push({ severity: 'refusal', code: 'perimeter', path: `${path}.line`, message: `${line.name} est hors du périmètre autorisé par ${context.perimeter.deliberation}` });
    }
    const inForce = context.agreementInForce;
    if (!inForce) findings.push({ severity: 'refusal', code: 'agreement', path: `${path}.wishedOn`, message: "aucune convention en vigueur : la convention doit être signée et avoir pris effet" });
    else if (compareCivilDates(requested.wishedOn, inForce.from) < 0 || (inForce.before && compareCivilDates(requested.wishedOn, inForce.before) >= 0)) {
      const until = inForce.before ? ` et avant le ${formatCivilDateFr(inForce.before)}` : '';
      findings.push({ severity: 'refusal', code: 'agreement', path: `${path}.wishedOn`, message: `la convention ne s'applique pas à cette date (en vigueur à partir du ${formatCivilDateFr(inForce.from)}${until})` });
    }
    if (context.wishDeadline) {
      const [month, day] = context.wishDeadline.split('-').map(Number) as [number, number];
      const deadline = civilDate(partsOf(requested.wishedOn).year - 1, month, day);
      if (compareCivilDates(context.receivedOn, deadline) > 0) {
        findings.push({ severity: 'warning', code: 'late', path: `${path}.wishedOn`, message: `demande reçue après le ${formatCivilDateFr(deadline)}, date limite des souhaits pour ${partsOf(requested.wishedOn).year} : le fournisseur peut la refuser ou la reporter` });
      }
    }
  });
  // Prerequisites count lines requested together (level 1 with level 2) and lines the member already has.
  const taken = [...new Set([...context.currentLines, ...known])];
  for (const missing of missingPrerequisites(catalogue, taken).filter((m) => known.includes(m.line))) {
    const index = lines.findIndex((l) => l.line === missing.line);
    const name = catalogue.lines.find((l) => l.code === missing.line)!.name;
    findings.push({ severity: 'refusal', code: 'prerequisite', path: `lines[${index}].line`, message: `${name} nécessite ${nodeLabel(catalogue, missing.requires)} : ajoutez-le à la demande` });
  }
  if (context.maxPopulation !== undefined && context.population !== null && context.population > context.maxPopulation) {
    findings.push({ severity: 'warning', code: 'eligibility', path: 'organisation', message: `offre destinée aux communes de moins de ${context.maxPopulation.toLocaleString('fr-FR')} habitants (population : ${context.population.toLocaleString('fr-FR')})` });
  }
  return findings;
}
