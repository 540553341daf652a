import { z } from 'zod';

/** Import of communes and EPCI from the official reference data. */
export const territoryImportRequestSchema = z.object({
  departements: z.array(z.string().regex(/^(\d{2,3}|2[AB])$/, 'code de département attendu (ex. 62, 2A, 974)')).max(120).optional(),
  providerId: z.uuid().nullable().optional().describe('Lier les organisations importées à ce fournisseur, comme prospects'),
});
export type TerritoryImportRequest = z.infer<typeof territoryImportRequestSchema>;

const counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const territoryImportResultSchema = z.object({ epci: counts, communes: counts, linkedToProvider: z.number().int() });
export type TerritoryImportResult = z.infer<typeof territoryImportResultSchema>;
