/**
 * Compare two PNG images inside the browser, with no image library: both are drawn into
 * canvases from data URLs and compared with getImageData. Used by the screenshot test
 * (test/report/browser.test.ts).
 */
import type { Page } from 'puppeteer-core';

/** The result of comparing an actual screenshot with its reference. */
export interface PixelDiff {
  readonly expectedSize: readonly [number, number];
  readonly actualSize: readonly [number, number];
  /** Pixels where some channel (R, G, B or A) differs by more than the threshold; outside the smaller image every pixel differs. */
  readonly differing: number;
  /** Pixels of the larger of the two sizes. */
  readonly total: number;
  /** The reference faded to light grey, with the differing pixels in red. */
  readonly diffPng: Buffer;
}

// A string, not a function: vitest's transform may wrap functions with helpers the page does not have.
const COMPARE = `async (expected, actual, threshold) => {
  const load = (png) => new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('not a PNG image'));
    img.src = 'data:image/png;base64,' + png;
  });
  const [a, b] = await Promise.all([load(expected), load(actual)]);
  const width = Math.max(a.naturalWidth, b.naturalWidth);
  const height = Math.max(a.naturalHeight, b.naturalHeight);
  const canvas = () => { const c = document.createElement('canvas'); c.width = width; c.height = height; return [c, c.getContext('2d')]; };
  const pixels = (img) => {
    const [, g] = canvas();
    g.fillStyle = '#ff00ff'; // outside an image: a colour no plot uses, so a size change counts
    g.fillRect(0, 0, width, height);
    g.clearRect(0, 0, img.naturalWidth, img.naturalHeight);
    g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, width, height).data;
  };
  const pa = pixels(a);
  const pb = pixels(b);
  const [out, g] = canvas();
  const diff = g.createImageData(width, height);
  let differing = 0;
  for (let i = 0; i < pa.length; i += 4) {
    let d = 0;
    for (let k = 0; k < 4; k += 1) d = Math.max(d, Math.abs(pa[i + k] - pb[i + k]));
    if (d > threshold) {
      differing += 1;
      diff.data.set([255, 0, 0, 255], i);
    } else {
      const grey = 255 - Math.round((255 - (pa[i] + pa[i + 1] + pa[i + 2]) / 3) * 0.25);
      diff.data.set([grey, grey, grey, 255], i);
    }
  }
  g.putImageData(diff, 0, 0);
  return {
    expectedSize: [a.naturalWidth, a.naturalHeight],
    actualSize: [b.naturalWidth, b.naturalHeight],
    differing,
    total: width * height,
    diffPng: out.toDataURL('image/png').slice('data:image/png;base64,'.length),
  };
}`;

/**
 * Compare `actual` with `expected` pixel by pixel in `page` (a blank page).
 *
 * @param page - a page to draw in (its content is not touched)
 * @param expected - the reference PNG
 * @param actual - the new screenshot PNG
 * @param threshold - a channel difference (0–255) up to which two pixels count as the same
 * @returns the sizes, the count of differing pixels and a diff image
 * @example await pixelDiff(page, png, png, 16) //=> { expectedSize: [640, 230], actualSize: [640, 230], differing: 0, total: 147200, diffPng: <Buffer …> }
 */
export async function pixelDiff(page: Page, expected: Buffer, actual: Buffer, threshold: number): Promise<PixelDiff> {
  const r = await page.evaluate<[], () => Promise<Omit<PixelDiff, 'diffPng'> & { diffPng: string }>>(
    `(${COMPARE})(${JSON.stringify(expected.toString('base64'))}, ${JSON.stringify(actual.toString('base64'))}, ${threshold})`,
  );
  return { ...r, diffPng: Buffer.from(r.diffPng, 'base64') };
}
