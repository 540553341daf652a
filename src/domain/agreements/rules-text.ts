import { billingText } from '../billing/policy-text.ts';
import type { AgreementRules, ExitRule } from './rules.ts';

/** An agreement's rules said in French, as the documents and screens print them. */
const months = (n: number) => `${n} mois`;
const who = (rule: ExitRule) => (rule.parties.length === 2 ? 'chaque partie' : rule.parties[0] === 'member' ? "l'adhérent" : 'le fournisseur');

export function effectiveText(rules: AgreementRules): string {
  switch (rules.effective.kind) {
    case 'on_signature':
      return 'La convention prend effet à sa signature par toutes les parties.';
    case 'first_of_month_after_opening_record':
      return 'La convention prend effet le 1er jour du mois suivant la signature du procès-verbal de mise en service et son enregistrement au contrôle de légalité.';
    case 'start_of_fiscal_year_after_signature':
      return "La convention prend effet au début de l'exercice budgétaire suivant sa signature.";
  }
}

export function durationText(rules: AgreementRules): string {
  const d = rules.duration;
  if (d.kind === 'open_ended') return 'La convention est conclue pour une durée indéterminée.';
  const first = `La convention est conclue pour une durée de ${months(d.months)}`;
  const until = d.lastYear !== undefined ? `, au plus tard jusqu'au 31 décembre ${d.lastYear}` : '';
  switch (d.renewal.kind) {
    case 'none':
      return `${first}, sans renouvellement.`;
    case 'express':
      return `${first}, renouvelable expressément par courrier du signataire ${months(d.renewal.letterMonthsBefore)} avant son échéance, pour ${months(d.renewal.periodMonths)}${until}.`;
    case 'tacit':
      return `${first}, reconduite tacitement par périodes de ${months(d.renewal.periodMonths)}${until}.`;
  }
}

export function exitText(rule: ExitRule): string {
  const late = rule.late === 'may_be_held_next_period' ? ' À défaut, l’adhérent peut être tenu de rester une période de plus.' : rule.anchor === 'after_receipt' ? '' : ' À défaut, elle prend effet à l’échéance suivante.';
  switch (rule.anchor) {
    case 'after_receipt':
      return `Dénonciation par ${who(rule)} par lettre recommandée, avec effet ${months(rule.noticeMonths)} après sa réception.`;
    case 'expiry':
      return `Dénonciation par ${who(rule)} au moins ${months(rule.noticeMonths)} avant l'échéance.${late}`;
    case 'anniversary':
      return `Dénonciation par ${who(rule)} au moins ${months(rule.noticeMonths)} avant une date anniversaire.${late}`;
    case 'january_first':
      return `Dénonciation par ${who(rule)} au moins ${months(rule.noticeMonths)} avant un 1er janvier.${late}`;
    case 'fiscal_year_end':
      return `Dénonciation par ${who(rule)} au moins ${months(rule.noticeMonths)} avant la fin de l'exercice budgétaire (31 décembre).${late}`;
  }
}

export function amendmentText(rules: AgreementRules): string {
  const a = rules.amendments;
  if (!a) return 'Toute modification fait l’objet d’un avenant approuvé par les parties.';
  const by = a.approval === 'all_parties' ? 'chacune des parties' : 'chacun des adhérents, sur proposition du fournisseur';
  const within = a.approvalWithinMonths ? ` dans les ${months(a.approvalWithinMonths)} suivant la proposition` : '';
  const effect = a.takesEffect === 'next_expiry' ? "à l'échéance qui suit son approbation" : 'à son approbation';
  return `Toute modification fait l’objet d’un avenant approuvé par ${by}${within} ; il prend effet ${effect}.`;
}

/** Every rule as one sentence, in the order of an agreement's articles. */
export function rulesText(rules: AgreementRules): string[] {
  const lines = [effectiveText(rules), durationText(rules), ...rules.exits.map(exitText)];
  if (rules.breachMonthsAfterFormalNotice !== undefined) {
    lines.push(`En cas de manquement, résiliation ${months(rules.breachMonthsAfterFormalNotice)} après une mise en demeure restée sans effet.`);
  }
  if (rules.reviewEveryMonths) lines.push(`Réexamen de la convention tous les ${months(rules.reviewEveryMonths)}.`);
  lines.push(amendmentText(rules));
  if (rules.billing) lines.push(billingText(rules.billing));
  return lines;
}

