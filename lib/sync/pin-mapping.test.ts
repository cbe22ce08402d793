import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_PIN_MAPPING } from '../pin/mapping/builtin';
import { resolveMapping } from './pin-mapping';

describe('the Pin mapping in use', () => {
  afterEach(() => z.config({ postProcessor: undefined }));

  it('is the built-in one when none is stored, without building the mapping schema to learn it', () => {
    let built = 0;
    z.config({
      postProcessor: () => {
        built += 1;
      },
    });
    expect(resolveMapping(null)).toEqual({ mapping: BUILTIN_PIN_MAPPING, builtIn: true });
    expect(resolveMapping(undefined)).toEqual({ mapping: BUILTIN_PIN_MAPPING, builtIn: true });
    expect(built).toBe(0);
  });

  it("is the admin's stored document while it validates, else the built-in one", () => {
    const imported = structuredClone(BUILTIN_PIN_MAPPING);
    expect(resolveMapping(imported)).toEqual({ mapping: imported, builtIn: false });
    expect(resolveMapping({ version: 'from a newer build' })).toEqual({
      mapping: BUILTIN_PIN_MAPPING,
      builtIn: true,
    });
  });
});
