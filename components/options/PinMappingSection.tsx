import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import { CommandError } from '@/lib/messaging/envelope';
import { mappingErrors, type PinMapping, pinMappingSchema } from '@/lib/pin/mapping/schema';
import { selectorErrors } from '@/lib/pin/mapping/selector-syntax';

const mappingKey = ['pin-mapping'] as const;

/** Errors per field, or the parsed mapping. JSON syntax, the schema and CSS syntax are checked here first. */
function check(text: string): { mapping: PinMapping } | { errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { errors: [`Not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = pinMappingSchema.safeParse(raw);
  if (!parsed.success) return { errors: mappingErrors(raw) };
  const css = selectorErrors(parsed.data);
  return css.length ? { errors: css } : { mapping: parsed.data };
}

function download(mapping: PinMapping) {
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(mapping, null, 2)}\n`], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = 'pin-page-mapping.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Advanced: Pin page mapping": when Pin changes its pages, an admin imports a corrected mapping (data only:
 * routes, selectors, words, date formats) and open Pin pages read with it at once, without a release.
 */
export function PinMappingSection() {
  const client = useQueryClient();
  const id = useId();
  const textId = useId();
  const errorsId = useId();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const current = useQuery({ queryKey: mappingKey, queryFn: () => sendCommand('pinMapping.get', {}) });
  const save = useMutation({
    mutationFn: (mapping: PinMapping) => sendCommand('pinMapping.set', { mapping }),
    onSuccess: (view) => {
      client.setQueryData(mappingKey, view);
      setErrors([]);
      setText('');
    },
    onError: (error) => {
      const details =
        error instanceof CommandError ? (error.details as { errors?: string[] } | undefined) : undefined;
      setErrors(details?.errors ?? [error.message]);
    },
  });
  const reset = useMutation({
    mutationFn: () => sendCommand('pinMapping.reset', {}),
    onSuccess: (view) => {
      client.setQueryData(mappingKey, view);
      setErrors([]);
    },
  });
  const view = current.data;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>Advanced: Pin page mapping</h2>
      <p className="hint">
        How the extension reads Pin’s pages: routes, preferred selectors, heading and status words, date
        formats. If Pin changes its pages and the overlay says it cannot read them, import a corrected mapping
        here; open Pin pages use it at once. Only data is loaded, never code.
      </p>
      <p role="status">
        {view
          ? view.builtIn
            ? `In use: the built-in mapping (version ${view.mapping.version}).`
            : `In use: the imported mapping “${view.mapping.name}” (version ${view.mapping.version}).`
          : 'Loading…'}
      </p>
      <label htmlFor={textId}>Mapping JSON</label>
      <textarea
        id={textId}
        className="mapping-json"
        rows={8}
        spellCheck={false}
        value={text}
        aria-describedby={errors.length ? errorsId : undefined}
        aria-invalid={errors.length > 0}
        placeholder="Paste a mapping here (start from Export)"
        onChange={(e) => setText(e.target.value)}
      />
      <label className="file-import">
        Or import a file{' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setText(await file.text());
          }}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={save.isPending || !text.trim()}
          onClick={() => {
            const result = check(text);
            if ('errors' in result) setErrors(result.errors);
            else save.mutate(result.mapping);
          }}
        >
          Import mapping
        </button>
        <button type="button" disabled={!view} onClick={() => view && download(view.mapping)}>
          Export
        </button>
        <button
          type="button"
          disabled={reset.isPending || view?.builtIn !== false}
          onClick={() => reset.mutate()}
        >
          Reset to built-in
        </button>
      </div>
      {errors.length > 0 && (
        <div role="alert" id={errorsId}>
          <p>The mapping was refused; the current one is kept. Fix these fields:</p>
          <ul className="mapping-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {save.isSuccess && !errors.length && <p role="status">Imported. Open Pin pages now read with it.</p>}
    </section>
  );
}
