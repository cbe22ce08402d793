import { describe, expect, it } from 'vitest';
import { BUILTIN_PIN_MAPPING } from './builtin';
import { pinMappingSchema } from './schema';
import { storedMapping } from './stored';

const imported = pinMappingSchema.parse({
  ...BUILTIN_PIN_MAPPING,
  name: 'Pin, new markup',
  selectors: { ...BUILTIN_PIN_MAPPING.selectors, name: ['.candidate-title'] },
});

describe('storedMapping (the content script’s check, without zod)', () => {
  it('takes a document the schema parsed', () => {
    expect(storedMapping(imported)).toBe(imported);
  });

  it('gives an older document the built-in pipeline route, as the schema’s default does', () => {
    const { pipelineApi: _, ...routes } = imported.routes;
    const older = { ...imported, routes };
    expect(storedMapping(older)).toEqual(pinMappingSchema.parse(older));
  });

  it.each([
    ['nothing stored', null],
    ['another version', { ...imported, version: 2 }],
    ['an unknown key', { ...imported, extra: true }],
    ['a missing section', { ...imported, words: undefined }],
    ['a selector list that is a string', { ...imported, selectors: { ...imported.selectors, name: '.x' } }],
    ['a number where words go', { ...imported, words: { ...imported.words, current: [1] } }],
  ])('falls back to the built-in mapping for %s, as the schema would refuse it', (_, stored) => {
    expect(pinMappingSchema.safeParse(stored).success).toBe(false);
    expect(storedMapping(stored)).toBe(BUILTIN_PIN_MAPPING);
  });
});
