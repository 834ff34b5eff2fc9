import type { Investigation } from '../investigations/investigation.ts';
import type { AlertPipelineDetails } from './alert-message.ts';
import type { AlertPipelineEvent } from './alert-pipeline-event.ts';

type Loose = Record<string, unknown> | null | undefined;

const asRecord = (value: unknown): Loose =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];

/** Root cause and files from a stored report; read defensively, the report format may move on. */
function fromReport(investigation: Investigation): { rootCause: string | null; files: string[] } {
  const report = asRecord(investigation.report);
  const analysis = asRecord(report?.['analysis']);
  const rootCause =
    (typeof analysis?.['rootCause'] === 'string' ? analysis['rootCause'] : null) ??
    investigation.summary ??
    (typeof report?.['summary'] === 'string' ? report['summary'] : null);
  const frames = Array.isArray(report?.['frames']) ? (report['frames'] as unknown[]) : [];
  const framePaths = frames.map((f) => asRecord(f)?.['repoPath']);
  const files = [...strings(analysis?.['relatedFiles']), ...strings(framePaths)];
  return { rootCause, files: [...new Set(files)] };
}

/**
 * What "Know More" tells about an issue: the latest finished investigation's root cause and files, and the
 * fix status of the latest pipeline step that carried one (`none` when nothing was tried yet).
 */
export function knowMoreDetails(
  investigation: Investigation | null,
  pipelineEvents: readonly AlertPipelineEvent[],
): AlertPipelineDetails {
  const report = investigation?.status === 'completed' ? fromReport(investigation) : null;
  const latest = pipelineEvents[0]?.details;
  const fix = pipelineEvents.find((e) => e.details.fixStatus !== 'none')?.details;
  return {
    rootCause: report?.rootCause ?? latest?.rootCause ?? null,
    relatedFiles: report && report.files.length > 0 ? report.files : (latest?.relatedFiles ?? []),
    fixStatus: fix?.fixStatus ?? (investigation?.status === 'running' ? 'investigating' : 'none'),
    commitSha: fix?.commitSha ?? null,
    fixUrl: fix?.fixUrl ?? null,
  };
}
