import { describe, expect, it } from 'vitest';
import { blockedAddressReason } from './blocked-address.ts';
import { checkOutgoingUrl } from './check-outgoing-url.ts';

const strict = { allowPrivate: false };

describe('checkOutgoingUrl', () => {
  it('rejects loopback, private, link-local, CGNAT and IPv6 local literals', async () => {
    const cases: Array<[string, string]> = [
      ['http://127.0.0.1:8080/hook', 'loopback'],
      ['http://10.1.2.3/hook', 'private'],
      ['http://172.20.0.5/hook', 'private'],
      ['http://192.168.1.1/hook', 'private'],
      ['http://169.254.169.254/latest/meta-data', 'link-local'],
      ['http://100.64.1.1/hook', 'carrier-grade NAT'],
      ['http://0.0.0.0/hook', 'unspecified'],
      ['http://224.0.0.1/hook', 'multicast'],
      ['http://[::1]/hook', 'loopback'],
      ['http://[fc00::1]/hook', 'unique local'],
      ['http://[fd12:3456::1]/hook', 'unique local'],
      ['http://[fe80::1]/hook', 'link-local'],
      ['http://[::ffff:127.0.0.1]/hook', 'loopback'],
      ['http://[::]/hook', 'unspecified'],
    ];
    for (const [url, label] of cases) {
      const result = await checkOutgoingUrl(url, strict);
      expect(result.ok, url).toBe(false);
      expect(!result.ok && result.reason, url).toContain(`a ${label} address`);
    }
  });

  it('allows a public literal IP, and private ones when the admin allows them', async () => {
    expect(await checkOutgoingUrl('https://93.184.215.14/hook', strict)).toEqual({
      ok: true,
      addresses: ['93.184.215.14'],
    });
    expect(await checkOutgoingUrl('https://[2606:4700::1111]/hook', strict)).toEqual({
      ok: true,
      addresses: ['2606:4700::1111'],
    });
    expect(await checkOutgoingUrl('http://127.0.0.1:9/x', { allowPrivate: true })).toEqual({
      ok: true,
      addresses: ['127.0.0.1'],
    });
  });

  it('checks every address a host name resolves to', async () => {
    const resolve = async (host: string) =>
      host === 'mixed.test' ? ['93.184.215.14', '10.0.0.8'] : ['93.184.215.14'];
    expect((await checkOutgoingUrl('https://public.test/x', { allowPrivate: false, resolve })).ok).toBe(true);
    const mixed = await checkOutgoingUrl('https://mixed.test/x', { allowPrivate: false, resolve });
    expect(mixed).toEqual({ ok: false, reason: 'mixed.test resolves to a private address (10.0.0.8)' });
  });

  it('resolves real host names with node:dns (localhost is loopback)', async () => {
    const result = await checkOutgoingUrl('http://localhost:3000/hook', strict);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/loopback/);
  });

  it('rejects other schemes, credentials, garbage and unresolvable hosts', async () => {
    const resolve = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await checkOutgoingUrl('file:///etc/passwd', strict)).toEqual({
      ok: false,
      reason: 'scheme file: is not allowed',
    });
    expect((await checkOutgoingUrl('gopher://93.184.215.14/', strict)).ok).toBe(false);
    expect((await checkOutgoingUrl('https://user:pw@93.184.215.14/', strict)).ok).toBe(false);
    expect(await checkOutgoingUrl('not a url', strict)).toEqual({ ok: false, reason: 'not a valid URL' });
    expect(await checkOutgoingUrl('https://nowhere.test/', { allowPrivate: false, resolve })).toEqual({
      ok: false,
      reason: 'host nowhere.test does not resolve',
    });
  });
});

describe('blockedAddressReason', () => {
  it('judges IPv4 carried in IPv6 as the IPv4 it carries', () => {
    expect(blockedAddressReason('::ffff:7f00:1')).toBe('loopback');
    expect(blockedAddressReason('64:ff9b::10.0.0.1')).toBe('private');
    expect(blockedAddressReason('::ffff:93.184.215.14')).toBeNull();
    expect(blockedAddressReason('255.255.255.255')).not.toBeNull();
    expect(blockedAddressReason('8.8.8.8')).toBeNull();
  });
});
