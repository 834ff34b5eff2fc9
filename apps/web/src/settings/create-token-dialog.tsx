import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiToken } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/checkbox.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { TextField } from '../ui/text-field.tsx';

const SCOPES = [
  'org:read',
  'project:read',
  'project:write',
  'project:releases',
  'event:read',
  'event:write',
  'member:read',
];

/** Names a token, picks scopes, and shows the secret once. */
export function CreateTokenDialog({
  open,
  onClose,
  create,
}: {
  open: boolean;
  onClose: () => void;
  create: UseMutationResult<ApiToken, Error, { name: string; scopes: string[] }>;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['org:read', 'project:read', 'event:read']);
  const [secret, setSecret] = useState<string | null>(null);
  const close = () => {
    setSecret(null);
    setName('');
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={secret ? 'Copy your token' : 'New API token'}
      description={secret ? 'It is shown only once.' : undefined}
      footer={
        secret ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="primary"
              loading={create.isPending}
              disabled={!name || scopes.length === 0}
              onClick={() =>
                create.mutate({ name, scopes }, { onSuccess: (token) => setSecret(token.token ?? '') })
              }
            >
              Create token
            </Button>
          </>
        )
      }
    >
      {secret ? (
        <input
          readOnly
          aria-label="New token"
          value={secret}
          onFocus={(e) => e.target.select()}
          className="w-full rounded-md border border-line-strong bg-code px-2.5 py-2 font-mono text-[12.5px]"
        />
      ) : (
        <div className="flex flex-col gap-3">
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="sentry-cli on CI"
          />
          <fieldset>
            <legend className="mb-1.5 text-xs font-medium text-muted">Scopes</legend>
            <div className="grid grid-cols-2 gap-1.5">
              {SCOPES.map((scope) => (
                <label key={scope} className="flex items-center gap-2 font-mono text-[12.5px]">
                  <Checkbox
                    checked={scopes.includes(scope)}
                    onChange={() =>
                      setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]))
                    }
                  />
                  {scope}
                </label>
              ))}
            </div>
          </fieldset>
          {create.error && (
            <p role="alert" className="text-[13px] text-danger">
              {create.error.message}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
