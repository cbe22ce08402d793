import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { sendCommand } from '@/lib/messaging/client';
import { PIN_ORIGIN } from '@/lib/pin/host';
import { rulesKey } from './RulesSection';

/**
 * First run (SPEC §13): three steps, each ticked from real state. It shows until all three are done; "Setup checklist"
 * in the page header shows it again.
 */
export function useSetupSteps(connected: boolean) {
  const rules = useQuery({ queryKey: rulesKey, queryFn: () => sendCommand('rules.list', {}) });
  const steps = [
    {
      done: connected,
      label: 'Connect Greenhouse',
      how: 'Paste the Harvest V3 credential in “Greenhouse” below.',
    },
    {
      done: (rules.data?.pinJobs.length ?? 0) > 0,
      label: 'Open Pin’s jobs once',
      how: 'so the extension learns your jobs.',
      link: `${PIN_ORIGIN}/jobs`,
    },
    {
      done: rules.data?.rules.some((r) => r.enabled) ?? false,
      label: 'Set a rule',
      how: 'under “Export candidates to ATS”, or use Export to ATS on a Pin profile.',
    },
  ];
  return { steps, loaded: rules.isSuccess, allDone: steps.every((s) => s.done) };
}

export function SetupChecklist({ steps }: { steps: ReturnType<typeof useSetupSteps>['steps'] }) {
  const id = useId();
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby={id} className="setup">
      <h2 id={id}>Get started</h2>
      <p className="hint">
        {done} of {steps.length} done
      </p>
      <ol className="setup-steps">
        {steps.map((step) => (
          <li key={step.label} data-done={step.done}>
            <span aria-hidden="true">{step.done ? '✓' : '○'}</span> <strong>{step.label}</strong>
            <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>{' '}
            {step.link ? (
              <>
                <a href={step.link} target="_blank" rel="noopener noreferrer">
                  Open Pin
                </a>{' '}
                {step.how}
              </>
            ) : (
              step.how
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
