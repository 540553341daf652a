import type { CatalogueDocument, NodeRef } from '../shared.ts';
import { nodeName, type Names } from './catalogue.ts';

/**
 * The server's and the contract's refusals of a catalogue document, in words: node keys replaced by
 * names, and each issue said about the line, category or prerequisite its path points to.
 */

export type Issue = { path: string | readonly PropertyKey[]; message: string };

/** What an issue can be said about: the names, and the prerequisites a path may point to. */
export type IssueContext = Names & Pick<CatalogueDocument, 'dependencies'>;

const pathText = (path: Issue['path']) => (typeof path === 'string' ? path : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, ''));

/** Node keys in a server message (« category:socle → line:postes-n2 ») replaced by their names. */
export function readableMessage(view: Names, message: string): string {
  return message.replace(/\b(category|line):([a-z0-9][a-z0-9_.-]*)/g, (_all, kind: string, code: string) => {
    const node: NodeRef = kind === 'category' ? { category: code } : { line: code };
    return `${kind === 'category' ? 'catégorie' : 'ligne'} « ${nodeName(view, node)} »`;
  });
}

/** An issue about the document, in words: which line, category or prerequisite it is about. */
export function issueText(doc: IssueContext, issue: Issue): string {
  const path = pathText(issue.path);
  const message = readableMessage(doc, issue.message);
  const at = /^(lines|categories|dependencies|sharedCharges)(?:\[(\d+)\]|\.(\d+))?/.exec(path);
  if (!at) return message;
  const index = at[2] ?? at[3];
  const i = index === undefined ? -1 : Number(index);
  switch (at[1]) {
    case 'lines':
      return i >= 0 ? `Ligne « ${doc.lines[i]?.name ?? i + 1} » : ${message}` : message;
    case 'categories':
      return i >= 0 ? `Catégorie « ${doc.categories[i]?.name ?? i + 1} » : ${message}` : message;
    case 'dependencies': {
      const d = i >= 0 ? doc.dependencies[i] : undefined;
      return d ? `Prérequis « ${nodeName(doc, d.from)} » → « ${nodeName(doc, d.requires)} » : ${message}` : `Prérequis : ${message}`;
    }
    default:
      return `Facturation partagée : ${message}`;
  }
}

/** The messages of a refused save: each issue in words, or the refusal's own message when it names none. */
export function refusalMessages(doc: IssueContext, refusal: { issues: readonly Issue[]; message: string }): string[] {
  return refusal.issues.length ? refusal.issues.map((i) => issueText(doc, i)) : [refusal.message];
}

/** Issues of the field `lines[index].<field>` go to that field; the rest are general messages. */
export function splitLineIssues(doc: IssueContext, issues: readonly Issue[], index: number, fields: readonly string[]) {
  const found: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const match = /^lines(?:\[(\d+)\]|\.(\d+))\.(\w+)/.exec(pathText(issue.path));
    const field = match && Number(match[1] ?? match[2]) === index ? match[3] : undefined;
    if (field && fields.includes(field)) found[field] ??= readableMessage(doc, issue.message);
    else general.push(issueText(doc, issue));
  }
  return { fields: found, general };
}
