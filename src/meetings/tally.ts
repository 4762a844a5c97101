import { fraction, lcm, parseDecimal, percent, toDecimal, toText, type Fraction } from './fraction.js';

// The count of a general meeting of owners (ЖК РФ ст. 45–48), pure: register, questions and ballots in,
// quorum and decisions out. Every vote is counted in area (share × premise area, ст. 48 ч. 3), never in heads.

export type Answer = 'for' | 'against' | 'abstain';
/** ст. 46 ч. 1: majority of the participants' votes (default); > 50% of all votes; ≥ 2/3 of all votes. */
export type DecisionRule = 'participants_majority' | 'all_majority' | 'two_thirds_all';

export interface TallyPremise {
  id: string;
  area: string; // decimal m², as numeric(10,2) comes from PostgreSQL
}
export interface TallyOwner {
  id: string;
  premiseId: string;
  shareNumerator: number;
  shareDenominator: number;
}
export interface TallyQuestion {
  id: string;
  rule: DecisionRule;
}
/** A question missing from `answers` was marked invalidly (ст. 48 ч. 6): the ballot still takes part. */
export interface TallyBallot {
  ownerId: string;
  answers: Record<string, Answer>;
}
export interface TallyInput {
  /** Every premise of the house: their areas make up all the votes, owned or not. */
  premises: TallyPremise[];
  owners: TallyOwner[];
  questions: TallyQuestion[];
  ballots: TallyBallot[];
}

export interface QuestionTally {
  questionId: string;
  rule: DecisionRule;
  for: Fraction;
  against: Fraction;
  abstain: Fraction;
  ruleMet: boolean;
  adopted: boolean;
}
export interface Tally {
  totalVotes: Fraction;
  participatingVotes: Fraction;
  ballots: number;
  quorum: boolean;
  questions: QuestionTally[];
}

export class TallyError extends Error {}

/** Exactly half is not a quorum (ст. 45 ч. 3: "более чем пятьюдесятью процентами голосов"). */
export const hasQuorum = (participating: bigint, total: bigint) => 2n * participating > total;

export function ruleMet(rule: DecisionRule, forVotes: bigint, participating: bigint, total: bigint): boolean {
  switch (rule) {
    case 'participants_majority':
      return 2n * forVotes > participating;
    case 'all_majority':
      return 2n * forVotes > total;
    case 'two_thirds_all':
      return 3n * forVotes >= 2n * total; // "не менее двух третей": exactly 2/3 passes
  }
}

/** `"45.50"` → 4550/100 without reducing: every area of a house shares the same small denominator. */
function scaledDecimal(text: string): Fraction {
  const dot = text.indexOf('.');
  if (dot < 0 || !/^\d+(\.\d+)?$/.test(text)) return parseDecimal(text);
  return { n: BigInt(text.slice(0, dot) + text.slice(dot + 1)), d: 10n ** BigInt(text.length - dot - 1) };
}

/** Each owner's votes as an exact fraction of m²: share × area of the premise. */
export function ownerVotes(owner: Pick<TallyOwner, 'shareNumerator' | 'shareDenominator'>, area: string): Fraction {
  const a = parseDecimal(area);
  return fraction(BigInt(owner.shareNumerator) * a.n, BigInt(owner.shareDenominator) * a.d);
}

