import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PesNode } from '../../domain/billing/pes/node.ts';

/**
 * PES files as XML text, through fast-xml-parser (order-preserving mode: PES is a sequence schema). Written in
 * ISO-8859-1 as every accountant's file is (PES-V2-NOTES §4); the text was already reduced to Latin-1.
 */
type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };
const OPTIONS = { ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, parseAttributeValue: false, trimValues: true } as const;

function toOrdered(n: PesNode): Ordered {
  const content: Ordered[] = n.text !== undefined ? [{ '#text': n.text }] : (n.children ?? []).map(toOrdered);
  return { [n.name]: content, ...(n.attrs && Object.keys(n.attrs).length ? { ':@': n.attrs } : {}) };
}

function fromOrdered(o: Ordered): PesNode | null {
  const name = Object.keys(o).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '?xml') return null;
  const content = (o[name] as Ordered[]) ?? [];
  const text = content.find((c) => '#text' in c)?.['#text'];
  const children = content.map(fromOrdered).filter((c): c is PesNode => c !== null);
  return { name, attrs: o[':@'], ...(children.length ? { children } : {}), ...(text !== undefined ? { text: String(text) } : {}) };
}

export function pesToXml(root: PesNode): string {
  const body = new XMLBuilder({ ...OPTIONS, suppressEmptyNode: true, format: true, indentBy: '  ' }).build([toOrdered(root)]) as string;
  return `<?xml version="1.0" encoding="ISO-8859-1"?>\n${body.trim()}\n`;
}

export function pesToBytes(root: PesNode): Buffer {
  return Buffer.from(pesToXml(root), 'latin1');
}

/** Reads a PES file back into a tree, or says where the XML itself is broken. */
export function pesFromXml(xml: string): { ok: true; root: PesNode } | { ok: false; message: string } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, message: `XML mal formé, ligne ${valid.err.line}, colonne ${valid.err.col} : ${valid.err.msg}` };
  const parsed = new XMLParser(OPTIONS).parse(xml) as Ordered[];
  const root = parsed.map(fromOrdered).find((n): n is PesNode => n !== null);
  return root ? { ok: true, root } : { ok: false, message: 'aucun élément racine' };
}
