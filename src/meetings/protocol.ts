import { createHash } from 'node:crypto';
import { createPdf, pdfToBuffer } from '../pdf/document.js';
import { toText } from './fraction.js';
import type { BallotRow, MeetingOwner, MeetingPremise, MeetingRow, ProxyRow, QuestionRow } from './meetings.repo.js';
import { describeTally, ownerVotes, type Tally } from './tally.js';
import { ANSWER_NAMES, FORM_NAMES, RULE_NAMES, houseDay, houseTime, noticeText } from './texts.js';
import { fullName } from '../identity/names.js';

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
      // row keys in sorted order: canonicalJson then needs no copy of each row
      register: p.owners.map((o) => ({
        area: o.area,
        owner: fullName(o),
        ownerId: o.id,
        premise: o.premiseNumber,
        share: `${o.shareNumerator}/${o.shareDenominator}`,
        titleDocument: o.titleDocument,
        votes: toText(ownerVotes(o, o.area)),
      })),
      premisesTotal: p.premises.length,
      notice: {
        ...noticeText({ ...m, questions: p.questions }),
        announcedAt: iso(m.announcedAt),
        newsId: m.noticeNewsId,
        deliveries: p.notices.map((n) => ({
          address: maskEmail(n.address),
          channel: n.channel,
          ownerId: n.ownerId,
          premise: ownersById.get(n.ownerId)?.premiseNumber ?? null,
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
        answers: p.questions.map((q) => ANSWER_NAMES[b.answers[q.id] ?? 'invalid']),
        castAt: b.castAt.toISOString(),
        channel: b.channel,
        id: b.id,
        ownerId: b.ownerId,
        premise: ownersById.get(b.ownerId)?.premiseNumber ?? null,
        scanFileId: b.scanFileId,
        snils: b.snilsMasked,
        titleDocument: b.titleDocument,
        voter: b.voterName,
        votes: b.votes,
      })),
    },
  };
}
export type Protocol = ReturnType<typeof buildProtocol>;

