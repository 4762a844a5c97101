// Russian names for meetings (src/meetings/texts.ts holds the same for the protocol).
export const FORM: Record<string, string> = {
  in_person: 'очное голосование',
  ballots: 'заочное голосование',
  mixed: 'очно-заочное голосование',
  electronic: 'электронное голосование',
};

export const RULE: Record<string, string> = {
  participants_majority: 'большинство голосов участников собрания',
  all_majority: 'более 50% голосов всех собственников',
  two_thirds_all: 'не менее 2/3 голосов всех собственников',
};

export const ANSWERS = [
  ['for', 'За'],
  ['against', 'Против'],
  ['abstain', 'Воздержался'],
] as const;
export type Answer = (typeof ANSWERS)[number][0];
export const answerName = (a: string) => ANSWERS.find(([v]) => v === a)?.[1] ?? a;

/** "Идёт голосование", "Завершено"… from the meeting's status and whether voting is open now. */
export function meetingState(m: {
  status: string;
  votingOpen: boolean;
  votingStartsAt: string;
  votingEndsAt?: string;
  votingSystem?: string | null;
}): {
  label: string;
  badge: string;
} {
  if (m.status === 'closed') return { label: 'Завершено', badge: 'badge' };
  if (m.status === 'cancelled') return { label: 'Отменено', badge: 'badge badge-danger' };
  if (m.votingOpen) return { label: 'Идёт голосование', badge: 'badge badge-success' };
  // Held in the state system: owners vote there while the hub shows where.
  const now = new Date();
  if (
    m.votingSystem === 'state-system' &&
    new Date(m.votingStartsAt) <= now &&
    (!m.votingEndsAt || now < new Date(m.votingEndsAt))
  )
    return { label: 'Идёт голосование в ГИС ЖКХ', badge: 'badge badge-success' };
  if (new Date(m.votingStartsAt) > new Date()) return { label: 'Голосование впереди', badge: 'badge badge-warning' };
  return { label: 'Голосование окончено, идёт подсчёт', badge: 'badge badge-warning' };
}

/** "3,25 %" from the API's decimal percent string. */
export const percent = (value: string) => `${value.replace('.', ',')}\u00a0%`;
