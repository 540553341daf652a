import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { CSV_TYPE, readTableFile, XLSX_TYPE } from './table-file.ts';

const spec = { day: { headers: ['date', 'jour'], required: true }, minutes: { headers: ['durée', 'duration'], required: true }, note: { headers: ['commentaire'], required: false } };

describe('small table files', () => {
  it('reads a semicolon CSV with accents, BOM and blank lines, numbering rows as a spreadsheet', async () => {
    const rows = await readTableFile('\uFEFFJour;DUREE\n2026-03-01;1:30\n\n2026-03-02;2\n', CSV_TYPE, spec);
    expect(rows).toEqual([
      { day: '2026-03-01', minutes: '1:30', note: '', row: 2 },
      { day: '2026-03-02', minutes: '2', note: '', row: 4 },
    ]);
  });

  it('reads the first sheet of a workbook, dates as days', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Temps');
    sheet.addRow(['date', 'durée', 'commentaire']);
    sheet.addRow([new Date(Date.UTC(2026, 2, 1)), '1:30', 'poste']);
    const rows = await readTableFile(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE, spec);
    expect(rows).toEqual([{ day: '2026-03-01', minutes: '1:30', note: 'poste', row: 2 }]);
  });

  it('names a missing or repeated column', async () => {
    const error = await readTableFile('date;date\n1;2', CSV_TYPE, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: 'ligne 1, colonne 2', message: 'colonne « date » en double' },
      { path: 'ligne 1', message: 'colonne manquante : durée' },
    ]);
  });

  it('refuses what is not a CSV or a workbook', async () => {
    await expect(readTableFile('x', 'application/pdf', spec)).rejects.toThrow('Fichier attendu');
    await expect(readTableFile(Buffer.from('not a zip'), XLSX_TYPE, spec)).rejects.toThrow('Classeur illisible');
  });
});
