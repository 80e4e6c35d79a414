import { describe, expect, it } from 'vitest';
import { findHuvudman, huvudmanFromOrganisationNumber } from '../../../src/adapters/ss12000/huvudman.js';
import type { Ss12000Organisation } from '../../../src/adapters/ss12000/entities.js';

describe('huvudmanFromOrganisationNumber', () => {
  it('tells municipalities, state agencies and private legal forms apart', () => {
    expect(huvudmanFromOrganisationNumber('212000-0142')).toBe('kommunal'); // Stockholms kommun
    expect(huvudmanFromOrganisationNumber('2120001355')).toBe('kommunal');
    expect(huvudmanFromOrganisationNumber('16212000-0142')).toBe('kommunal');
    expect(huvudmanFromOrganisationNumber('202100-1234')).toBe('statlig');
    expect(huvudmanFromOrganisationNumber('556677-8899')).toBe('fristaende'); // aktiebolag
    expect(huvudmanFromOrganisationNumber('769600-1234')).toBe('fristaende'); // ekonomisk förening
    expect(huvudmanFromOrganisationNumber('802400-1234')).toBe('fristaende'); // stiftelse, ideell förening
  });

  it('leaves regions, municipal federations, personnummer-shaped and malformed numbers undecided', () => {
    for (const n of ['232100-0016', '222000-1234', '551012-1234', '12345', '', 'abc']) expect(huvudmanFromOrganisationNumber(n)).toBeUndefined();
  });
});

describe('findHuvudman', () => {
  const org = (id: string, organisationType: string, parent?: string): Ss12000Organisation => ({
    id,
    organisationType,
    ...(parent === undefined ? {} : { parentOrganisation: { id: parent } }),
  });

  it('follows parentOrganisation to the Huvudman', () => {
    const all = [org('h', 'Huvudman'), org('f', 'Förvaltning', 'h'), org('r', 'Rektorsområde', 'f'), org('u', 'Skolenhet', 'r')];
    const byId = new Map(all.map((o) => [o.id, o]));
    expect(findHuvudman(byId.get('u') as Ss12000Organisation, byId)?.id).toBe('h');
  });

  it('stops at a missing parent and at a cycle', () => {
    const a = org('a', 'Skolenhet', 'b');
    const b = org('b', 'Skola', 'a');
    expect(findHuvudman(a, new Map([['a', a], ['b', b]]))).toBeUndefined();
    expect(findHuvudman(org('u', 'Skolenhet', 'gone'), new Map())).toBeUndefined();
  });
});
