import { describe, expect, it } from 'vitest';
import { readCookie, sessionCookie } from './session-cookie.ts';

describe('session cookie', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('a=1; fixloop_session=abc%2Fd; b=2', 'fixloop_session')).toBe('abc/d');
    expect(readCookie('fixloop_session_x=1', 'fixloop_session')).toBeNull();
    expect(readCookie('fixloop_session=', 'fixloop_session')).toBeNull();
    expect(readCookie('fixloop_session=%E0%A4%A', 'fixloop_session')).toBeNull();
    expect(readCookie(undefined, 'fixloop_session')).toBeNull();
  });

  it('sets HttpOnly, SameSite=Lax, Path=/ and Secure only over https', () => {
    expect(sessionCookie('v', { secure: false, maxAgeSeconds: 60 })).toBe(
      'fixloop_session=v; HttpOnly; SameSite=Lax; Path=/; Max-Age=60',
    );
    expect(sessionCookie('', { secure: true, maxAgeSeconds: 0 })).toBe(
      'fixloop_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0; Secure',
    );
  });
});
