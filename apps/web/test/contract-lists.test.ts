import { describe, expect, it } from 'vitest';
import * as contracts from '@jalon/contracts';
import { ORGANIZATION_FEATURES, ORGANIZATION_TYPES } from '../src/api/types';

describe('lists copied from the contracts', () => {
  it('feature toggles and organization types are exactly those of @jalon/contracts', () => {
    expect(ORGANIZATION_FEATURES).toEqual(contracts.ORGANIZATION_FEATURES);
    expect(ORGANIZATION_TYPES).toEqual(contracts.ORGANIZATION_TYPES);
  });
});
