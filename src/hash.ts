import { createHash } from 'node:crypto';

/** The hex SHA-256 of a string: token and key hashes at rest, request fingerprints for idempotency. */
export const sha256hex = (value: string) => createHash('sha256').update(value).digest('hex');