/**
 * JSON with object keys sorted at every level (UTF-16 order) and no whitespace, so the same protocol
 * hashes the same. Objects whose keys are already in order pass through uncopied, which keeps the
 * native serializer's speed on thousands of register and ballot rows (buildProtocol emits them sorted).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1]! > keys[i]!) {
        // A null-prototype object keeps a "__proto__" key as data instead of setting the prototype.
        const sorted: Record<string, unknown> = Object.create(null);
        for (const k of keys.sort()) sorted[k] = (v as Record<string, unknown>)[k];
        return sorted;
      }
    }
    return v;
  });
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The PDF of the protocol with its attachments; prints the SHA-256 of the canonical JSON on every page. */
export async function renderProtocolPdf(p: Protocol, sha256: string): Promise<Buffer> {
  const doc = await createPdf({ title: p.title });
  const footer = `SHA-256 JSON протокола: ${sha256}`;
  const stamp = () => {
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .text(footer, 40, doc.page.height - 28, { lineBreak: false });
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
  line(
    `Председатель: ${p.chair ?? '—'}. Секретарь: ${p.secretary ?? '—'}. Счётная комиссия: ${p.counters.join(', ') || '—'}.`,
  );
  h('Кворум');
  line(
    `Общее число голосов собственников (м²): ${p.quorum.totalVotes}. Приняли участие: ${p.quorum.participatingVotes} (${p.quorum.participatingPercent}%), решений: ${p.quorum.ballots}.`,
  );
  line(p.quorum.text);
  h('Результаты голосования по вопросам повестки дня');
  for (const q of p.questions) {
    doc.font('bold').text(`${q.number}. ${q.title}`).font('regular');
    if (q.proposal) line(`Предложено: ${q.proposal}`);
    line(`Порядок принятия: ${q.rule.text}.`);
    for (const [label, a] of [
      ['За', q.for],
      ['Против', q.against],
      ['Воздержались', q.abstain],
    ] as const) {
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
  rows(doc, [
    'Помещение | Площадь, м² | Собственник | Документ о праве | Доля | Голоса, м²',
    ...p.attachments.register.map(
      (r) => `${r.premise} | ${r.area} | ${r.owner} | ${r.titleDocument ?? '—'} | ${r.share} | ${r.votes}`,
    ),
  ]);

  doc.addPage();
  h('Приложение 2. Сообщение о проведении собрания и его доставка');
  line(p.attachments.notice.body);
  doc.moveDown(0.5);
  const inSystem = p.attachments.notice.deliveries.filter((d) => d.channel === 'news');
  line(
    `Сообщение размещено в системе ${p.attachments.notice.announcedAt ?? '—'} (новость ${p.attachments.notice.newsId ?? '—'}) для ${inSystem.length} собственников реестра (приложение 1); поимённый список доставки — в JSON протокола.`,
  );
  rows(
    doc,
    p.attachments.notice.deliveries
      .filter((d) => d.channel === 'email')
      .map((d) => `пом. ${d.premise} | эл. почта ${d.address} | ${d.sentAt}`),
  );

  if (p.attachments.powersOfAttorney.length || p.attachments.materials.length) {
    h('Приложение 3. Доверенности и материалы');
    for (const x of p.attachments.powersOfAttorney)
      line(`Доверенность: ${x.representative} | ${x.status} | файл ${x.fileId}`);
    for (const m of p.attachments.materials) line(`Материал: ${m.title} | ${m.filename} | SHA-256 ${m.sha256}`);
  }

  doc.addPage();
  h('Приложение 4. Решения собственников');
  line('Ответы по вопросам: З — за, П — против, В — воздержался, Н — недействительно.');
  const short: Record<string, string> = { за: 'З', против: 'П', воздержался: 'В', недействительно: 'Н' };
  rows(
    doc,
    p.attachments.ballots.map(
      (b) =>
        `пом. ${b.premise} | ${b.voter} | ${b.titleDocument ?? '—'} | СНИЛС ${b.snils ?? '—'} | ${b.channel === 'paper' ? 'бум.' : 'эл.'} ${b.castAt.slice(0, 16)} | ${b.votes} | ${b.answers.map((a) => short[a] ?? a).join('')}`,
    ),
  );
  return pdfToBuffer(doc);
}

/**
 * Table rows of the attachments, one line each at a fixed pitch. A building of thousands of owners
 * gives tens of thousands of distinct words (names, numbers, title documents); shaping each through
 * the font engine took seconds, so rows are laid out glyph by glyph from a per-character cache
 * (no kerning, which these rows do not need) and placed without line wrapping.
 */
function rows(doc: PDFKit.PDFDocument, lines: string[], size = 6.5) {
  const font = (doc as unknown as { _font: { layoutRun(text: string, features?: unknown): GlyphRun } })._font;
  const ownMethod = Object.hasOwn(font, 'layoutRun');
  const original = font.layoutRun;
  const shape = original.bind(font);
  const perChar = new Map<string, GlyphRun>();
  font.layoutRun = (text, features) => {
    if (features || text.length < 2) return shape(text, features);
    const run: GlyphRun = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      let r = perChar.get(ch);
      if (!r) {
        r = shape(ch);
        perChar.set(ch, r);
      }
      run.glyphs.push(...r.glyphs);
      run.positions.push(...r.positions);
      run.advanceWidth += r.advanceWidth;
    }
    return run;
  };
  try {
    doc.font('regular').fontSize(size);
    const pitch = size * 1.3;
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    let y = doc.y;
    for (const text of lines) {
      if (y + pitch > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.y;
      }
      doc.text(text, left, y, { lineBreak: false, width });
      y += pitch;
    }
    doc.x = left;
    doc.y = y;
  } finally {
    if (ownMethod) font.layoutRun = original;
    else delete (font as Partial<typeof font>).layoutRun;
  }
}

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}
