import type { PrismTheme } from 'prism-react-renderer';

/** Token colors as CSS variables (styles.css), so one theme object serves light and dark. */
export const syntaxTheme: PrismTheme = {
  plain: { color: 'var(--c-fg)', backgroundColor: 'transparent' },
  styles: [
    {
      types: ['comment', 'prolog', 'doctype', 'cdata'],
      style: { color: 'var(--syn-comment)', fontStyle: 'italic' },
    },
    {
      types: ['keyword', 'boolean', 'null', 'undefined', 'important', 'atrule'],
      style: { color: 'var(--syn-keyword)' },
    },
    {
      types: ['string', 'char', 'attr-value', 'regex', 'template-string'],
      style: { color: 'var(--syn-string)' },
    },
    { types: ['number', 'constant', 'symbol'], style: { color: 'var(--syn-number)' } },
    { types: ['function', 'method', 'function-variable'], style: { color: 'var(--syn-function)' } },
    { types: ['class-name', 'builtin', 'tag', 'maybe-class-name'], style: { color: 'var(--syn-type)' } },
    { types: ['operator', 'punctuation'], style: { color: 'var(--syn-punct)' } },
    { types: ['property', 'attr-name', 'parameter'], style: { color: 'var(--syn-property)' } },
  ],
};
