import { z } from 'zod';
import { CONTACT_ROLE_VALUES } from '../domain/contacts/roles.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const contactFields = {
  civility: z.enum(['M.', 'Mme']).nullable().optional(),
  firstName: text(100).nullable().optional(),
  lastName: text(100),
  jobTitle: text(200).nullable().optional(),
  email: z.email('adresse électronique invalide').nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/, 'numéro de téléphone invalide')
    .nullable()
    .optional(),
  roles: z.array(z.enum(CONTACT_ROLE_VALUES)).max(CONTACT_ROLE_VALUES.length),
  active: z.boolean().optional(),
};

export const contactCreateSchema = z.object(contactFields);
export type ContactCreate = z.infer<typeof contactCreateSchema>;
export const contactUpdateSchema = z.object(contactFields).partial().extend({ version: z.number().int().min(1) });
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  civility: z.enum(['M.', 'Mme']).nullable(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  jobTitle: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(CONTACT_ROLE_VALUES)),
  active: z.boolean(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;
