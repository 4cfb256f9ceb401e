// Reads a QR code from a PNG (a screenshot of what a person sees), the way a bank app would.
import * as jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

// jsqr is CommonJS with a `default` export: unwrap it whichever way the loader hands it over.
const module = jsQRModule as unknown as { default: Decode | { default: Decode } };
const jsQR: Decode = typeof module.default === 'function' ? module.default : module.default.default;

/** The text of the QR code in `png`, or null when none is found. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
