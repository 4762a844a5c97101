import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, fraction, parseDecimal, toDecimal } from '../../src/meetings/fraction.js';
import {
  describeTally,
  hasQuorum,
  ownerVotes,
  ruleMet,
  tally,
  TallyError,
  type Answer,
  type TallyInput,
} from '../../src/meetings/tally.js';

const q = (id: string, rule: 'participants_majority' | 'all_majority' | 'two_thirds_all') => ({ id, rule });
const all = (answer: Answer, ...ids: string[]) => Object.fromEntries(ids.map((id) => [id, answer]));

describe('fractions', () => {
  it('parse decimals exactly and round only for display', () => {
    expect(parseDecimal('45.50')).toEqual(fraction(91n, 2n));
    expect(toDecimal(fraction(2n, 3n), 4)).toBe('0.6667');
    expect(toDecimal(fraction(1n, 3n), 2)).toBe('0.33');
    expect(toDecimal(fraction(5n, 1n), 2)).toBe('5.00');
    expect(() => parseDecimal('1e3')).toThrow();
  });
  it('do not drift where floats do: ten tenths are one', () => {
    let sum = fraction(0n);
    for (let i = 0; i < 10; i++) sum = fraction(sum.n * 10n + sum.d, sum.d * 10n);
    expect(compare(sum, fraction(1n))).toBe(0);
  });
});

describe('thresholds at their edges', () => {
  it('exactly 50% is not a quorum; a hair above is', () => {
    expect(hasQuorum(50n, 100n)).toBe(false);
    expect(hasQuorum(51n, 101n)).toBe(true);
    expect(hasQuorum(50n, 101n)).toBe(false);
  });
  it('exactly 2/3 of all votes passes a 2/3 question; just below does not', () => {
    expect(ruleMet('two_thirds_all', 2n, 3n, 3n)).toBe(true);
    expect(ruleMet('two_thirds_all', 199n, 300n, 300n)).toBe(false);
    expect(ruleMet('two_thirds_all', 200n, 200n, 300n)).toBe(true);
  });
  it('exactly half is no majority, of participants or of all', () => {
    expect(ruleMet('participants_majority', 30n, 60n, 100n)).toBe(false);
    expect(ruleMet('participants_majority', 31n, 60n, 100n)).toBe(true);
    expect(ruleMet('all_majority', 50n, 100n, 100n)).toBe(false);
    expect(ruleMet('all_majority', 51n, 100n, 100n)).toBe(true);
  });

  it('counts a house where owners of exactly half the area vote as no quorum, and nothing is adopted', () => {
    const t = tally({
      premises: [
        { id: 'p1', area: '50.00' },
        { id: 'p2', area: '50.00' },
      ],
      owners: [
        { id: 'o1', premiseId: 'p1', shareNumerator: 1, shareDenominator: 1 },
        { id: 'o2', premiseId: 'p2', shareNumerator: 1, shareDenominator: 1 },
      ],
      questions: [q('a', 'participants_majority')],
      ballots: [{ ownerId: 'o1', answers: all('for', 'a') }],
    });
    expect(t.quorum).toBe(false);
    expect(t.questions[0]!.ruleMet).toBe(true);
    expect(t.questions[0]!.adopted).toBe(false);
  });

  it('passes a 2/3 question with exactly 2/3 of the area of the house, in areas with cents', () => {
    // 3 premises of 33.33 m² and a co-owned one: 2/3 of 99.99 is 66.66 exactly
    const t = tally({
      premises: [
        { id: 'p1', area: '33.33' },
        { id: 'p2', area: '33.33' },
        { id: 'p3', area: '33.33' },
      ],
      owners: [
        { id: 'o1', premiseId: 'p1', shareNumerator: 1, shareDenominator: 1 },
        { id: 'o2a', premiseId: 'p2', shareNumerator: 1, shareDenominator: 3 },
        { id: 'o2b', premiseId: 'p2', shareNumerator: 2, shareDenominator: 3 },
        { id: 'o3', premiseId: 'p3', shareNumerator: 1, shareDenominator: 1 },
      ],
      questions: [q('big', 'two_thirds_all'), q('half', 'all_majority')],
      ballots: [
        { ownerId: 'o1', answers: all('for', 'big', 'half') },
        { ownerId: 'o2a', answers: all('for', 'big', 'half') },
        { ownerId: 'o2b', answers: all('for', 'big', 'half') },
        { ownerId: 'o3', answers: all('against', 'big', 'half') },
      ],
    });
    expect(t.questions[0]!.adopted).toBe(true);
    expect(describeTally(t).questions[0]!.for.percentOfAll).toBe('66.67');
    // one co-owner's third (11.11 m²) short of 2/3 fails
    const short = tally({
      premises: [
        { id: 'p1', area: '33.33' },
        { id: 'p2', area: '33.33' },
        { id: 'p3', area: '33.33' },
      ],
      owners: [
        { id: 'o1', premiseId: 'p1', shareNumerator: 1, shareDenominator: 1 },
        { id: 'o2a', premiseId: 'p2', shareNumerator: 1, shareDenominator: 3 },
        { id: 'o2b', premiseId: 'p2', shareNumerator: 2, shareDenominator: 3 },
        { id: 'o3', premiseId: 'p3', shareNumerator: 1, shareDenominator: 1 },
      ],
      questions: [q('big', 'two_thirds_all')],
      ballots: [
        { ownerId: 'o1', answers: all('for', 'big') },
        { ownerId: 'o2a', answers: all('against', 'big') },
        { ownerId: 'o2b', answers: all('for', 'big') },
        { ownerId: 'o3', answers: all('against', 'big') },
      ],
    });
    expect(short.questions[0]!.adopted).toBe(false);
  });
});

