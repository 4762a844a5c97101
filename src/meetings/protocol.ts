import { createHash } from 'node:crypto';
import { createPdf, pdfToBuffer } from '../pdf/document.js';
import { toText } from './fraction.js';
import type { BallotRow, MeetingOwner, MeetingPremise, MeetingRow, ProxyRow, QuestionRow } from './meetings.repo.js';
import { describeTally, ownerVotes, type Tally } from './tally.js';
import { ANSWER_NAMES, FORM_NAMES, RULE_NAMES, houseDay, houseTime, noticeText } from './texts.js';

// The protocol of a general meeting (ЖК РФ ст. 46 ч. 1; order of Минстрой 266/пр of 30.04.2025, which
// replaced 44/пр): its required parts and attachments as JSON, its SHA-256, and the PDF that prints it.

export interface ProtocolInput {
  meeting: MeetingRow;
  questions: QuestionRow[];
  premises: MeetingPremise[];
  owners: MeetingOwner[];
  ballots: (BallotRow & { snilsMasked: string | null })[];
  notices: { ownerId: string; channel: 'email' | 'news'; address: string | null; sentAt: Date }[];
  proxies: ProxyRow[];
  materials: { title: string; filename: string; sha256: string }[];
  tally: Tally;
  drawnUpAt: Date;
}

const name = (o: { lastName: string; firstName: string | null; middleName: string | null }) =>
  [o.lastName, o.firstName, o.middleName].filter(Boolean).join(' ');

/** e-mail shown as i***@example.ru: enough to prove delivery, not to harvest addresses. */
export const maskEmail = (address: string | null) => (address ? address.replace(/^(.)[^@]*/, '$1***') : null);

export function buildProtocol(p: ProtocolInput) {
  const m = p.meeting;
  const tz = m.timezone;
  const results = describeTally(p.tally);
  const ownersById = new Map(p.owners.map((o) => [o.id, o]));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    format: 'domhub.meeting-protocol/1',
    title: `Протокол № ${m.number} общего собрания собственников помещений в многоквартирном доме по адресу: ${m.houseAddress}`,
    number: m.number,
    date: houseDay(p.drawnUpAt, tz),
    place: m.houseAddress,
    meetingId: m.id,
    subject: m.title,
    timezone: tz,
    form: { code: m.form, name: FORM_NAMES[m.form] },
    initiator: { type: m.initiatorType, name: m.initiatorName },
    administrator: m.administratorName,
    chair: m.chairName,
    secretary: m.secretaryName,
    counters: m.counterNames,
    sittingPlace: m.place,
    inPersonAt: iso(m.inPersonAt),
    votingStartsAt: iso(m.votingStartsAt),
    votingEndsAt: iso(m.votingEndsAt),
    votingPeriod: `с ${houseTime(m.votingStartsAt, tz)} по ${houseTime(m.votingEndsAt, tz)} (${tz})`,
    quorum: {
      totalVotes: results.totalVotes,
      participatingVotes: results.participatingVotes,
      participatingPercent: results.participatingPercent,
      ballots: results.ballots,
      reached: results.quorum,
      text: results.quorum
        ? `Кворум имеется: приняли участие собственники, обладающие ${results.participatingPercent}% голосов`
        : `Кворум отсутствует (${results.participatingPercent}% голосов), собрание неправомочно`,
    },
    questions: p.questions.map((q, i) => {
      const r = results.questions[i]!;
      return {
        number: q.position,
        title: q.title,
        proposal: q.proposal,
        rule: { code: q.rule, text: RULE_NAMES[q.rule] },
        for: r.for,
        against: r.against,
        abstain: r.abstain,
        adopted: r.adopted,
        decision: r.adopted ? 'Решение принято' : 'Решение не принято',
      };
    }),
    attachments: {
      register: p.owners.map((o) => ({
        ownerId: o.id,
        premise: o.premiseNumber,
        area: o.area,
        owner: name(o),
        titleDocument: o.titleDocument,
        share: `${o.shareNumerator}/${o.shareDenominator}`,
        votes: toText(ownerVotes(o, o.area)),
      })),
      premisesTotal: p.premises.length,
      notice: {
        ...noticeText({ ...m, questions: p.questions }),
        announcedAt: iso(m.announcedAt),
        newsId: m.noticeNewsId,
        deliveries: p.notices.map((n) => ({
          ownerId: n.ownerId,
          premise: ownersById.get(n.ownerId)?.premiseNumber ?? null,
          channel: n.channel,
          address: maskEmail(n.address),
          sentAt: n.sentAt.toISOString(),
        })),
      },
      powersOfAttorney: p.proxies.map((x) => ({
        id: x.id,
        ownerId: x.ownerId,
        representative: x.representativeName,
        status: x.status,
        fileId: x.fileId,
      })),
      materials: p.materials,
      ballots: p.ballots.map((b) => ({
        id: b.id,
        ownerId: b.ownerId,
        premise: ownersById.get(b.ownerId)?.premiseNumber ?? null,
        voter: b.voterName,
        titleDocument: b.titleDocument,
        snils: b.snilsMasked,
        channel: b.channel,
        castAt: b.castAt.toISOString(),
        votes: b.votes,
        answers: p.questions.map((q) => ANSWER_NAMES[b.answers[q.id] ?? 'invalid']),
        scanFileId: b.scanFileId,
      })),
    },
  };
}
export type Protocol = ReturnType<typeof buildProtocol>;

