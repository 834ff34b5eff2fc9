import type { Deploy, Project, Release, ReleaseCommit } from '@fixloop/core';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** Sentry's short form: the version after `package@`, and a commit sha cut to 12 characters. */
export function shortVersion(version: string): string {
  const at = version.lastIndexOf('@');
  const bare = at > 0 ? version.slice(at + 1) : version;
  return /^[0-9a-f]{40}$/i.test(bare) ? bare.slice(0, 12) : bare;
}

/** Sentry's commit JSON, from the commit objects sentry-cli sent. */
export function serializeCommit(commit: ReleaseCommit) {
  const { authorName: name, authorEmail: email } = commit;
  return {
    id: commit.id,
    message: commit.message,
    dateCreated: commit.dateCreated,
    author: name === null && email === null ? null : { name, email },
    repository: commit.repository === null ? null : { name: commit.repository },
  };
}

export function serializeDeploy(deploy: Deploy) {
  return {
    id: String(deploy.id),
    environment: deploy.environment,
    name: deploy.name,
    url: deploy.url,
    dateStarted: iso(deploy.dateStarted),
    dateFinished: iso(deploy.dateFinished),
  };
}

/** Release JSON as Sentry's organization release endpoints answer it. */
export function serializeRelease(release: Release, projects: readonly Project[]) {
  const mine = projects.filter((p) => release.projectIds.includes(p.id));
  return {
    id: release.id,
    version: release.version,
    shortVersion: shortVersion(release.version),
    ref: release.ref,
    url: release.url,
    dateCreated: iso(release.dateCreated),
    dateReleased: iso(release.dateReleased),
    newGroups: release.newGroups,
    commitCount: release.commitCount,
    deployCount: release.deployCount,
    lastDeploy: release.lastDeploy === null ? null : serializeDeploy(release.lastDeploy),
    projects: mine.map((p) => ({ id: p.id, slug: p.slug, name: p.name, platform: p.platform })),
    data: {},
    status: release.status,
    authors: [],
  };
}
