/** The look of the menu triggers in the issue action bar (they are MenuButtons, not Buttons). */
export const actionButtonClass =
  'inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium hover:bg-hover disabled:opacity-50';
