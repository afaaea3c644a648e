// Draws the app icon's raster copies from apps/web/public/icon.svg with the local Chromium:
// apple-touch-icon.png (180 px, square: iOS rounds the corners itself) and favicon.ico
// (16, 32 and 48 px PNGs in one ICO). Run once after changing the SVG and commit the files:
//   node scripts/make-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const dir = new URL('../apps/web/public/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const draw = async (size, markup) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  writeFileSync(new URL('apple-touch-icon.png', dir), await draw(180, svg.replace(/ rx="\d+"/, '')));
  const sizes = [16, 32, 48];
  const pngs = [];
  for (const size of sizes) pngs.push(await draw(size, svg));
  writeFileSync(new URL('favicon.ico', dir), ico(sizes, pngs));
} finally {
  await browser.close();
}

/** An ICO file whose images are PNGs (understood by every current browser). */
function ico(sizes, pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(sizes[i] % 256, entry);
    header.writeUInt8(sizes[i] % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}
