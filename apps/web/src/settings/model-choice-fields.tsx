import type { AiModelChoice, AiSettings } from '../api/types.ts';
import { SelectField } from '../ui/select-field.tsx';
import { TextField } from '../ui/text-field.tsx';

const DEFAULT_PROVIDERS = [
  { id: 'anthropic', name: 'Anthropic', models: [] as string[] },
  { id: 'openai', name: 'OpenAI', models: [] as string[] },
  { id: 'openai-compatible', name: 'OpenAI-compatible (Ollama, vLLM…)', models: [] as string[] },
];

/** Provider and model for one slot (primary or fallback); models are free text when none are listed. */
export function ModelChoiceFields({
  label,
  value,
  providers,
  onChange,
  optional = false,
}: {
  label: string;
  value: AiModelChoice | null;
  providers: AiSettings['providers'];
  onChange: (value: AiModelChoice | null) => void;
  optional?: boolean;
}) {
  const list = providers && providers.length > 0 ? providers : DEFAULT_PROVIDERS;
  const provider = list.find((p) => p.id === value?.provider);
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <SelectField
        label={`${label} provider`}
        value={value?.provider ?? ''}
        onChange={(e) => onChange(e.target.value ? { provider: e.target.value, model: '' } : null)}
        options={[
          ...(optional ? [{ value: '', label: 'None' }] : [{ value: '', label: 'Choose…' }]),
          ...list.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      {provider && provider.models.length > 0 ? (
        <SelectField
          label={`${label} model`}
          value={value?.model ?? ''}
          onChange={(e) => value && onChange({ ...value, model: e.target.value })}
          options={[{ value: '', label: 'Choose…' }, ...provider.models.map((m) => ({ value: m, label: m }))]}
        />
      ) : (
        <TextField
          label={`${label} model`}
          value={value?.model ?? ''}
          disabled={!value}
          placeholder="e.g. claude-sonnet-4-5"
          onChange={(e) => value && onChange({ ...value, model: e.target.value })}
        />
      )}
    </div>
  );
}
