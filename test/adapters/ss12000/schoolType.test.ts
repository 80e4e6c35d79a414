import { describe, expect, it } from 'vitest';
import { schoolFormOf } from '../../../src/adapters/ss12000/schoolType.js';
import { SchoolFormSchema } from '../../../src/model/vocabulary.js';
import { componentSchemas } from '../../helpers/ss12000Schema.js';

describe('schoolFormOf', () => {
  it('maps the school types of the forms Trappa evaluates', () => {
    expect(schoolFormOf('FKLASS')).toBe('forskoleklass');
    expect(schoolFormOf('GR')).toBe('grundskola');
    expect(schoolFormOf('GRS')).toBe('anpassad-grundskola');
    expect(schoolFormOf('TR')).toBe('anpassad-grundskola');
    expect(schoolFormOf('SP')).toBe('specialskola');
    expect(schoolFormOf('SAM')).toBe('sameskola');
    expect(schoolFormOf('GY')).toBe('gymnasieskola');
    expect(schoolFormOf('GYS')).toBe('anpassad-gymnasieskola');
  });

  it('covers every Trappa school form', () => {
    const covered = new Set(['FKLASS', 'GR', 'GRS', 'SP', 'SAM', 'GY', 'GYS'].map(schoolFormOf));
    expect([...covered].sort()).toEqual([...SchoolFormSchema.options].sort());
  });

  it('leaves every other type of the 2.1.0 enum unmapped, and unknown or inherited names too', () => {
    const all = (componentSchemas('2.1.0').SchoolTypesEnum as { enum: string[] }).enum;
    const mapped = all.filter((t) => schoolFormOf(t) !== undefined);
    expect(mapped.sort()).toEqual(['FKLASS', 'GR', 'GRS', 'GY', 'GYS', 'SAM', 'SP', 'TR']);
    for (const t of ['FS', 'FTH', 'VUX', 'KOMVUX', 'gr', 'toString', 'constructor', '']) expect(schoolFormOf(t)).toBeUndefined();
  });
});
