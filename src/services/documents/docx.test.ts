import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_VALUES } from './document-data.ts';
import { fillTemplate, validateTemplate } from './docx.ts';

describe('built-in Word templates', () => {
  it.each(DOCUMENT_KIND_VALUES)('%s uses only the tags its document provides', (kind) => {
    expect(() => validateTemplate(kind, readFileSync(`templates/${kind}.docx`))).not.toThrow();
  });

  it('refuses a tag of another kind of document', () => {
    // The amendment template's tags are unknown to a convention.
    expect(() => validateTemplate('convention', readFileSync('templates/avenant.docx'))).toThrow(/invalide/);
  });

  it('prints nothing for a missing value rather than "undefined"', () => {
    const filled = fillTemplate(readFileSync('templates/convention.docx'), { convention_titre: 'Titre', parties: [{ nom: 'Lens' }] });
    const xml = new PizZip(filled).file('word/document.xml')!.asText();
    expect(xml).toContain('Titre');
    expect(xml).toContain('Lens');
    expect(xml).not.toContain('undefined');
  });
});
