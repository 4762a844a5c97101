import QRCode from 'qrcode';
import { formatRubles } from '../money.js';
import { createPdf, pdfToBuffer } from '../pdf/document.js';
import type { AccountCard } from './documents.repo.js';
import { localDate } from '../calendar.js';
import { fullName } from '../identity/names.js';

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
export const periodTitle = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
const rub = (k: bigint | string) => formatRubles(k).replace('\u00a0₽', '');
const ownerName = (c: AccountCard) => (c.owner ? fullName(c.owner) : '—');

export interface DocumentLine {
  service: string;
  unit: string | null;
  volume: string | null;
  volumeCommon?: string | null;
  tariff: string | null;
  charged: string;
  recalculation: string;
  benefit: string;
  penalty: string;
  recalculationReason?: string | null;
  total: string;
}

export interface DocumentReading {
  serialNumber: string;
  resource: string;
  tariffs: number;
  previous: { t1: string; t2: string | null; t3: string | null } | null;
  current: { t1: string; t2: string | null; t3: string | null; takenOn: string } | null;
}

/** A decimal string with the decimal comma (Russian usage), as the form prints volumes and areas. */
export const decimalComma = (v: string) => v.replace('.', ',');

const RESOURCE_TITLES: Record<string, string> = {
  cold_water: 'ХВС',
  hot_water: 'ГВС',
  electricity: 'Электроэнергия',
  heat: 'Отопление',
  gas: 'Газ',
};
const RESOURCE_UNITS: Record<string, string> = {
  cold_water: 'м³',
  hot_water: 'м³',
  electricity: 'кВт·ч',
  heat: 'Гкал',
  gas: 'м³',
};

/** Thousandths of a reading value (numeric(15,3) text) by string arithmetic. */
const milli = (v: string) => {
  const [int, frac = ''] = v.split('.');
  return BigInt(int!) * 1000n + BigInt(frac.padEnd(3, '0').slice(0, 3));
};
const fromMilli = (m: bigint) =>
  `${m < 0n ? '-' : ''}${(m < 0n ? -m : m) / 1000n},${((m < 0n ? -m : m) % 1000n).toString().padStart(3, '0')}`;
const readingText = (r: { t1: string; t2: string | null; t3: string | null } | null, tariffs: number) => {
  if (!r) return '—';
  const v = [r.t1, r.t2, r.t3].slice(0, tariffs).map((x) => (x === null ? '—' : fromMilli(milli(x))));
  return tariffs > 1 ? v.map((x, i) => `T${i + 1} ${x}`).join('\n') : v[0]!;
};
const usage = (r: DocumentReading) => {
  if (!r.previous || !r.current) return '—';
  const pairs = [
    [r.current.t1, r.previous.t1],
    [r.current.t2, r.previous.t2],
    [r.current.t3, r.previous.t3],
  ].slice(0, r.tariffs);
  const v = pairs.map(([c, p]) => (c === null || p === null ? '—' : fromMilli(milli(c!) - milli(p!))));
  return r.tariffs > 1 ? v.map((x, i) => `T${i + 1} ${x}`).join('\n') : v[0]!;
};
const dmy = (iso: string) => iso.split('-').reverse().join('.');

export interface PaymentDocumentInput {
  card: AccountCard;
  number: string;
  /** The state system's payment document identifier (18 characters), once the state system gave it. */
  gisDocumentId: string | null;
  period: string;
  dueDate: string;
  /** From the ledger: debt at the start of the period (negative: advance) and payments allocated to it. */
  openingDebt: bigint;
  charged: bigint;
  penalty: bigint;
  paid: bigint;
  toPay: bigint;
  residents: number | null;
  lines: DocumentLine[];
  readings: DocumentReading[];
  qrPayload: string;
}

/**
 * The payment document (ЕПД) after the form of Приказ Минстроя России № 43/пр (26.01.2018): section 1
 * payer and provider, section 2 payment details and the sums, section 3 the calculation per service,
 * section 4 reference data (meter readings, the house's areas); the ГОСТ Р 56042-2014 QR in the corner.
 */