/** JSON with object keys sorted at every level and no whitespace, so the same protocol hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The PDF of the protocol with its attachments; prints the SHA-256 of the canonical JSON on every page. */
export async function renderProtocolPdf(p: Protocol, sha256: string): Promise<Buffer> {
  const doc = createPdf({ title: p.title });
  const footer = `SHA-256 JSON протокола: ${sha256}`;
  const stamp = () => {
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(7).text(footer, 40, doc.page.height - 28, { lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.x = doc.page.margins.left;
    doc.y = doc.page.margins.top;
  };
  stamp();
  doc.on('pageAdded', stamp);
  const h = (text: string) => doc.moveDown(0.6).font('bold').fontSize(11).text(text).font('regular').fontSize(9);
  const line = (text: string) => doc.text(text);

  doc.font('bold').fontSize(13).text(p.title, { align: 'center' });
  doc.font('regular').fontSize(9).moveDown(0.5);
  line(`Дата составления: ${p.date}. Место: ${p.place}.`);
  line(`Повестка: ${p.subject}.`);
  line(`Форма проведения: ${p.form.name}. Период голосования: ${p.votingPeriod}.`);
  line(`Инициатор: ${p.initiator.name}. Администратор: ${p.administrator}.`);
  line(`Председатель: ${p.chair ?? '—'}. Секретарь: ${p.secretary ?? '—'}. Счётная комиссия: ${p.counters.join(', ') || '—'}.`);
  h('Кворум');
  line(`Общее число голосов собственников (м²): ${p.quorum.totalVotes}. Приняли участие: ${p.quorum.participatingVotes} (${p.quorum.participatingPercent}%), решений: ${p.quorum.ballots}.`);
  line(p.quorum.text);
  h('Результаты голосования по вопросам повестки дня');
  for (const q of p.questions) {
    doc.font('bold').text(`${q.number}. ${q.title}`).font('regular');
    if (q.proposal) line(`Предложено: ${q.proposal}`);
    line(`Порядок принятия: ${q.rule.text}.`);
    for (const [label, a] of [['За', q.for], ['Против', q.against], ['Воздержались', q.abstain]] as const) {
      line(`${label}: ${a.votes} голосов — ${a.percentOfParticipants}% от участвовавших, ${a.percentOfAll}% от всех.`);
    }
    doc.font('bold').text(`${q.decision}.`).font('regular');
  }
  h('Подписи');
  line(`Председатель ____________ ${p.chair ?? ''}`);
  line(`Секретарь ____________ ${p.secretary ?? ''}`);
  for (const c of p.counters) line(`Член счётной комиссии ____________ ${c}`);

  doc.addPage();
  h('Приложение 1. Реестр собственников помещений');
  doc.fontSize(7);
  line('Помещение | Площадь, м² | Собственник | Документ о праве | Доля | Голоса, м²');
  for (const r of p.attachments.register) line(`${r.premise} | ${r.area} | ${r.owner} | ${r.titleDocument ?? '—'} | ${r.share} | ${r.votes}`);

  doc.addPage();
  h('Приложение 2. Сообщение о проведении собрания и его доставка');
  line(p.attachments.notice.body);
  doc.moveDown(0.5).fontSize(7);
  line(`Размещено ${p.attachments.notice.announcedAt ?? '—'} (новость ${p.attachments.notice.newsId ?? '—'}).`);
  for (const d of p.attachments.notice.deliveries) line(`пом. ${d.premise} | ${d.channel === 'email' ? `эл. почта ${d.address}` : 'объявление в системе'} | ${d.sentAt}`);

  if (p.attachments.powersOfAttorney.length || p.attachments.materials.length) {
    h('Приложение 3. Доверенности и материалы');
    for (const x of p.attachments.powersOfAttorney) line(`Доверенность: ${x.representative} | ${x.status} | файл ${x.fileId}`);
    for (const m of p.attachments.materials) line(`Материал: ${m.title} | ${m.filename} | SHA-256 ${m.sha256}`);
  }

  doc.addPage();
  h('Приложение 4. Решения собственников');
  doc.fontSize(7);
  for (const b of p.attachments.ballots) {
    line(`пом. ${b.premise} | ${b.voter} | ${b.titleDocument ?? '—'} | СНИЛС ${b.snils ?? '—'} | ${b.channel === 'paper' ? 'бумажное' : 'электронное'} ${b.castAt} | голоса ${b.votes} | ${b.answers.map((a, i) => `${i + 1}: ${a}`).join(', ')}`);
  }
  return pdfToBuffer(doc);
}
