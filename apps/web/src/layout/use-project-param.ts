import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The selected project lives in the URL (`?project=<id>`, as in Sentry), so every page keeps it across
 * reloads and links; empty means all projects.
 */
export function useProjectParam(): [string, (project: string) => void] {
  const [search, setSearch] = useSearchParams();
  const project = search.get('project') ?? '';
  const setProject = useCallback(
    (next: string) => {
      setSearch((current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('project', next);
        else updated.delete('project');
        updated.delete('cursor');
        return updated;
      });
    },
    [setSearch],
  );
  return [project, setProject];
}