export async function renderPaymentDocument(input: PaymentDocumentInput): Promise<Buffer> {
  const { card } = input;
  const p = card.payee;
  const doc = await createPdf({ title: `Платёжный документ ${input.number}` });
  const L = 40,
    R = 555,
    W = R - L;
  // Error correction M and a quiet zone of 4 modules, as the standard's annex recommends for print.
  const qr = await QRCode.toBuffer(input.qrPayload, { errorCorrectionLevel: 'M', margin: 4, scale: 8, type: 'png' });
  const rule = (y: number, width = 0.3) => doc.moveTo(L, y).lineTo(R, y).lineWidth(width).stroke();
  const heading = (text: string, y: number) => {
    doc.font('bold').fontSize(8.5).text(text, L, y, { width: W });
    return doc.y + 2;
  };
  const pairs = (
    items: [string, string | null | undefined][],
    x: number,
    y: number,
    width: number,
    labelWidth: number,
  ) => {
    doc.fontSize(7.5);
    for (const [label, value] of items) {
      if (!value) continue;
      doc.font('regular').fillColor('#444').text(label, x, y, { width: labelWidth });
      doc.fillColor('black').text(value, x + labelWidth, y, { width: width - labelWidth });
      y = Math.max(y + doc.heightOfString(label, { width: labelWidth }), doc.y) + 1;
    }
    return y;
  };

  // Title and QR.
  doc
    .font('bold')
    .fontSize(10.5)
    .text(
      'ПЛАТЁЖНЫЙ ДОКУМЕНТ (ЕДИНЫЙ) для внесения платы за содержание и ремонт жилого помещения и предоставление коммунальных услуг',
      L,
      36,
      { width: 375 },
    );
  doc.fontSize(10).text(`за ${periodTitle(input.period)} г.`, { width: 375 });
  doc
    .font('regular')
    .fontSize(7.5)
    .text(`№ ${input.number} · оплатить до ${dmy(input.dueDate)}`, { width: 375 });
  doc.image(qr, R - 125, 30, { width: 125 });
  doc.fontSize(6.5).text('Оплата по QR-коду (ГОСТ Р 56042-2014)', R - 125, 156, { width: 125, align: 'center' });

  // Section 1: payer, identifiers; provider and dispatcher.
  let y = Math.max(doc.y, 112) + 4;
  y = heading('Раздел 1. Сведения о плательщике и исполнителе услуг', y);
  const colW = 245;
  const left = pairs(
    [
      ['Плательщик', ownerName(card)],
      ['Адрес', card.address],
      ['Площадь помещения', card.premiseArea ? `${decimalComma(card.premiseArea)} м²` : null],
      ['Зарегистрировано', input.residents === null ? 'нет сведений' : `${input.residents} чел.`],
      ['Лицевой счёт', card.number],
      ['ЕЛС', card.unifiedNumber ?? 'не присвоен'],
      ['Идентификатор ПД', input.gisDocumentId ?? 'присваивается ГИС ЖКХ'],
    ],
    L,
    y,
    colW,
    88,
  );
  const right = pairs(
    [
      ['Исполнитель', p.name],
      ['ИНН / КПП', `${p.inn}${p.kpp ? ` / ${p.kpp}` : ''}`],
      ['Адрес', p.address],
      ['Телефон', p.phone],
      ['E-mail', p.email],
      ['Сайт', p.website],
      ['Режим работы', p.workingHours],
      ['Диспетчерская', [p.dispatcherPhone, p.dispatcherHours].filter(Boolean).join(', ') || null],
    ],
    L + colW + 15,
    Math.max(y, 166),
    W - colW - 15,
    70,
  );
  y = Math.max(left, right) + 4;
  rule(y);

  // Section 2: where to pay and how much, with the ledger's figures.
  y = heading('Раздел 2. Информация для внесения платы получателю платежа', y + 4);
  doc
    .font('regular')
    .fontSize(7.5)
    .text(
      `Получатель: ${p.name}, ИНН ${p.inn}, р/с ${p.settlementAccount} в ${p.bankName}, БИК ${p.bik}, к/с ${p.correspondentAccount}`,
      L,
      y,
      { width: W },
    );
  y = doc.y + 3;
  const sums: [string, bigint][] = [
    [
      input.openingDebt < 0n ? 'Аванс на начало периода' : 'Задолженность на начало периода',
      input.openingDebt < 0n ? -input.openingDebt : input.openingDebt,
    ],
    ['Начислено за период', input.charged],
    ['в т. ч. пени', input.penalty],
    ['Оплачено (учтено в периоде)', input.paid],
    ['Итого к оплате', input.toPay],
  ];
  const cell = W / sums.length;
  sums.forEach(([label, value], i) => {
    const x = L + i * cell;
    doc.rect(x, y, cell, 34).lineWidth(0.3).stroke();
    doc
      .font('regular')
      .fontSize(6.5)
      .text(label, x + 3, y + 3, { width: cell - 6 });
    doc
      .font(i === sums.length - 1 ? 'bold' : 'regular')
      .fontSize(9)
      .text(formatRubles(value), x + 3, y + 21, { width: cell - 6, align: 'right' });
  });
  y += 40;

  // Section 3: per service.
  y = heading('Раздел 3. Расчёт размера платы за содержание и ремонт жилого помещения и коммунальные услуги', y);
  const cols = [
    { title: 'Вид услуги', w: 104 },
    { title: 'Ед.', w: 30 },
    { title: 'Объём инд.', w: 44 },
    { title: 'Объём ОДН', w: 42 },
    { title: 'Тариф, ₽', w: 44 },
    { title: 'Начислено', w: 52 },
    { title: 'Перерасчёт', w: 53 },
    { title: 'Льгота', w: 42 },
    { title: 'Пени', w: 44 },
    { title: 'Итого, ₽', w: 60 },
  ];
  const row = (values: string[], bold = false) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(7);
    let x = L;
    const height = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: cols[i]!.w - 4 }))) + 4;
    if (y + height > 800) {
      doc.addPage();
      y = 40;
    }
    values.forEach((v, i) => {
      doc.text(v, x + 2, y + 2, { width: cols[i]!.w - 4, align: i === 0 ? 'left' : 'right' });
      x += cols[i]!.w;
    });
    y += height;
    rule(y);
  };
  rule(y);
  row(
    cols.map((c) => c.title),
    true,
  );
  for (const l of input.lines) {
    row([
      l.service,
      l.unit ?? '',
      l.volume ? decimalComma(l.volume) : '',
      l.volumeCommon ? decimalComma(l.volumeCommon) : '',
      l.tariff ? rub(l.tariff) : '',
      rub(l.charged),
      rub(l.recalculation),
      rub(l.benefit),
      rub(l.penalty),
      rub(l.total),
    ]);
  }
  const sum = (k: 'charged' | 'recalculation' | 'benefit' | 'penalty' | 'total') =>
    input.lines.reduce((s, l) => s + BigInt(l[k]), 0n);
  row(
    [
      'Всего',
      '',
      '',
      '',
      '',
      rub(sum('charged')),
      rub(sum('recalculation')),
      rub(sum('benefit')),
      rub(sum('penalty')),
      rub(sum('total')),
    ],
    true,
  );
  const recalculated = input.lines.filter((l) => l.recalculation !== '0');
  if (recalculated.length) {
    doc
      .font('regular')
      .fontSize(7)
      .text(
        'Перерасчёты: ' +
          recalculated
            .map((l) => `${l.service} ${rub(l.recalculation)} ₽ — ${l.recalculationReason ?? 'основание не указано'}`)
            .join('; '),
        L,
        y + 3,
        { width: W },
      );
    y = doc.y;
  }
  y += 8;

  // Section 4: reference data.
  if (y > 700) {
    doc.addPage();
    y = 40;
  }
  y = heading('Раздел 4. Справочная информация', y);
  if (input.readings.length) {
    const rc = [
      { title: 'Прибор учёта', w: 170 },
      { title: 'Предыдущие', w: 85 },
      { title: 'Текущие', w: 85 },
      { title: 'Дата', w: 75 },
      { title: 'Расход', w: 100 },
    ];
    const rrow = (values: string[], bold = false) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(7);
      const height = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: rc[i]!.w - 4 }))) + 4;
      let x = L;
      values.forEach((v, i) => {
        doc.text(v, x + 2, y + 2, { width: rc[i]!.w - 4, align: i === 0 ? 'left' : 'right' });
        x += rc[i]!.w;
      });
      y += height;
      rule(y);
    };
    rule(y);
    rrow(
      rc.map((c) => c.title),
      true,
    );
    for (const r of input.readings) {
      rrow([
        `${RESOURCE_TITLES[r.resource] ?? r.resource}, № ${r.serialNumber} (${RESOURCE_UNITS[r.resource] ?? ''})`,
        readingText(r.previous, r.tariffs),
        readingText(r.current, r.tariffs),
        r.current ? dmy(r.current.takenOn) : 'не переданы',
        usage(r),
      ]);
    }
    y += 4;
  } else {
    doc.font('regular').fontSize(7).text('Показания приборов учёта за период не передавались.', L, y, { width: W });
    y = doc.y + 4;
  }
  const h = card.house;
  const area = (v: string | null) => (v ? `${decimalComma(v)} м²` : null);
  const houseFacts = [
    ['Общая площадь дома', area(h.totalArea)],
    ['жилых помещений', area(h.residentialArea)],
    ['нежилых помещений', area(h.nonResidentialArea)],
    ['помещений общего имущества', area(h.commonArea)],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`);
  if (houseFacts.length) {
    doc
      .font('regular')
      .fontSize(7)
      .text(`Сведения о доме: ${houseFacts.join('; ')}.`, L, y, { width: W });
  }
  return pdfToBuffer(doc);
}

/** Справка о задолженности as of a date. */
export async function renderDebtCertificate(input: {
  card: AccountCard;
  asOf: string;
  charged: bigint;
  paid: bigint;
  debt: bigint;
  periods: { period: string; charged: string; paid: string }[];
  issuedAt: Date;
}): Promise<Buffer> {
  const { card } = input;
  const doc = await createPdf({ title: `Справка о задолженности, л/с ${card.number}` });
  const date = input.asOf.split('-').reverse().join('.');
  doc.font('bold').fontSize(14).text('Справка о задолженности', { align: 'center' });
  doc.moveDown();
  doc
    .font('regular')
    .fontSize(10)
    .text(
      `${card.payee.name} (ИНН ${card.payee.inn}) сообщает, что по лицевому счёту № ${card.number} ` +
        `по адресу: ${card.address} (собственник: ${ownerName(card)}) по состоянию на ${date} ` +
        (input.debt > 0n
          ? `задолженность за жилищно-коммунальные услуги составляет ${formatRubles(input.debt)}.`
          : `задолженности нет${input.debt < 0n ? `, переплата ${formatRubles(-input.debt)}` : ''}.`),
    );
  doc.moveDown();
  doc.text(`Начислено: ${formatRubles(input.charged)}`);
  doc.text(`Оплачено: ${formatRubles(input.paid)}`);
  doc.font('bold').text(`Задолженность: ${formatRubles(input.debt)}`);
  doc.moveDown();
  doc.font('regular').fontSize(8.5);
  for (const p of input.periods)
    doc.text(`${periodTitle(p.period)}: начислено ${formatRubles(p.charged)}, оплачено ${formatRubles(p.paid)}`);
  doc.moveDown();
  doc.fontSize(8).text(`Сформирована ${localDate(input.issuedAt, card.timezone).split('-').reverse().join('.')}`);
  return pdfToBuffer(doc);
}
