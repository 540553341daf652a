import { z } from 'zod';
import { ACCOUNT_ROLE_VALUES } from '../domain/access/roles.ts';

export const loginSchema = z.object({ email: z.email('adresse électronique invalide'), password: z.string().min(1).max(200) });

/** Passwords: at least 12 characters (ANSSI guidance for password-only authentication is longer still). */
export const newPasswordSchema = z.string().min(12, 'au moins 12 caractères').max(200);
export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema });

export const accountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ACCOUNT_ROLE_VALUES),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  side: z.enum(['provider', 'member']),
  active: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountCreateSchema = z.object({
  email: z.email('adresse électronique invalide'),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ACCOUNT_ROLE_VALUES),
  organisationId: z.uuid().nullable(),
  password: newPasswordSchema,
});
export type AccountCreate = z.infer<typeof accountCreateSchema>;
