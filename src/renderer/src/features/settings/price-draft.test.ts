import { describe, expect, it } from 'vitest';
import { overridesFrom } from './price-draft';

describe('overridesFrom', () => {
  it('keeps filled prices, skips empty fields, and names the first that is not a price', () => {
    expect(overridesFrom({ 'runtime.cpu': '0.1', 'runtime.memory': '', 'gateway.search': ' 0 ' })).toEqual({
      overrides: { 'runtime.cpu': 0.1, 'gateway.search': 0 },
    });
    expect(overridesFrom({ 'runtime.cpu': '-1' })).toEqual({ invalid: 'runtime.cpu' });
    expect(overridesFrom({ 'runtime.cpu': 'abc' })).toEqual({ invalid: 'runtime.cpu' });
    expect(overridesFrom({})).toEqual({ overrides: {} });
  });
});
