import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { PesIssue } from '../../domain/billing/pes/rules.ts';

/**
 * Validation against the official PES_Aller XSD, when an administrator has put the DGFiP package on the server
 * and pointed the provider's settings at its main file: libxml2 (compiled to WebAssembly, no native build) with
 * every .xsd of that folder preloaded, since the main schema imports the others.
 */
export async function validateAgainstXsd(xml: string, xsdPath: string): Promise<PesIssue[]> {
  let schema: { fileName: string; contents: string };
  let preload: { fileName: string; contents: string }[];
  try {
    const folder = dirname(xsdPath);
    const others = (await readdir(folder)).filter((f) => f.toLowerCase().endsWith('.xsd') && f !== basename(xsdPath));
    schema = { fileName: basename(xsdPath), contents: await readFile(xsdPath, 'utf8') };
    preload = await Promise.all(others.map(async (f) => ({ fileName: f, contents: await readFile(join(folder, f), 'utf8') })));
  } catch (error) {
    return [{ path: 'xsdPath', message: `XSD officiel illisible (${xsdPath}) : ${(error as Error).message}` }];
  }
  // xmllint reads UTF-8 only; the file is plain ASCII once written, so only the declaration changes.
  const result = await validateXML({ xml: { fileName: 'pes-aller.xml', contents: xml.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"') }, schema, preload, maxMemoryPages: 16 * 1024 });
  return result.errors.map((e) => ({ path: `XSD officiel${e.loc ? `, ligne ${e.loc.lineNumber}` : ''}`, message: e.message }));
}
