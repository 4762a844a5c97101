import { describe, expect, it } from 'vitest';
import { PERMISSION_LABELS } from '../../contracts/permissions.js';
import { PERMISSION_LABELS as CONSOLE_LABELS } from '../../web/src/staff/permission-labels.js';

describe('the console names permissions as the server does', () => {
  it('has every permission, in the same order, with the same label', () => {
    expect(Object.entries(CONSOLE_LABELS)).toEqual(Object.entries(PERMISSION_LABELS));
  });
});
