import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAddComment, useComments } from '../api/use-comments.ts';
import { Button } from '../ui/button.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useToast } from '../ui/use-toast.ts';

export function CommentsPanel({ issueId, canComment }: { issueId: string; canComment: boolean }) {
  const comments = useComments(issueId);
  const add = useAddComment(issueId);
  const toast = useToast();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    add.mutate(text.trim(), {
      onSuccess: () => setText(''),
      onError: (error) => toast(error.message, 'danger'),
    });
  };
  return (
    <div className="flex flex-col gap-3">
      {comments.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : (comments.data ?? []).length === 0 ? (
        <p className="text-[13px] text-subtle">No comments yet.</p>
      ) : (
        <ul className="flex flex-col gap-2.5" aria-label="Comments">
          {(comments.data ?? []).map((comment) => (
            <li key={comment.id} className="rounded-md border border-line px-3 py-2">
              <div className="mb-0.5 flex items-center justify-between gap-2 text-xs text-muted">
                <span className="font-medium text-fg">
                  {comment.user?.name ?? comment.user?.email ?? 'Someone'}
                </span>
                <RelativeTime date={comment.dateCreated} />
              </div>
              <p className="text-[13px] whitespace-pre-wrap">{comment.data.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <form onSubmit={submit} className="flex flex-col gap-2">
          <label htmlFor={`comment-${issueId}`} className="sr-only">
            Add a comment
          </label>
          <textarea
            id={`comment-${issueId}`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
            }}
            rows={3}
            placeholder="Add a comment… (⌘/Ctrl+Enter to post)"
            className="w-full rounded-md border border-line-strong bg-surface px-2.5 py-2 text-[13px] placeholder:text-subtle focus:border-accent focus:ring-2 focus:ring-accent/25 focus:outline-none"
          />
          <Button
            type="submit"
            size="sm"
            variant="primary"
            loading={add.isPending}
            disabled={!text.trim()}
            className="self-end"
          >
            Comment
          </Button>
        </form>
      )}
    </div>
  );
}
