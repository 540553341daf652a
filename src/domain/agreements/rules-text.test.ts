import { describe, expect, it } from 'vitest';
import { rulesText } from './rules-text.ts';
import { SEED_RULES } from './seed-rules.fixture.ts';

describe('rules said in French', () => {
  it.each([
    ['000', ['renouvelable expressément par courrier du signataire 1 mois avant son échéance', 'au moins 6 mois avant l\'échéance', "à l'échéance qui suit son approbation"]],
    ['001', ['48 mois, reconduite tacitement', 'avec effet 8 mois après sa réception', '3 mois après une mise en demeure']],
    ['002', ["Dénonciation par l'adhérent au moins 3 mois avant une date anniversaire", 'Dénonciation par le fournisseur par lettre recommandée', 'Réexamen de la convention tous les 24 mois']],
    ['003', ['procès-verbal de mise en service', 'durée indéterminée', 'avant un 1er janvier', 'dans les 6 mois suivant la proposition']],
    ['004', ["début de l'exercice budgétaire", "jusqu'au 31 décembre 2026", 'peut être tenu de rester une période de plus', 'chacun des adhérents']],
  ] as const)('seed %s', (seed, fragments) => {
    const text = rulesText(SEED_RULES[seed]).join('\n');
    for (const fragment of fragments) expect(text).toContain(fragment);
  });
});
