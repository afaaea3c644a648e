import { describe, expect, it } from '@jest/globals';
import { AccessGrant } from '../../apps/api/src/access/access.service.js';

describe('AccessGrant', () => {
  it('cannot be made outside AccessService', () => {
    expect(() => new AccessGrant(Symbol('AccessService') as never, { actor: { id: 'x', role: 'admin' as never }, canModerate: true })).toThrow(
      'Only AccessService issues access grants',
    );
  });
});
