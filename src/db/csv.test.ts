import { describe, expect, it } from 'vitest';
import { toCopyCsv, toCopyText } from './csv.ts';

describe('COPY encodings', () => {
  it('writes CSV with every value quoted, quotes doubled and NULL as an empty field', () => {
    expect(toCopyCsv([['a"b', 1, null, '']])).toBe('"a""b","1",,""\n');
  });

  it('writes the text format with tabs, NULL as \\N and only backslash, tab and line breaks escaped', () => {
    expect(toCopyText([['{"a":"b\\\\n"}', 12, null, undefined, 'x\ty\nz\r']])).toBe('{"a":"b\\\\\\\\n"}\t12\t\\N\t\\N\tx\\ty\\nz\\r\n');
    expect(toCopyText([['', 'é']])).toBe('\té\n');
  });
});
