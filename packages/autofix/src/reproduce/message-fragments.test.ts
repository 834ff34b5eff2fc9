import { describe, expect, it } from 'vitest';
import { messageFragments } from './message-fragments.ts';

describe('messageFragments', () => {
  it('splits at quotes', () => {
    expect(messageFragments("Cannot read properties of undefined (reading 'name')")).toEqual([
      'Cannot read properties of undefined (reading',
      'name',
    ]);
    expect(messageFragments('formatMoney is not defined')).toEqual(['formatMoney is not defined']);
  });

  it('reduces paths to file names', () => {
    expect(messageFragments("Cannot find module '/app/src/Util.js' imported from /app/src/app.js")).toEqual([
      'Cannot find module',
      'Util.js',
      'imported from',
      'app.js',
    ]);
    expect(messageFragments("Cannot find module './money'\nRequire stack:\n- /app/a.js")).toEqual([
      'Cannot find module',
      'money',
    ]);
  });
});
