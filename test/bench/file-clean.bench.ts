// What checking and cleaning an evidence file costs (shared/files/clean.ts):
// the time and the peak memory of cleanUpload on the three files the desk sees
// most: a 12 MP phone photo (JPEG with EXIF GPS, XMP, IPTC), a 2560×1440 PNG
// screenshot (with eXIf and text chunks) and a 10-page PDF with a photo on each
// page. Each file is cleaned `runs` times in a fresh Node process
// (test/bench/children/file-clean.ts), as the checking function does in a cold
// and then warm container: the median time and the process's peak RSS size the
// function's memory. Pure CPU, no DynamoDB: `npx tsx test/bench/file-clean.bench.ts`
// runs this row alone and writes it into results/latest.json and BENCHMARKS.md.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import type { FileType } from '#domain/files';
import { IMAGE_QUALITY, MAX_PIXELS } from '#files/clean';
import {
  jpegMetadataSegments,
  pngMetadataChunks,
  spliceAfterIhdr,
  spliceAfterSoi,
} from '#test/support/evidence-images';
import { runChild, tsxArgs } from './support/child';
import { median, round } from './support/stats';

export interface FileCleanSample {
  name: string;
  type: FileType;
  /** What the file is: size in pixels or pages. */
  shape: string;
  inBytes: number;
  /** The cleaned file plus its thumbnail. */
  outBytes: number;
  runs: number;
  /** The first run in the process (cold: libvips and pdf-lib warm up). */
  firstMs: number;
  medianMs: number;
  maxMs: number;
  /** The process's peak RSS after loading the modules and reading the file, and after cleaning. */
  rssBeforeMb: number;
  maxRssMb: number;
}

export interface FileCleanResult {
  date: string;
  cpus: number;
  quality: number;
  maxPixels: number;
  samples: FileCleanSample[];
}

interface ChildResult {
  times: number[];
  inBytes: number;
  outBytes: number;
  rssBeforeMb: number;
  maxRssMb: number;
}

/**
 * A picture like a phone's: gradients and overlapping shapes under mild
 * sensor noise (pure noise would not compress like a photo; flat colours would
 * compress to nothing).
 */
const photoLike = async (width: number, height: number): Promise<Buffer> => {
  // Drawn and noised at half size, then scaled up: the same kind of picture, built in a fraction of the time.
  const w = Math.round(width / 2);
  const h = Math.round(height / 2);
  const shapes = Array.from(
    { length: 60 },
    (_, i) =>
      `<circle cx="${(i * 677) % w}" cy="${(i * 431) % h}" r="${Math.round((80 + ((i * 37) % 300)) * (w / 4000))}" fill="hsl(${(i * 53) % 360},60%,50%)" opacity="0.6"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6a9bd8"/><stop offset="1" stop-color="#e8c07a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  const noise = await sharp({
    create: {
      width: w,
      height: h,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 22 },
    },
  })
    .resize(width, height, { kernel: 'linear' })
    .raw()
    .toBuffer();
  return sharp(await sharp(Buffer.from(svg)).resize(width, height).png({ compressionLevel: 1 }).toBuffer())
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'overlay' }])
    .png({ compressionLevel: 1 })
    .toBuffer();
};

/** A 12 MP (4000×3000) phone photo as a JPEG at quality 92, EXIF (GPS), XMP and IPTC after SOI. */
const phonePhoto = async (width = 4000, height = 3000): Promise<Uint8Array> =>
  spliceAfterSoi(
    await sharp(await photoLike(width, height))
      .jpeg({ quality: 92 })
      .toBuffer(),
    ...jpegMetadataSegments(),
  );

/** A 2560×1440 screenshot of a post: a page of text lines and boxes around a shared photo, as a PNG. */
const screenshot = async (width = 2560, height = 1440): Promise<Uint8Array> => {
  const lines = Array.from(
    { length: 30 },
    (_, i) =>
      `<text x="80" y="${120 + i * 42}" font-family="sans-serif" font-size="26" fill="#222">Bài đăng ${i + 1}: thông tin về cây cầu trên phố Trần Hưng Đạo đã được chia sẻ ${i * 37} lần</text>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f0f2f5"/><rect x="60" y="60" width="${Math.round(width * 0.55)}" height="${height - 120}" rx="12" fill="#fff"/>${lines}</svg>`;
  const photoW = Math.round(width * 0.33);
  const photoH = Math.round(height * 0.6);
  const page = await sharp(Buffer.from(svg))
    .composite([{ input: await photoLike(photoW, photoH), left: Math.round(width * 0.62), top: 120 }])
    .png()
    .toBuffer();
  return spliceAfterIhdr(page, ...pngMetadataChunks());
};

/** A 10-page PDF report: a title, text and one 1600×1200 phone photo (EXIF and all) per page, Author set. */
const pdfReport = async (pages = 10): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const picture = await photoLike(1600, 1200);
  for (let i = 1; i <= pages; i++) {
    // A photo of its own per page (as a scan or a photo report has): encoded at a different quality each time.
    const jpeg = await sharp(picture)
      .jpeg({ quality: 80 + i })
      .toBuffer();
    const photo = await doc.embedJpg(spliceAfterSoi(jpeg, ...jpegMetadataSegments()));
    const page = doc.addPage([595, 842]);
    page.drawText(`Clarification, page ${i}`, { x: 50, y: 790, size: 18, font });
    for (let l = 0; l < 20; l++)
      page.drawText(`Line ${l + 1}: the bridge on Tran Hung Dao street stays open to traffic.`, {
        x: 50,
        y: 740 - l * 16,
        size: 11,
        font,
      });
    page.drawImage(photo, { x: 50, y: 60, width: 400, height: 300 });
  }
  doc.setAuthor('Nguyen Van An');
  return doc.save();
};

