import { useEffect, useState } from 'react';
import type { AiModelChoice } from '../api/types.ts';
import { useAiSettings, useUpdateAiSettings } from '../api/use-ai-settings.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useToast } from '../ui/use-toast.ts';
import { ModelChoiceFields } from './model-choice-fields.tsx';

/** Which model investigates and fixes, and which one takes over when it fails. */
export function AiProviderCard({ org, canEdit }: { org: string; canEdit: boolean }) {
  const settings = useAiSettings(org);
  const update = useUpdateAiSettings(org);
  const toast = useToast();
  const [primary, setPrimary] = useState<AiModelChoice | null>(null);
  const [fallback, setFallback] = useState<AiModelChoice | null>(null);
  useEffect(() => {
    setPrimary(settings.data?.primary ?? null);
    setFallback(settings.data?.fallback ?? null);
  }, [settings.data]);
  const unavailable = settings.data === null;
  return (
    <Card title="AI provider and model">
      {settings.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <fieldset disabled={!canEdit || unavailable} className="flex flex-col gap-4">
          {unavailable && (
            <p className="rounded-md border border-line bg-raised px-3 py-2 text-xs text-muted">
              This server does not expose AI settings over the API yet; configure the provider in
              fixloop.config.json (see docs/llm.md).
            </p>
          )}
          <ModelChoiceFields
            label="Primary"
            value={primary}
            providers={settings.data?.providers}
            onChange={setPrimary}
          />
          <ModelChoiceFields
            label="Fallback"
            value={fallback}
            providers={settings.data?.providers}
            onChange={setFallback}
            optional
          />
          {canEdit && !unavailable && (
            <div className="flex justify-end">
              <Button
                variant="primary"
                loading={update.isPending}
                disabled={!primary?.model}
                onClick={() =>
                  update.mutate(
                    { primary, fallback: fallback?.model ? fallback : null },
                    {
                      onSuccess: () => toast('AI settings saved', 'ok'),
                      onError: (e) => toast(e.message, 'danger'),
                    },
                  )
                }
              >
                Save
              </Button>
            </div>
          )}
        </fieldset>
      )}
    </Card>
  );
}
