import { useId, useMemo, useState } from 'react';
import type { GreenhouseJobView } from '@/lib/model/greenhouse-job';

/** A Greenhouse job as pickers show it: the name, the requisition id in parentheses, and a non-open status. */
export const jobLabel = (job: GreenhouseJobView) =>
  `${job.name}${job.requisitionId ? ` (${job.requisitionId})` : ''}${job.status !== 'open' ? ` — ${job.status}` : ''}`;

interface Props {
  jobs: GreenhouseJobView[];
  /** The chosen job id as a string; "" means no job (a prospect). */
  value: string;
  onChange: (value: string) => void;
  filterLabel: string;
  disabled?: boolean;
  /** While the job list loads: the select waits, the filter box stays usable. */
  loading?: boolean;
  autoFocusFilter?: boolean;
}

/** "Greenhouse job": a type-to-filter box and a select (open jobs first), shared by the export dialog and the rules. */
export function GreenhouseJobPicker({
  jobs,
  value,
  onChange,
  filterLabel,
  disabled,
  loading,
  autoFocusFilter,
}: Props) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const selectId = useId();
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return jobs.filter(
      (j) => !needle || jobLabel(j).toLowerCase().includes(needle) || String(j.id) === value,
    );
  }, [jobs, filter, value]);
  return (
    <>
      <label htmlFor={filterId}>{filterLabel}</label>
      <input
        id={filterId}
        type="search"
        value={filter}
        disabled={disabled}
        // biome-ignore lint/a11y/noAutofocus: the dialog opens on demand; focus goes to its first field
        autoFocus={autoFocusFilter}
        placeholder="Type to filter"
        onChange={(e) => setFilter(e.target.value)}
      />
      <label htmlFor={selectId}>Greenhouse job</label>
      <select
        id={selectId}
        value={value}
        disabled={disabled || loading}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">No job: add as a prospect</option>
        {visible.map((job) => (
          <option key={job.id} value={String(job.id)}>
            {jobLabel(job)}
          </option>
        ))}
      </select>
    </>
  );
}
