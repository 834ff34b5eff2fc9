import { describe, expect, it } from 'vitest';
import type { ProjectDetails } from '../api/types.ts';
import { projectUpdate, toProjectDraft } from './project-settings-draft.ts';

const project: ProjectDetails = {
  id: '1',
  slug: 'shop',
  name: 'Shop',
  platform: 'node',
  settings: {
    repository: {
      url: 'https://git.example.com/shop.git',
      baseBranch: 'main',
      fixBranch: 'fixloop',
      hasToken: true,
    },
    investigation: { auto: true },
  },
};

describe('projectUpdate', () => {
  it('sends nothing when nothing changed', () => {
    expect(projectUpdate(project, toProjectDraft(project))).toEqual({});
  });

  it('sends only the changed keys, never the repository when it was not touched', () => {
    const draft = { ...toProjectDraft(project), name: 'Shop API', autoInvestigate: false };
    expect(projectUpdate(project, draft)).toEqual({
      name: 'Shop API',
      settings: { investigation: { auto: false } },
    });
  });

  it('keeps the other repository fields (not the redacted hasToken) when the URL changes', () => {
    const draft = { ...toProjectDraft(project), repositoryUrl: 'https://git.example.com/shop2.git' };
    expect(projectUpdate(project, draft).settings?.repository).toEqual({
      url: 'https://git.example.com/shop2.git',
      baseBranch: 'main',
      fixBranch: 'fixloop',
      testCommand: undefined,
    });
  });

  it('removes the repository when its URL is cleared', () => {
    expect(
      projectUpdate(project, { ...toProjectDraft(project), repositoryUrl: '' }).settings?.repository,
    ).toBeNull();
  });

  it('sends autofix settings only to a server that has them', () => {
    const draft = { ...toProjectDraft(project), autofix: true };
    expect(projectUpdate(project, draft)).toEqual({});
    const withAutofix = {
      ...project,
      settings: { ...project.settings, autofix: { enabled: false, triggerRules: [] } },
    };
    const update = projectUpdate(withAutofix, { ...toProjectDraft(withAutofix), autofix: true });
    expect(update.settings?.autofix?.enabled).toBe(true);
    expect(update.settings?.autofix?.triggerRules?.map((r) => [r.severity, r.action, r.minEvents])).toEqual([
      ['blocking', 'attempt_fix', 1],
      ['annoying', 'attempt_fix', 10],
      ['warning', 'investigate', undefined],
      ['info', 'record', undefined],
    ]);
  });
});