const CHILD = 'test/bench/children/file-clean.ts';

export const benchFileClean = async (
  o: { runs?: number; quick?: boolean; log?: (line: string) => void } = {},
): Promise<FileCleanResult> => {
  const runs = o.runs ?? 7;
  const log = o.log ?? (() => {});
  const dir = await mkdtemp(join(tmpdir(), 'opinion-desk-file-clean-'));
  try {
    const scale = o.quick ? 0.25 : 1;
    const files: { name: string; type: FileType; shape: string; bytes: () => Promise<Uint8Array> }[] = [
      {
        name: 'phone photo (JPEG, EXIF GPS + XMP + IPTC)',
        type: 'image/jpeg',
        shape: `${4000 * scale}×${3000 * scale} (${(12 * scale * scale).toFixed(1)} MP)`,
        bytes: () => phonePhoto(4000 * scale, 3000 * scale),
      },
      {
        name: 'screenshot (PNG, eXIf + iTXt XMP + tEXt)',
        type: 'image/png',
        shape: `${2560 * scale}×${1440 * scale}`,
        bytes: () => screenshot(2560 * scale, 1440 * scale),
      },
      {
        name: 'PDF report, a photo per page (Info + embedded EXIF)',
        type: 'application/pdf',
        shape: '10 pages',
        bytes: () => pdfReport(10),
      },
    ];
    const samples: FileCleanSample[] = [];
    for (const f of files) {
      const path = join(dir, f.name.replace(/\W+/g, '-'));
      const t0 = performance.now();
      await writeFile(path, await f.bytes());
      log(`file-clean: built ${f.name} in ${Math.round(performance.now() - t0)} ms`);
      const r = await runChild<ChildResult>(
        process.execPath,
        tsxArgs(CHILD, JSON.stringify({ file: path, type: f.type, runs })),
        { timeoutMs: 300_000 },
      );
      const warm = r.times.length > 1 ? r.times.slice(1) : r.times;
      samples.push({
        name: f.name,
        type: f.type,
        shape: f.shape,
        inBytes: r.inBytes,
        outBytes: r.outBytes,
        runs: r.times.length,
        firstMs: round(r.times[0] ?? Number.NaN),
        medianMs: round(median(warm)),
        maxMs: round(Math.max(...r.times)),
        rssBeforeMb: round(r.rssBeforeMb, 1),
        maxRssMb: round(r.maxRssMb, 1),
      });
      log(`file-clean: ${JSON.stringify(samples.at(-1))}`);
    }
    return {
      date: new Date().toISOString(),
      cpus: cpus().length,
      quality: IMAGE_QUALITY,
      maxPixels: MAX_PIXELS,
      samples,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

// `npx tsx test/bench/file-clean.bench.ts`: this row alone, written into results/latest.json and BENCHMARKS.md.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const result = await benchFileClean({ quick: process.env.BENCH_QUICK === '1', log: console.log });
  if (process.env.BENCH_QUICK !== '1' && !process.argv.includes('--print-only')) {
    const { renderMarkdown } = await import('./report');
    const { PROJECT_ROOT } = await import('./support/bundle');
    const file = join(PROJECT_ROOT, 'test/bench/results/latest.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.fileClean = result;
    delete saved.failures?.fileClean;
    await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
    await writeFile(join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(saved));
    console.log('wrote test/bench/results/latest.json and BENCHMARKS.md');
  }
  process.exit(0);
}
