import { z } from 'zod';
import { setupFileSchema } from '../../contracts/setup-file.ts';

/** The published JSON Schema of setup files, generated from the same zod schema the loader checks. */
export function setupFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(setupFileSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://mutualis.example/schemas/setup-file.schema.json',
    title: 'Fichier de paramétrage Mutualis',
  };
}
