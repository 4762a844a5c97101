import jsQRModule from 'jsqr';
import * as mupdf from 'mupdf';

// jsqr is CommonJS whose typings declare an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  jsQRModule) as unknown as typeof jsQRModule.default;

/** Renders the first page of a PDF to pixels (mupdf) and decodes the QR code printed on it (jsQR). */
export function decodeQrFromPdf(pdf: Buffer, scale = 2): { text: string; bytes: Uint8Array } | null {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const page = doc.loadPage(0);
  const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
  const width = pix.getWidth();
  const height = pix.getHeight();
  const rgb = pix.getPixels();
  const n = pix.getNumberOfComponents();
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += n) {
    rgba[i * 4] = rgb[j]!;
    rgba[i * 4 + 1] = rgb[j + 1]!;
    rgba[i * 4 + 2] = rgb[j + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  const code = jsQR(rgba, width, height);
  if (!code) return null;
  const bytes = Uint8Array.from(code.binaryData);
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes };
}

/** The text of a PDF's pages (to check what a document says). */
export function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  let text = '';
  for (let i = 0; i < doc.countPages(); i++) text += doc.loadPage(i).toStructuredText('preserve-whitespace').asText();
  return text;
}
