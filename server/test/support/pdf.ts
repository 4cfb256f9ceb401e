// Reads a PDF the way a person sees it: each page rendered to a PNG (MuPDF compiled to WebAssembly, no system
// libraries), and its text as a PDF viewer would copy it.
import * as mupdf from 'mupdf';

export interface PdfPage {
  /** Width and height in points (A4 is about 595 × 842). */
  size: [number, number];
  /** The page rendered at `scale` × 72 dpi, without transparency. */
  png(scale: number): Buffer;
  /**
   * The page's text: no-break spaces made plain, runs of white space made one, and a line broken after a hyphen
   * («Санкт-⏎Петербург») joined again.
   */
  text(): string;
}

export function readPdf(pdf: Buffer): PdfPage[] {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  return Array.from({ length: document.countPages() }, (_, index) => {
    const page = document.loadPage(index);
    const [x0, y0, x1, y1] = page.getBounds();
    return {
      size: [x1 - x0, y1 - y0],
      png: (scale) =>
        Buffer.from(page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true).asPNG()),
      text: () =>
        page
          .toStructuredText('preserve-whitespace')
          .asText()
          .replace(/-\n/g, '-')
          .replace(/[\u00a0\u202f]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
    };
  });
}
