import type { z } from 'zod';
import { AGREEMENT_TYPES, PARTY_ROLES, type agreementDetailSchema, type agreementSummarySchema, type CalendarEntry } from '../shared.ts';
import { formatCivilDate } from './format.ts';

export type AgreementSummary = z.infer<typeof agreementSummarySchema>;
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;
export type AgreementRules = AgreementDetail['rules'];
export type AgreementStatus = AgreementSummary['status'];
type ExitRule = AgreementRules['exits'][number];
type Obligation = AgreementRules['obligations'][number];

/** Statuses said in words (the badge's colour only repeats them). */
export const AGREEMENT_STATUSES: Record<AgreementStatus, { label: string; tone: 'neutral' | 'success' | 'warning' | 'muted' | 'info'; hint: string }> = {
  draft: { label: 'Brouillon', tone: 'muted', hint: 'pas encore signée : aucune échéance calculée' },
  signed: { label: 'Signée', tone: 'info', hint: "signée, pas encore en vigueur" },
  in_force: { label: 'En vigueur', tone: 'success', hint: '' },
  ending: { label: 'Dernière année', tone: 'warning', hint: 'dans ses douze derniers mois : renouveler ou réaffirmer' },
  ended: { label: 'Échue', tone: 'neutral', hint: 'arrivée à son terme' },
};

export function agreementTypeLabel(type: string): string {
  return AGREEMENT_TYPES[type as keyof typeof AGREEMENT_TYPES] ?? type;
}

export function partyRoleLabel(role: string): string {
  return PARTY_ROLES[role as keyof typeof PARTY_ROLES] ?? role;
}

/** The kinds of dated events of an agreement, in words (the calendar filter offers the first ten and committee meetings). */
export const ENTRY_KINDS: Record<string, string> = {
  notice: 'Date limite de dénonciation',
  expiry: 'Échéance de période',
  renewal_letter: 'Courrier de renouvellement exprès',
  review: 'Réexamen',
  obligation: 'Obligation récurrente',
  window: 'Période annuelle',
  effective: "Prise d'effet",
  signature: 'Signature',
  legality: 'Contrôle de légalité',
  opening_record: 'Procès-verbal de mise en service',
  exit_received: 'Dénonciation reçue',
  exit_effective: 'Sortie effective',
  amendment_proposed: 'Avenant proposé',
  amendment_deadline: 'Date limite des approbations',
  amendment_effective: "Prise d'effet d'un avenant",
  meeting: 'Réunion de comité',
};
export const CALENDAR_KINDS = ['notice', 'expiry', 'renewal_letter', 'review', 'obligation', 'window', 'effective', 'signature', 'legality', 'opening_record', 'meeting'] as const;

export function entryKindLabel(kind: string): string {
  return ENTRY_KINDS[kind] ?? kind;
}

export function partyLabel(party: 'member' | 'provider' | null): string | null {
  return party === 'member' ? 'adhérent' : party === 'provider' ? 'fournisseur' : null;
}

/** The server writes some dates inside its labels as YYYY-MM-DD ("effet au 2027-01-01"): shown as DD/MM/YYYY. */
export function frenchText(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${d}/${m}/${y}`);
}

/** "le 30/06/2026" or, for a window, "du 01/01/2027 au 31/03/2027". */
export function entryDateText(entry: Pick<CalendarEntry, 'date' | 'until'>): string {
  return entry.until ? `du ${formatCivilDate(entry.date)} au ${formatCivilDate(entry.until)}` : formatCivilDate(entry.date);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2026-12" → "Décembre 2026". */
export function monthTitle(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  const name = MONTHS[month - 1] ?? String(month);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
}

/** "06-30" → "30 juin", "01-01" → "1er janvier". */
export function monthDayText(monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1] ?? month}`;
}

/** 12 → "1 an", 48 → "4 ans", 6 → "6 mois", 18 → "18 mois". */
export function monthsText(months: number): string {
  if (months > 0 && months % 12 === 0) return months === 12 ? '1 an' : `${months / 12} ans`;
  return `${months} mois`;
}

/** Entries grouped by month of their date, in order. */
export function byMonth<T extends { date: string }>(entries: readonly T[]): { month: string; entries: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const month = entry.date.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), entry]);
  }
  return [...groups.entries()].map(([month, list]) => ({ month, entries: list }));
}

