import type { CivilDate } from '../../civil-date.ts';
import { cents } from '../../money.ts';
import type { PesFile } from './build.ts';

const d = (s: string) => s as CivilDate;
/** Seed 004's first half of 2026 for Lens; accountant codes illustrative (the seed prints none). */
export const SAMPLE: PesFile = {
  fileName: 'PESALR2_24620036400080_260701_0900.xml',
  builtOn: d('2026-07-01'),
  fiscalYear: 2026,
  software: { sigle: 'MUTUALIS', name: 'Mutualis 0.1' },
  settings: { idPost: '062044', siret: '24620036400080', codCol: '123', codBud: '00', budgetLabel: 'CA Lens-Liévin – DMSI' },
  bordereaux: [
    {
      id: 1,
      kind: 'title',
      issuedOn: d('2026-07-01'),
      subject: 'Services numériques – 1er semestre 2026',
      titles: [
        {
          number: 1,
          kind: 'title',
          subject: 'Services numériques du service commun – 1er semestre 2026',
          periodFrom: d('2026-01-01'),
          periodTo: d('2026-06-30'),
          debtor: { siret: '21620498200016', reference: '62498', category: '23', name: 'Commune de Lens', street: 'Place Jean Jaurès', postalCode: '62300', city: 'Lens' },
          lines: [
            { label: 'Adhésion au socle + connexion au réseau', productCode: 'SOCL', nature: '70848', amountExcl: cents(1_414_000), vat: cents(0) },
            { label: 'Messagerie collaborative', productCode: 'MESS', nature: '70848', amountExcl: cents(1_114_890), vat: cents(0) },
          ],
          attachment: { id: 'T2026-00001', fileName: 'T2026-00001.pdf', gzipBase64: 'H4sIAAAAAAAAA3NMSQUAe8VmlwMAAAA=' },
        },
      ],
    },
    {
      id: 1,
      kind: 'reduction',
      issuedOn: d('2026-07-01'),
      subject: 'Réductions',
      titles: [
        {
          number: 2,
          kind: 'reduction',
          subject: 'Réduction du titre 2026-1',
          periodFrom: d('2026-01-01'),
          periodTo: d('2026-06-30'),
          debtor: { siret: null, reference: '62498', category: '23', name: 'Commune de Lens', street: 'Place Jean Jaurès', postalCode: '62300', city: 'Lens' },
          lines: [{ label: 'Correction', productCode: 'SOCL', nature: '70848', amountExcl: cents(10_000), vat: cents(0) }],
          reduces: { fiscalYear: 2026, number: 1 },
        },
      ],
    },
  ],
};

