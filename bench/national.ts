/** Ten (line, options) pairs of seed 004's catalogue (example 004): what every member subscribes in the national benchmarks. */
export const SERVICES: [line: string, optionsKey: string][] = [
  ['socle-reseau', ''],
  ['postes-n1', ''],
  ['postes-n2', ''],
  ['hebergement-n1', ''],
  ['administration-n2', ''],
  ['messagerie', 'niveau=basique&stockage=10'],
  ['messagerie', 'niveau=basique&stockage=25'],
  ['messagerie', 'niveau=pro&stockage=25'],
  ['messagerie', 'niveau=premium&stockage=50'],
  ['messagerie', 'niveau=pro&stockage=10'],
];
