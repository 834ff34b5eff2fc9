/**
 * Encrypts secrets at rest (AES-GCM in the notifiers package's SecretBox). Storage seals what it writes and
 * opens what it reads, so the rest of Fixloop only ever sees plaintext.
 */
export interface SecretSealer {
  seal(plaintext: string): string;
  /** Throws when the value was sealed with another key or tampered with. */
  open(sealed: string): string;
  isSealed(value: string): boolean;
}
