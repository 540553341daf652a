import { z } from 'zod';
import { civilDateError } from '../domain/civil-date.ts';
import { inseeCodeError, postalCodeError, sirenError, siretError } from '../domain/organisation/identifiers.ts';

/** Wraps a domain check `(value) => error | null` as a zod refinement with the domain's French message. */
function checked(check: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const error = check(value);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });
}

export const civilDateSchema = checked(civilDateError).meta({ format: 'date', example: '2025-01-01' });
export const sirenSchema = checked(sirenError).meta({ example: '246200364' });
export const siretSchema = checked(siretError).meta({ example: '24620036400080' });
export const inseeCodeSchema = checked(inseeCodeError).meta({ example: '62498' });
export const postalCodeSchema = checked(postalCodeError).meta({ example: '62300' });
export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: z.uuid() });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** French validation messages for every zod schema; called once by each entry point (server, web app). */
export function useFrenchValidationMessages(): void {
  z.config(z.locales.fr());
}
