import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPes, PES_NAMESPACE } from '../../domain/billing/pes/build.ts';
import { SAMPLE } from '../../domain/billing/pes/sample.fixture.ts';
import { pesToXml } from './pes-xml.ts';
import { validateAgainstXsd } from './pes-xsd.ts';

/**
 * The official XSD cannot be downloaded here: these schemas stand in for it to prove the wiring (main schema +
 * imported one, errors with their line). They are ours, small, and not the DGFiP's.
 */
const main = (rootAttribute: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:c="urn:mutualis:test-commun" targetNamespace="${PES_NAMESPACE}" elementFormDefault="unqualified">
  <xs:import namespace="urn:mutualis:test-commun" schemaLocation="commun.xsd"/>
  <xs:element name="PES_Aller">
    <xs:complexType>
      <xs:sequence><xs:any minOccurs="1" maxOccurs="unbounded" processContents="skip"/></xs:sequence>
      ${rootAttribute}
    </xs:complexType>
  </xs:element>
</xs:schema>`;
const commun = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:mutualis:test-commun"><xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>`;

describe('validation against an XSD the administrator provides', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pes-xsd-'));
    await writeFile(join(folder, 'PES_Aller.xsd'), main(''));
    await writeFile(join(folder, 'commun.xsd'), commun);
    await writeFile(join(folder, 'strict.xsd'), main('<xs:attribute name="Id" type="xs:ID" use="required"/>').replace('schemaLocation="commun.xsd"', 'schemaLocation="commun.xsd"'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const xml = pesToXml(buildPes(SAMPLE));

  it('accepts a file the schema accepts, with its imports', async () => {
    expect(await validateAgainstXsd(xml, join(folder, 'PES_Aller.xsd'))).toEqual([]);
  });

  it('reports what the schema refuses, with the line', async () => {
    expect(await validateAgainstXsd(xml, join(folder, 'strict.xsd'))).toEqual([{ path: 'XSD officiel, ligne 2', message: expect.stringContaining("The attribute 'Id' is required") }]);
  });

  it('says when the schema cannot be read', async () => {
    expect(await validateAgainstXsd(xml, join(folder, 'absent', 'PES_Aller.xsd'))).toEqual([{ path: 'xsdPath', message: expect.stringContaining('XSD officiel illisible') }]);
  });
});