describe('co-owned premises and missing owners', () => {
  const base: TallyInput = {
    premises: [
      { id: 'p12', area: '61.91' },
      { id: 'p13', area: '67.38' },
      { id: 'p14', area: '72.85' },
    ],
    owners: [
      { id: 'ivanov', premiseId: 'p12', shareNumerator: 1, shareDenominator: 1 },
      { id: 'petrova', premiseId: 'p13', shareNumerator: 1, shareDenominator: 2 },
      { id: 'petrov', premiseId: 'p13', shareNumerator: 1, shareDenominator: 2 },
      // flat 14 has no owner in the register: its area still counts in all votes
    ],
    questions: [q('q1', 'participants_majority')],
    ballots: [],
  };

  it('gives each co-owner their own share of the premise', () => {
    expect(ownerVotes(base.owners[1]!, '67.38')).toEqual(fraction(3369n, 100n));
    const t = tally({ ...base, ballots: [{ ownerId: 'petrova', answers: { q1: 'for' } }] });
    expect(toDecimal(t.participatingVotes, 2)).toBe('33.69');
  });

  it('counts the premises without owners in all votes, so they weigh against quorum', () => {
    const t = tally({
      ...base,
      ballots: [
        { ownerId: 'ivanov', answers: { q1: 'for' } },
        { ownerId: 'petrova', answers: { q1: 'for' } },
        { ownerId: 'petrov', answers: { q1: 'against' } },
      ],
    });
    expect(toDecimal(t.totalVotes, 2)).toBe('202.14');
    expect(toDecimal(t.participatingVotes, 2)).toBe('129.29');
    expect(t.quorum).toBe(true); // 129.29 > 101.07
    expect(t.questions[0]!.adopted).toBe(true); // 95.60 of 129.29
  });

  it('refuses shares above a whole premise, unknown owners and second ballots', () => {
    expect(() =>
      tally({
        ...base,
        owners: [...base.owners, { id: 'x', premiseId: 'p13', shareNumerator: 1, shareDenominator: 3 }],
      }),
    ).toThrow(TallyError);
    expect(() => tally({ ...base, ballots: [{ ownerId: 'nobody', answers: {} }] })).toThrow(TallyError);
    expect(() =>
      tally({
        ...base,
        ballots: [
          { ownerId: 'ivanov', answers: {} },
          { ownerId: 'ivanov', answers: {} },
        ],
      }),
    ).toThrow(TallyError);
  });

  it('keeps a ballot with an invalid mark in the turnout but out of that question', () => {
    const t = tally({
      ...base,
      questions: [q('q1', 'participants_majority'), q('q2', 'participants_majority')],
      ballots: [{ ownerId: 'ivanov', answers: { q2: 'for' } }],
    });
    expect(compare(t.participatingVotes, fraction(6191n, 100n))).toBe(0);
    expect(t.questions[0]!.for.n + t.questions[0]!.against.n + t.questions[0]!.abstain.n).toBe(0n);
  });
});

