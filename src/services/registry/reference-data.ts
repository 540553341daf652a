import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ReferenceCommune, ReferenceEpci } from './territory.ts';

// The package's main entry reads ./data relative to the working directory (STACK-NOTES): read the files directly.
const require = createRequire(import.meta.url);

export async function loadReferenceData(): Promise<{ communes: ReferenceCommune[]; epcis: ReferenceEpci[] }> {
  const [communes, epcis] = await Promise.all([
    readFile(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
    readFile(require.resolve('@etalab/decoupage-administratif/data/epci.json'), 'utf8'),
  ]);
  return { communes: JSON.parse(communes) as ReferenceCommune[], epcis: JSON.parse(epcis) as ReferenceEpci[] };
}
