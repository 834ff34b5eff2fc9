import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '@fixloop/core';
import type { SecretSealer } from '@fixloop/core';

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts channel secrets (webhook secrets, bot tokens, SMTP passwords) at rest: AES-256-GCM with a key
 * derived by HKDF-SHA256 from the master secret. Sealed values are `v1:` + base64url(iv | tag | ciphertext),
 * so a later key or algorithm change can be told apart and migrated.
 */
export class SecretBox implements SecretSealer {
  private readonly key: Buffer;

  constructor(masterSecret: string) {
    if (masterSecret.length < 16) {
      throw new AppError('config_invalid', 'the master secret must be at least 16 characters');
    }
    this.key = Buffer.from(hkdfSync('sha256', masterSecret, 'fixloop-secret-box', 'v1', 32));
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  isSealed(value: string): boolean {
    return SecretBox.isSealed(value);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
  }

  /** Decrypts a sealed value; throws AppError('config_invalid') for tampered data or a different key. */
  open(sealed: string): string {
    if (!SecretBox.isSealed(sealed)) throw new AppError('config_invalid', 'not a sealed secret');
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new AppError('config_invalid', 'sealed secret is truncated');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new AppError(
        'config_invalid',
        'sealed secret cannot be decrypted (tampered, or another master key)',
      );
    }
  }
}
