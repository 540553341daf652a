import { describe, expect, it } from 'vitest';
import { rulesText } from './rules-text.ts';
import { SEED_RULES } from './seed-rules.fixture.ts';

describe('rules said in French', () => {
  it.each([
    ['000', ['Facturation trimestrielle à échoir', 'titre prévisionnel en début de période puis régularisation sur la consommation réelle des opérateurs (TTC) majorée de 5 % de frais de gestion', 'titres payables dans le délai de 1 mois suivant leur réception', 'renouvelable expressément par courrier du signataire 1 mois avant son échéance', 'au moins 6 mois avant l\'échéance', "à l'échéance qui suit son approbation"]],
    ['001', ['Facturation semestrielle à terme échu, sur les unités de fonctionnement constatées au coût unitaire.', '48 mois, reconduite tacitement', 'avec effet 8 mois après sa réception', '3 mois après une mise en demeure']],
    ['002', ['Facturation à la prestation, après réalisation à terme échu', 'les interventions au temps passé', "Dénonciation par l'adhérent au moins 3 mois avant une date anniversaire", 'Dénonciation par le fournisseur par lettre recommandée', 'Réexamen de la convention tous les 24 mois']],
    ['003', ["proratisés au douzième (à partir du mois suivant un démarrage en cours de mois), les services unitaires non proratisés ; titres émis entre le 1er janvier et le 31 mars de l'année suivante.", 'procès-verbal de mise en service', 'durée indéterminée', 'avant un 1er janvier', 'dans les 6 mois suivant la proposition']],
    ['004', ['Facturation semestrielle à terme échu, sur les unités relevées chaque mois au tarif mensuel.', "début de l'exercice budgétaire", "jusqu'au 31 décembre 2026", 'peut être tenu de rester une période de plus', 'chacun des adhérents']],
  ] as const)('seed %s', (seed, fragments) => {
    const text = rulesText(SEED_RULES[seed]).join('\n');
    for (const fragment of fragments) expect(text).toContain(fragment);
  });
});
