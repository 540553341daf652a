import type { BillingPolicy } from './policy.ts';

/** A billing policy as one French sentence, for the agreement's page and documents. */
const RHYTHM: Record<BillingPolicy['rhythm'], string> = {
  annual: 'annuelle',
  half_yearly: 'semestrielle',
  quarterly: 'trimestrielle',
  per_event: 'à la prestation, après réalisation',
};

const BASIS: Record<BillingPolicy['continuousBasis'], string> = {
  monthly_snapshots: 'sur les unités relevées chaque mois au tarif mensuel',
  subscribed_volume: 'sur le volume souscrit ou alloué au tarif annuel',
  unit_cost: 'sur les unités de fonctionnement constatées au coût unitaire',
};

export function billingText(policy: BillingPolicy): string {
  const parts = [`Facturation ${RHYTHM[policy.rhythm]} ${policy.timing === 'advance' ? 'à échoir' : 'à terme échu'}, ${BASIS[policy.continuousBasis]}`];
  if (policy.proration === 'twelfths') parts.push(`les services forfaitaires démarrés en cours d'année proratisés au douzième${policy.partialMonthCounts ? ' (mois entamé compté)' : ' (à partir du mois suivant un démarrage en cours de mois)'}, les services unitaires non proratisés`);
  if (policy.oneOffBasis === 'time_spent') parts.push('les interventions au temps passé');
  if (policy.passThrough) {
    const fee = policy.managementFeeBasisPoints ? ` majorée de ${(policy.managementFeeBasisPoints / 100).toLocaleString('fr-FR')} % de frais de gestion` : '';
    parts.push(`${policy.passThrough.provisional ? 'titre prévisionnel en début de période puis régularisation sur' : 'refacturation de'} la consommation réelle des opérateurs (${policy.passThrough.amounts === 'incl_vat' ? 'TTC' : 'HT'})${fee}`);
  }
  let sentence = parts.join(' ; ');
  if (policy.issueWindow) sentence += ` ; titres émis entre le ${dayMonth(policy.issueWindow.from)} et le ${dayMonth(policy.issueWindow.to)} de l'année suivante`;
  if (policy.due) sentence += ` ; titres payables dans ${'months' in policy.due ? `le délai de ${policy.due.months} mois` : `les ${policy.due.days} jours`} suivant leur réception`;
  return `${sentence}.`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const dayMonth = (monthDay: string) => {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]}`;
};
