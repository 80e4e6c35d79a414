import { describe, expect, it } from 'vitest';
import { unwrapList } from '../../../src/adapters/ss12000/envelope.js';

describe('unwrapList', () => {
  it('takes the data of an API page and ignores pageToken', () => {
    expect(unwrapList({ data: [{ id: 'a' }], pageToken: 'next' })).toEqual({ ok: true, items: [{ id: 'a' }] });
    expect(unwrapList({ data: [], pageToken: null })).toEqual({ ok: true, items: [] });
  });

  it('takes a plain array (the …Array schemas)', () => {
    expect(unwrapList([{ id: 'a' }, { id: 'b' }])).toEqual({ ok: true, items: [{ id: 'a' }, { id: 'b' }] });
  });

  it('says what is wrong otherwise', () => {
    expect(unwrapList({ data: { id: 'a' } })).toMatchObject({ ok: false, message: 'Expected "data" to be an array of records' });
    for (const bad of [{ id: 'a' }, null, 'x', 3]) expect(unwrapList(bad).ok).toBe(false);
  });
});
