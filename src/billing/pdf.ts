import QRCode from 'qrcode';
import { formatRubles } from '../money.js';
import { createPdf, pdfToBuffer } from '../pdf/document.js';
import type { AccountCard } from './documents.repo.js';
import { localDate } from './periods.js';

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
export const periodTitle = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
const rub = (k: bigint | string) => formatRubles(k).replace('\u00a0₽', '');
const ownerName = (c: AccountCard) => (c.owner ? [c.owner.lastName, c.owner.firstName, c.owner.middleName].filter(Boolean).join(' ') : '—');

export interface DocumentLine {
  service: string; unit: string | null; volume: string | null; tariff: string | null;
  charged: string; recalculation: string; benefit: string; penalty: string; total: string;
}

/** The payment document (ЕПД): payee and bank details, payer, lines, totals and the payment QR. */
export async function renderPaymentDocument(input: {
  card: AccountCard;
  number: string;
  period: string;
  dueDate: string;
  openingDebt: bigint;
  charged: bigint;
  paid: bigint;
  toPay: bigint;
  lines: DocumentLine[];
  qrPayload: string;
}): Promise<Buffer> {
  const { card } = input;
  const p = card.payee;
  const doc = createPdf({ title: `Платёжный документ ${input.number}` });
  // Error correction M and a quiet zone of 4 modules, as the standard's annex recommends for print.
  const qr = await QRCode.toBuffer(input.qrPayload, { errorCorrectionLevel: 'M', margin: 4, scale: 8, type: 'png' });

  doc.font('bold').fontSize(13).text(`Платёжный документ за ${periodTitle(input.period)}`, 40, 40, { width: 360 });
  doc.font('regular').fontSize(8.5).text(`№ ${input.number}   Оплатить до ${input.dueDate.split('-').reverse().join('.')}`, { width: 360 });
  doc.moveDown(0.6);
  doc.font('bold').text('Получатель платежа', { width: 360 });
  doc.font('regular').text(
    `${p.name}\nИНН ${p.inn}${p.kpp ? `, КПП ${p.kpp}` : ''}\nР/с ${p.settlementAccount} в ${p.bankName}\nБИК ${p.bik}, к/с ${p.correspondentAccount}`,
    { width: 360 },
  );
  doc.moveDown(0.6);
  doc.font('bold').text('Плательщик', { width: 360 });
  doc.font('regular').text(
    `${ownerName(card)}\n${card.address}\nЛицевой счёт ${card.number}${card.unifiedNumber ? `, ЕЛС ${card.unifiedNumber}` : ''}`,
    { width: 360 },
  );
  doc.image(qr, 415, 36, { width: 140 });
  doc.fontSize(7).text('Оплата по QR-коду (ГОСТ Р 56042-2014)', 415, 180, { width: 140, align: 'center' });

  // Lines table.
  const cols = [
    { title: 'Услуга', w: 120 }, { title: 'Ед.', w: 34 }, { title: 'Объём', w: 46 }, { title: 'Тариф', w: 50 },
    { title: 'Начислено', w: 56 }, { title: 'Перерасчёт', w: 56 }, { title: 'Льгота', w: 46 }, { title: 'Пени', w: 46 }, { title: 'Итого', w: 61 },
  ];
  let y = 215;
  const row = (values: string[], bold = false) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(7.5);
    let x = 40;
    const height = Math.max(...values.map((v, i) => doc.heightOfString(v, { width: cols[i]!.w - 4 }))) + 4;
    values.forEach((v, i) => {
      doc.text(v, x + 2, y + 2, { width: cols[i]!.w - 4, align: i === 0 ? 'left' : 'right' });
      x += cols[i]!.w;
    });
    y += height;
    doc.moveTo(40, y).lineTo(555, y).lineWidth(0.3).stroke();
  };
  doc.moveTo(40, y).lineTo(555, y).lineWidth(0.3).stroke();
  row(cols.map((c) => c.title), true);
  for (const l of input.lines) {
    row([l.service, l.unit ?? '', l.volume ?? '', l.tariff ? rub(l.tariff) : '', rub(l.charged), rub(l.recalculation), rub(l.benefit), rub(l.penalty), rub(l.total)]);
  }
  y += 10;
  const totals: [string, bigint][] = [
    ['Задолженность на начало периода', input.openingDebt],
    ['Начислено за период', input.charged],
    ['Оплачено', input.paid],
    ['Итого к оплате', input.toPay],
  ];
  for (const [label, value] of totals) {
    doc.font(label.startsWith('Итого') ? 'bold' : 'regular').fontSize(9);
    doc.text(label, 250, y, { width: 210 });
    doc.text(formatRubles(value), 460, y, { width: 95, align: 'right' });
    y += 14;
  }
  return pdfToBuffer(doc);
}

/** Справка о задолженности as of a date. */
export async function renderDebtCertificate(input: {
  card: AccountCard; asOf: string; charged: bigint; paid: bigint; debt: bigint;
  periods: { period: string; charged: string; paid: string }[]; issuedAt: Date;
}): Promise<Buffer> {
  const { card } = input;
  const doc = createPdf({ title: `Справка о задолженности, л/с ${card.number}` });
  const date = input.asOf.split('-').reverse().join('.');
  doc.font('bold').fontSize(14).text('Справка о задолженности', { align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(10).text(
    `${card.payee.name} (ИНН ${card.payee.inn}) сообщает, что по лицевому счёту № ${card.number} ` +
      `по адресу: ${card.address} (собственник: ${ownerName(card)}) по состоянию на ${date} ` +
      (input.debt > 0n ? `задолженность за жилищно-коммунальные услуги составляет ${formatRubles(input.debt)}.` : `задолженности нет${input.debt < 0n ? `, переплата ${formatRubles(-input.debt)}` : ''}.`),
  );
  doc.moveDown();
  doc.text(`Начислено: ${formatRubles(input.charged)}`);
  doc.text(`Оплачено: ${formatRubles(input.paid)}`);
  doc.font('bold').text(`Задолженность: ${formatRubles(input.debt)}`);
  doc.moveDown();
  doc.font('regular').fontSize(8.5);
  for (const p of input.periods) doc.text(`${periodTitle(p.period)}: начислено ${formatRubles(p.charged)}, оплачено ${formatRubles(p.paid)}`);
  doc.moveDown();
  doc.fontSize(8).text(`Сформирована ${localDate(card.timezone, input.issuedAt).split('-').reverse().join('.')}`);
  return pdfToBuffer(doc);
}
