import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { setupFileSchema, type SetupFile } from '../../contracts/setup-file.ts';
import type { Issue } from '../errors.ts';

export type Path = readonly (string | number)[];

export function formatPath(path: Path): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '') || '(racine)';
}

/** A parsed file that can say on which line a value sits, so every error points into the file. */
export interface ParsedSetupFile {
  data: unknown;
  lineOf(path: Path): number | null;
}

export function parseSetupText(text: string): { parsed: ParsedSetupFile | null; issues: Issue[] } {
  const lineCounter = new LineCounter();
  // YAML 1.2 is a superset of JSON: one parser reads both formats with line positions.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      parsed: null,
      issues: doc.errors.map((e) => ({ path: `ligne ${lineCounter.linePos(e.pos[0]).line}`, message: `syntaxe : ${e.message.split('\n')[0]}` })),
    };
  }
  const lineOf = (path: Path): number | null => {
    for (let cut = path.length; cut >= 0; cut--) {
      const node = cut === 0 ? doc.contents : doc.getIn(path.slice(0, cut), true);
      const range = (node as Node | undefined)?.range;
      if (range && (isMap(node) || isSeq(node) || cut > 0)) return lineCounter.linePos(range[0]).line;
    }
    return null;
  };
  return { parsed: { data: doc.toJS(), lineOf }, issues: [] };
}

export function issueAt(parsed: ParsedSetupFile, path: Path, message: string): Issue {
  const line = parsed.lineOf(path);
  return { path: line ? `${formatPath(path)} (ligne ${line})` : formatPath(path), message };
}

export function validateSetupShape(parsed: ParsedSetupFile): { file: SetupFile | null; issues: Issue[] } {
  const result = setupFileSchema.safeParse(parsed.data);
  if (result.success) return { file: result.data, issues: [] };
  return {
    file: null,
    issues: result.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      const message = issue.code === 'unrecognized_keys' ? `clé(s) inconnue(s) : ${issue.keys.join(', ')}` : issue.message;
      return issueAt(parsed, path, message);
    }),
  };
}