function partiesText(parties: readonly string[]): string {
  const member = parties.includes('member');
  const provider = parties.includes('provider');
  return member && provider ? "l'adhérent ou le fournisseur" : member ? "l'adhérent" : 'le fournisseur';
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last day to give notice for a yearly anchor, when it falls in the same year: "30 juin", "1er octobre". */
function yearlyDeadline(rule: ExitRule): string | null {
  if (rule.noticeMonths <= 0 || rule.noticeMonths >= 12) return null;
  // Notice runs back from 31 December for the end of the fiscal year, from 1 January for a 1 January exit.
  if (rule.anchor === 'fiscal_year_end') {
    const month = 12 - rule.noticeMonths;
    return monthDayText(`${String(month).padStart(2, '0')}-${DAYS_IN_MONTH[month - 1]}`);
  }
  if (rule.anchor === 'january_first') return monthDayText(`${String(13 - rule.noticeMonths).padStart(2, '0')}-01`);
  return null;
}

function exitSentence(rule: ExitRule): RuleSentence {
  const term = `Dénonciation par ${partiesText(rule.parties)}`;
  const notice = monthsText(rule.noticeMonths);
  if (rule.anchor === 'after_receipt') return { term, text: `à tout moment, par lettre recommandée ; effet ${notice} après sa réception.` };
  const deadline = yearlyDeadline(rule);
  const limit = deadline ? ` (au plus tard le ${deadline})` : '';
  const when = {
    expiry: `à l'échéance de la période en cours, au moins ${notice} avant`,
    anniversary: `à la date anniversaire de la prise d'effet, au moins ${notice} avant`,
    january_first: `au 1er janvier seulement, au moins ${notice} avant${limit}`,
    fiscal_year_end: `à la fin de l'exercice, au moins ${notice} avant${limit}`,
  }[rule.anchor];
  const yearly = rule.anchor === 'january_first' || rule.anchor === 'fiscal_year_end';
  const memberOnly = rule.parties.length === 1 && rule.parties[0] === 'member';
  const late =
    rule.late === 'may_be_held_next_period'
      ? `${memberOnly ? "l'adhérent peut être maintenu" : 'la partie qui dénonce peut être maintenue'} ${yearly ? 'un an' : 'une période'} de plus`
      : `effet ${{ january_first: 'au 1er janvier suivant', fiscal_year_end: "à la fin de l'exercice suivant", anniversary: 'à la date anniversaire suivante', expiry: "à l'échéance suivante" }[rule.anchor]}`;
  return { term, text: `${when} ; demande tardive : ${late}.` };
}

export function obligationSentence(obligation: Obligation): string {
  switch (obligation.kind) {
    case 'yearly':
      return `${obligation.label} : chaque année, le ${monthDayText(obligation.monthDay)}.`;
    case 'yearly_window':
      return `${obligation.label} : chaque année, du ${monthDayText(obligation.from)} au ${monthDayText(obligation.to)}.`;
    case 'every_months': {
      const start = obligation.startMonthsAfterEffective;
      const rhythm = obligation.months === 12 ? 'chaque année' : `tous les ${monthsText(obligation.months)}`;
      return `${obligation.label} : ${rhythm} à compter de la prise d'effet${start !== undefined && start !== obligation.months ? ` (la première fois ${start === 0 ? 'dès la prise d’effet' : `${monthsText(start)} après`})` : ''}.`;
    }
  }
}

export interface RuleSentence {
  term: string;
  text: string;
  /** Sub-items (the recurring obligations). */
  items?: string[];
}

/** The agreement's rules (data) in plain French sentences, with the dates they give for this agreement. */
export function describeRules(agreement: Pick<AgreementDetail, 'rules' | 'effectiveOn' | 'expressRenewals'>): RuleSentence[] {
  const { rules } = agreement;
  const sentences: RuleSentence[] = [];
  const effective = agreement.effectiveOn ? `, ici le ${formatCivilDate(agreement.effectiveOn)}` : ' (date pas encore connue)';
  switch (rules.effective.kind) {
    case 'on_signature':
      sentences.push({ term: "Prise d'effet", text: `à la signature par toutes les parties${effective}.` });
      break;
    case 'first_of_month_after_opening_record':
      sentences.push({
        term: "Prise d'effet",
        text: `le 1er du mois qui suit la signature du procès-verbal de mise en service et son enregistrement au contrôle de légalité${effective}.`,
      });
      break;
    case 'start_of_fiscal_year_after_signature':
      sentences.push({ term: "Prise d'effet", text: `au début de l'exercice (1er janvier) qui suit la signature${effective}.` });
      break;
  }
  const duration = rules.duration;
  if (duration.kind === 'open_ended') {
    sentences.push({ term: 'Durée', text: 'sans terme, la convention court jusqu’à sa dénonciation.' });
  } else {
    const first = monthsText(duration.months);
    const until = duration.lastYear !== undefined ? ` jusqu'à la fin de ${duration.lastYear}` : '';
    switch (duration.renewal.kind) {
      case 'none':
        sentences.push({ term: 'Durée', text: `${first}, sans reconduction.` });
        break;
      case 'tacit':
        sentences.push({ term: 'Durée', text: `${first}, reconduite tacitement par périodes de ${monthsText(duration.renewal.periodMonths)}${until}.` });
        break;
      case 'express':
        sentences.push({
          term: 'Durée',
          text:
            `${first}, renouvelable expressément par périodes de ${monthsText(duration.renewal.periodMonths)}${until}, par courrier reçu au moins ` +
            `${monthsText(duration.renewal.letterMonthsBefore)} avant l'échéance ; ` +
            (agreement.expressRenewals === 0 ? 'aucun renouvellement enregistré.' : `${agreement.expressRenewals} renouvellement${agreement.expressRenewals > 1 ? 's' : ''} enregistré${agreement.expressRenewals > 1 ? 's' : ''}.`),
        });
        break;
    }
  }
  if (rules.exits.length === 0) sentences.push({ term: 'Dénonciation', text: 'la convention ne prévoit pas de dénonciation.' });
  for (const rule of rules.exits) sentences.push(exitSentence(rule));
  if (rules.breachMonthsAfterFormalNotice !== undefined) {
    sentences.push({ term: 'Résiliation pour manquement', text: `${monthsText(rules.breachMonthsAfterFormalNotice)} après une mise en demeure restée sans effet.` });
  }
  if (rules.reviewEveryMonths !== undefined) {
    sentences.push({ term: 'Réexamen', text: `tous les ${monthsText(rules.reviewEveryMonths)}, à la date anniversaire de la prise d'effet.` });
  }
  if (rules.obligations.length) {
    sentences.push({ term: 'Obligations récurrentes', text: `${rules.obligations.length === 1 ? 'une date' : `${rules.obligations.length} dates`} à tenir :`, items: rules.obligations.map(obligationSentence) });
  }
  return sentences;
}
