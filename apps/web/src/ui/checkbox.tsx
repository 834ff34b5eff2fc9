import { useEffect, useRef } from 'react';
import type { InputHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  indeterminate?: boolean;
}

export function Checkbox({ indeterminate = false, className, ...rest }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={classNames('size-3.5 cursor-pointer rounded accent-[var(--c-accent)]', className)}
      {...rest}
    />
  );
}
