import type { Readable } from 'node:stream';
import type { FileError } from '../domain/consumption/fields.ts';
import { ValidationError } from '../services/errors.ts';

/** Small uploaded files arrive as a stream (CSV, parsed lazily for big snapshot files) or a buffer (XLSX). */
export async function fileBody(body: unknown, limitBytes = 16 * 1024 * 1024): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof (body as Readable)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as Readable) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) throw new ValidationError('Fichier trop volumineux', [{ path: 'body', message: `au-delà de ${limitBytes / 1024 / 1024} Mo` }]);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  throw new ValidationError('Fichier attendu', [{ path: 'body', message: 'envoyez le fichier en CSV ou XLSX' }]);
}

/** A file with errors is refused whole: 422 with every error as "ligne N, colonne". */
export function refuseFileErrors<T extends { errors: FileError[]; rows: number }>(result: T): Omit<T, 'errors'> {
  const { errors, ...ok } = result;
  if (!errors.length) return ok;
  const shown = errors.slice(0, 1000);
  const more = errors.length > shown.length ? ` ; les ${shown.length} premières sont listées` : '';
  throw new ValidationError(`Import refusé : ${errors.length} erreur(s) sur ${result.rows} ligne(s), rien n'a été enregistré${more}`, shown.map((e) => ({ path: `ligne ${e.row}, ${e.column}`, message: e.message })));
}
