import nodemailer from 'nodemailer';
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { outboxMails } from '../../db/schema/index.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  kind: string;
}

/**
 * Sends mail through SMTP when a server is configured (MUTUALIS_SMTP_URL), and otherwise captures it:
 * either way every mail is written to the outbox, which the platform administrators read in the app
 * (the development mail catcher).
 */
export interface Mailer {
  readonly mode: 'smtp' | 'capture';
  send(db: Db, mail: Mail, at: Date): Promise<void>;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    mode: transport ? 'smtp' : 'capture',
    async send(db, mail, at) {
      let status = 'captured';
      let error: string | null = null;
      if (transport) {
        try {
          await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
          status = 'sent';
        } catch (e) {
          status = 'failed';
          error = e instanceof Error ? e.message : String(e);
        }
      }
      await db.insert(outboxMails).values({ createdAt: at.toISOString(), recipient: mail.to, subject: mail.subject, body: mail.text, status, error, kind: mail.kind });
    },
  };
}

export async function listOutbox(db: Db, limit: number) {
  const rows = await db.select().from(outboxMails).orderBy(desc(outboxMails.id)).limit(limit);
  return rows.map((r) => ({ ...r, id: Number(r.id), createdAt: new Date(r.createdAt).toISOString() }));
}
