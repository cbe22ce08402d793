import type { z } from 'zod';

/**
 * A schema built when first used. A cold worker evaluates every module before it routes its first message (a click
 * on Export waits for it), and each zod schema object costs its construction there: some forty bound methods.
 * `z.lazy` defers the inner schema but is itself such an object; this stands in with a Proxy that builds the schema
 * on its first property read and forwards every read to it. zod reads a schema only through its properties (`_zod`,
 * its methods, `instanceof` by traits), so the stand-in serves anywhere the schema would, composed or parsing.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): T {
  let schema: T | undefined;
  const built = () => {
    schema ??= build();
    return schema;
  };
  return new Proxy(Object.create(null) as T, {
    get: (_, key) => Reflect.get(built(), key),
    set: (_, key, value) => Reflect.set(built(), key, value),
    has: (_, key) => Reflect.has(built(), key),
    getPrototypeOf: () => Object.getPrototypeOf(built()),
  });
}
