import { Navigate, useLocation, useParams } from 'react-router';
import { useOrganization } from '../auth/use-organization.ts';
import { AiProviderCard } from '../settings/ai-provider-card.tsx';
import { AlertChannelsSection } from '../settings/alert-channels-section.tsx';
import { AlertDeliveriesSection } from '../settings/alert-deliveries-section.tsx';
import { AlertRulesSection } from '../settings/alert-rules-section.tsx';
import { ApiTokensSection } from '../settings/api-tokens-section.tsx';
import { DangerZoneSection } from '../settings/danger-zone-section.tsx';
import { KillSwitchCard } from '../settings/kill-switch-card.tsx';
import { LimitsAndPiiSection } from '../settings/limits-and-pii-section.tsx';
import { MembersSection } from '../settings/members-section.tsx';
import { ProjectSettingsSection } from '../settings/project-settings-section.tsx';
import { SettingsNav } from '../settings/settings-nav.tsx';
import { SETTINGS_SECTIONS } from '../settings/settings-sections.ts';
import { WorkerStatusSection } from '../settings/worker-status-section.tsx';
import { Badge } from '../ui/badge.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function SettingsPage() {
  const { section = 'project' } = useParams();
  const { search } = useLocation();
  const org = useOrganization();
  const base = `/organizations/${org.slug}/settings`;
  const sections = SETTINGS_SECTIONS.filter((s) => !s.requires || org.can(s.requires));
  if (!sections.some((s) => s.id === section)) return <Navigate to={`${base}/project${search}`} replace />;
  const canEdit = org.can('manage-settings');
  return (
    <div className="mx-auto flex max-w-[1100px] flex-col gap-4 px-6 py-5">
      <PageHeader
        title="Settings"
        description={org.organization?.name}
        actions={!canEdit && <Badge title="Only owners and admins change settings">Read-only</Badge>}
      />
      <div className="grid gap-6 md:grid-cols-[180px_minmax(0,1fr)]">
        <SettingsNav base={base} sections={sections} search={search} />
        <div className="flex min-w-0 flex-col gap-4">
          {section === 'project' && <ProjectSettingsSection org={org.slug} canEdit={canEdit} />}
          {section === 'autofix' && (
            <>
              <KillSwitchCard org={org.slug} canEdit={canEdit} />
              <AiProviderCard org={org.slug} canEdit={canEdit} />
            </>
          )}
          {section === 'tokens' && (
            <ApiTokensSection canCreate={org.can('mutate')} seeAll={org.can('see-all-tokens')} />
          )}
          {section === 'members' && <MembersSection org={org.slug} canManage={org.can('manage-members')} />}
          {section === 'alerts' && (
            <>
              <AlertChannelsSection
                org={org.slug}
                canEdit={canEdit}
                canAllowPrivate={org.can('allow-private-targets')}
              />
              <AlertRulesSection org={org.slug} canEdit={canEdit} />
              <AlertDeliveriesSection org={org.slug} />
            </>
          )}
          {section === 'limits' && <LimitsAndPiiSection org={org.slug} canEdit={canEdit} />}
          {section === 'worker' && <WorkerStatusSection />}
          {section === 'danger' && <DangerZoneSection org={org.slug} />}
        </div>
      </div>
    </div>
  );
}