// A random house: premises with areas in cents, each split among 0–3 co-owners with shares that sum to ≤ 1.
const houseArb = fc
  .array(
    fc.record({
      cents: fc.integer({ min: 1000, max: 30000 }),
      split: fc.constantFrom<number[][]>(
        [],
        [[1, 1]],
        [
          [1, 2],
          [1, 2],
        ],
        [
          [1, 3],
          [2, 3],
        ],
        [
          [1, 4],
          [1, 4],
          [1, 2],
        ],
        [[1, 2]],
        [
          [3, 10],
          [7, 10],
        ],
      ),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .chain((premises) => {
    const owners = premises.flatMap((p, i) =>
      p.split.map(([n, d], j) => ({ id: `o${i}_${j}`, premiseId: `p${i}`, shareNumerator: n!, shareDenominator: d! })),
    );
    const answerArb = fc.constantFrom<Answer | undefined>('for', 'against', 'abstain', undefined);
    return fc.record({
      premises: fc.constant(
        premises.map((p, i) => ({
          id: `p${i}`,
          area: `${Math.floor(p.cents / 100)}.${String(p.cents % 100).padStart(2, '0')}`,
        })),
      ),
      owners: fc.constant(owners),
      voters: fc.subarray(owners.map((o) => o.id)),
      answers: fc.array(fc.array(answerArb, { minLength: 3, maxLength: 3 }), {
        minLength: owners.length,
        maxLength: owners.length,
      }),
    });
  })
  .map(
    ({ premises, owners, voters, answers }): TallyInput => ({
      premises,
      owners,
      questions: [q('a', 'participants_majority'), q('b', 'all_majority'), q('c', 'two_thirds_all')],
      ballots: voters.map((id, i) => ({
        ownerId: id,
        answers: Object.fromEntries(
          (['a', 'b', 'c'] as const).flatMap((qid, k) => (answers[i]?.[k] ? [[qid, answers[i]![k]!]] : [])),
        ),
      })),
    }),
  );

describe('properties', () => {
  it("results never exceed the building's votes", () => {
    fc.assert(
      fc.property(houseArb, (input) => {
        const t = tally(input);
        expect(compare(t.participatingVotes, t.totalVotes)).toBeLessThanOrEqual(0);
        for (const r of t.questions) {
          const sum = fraction(
            r.for.n * r.against.d * r.abstain.d +
              r.against.n * r.for.d * r.abstain.d +
              r.abstain.n * r.for.d * r.against.d,
            r.for.d * r.against.d * r.abstain.d,
          );
          expect(compare(sum, t.participatingVotes)).toBeLessThanOrEqual(0);
        }
        const d = describeTally(t);
        expect(Number(d.participatingPercent)).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });

  it('results do not depend on the order of ballots', () => {
    fc.assert(
      fc.property(
        houseArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray(input.ballots, { minLength: input.ballots.length, maxLength: input.ballots.length }),
          ),
        ),
        ([input, shuffled]) => {
          expect(describeTally(tally({ ...input, ballots: shuffled }))).toEqual(describeTally(tally(input)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a ballot of owners holding more than half the house is always a quorum, and never one at or below half', () => {
    fc.assert(
      fc.property(houseArb, (input) => {
        const t = tally(input);
        expect(t.quorum).toBe(compare(fraction(2n * t.participatingVotes.n, t.participatingVotes.d), t.totalVotes) > 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('canonical JSON of the protocol', () => {
  it('sorts keys at every level, drops undefined members and matches JSON.parse round trips', async () => {
    const { canonicalJson } = await import('../../src/meetings/protocol.js');
    const a = canonicalJson({ b: 1, a: { d: [1, { z: 'я', y: null }], c: undefined }, e: 'x"y' });
    expect(a).toBe('{"a":{"d":[1,{"y":null,"z":"я"}]},"b":1,"e":"x\\"y"}');
    expect(canonicalJson(JSON.parse('{"__proto__":{},"":{}}'))).toBe('{"":{},"__proto__":{}}'); // found by the property below
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
        expect(canonicalJson(JSON.parse(canonicalJson(v)))).toBe(canonicalJson(v));
      }),
      { numRuns: 200 },
    );
  });
});
