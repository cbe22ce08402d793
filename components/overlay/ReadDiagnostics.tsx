import { useId, useState } from 'react';
import type { PinMapping } from '@/lib/pin/mapping/schema';
import type { FieldRead } from '@/lib/pin/read/reads';
import { pageReport } from '@/lib/pin/report';
import { trusted } from './trusted';

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall back to a selection copy where the async clipboard is not allowed.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.style.cssText = 'position:fixed;opacity:0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The browser did not allow copying');
}

/**
 * "What was read from this page": each field the extension read, its value as text and the rule that matched;
 * missing fields are flagged. "Copy page report" copies only the rules and counts, never candidate data.
 */
export function ReadDiagnostics({
  page,
  reads,
  mapping,
}: {
  page: string;
  reads: FieldRead[];
  mapping: PinMapping;
}) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const captionId = useId();
  return (
    <details className="pgs-diagnostics">
      <summary>What was read from this page</summary>
      <table aria-labelledby={captionId}>
        <caption id={captionId} className="pgs-muted">
          Read with the {mapping.name} Pin mapping (version {mapping.version})
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Rule</th>
          </tr>
        </thead>
        <tbody>
          {reads.map((read) => (
            <tr key={read.field} data-pgs-missing={read.value === null ? 'true' : undefined}>
              <th scope="row">{read.field}</th>
              <td>
                {read.value === null ? (
                  <span className="pgs-missing">Missing</span>
                ) : (
                  <span className="pgs-value">
                    {read.value.length > 160 ? `${read.value.slice(0, 160)}…` : read.value}
                    {read.count > 1 && <span className="pgs-muted"> ({read.count})</span>}
                  </span>
                )}
              </td>
              <td className="pgs-muted">{read.rule ?? 'no rule matched'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pgs-actions">
        <button
          type="button"
          onClick={trusted(() => {
            const report = JSON.stringify(pageReport(page, mapping, reads), null, 2);
            copyText(report).then(
              () => setCopied('copied'),
              () => setCopied('failed'),
            );
          })}
        >
          Copy page report
        </button>
        <span role="status" className="pgs-muted">
          {copied === 'copied'
            ? 'Copied: rules and counts only, no candidate data.'
            : copied === 'failed'
              ? 'Could not copy: the browser refused.'
              : ''}
        </span>
      </div>
    </details>
  );
}
