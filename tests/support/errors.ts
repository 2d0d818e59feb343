// The BulletinError a call throws, for tests that check its file, line and message.
import { BulletinError } from '../../src/errors.js';

export function errorOf(fn: () => unknown): BulletinError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BulletinError) return error;
    throw error;
  }
  throw new Error('expected a BulletinError');
}