export function tally(input: TallyInput): Tally {
  // One common denominator for the whole house keeps every sum an integer addition: fast and exact.
  const areas = new Map<string, Fraction>();
  let areaUnit = 1n;
  let shareUnit = 1n;
  const areaDens = new Set<bigint>();
  for (const p of input.premises) {
    if (areas.has(p.id)) throw new TallyError(`premise ${p.id} listed twice`);
    const a = scaledDecimal(p.area);
    areas.set(p.id, a);
    areaDens.add(a.d);
  }
  const shareDens = new Set<number>();
  for (const o of input.owners) {
    if (!(o.shareNumerator > 0 && o.shareDenominator >= o.shareNumerator))
      throw new TallyError(`owner ${o.id} has share ${o.shareNumerator}/${o.shareDenominator}`);
    shareDens.add(o.shareDenominator);
  }
  for (const d of areaDens) areaUnit = lcm(areaUnit, d);
  for (const d of shareDens) shareUnit = lcm(shareUnit, BigInt(d));
  // area units are whole multiples of every share denominator, so each owner's part divides exactly
  const unit = areaUnit * shareUnit;
  const premiseUnits = new Map<string, bigint>();
  let total = 0n;
  for (const [id, a] of areas) {
    const u = a.n * (unit / a.d);
    premiseUnits.set(id, u);
    total += u;
  }
  const ownerUnits = new Map<string, bigint>();
  const ownedPerPremise = new Map<string, bigint>();
  for (const o of input.owners) {
    const area = areas.get(o.premiseId);
    if (!area) throw new TallyError(`owner ${o.id} holds a premise not in the house`);
    if (ownerUnits.has(o.id)) throw new TallyError(`owner ${o.id} listed twice`);
    const u = (premiseUnits.get(o.premiseId)! / BigInt(o.shareDenominator)) * BigInt(o.shareNumerator);
    ownerUnits.set(o.id, u);
    const owned = (ownedPerPremise.get(o.premiseId) ?? 0n) + u;
    // Shares above the whole premise would create votes the house does not have.
    if (owned > premiseUnits.get(o.premiseId)!) throw new TallyError(`shares of premise ${o.premiseId} exceed 1`);
    ownedPerPremise.set(o.premiseId, owned);
  }

  const sums = input.questions.map(() => ({ for: 0n, against: 0n, abstain: 0n }));
  const seen = new Set<string>();
  let participating = 0n;
  const nq = input.questions.length;
  for (const b of input.ballots) {
    const u = ownerUnits.get(b.ownerId);
    if (u === undefined) throw new TallyError(`ballot of owner ${b.ownerId} who is not in the register`);
    if (seen.has(b.ownerId)) throw new TallyError(`second ballot of owner ${b.ownerId}`);
    seen.add(b.ownerId);
    participating += u;
    for (let i = 0; i < nq; i++) {
      const answer = b.answers[input.questions[i]!.id];
      if (answer === 'for' || answer === 'against' || answer === 'abstain') sums[i]![answer] += u;
    }
  }

  const quorum = hasQuorum(participating, total);
  return {
    totalVotes: fraction(total, unit),
    participatingVotes: fraction(participating, unit),
    ballots: seen.size,
    quorum,
    questions: input.questions.map((q, i) => {
      const s = sums[i]!;
      const met = ruleMet(q.rule, s.for, participating, total);
      return {
        questionId: q.id,
        rule: q.rule,
        for: fraction(s.for, unit),
        against: fraction(s.against, unit),
        abstain: fraction(s.abstain, unit),
        ruleMet: met,
        // Without a quorum the meeting cannot decide anything (ст. 45 ч. 3, ст. 181.5 ГК РФ).
        adopted: quorum && met,
      };
    }),
  };
}

const amount = (votes: Fraction, participating: Fraction, total: Fraction) => ({
  votes: toDecimal(votes, 4),
  exact: toText(votes),
  percentOfParticipants: percent(votes, participating),
  percentOfAll: percent(votes, total),
});

/** The tally as JSON: votes in m² (4 places and exact), percentages to 2 places. */
export function describeTally(t: Tally) {
  return {
    totalVotes: toDecimal(t.totalVotes, 4),
    totalVotesExact: toText(t.totalVotes),
    participatingVotes: toDecimal(t.participatingVotes, 4),
    participatingVotesExact: toText(t.participatingVotes),
    participatingPercent: percent(t.participatingVotes, t.totalVotes),
    ballots: t.ballots,
    quorum: t.quorum,
    questions: t.questions.map((q) => ({
      questionId: q.questionId,
      rule: q.rule,
      for: amount(q.for, t.participatingVotes, t.totalVotes),
      against: amount(q.against, t.participatingVotes, t.totalVotes),
      abstain: amount(q.abstain, t.participatingVotes, t.totalVotes),
      adopted: q.adopted,
    })),
  };
}
export type TallyResult = ReturnType<typeof describeTally>;
