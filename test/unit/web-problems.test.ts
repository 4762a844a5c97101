import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contracts/errors.js';
import { fieldMessages, hasMessage, problemMessage } from '../../web/src/lib/problems.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The codes the resident-facing modules declare (contracts/errors.ts) and raise (errors.ts helpers and `code: '…'` refusals). */
function serverCodes(): Set<string> {
  // The sandbox and the staff console's file imports never answer a resident.
  const { sandbox: _, imports: __, ...declared } = ERROR_CODES;
  const codes = new Set<string>(Object.values(declared).flat());
  const residentModules = [
    'http',
    'identity',
    'accounts',
    'metering',
    'billing',
    'payments',
    'tickets',
    'appeals',
    'news',
    'meetings',
    'files',
    'registry',
  ];
  for (const file of residentModules.flatMap((m) => files(path.join('src', m)))) {
    const text = readFileSync(file, 'utf8');
    const helpers = 'badRequest|conflict|ruleViolated|forbidden|notFound|unauthorized|unavailable|new AppError';
    const calls = new RegExp(`(${helpers})\\(([^;]{0,300}?)\\)\\s*[;,)]`, 'gs');
    for (const m of text.matchAll(calls))
      for (const c of m[2]!.matchAll(/'([a-z]+(?:_[a-z0-9]+)+)'/g)) codes.add(c[1]!);
    for (const c of text.matchAll(/code: '([a-z]+(?:_[a-z0-9]+)+)'/g)) codes.add(c[1]!);
  }
  return codes;
}

// Codes of organisation-only routes (imports, meeting administration, sync): a resident never sees them.
const STAFF_ONLY = new Set([
  'duplicate_row',
  'malformed_row',
  'house_without_fias',
  'invalid_api_key',
  'permission_missing',
  'staff_only',
  'role_not_allowed',
  'meeting_already_announced',
  'meeting_not_draft',
  'notice_period_too_short',
  'register_empty',
  'register_inconsistent',
  'sitting_after_voting',
  'sitting_required',
  'totals_mismatch',
  'voting_duration_out_of_bounds',
  'voting_ends_before_start',
  'no_result',
  'object_missing',
  'notification_forged',
  'payment_not_refundable',
  'concurrent_import',
  'invalid_request',
  'invalid_client',
  'invalid_scope',
  'unsupported_grant_type',
  'custom',
]);

describe('problem codes become Russian messages', () => {
  it('has a message for every code the resident API raises', () => {
    const missing = [...serverCodes()].filter((c) => !STAFF_ONLY.has(c) && !hasMessage(c));
    // A new code needs its Russian message in web/src/lib/problems.ts (or a place in STAFF_ONLY above).
    expect(missing, 'codes without a message in web/src/lib/problems.ts').toEqual([]);
  });

  it('never shows a raw code: unknown codes get a message by status', () => {
    expect(problemMessage('reading_below_previous', 422)).toBe('Показание меньше предыдущего.');
    expect(problemMessage('something_new', 409)).toMatch(/Обновите страницу/);
    expect(problemMessage('something_new', 503)).toMatch(/на нашей стороне/);
    expect(problemMessage(undefined)).toMatch(/Не получилось/);
    for (const status of [400, 401, 403, 404, 409, 422, 429, 500, 418]) {
      expect(problemMessage('x_y_z', status)).not.toMatch(/[a-z]_[a-z]/);
    }
  });

  it('maps field paths of a refusal to the fields they concern', () => {
    const problem = {
      status: 422,
      code: 'reading_below_previous',
      errors: [
        { path: 'body.readings.0.t1', message: 'reading_below_previous: below 120.5' },
        { path: 'body.readings.1', message: 'consumption_confirmation_required: far above the average' },
        { path: 'body.takenOn', message: 'Invalid date' },
      ],
    };
    expect(fieldMessages(problem, 'body.readings')).toEqual({
      '0.t1': 'Показание меньше предыдущего.',
      '1': 'Расход намного выше среднего. Проверьте значение и подтвердите.',
    });
    expect(fieldMessages(problem)).toMatchObject({ takenOn: 'Проверьте это поле.' });
  });
});
