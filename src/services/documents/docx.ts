import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { ValidationError, type Issue } from '../errors.ts';
import { LOOP_TAGS, TEMPLATE_TAGS, type DocumentKind } from './document-data.ts';

/** Filling Word templates with docxtemplater: `{tag}` for a value, `{#loop}…{/loop}` for a list. */

interface TemplateErrorDetail {
  properties?: { explanation?: string; xtag?: string; id?: string };
  message?: string;
}

/** docxtemplater's error ids, said in French for the administrator who edits the template in Word. */
const MESSAGES: Record<string, string> = {
  unclosed_loop: 'section ouverte mais jamais fermée : ajoutez {/…} correspondant',
  unopened_loop: 'fermeture {/…} sans ouverture {#…} correspondante',
  unclosed_tag: 'balise ouverte par { mais jamais fermée par }',
  unopened_tag: 'accolade } sans accolade { correspondante',
  duplicate_open_tag: 'deux accolades ouvrantes à la suite',
  duplicate_close_tag: 'deux accolades fermantes à la suite',
  closing_tag_does_not_match_opening_tag: 'la fermeture ne correspond pas à la section ouverte',
  unbalanced_loop_tag: 'sections imbriquées mal refermées',
};

/** docxtemplater reports every syntax error of a template at once; each becomes an issue a person can act on. */
function templateIssues(error: unknown): Issue[] {
  const e = error as { properties?: { errors?: TemplateErrorDetail[] }; message?: string };
  const list = e.properties?.errors ?? [e as TemplateErrorDetail];
  return list.map((detail) => ({
    path: detail.properties?.xtag ? `{${detail.properties.xtag}}` : 'modèle',
    message: MESSAGES[detail.properties?.id ?? ''] ?? detail.properties?.explanation ?? detail.message ?? 'modèle illisible',
  }));
}

function open(content: Buffer, modules: unknown[] = []): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw new ValidationError('Modèle illisible', [{ path: 'fichier', message: "ce fichier n'est pas un document Word (.docx)" }]);
  }
  try {
    // An empty value prints nothing rather than "undefined" (a member without a deliberation number, say).
    return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, nullGetter: () => '', modules: modules as never[] });
  } catch (error) {
    throw new ValidationError('Modèle invalide', templateIssues(error));
  }
}

/**
 * Checks an uploaded template before it replaces the built-in one: it must open, compile and use only the
 * tags the document kind provides, so a typo is caught at upload and not on the day a document is needed.
 */
export function validateTemplate(kind: DocumentKind, content: Buffer): void {
  const inspect = new InspectModule();
  open(content, [inspect]);
  const issues: Issue[] = [];
  const known = TEMPLATE_TAGS[kind];
  for (const [tag, inner] of Object.entries(inspect.getAllTags())) {
    if (!(tag in known)) {
      issues.push({ path: `{${tag}}`, message: 'balise inconnue pour ce type de document' });
      continue;
    }
    // Inside a section, a tag is the loop item's own field or, as docxtemplater resolves upward, any document tag
    // (a section on a plain value is a condition: {#sortie_categories}…{/sortie_categories}).
    const own = LOOP_TAGS[tag] ?? [];
    for (const child of Object.keys((inner ?? {}) as Record<string, unknown>)) {
      if (!own.includes(child) && !(child in known)) issues.push({ path: `{#${tag}}{${child}}`, message: `balise inconnue dans la section ${tag}${own.length ? ` (attendu : ${own.join(', ')})` : ''}` });
    }
  }
  if (issues.length) throw new ValidationError('Modèle invalide', issues);
}

export function fillTemplate(content: Buffer, data: object): Buffer {
  const doc = open(content);
  try {
    doc.render(data);
  } catch (error) {
    throw new ValidationError('Modèle invalide', templateIssues(error));
  }
  return doc.toBuffer({ compression: 'DEFLATE' });
}
