import { fraction, parseDecimal, toDecimal, type Fraction } from './fraction.js';
import type { Tally } from './tally.js';

// The hub's exact count of a meeting held in the state system set against the result the state system
// states in its protocol (votes in m², as decimals it rounds): each question's votes, its outcome and the
// quorum. Pure; a difference is shown to the organisation, never silently taken from either side.

export interface StateResult {
  quorum: boolean;
  questions: {
    number: number;
    agree: string | null;
    against: string | null;
    abstain: string | null;
    adopted: boolean | null;
  }[];
}

export interface VotesDifference {
  hub: string;
  hubExact: string;
  stateSystem: string | null;
  /** hub − state system, m² (4 places); null when the state system states nothing. */
  difference: string | null;
}

export interface Comparison {
  matches: boolean;
  quorum: { hub: boolean; stateSystem: boolean; matches: boolean };
  questions: {
    number: number;
    for: VotesDifference;
    against: VotesDifference;
    abstain: VotesDifference;
    adopted: { hub: boolean; stateSystem: boolean | null; matches: boolean };
    matches: boolean;
  }[];
}

const sub = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
const text = (f: Fraction) => (f.d === 1n ? f.n.toString() : `${f.n}/${f.d}`);

/** Equal when the hub's exact votes, rounded to the places the state system gives, are its figure. */
function votes(hub: Fraction, state: string | null): VotesDifference & { matches: boolean } {
  if (state === null)
    return { hub: toDecimal(hub, 4), hubExact: text(hub), stateSystem: null, difference: null, matches: hub.n === 0n };
  const places = state.includes('.') ? state.length - state.indexOf('.') - 1 : 0;
  const s = parseDecimal(state);
  return {
    hub: toDecimal(hub, 4),
    hubExact: text(hub),
    stateSystem: state,
    difference: toDecimal(sub(hub, s), 4),
    matches: toDecimal(hub, places) === toDecimal(s, places),
  };
}

export function compareWithStateSystem(t: Tally, positions: number[], state: StateResult): Comparison {
  const questions = t.questions.map((q, i) => {
    const number = positions[i]!;
    const s = state.questions.find((x) => x.number === number);
    const f = votes(q.for, s?.agree ?? null);
    const a = votes(q.against, s?.against ?? null);
    const ab = votes(q.abstain, s?.abstain ?? null);
    const adopted = { hub: q.adopted, stateSystem: s?.adopted ?? null, matches: s?.adopted === q.adopted };
    const strip = ({ matches: _m, ...rest }: VotesDifference & { matches: boolean }) => rest;
    return {
      number,
      for: strip(f),
      against: strip(a),
      abstain: strip(ab),
      adopted,
      matches: f.matches && a.matches && ab.matches && adopted.matches,
    };
  });
  const quorum = { hub: t.quorum, stateSystem: state.quorum, matches: t.quorum === state.quorum };
  return { matches: quorum.matches && questions.every((q) => q.matches), quorum, questions };
}
