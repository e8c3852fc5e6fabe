// Real evidence files carrying identifying metadata, for the tests that prove
// the cleaning removes it (shared/files/clean.ts, docs/files.md): a phone
// photo's EXIF (device, owner, GPS position), XMP and IPTC in a JPEG; the same
// in PNG (eXIf, iTXt XMP, tEXt Author) and WebP (VP8X with EXIF and XMP
// chunks); a PDF with its document information and an XMP stream. The pixels
// come from sharp and the metadata is written byte by byte here, the way
// cameras and editors lay it out, so the fixtures do not depend on the code
// under test keeping metadata. `metadataOf` reads what survives with
// exifreader (an independent parser); `containsText` checks the raw bytes.
import { crc32, deflateSync } from 'node:zlib';
import ExifReader from 'exifreader';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

/** The planted position: Hoan Kiem lake, Hanoi (21°1'42" N, 105°51'12" E). */
export const GPS_MARK = {
  latitude: { degrees: 21, minutes: 1, seconds: 42, ref: 'N' as const },
  longitude: { degrees: 105, minutes: 51, seconds: 12, ref: 'E' as const },
  /** Decimal degrees, as exifreader's `description` of the tags gives them (to about 4 places). */
  decimal: { latitude: 21 + 1 / 60 + 42 / 3600, longitude: 105 + 51 / 60 + 12 / 3600 },
};
/** A person's name planted as the photo's owner (EXIF Artist, XMP dc:creator, IPTC By-line, PDF Author). */
export const OWNER_NAME = 'Nguyen Van An';
/** The family name alone, for raw byte searches. */
export const NAME_MARK = 'Nguyen';
export const DEVICE_MAKE = 'PhoneMaker';
export const DEVICE_MODEL = 'Model X-17 Pro';
/** A serial number: a device identifier planted in the EXIF (Body serial) and the XMP. */
export const SERIAL_MARK = 'SN-4471-0042';

// ---------------------------------------------------------------- TIFF / EXIF

type IfdEntry = { tag: number; type: 1 | 2 | 3 | 4 | 5; count: number; data: Uint8Array };
const TYPE_SIZE = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8 } as const;

const ascii = (s: string) => new Uint8Array(Buffer.from(`${s}\0`, 'latin1'));
const asciiEntry = (tag: number, s: string): IfdEntry => {
  const data = ascii(s);
  return { tag, type: 2, count: data.length, data };
};
const shortEntry = (tag: number, v: number): IfdEntry => {
  const data = Buffer.alloc(2);
  data.writeUInt16BE(v);
  return { tag, type: 3, count: 1, data };
};
const rationals = (tag: number, values: [number, number][]): IfdEntry => {
  const data = Buffer.alloc(values.length * 8);
  values.forEach(([n, d], i) => {
    data.writeUInt32BE(n, i * 8);
    data.writeUInt32BE(d, i * 8 + 4);
  });
  return { tag, type: 5, count: values.length, data };
};

/**
 * A big-endian TIFF structure (what an EXIF block is): IFD0 with the given
 * entries, plus a GPS IFD linked from IFD0 (tag 0x8825) when `gps` is given.
 */
const tiff = (ifd0: IfdEntry[], gps?: IfdEntry[]): Uint8Array => {
  const dirSize = (n: number) => 2 + n * 12 + 4;
  const dataSize = (es: IfdEntry[]) =>
    es.reduce((s, e) => s + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);
  const gpsPointer: IfdEntry = { tag: 0x8825, type: 4, count: 1, data: new Uint8Array(4) };
  const entries0 = [...ifd0, ...(gps ? [gpsPointer] : [])].sort((a, b) => a.tag - b.tag);
  const ifd0At = 8;
  const gpsAt = ifd0At + dirSize(entries0.length) + dataSize(entries0);
  if (gps) Buffer.from(gpsPointer.data.buffer).writeUInt32BE(gpsAt);
  const total = gpsAt + (gps ? dirSize(gps.length) + dataSize(gps) : 0);
  const out = Buffer.alloc(total);
  out.write('MM', 0, 'latin1');
  out.writeUInt16BE(42, 2);
  out.writeUInt32BE(ifd0At, 4);
  const writeDir = (at: number, es: IfdEntry[]) => {
    const sorted = [...es].sort((a, b) => a.tag - b.tag);
    out.writeUInt16BE(sorted.length, at);
    let data = at + dirSize(sorted.length);
    sorted.forEach((e, i) => {
      const p = at + 2 + i * 12;
      out.writeUInt16BE(e.tag, p);
      out.writeUInt16BE(e.type, p + 2);
      out.writeUInt32BE(e.count, p + 4);
      if (e.count * TYPE_SIZE[e.type] !== e.data.length)
        throw new Error(`tag ${e.tag}: count and data disagree`);
      if (e.data.length <= 4) out.set(e.data, p + 8);
      else {
        out.writeUInt32BE(data, p + 8);
        out.set(e.data, data);
        data += e.data.length + (e.data.length % 2);
      }
    });
    out.writeUInt32BE(0, at + 2 + sorted.length * 12); // no next IFD
  };
  writeDir(ifd0At, entries0);
  if (gps) writeDir(gpsAt, gps);
  return new Uint8Array(out);
};

/** The EXIF a phone writes: device, owner, serial, orientation, and the GPS position. */
export const exifTiff = (orientation = 1): Uint8Array => {
  const { latitude: la, longitude: lo } = GPS_MARK;
  return tiff(
    [
      asciiEntry(0x010f, DEVICE_MAKE),
      asciiEntry(0x0110, DEVICE_MODEL),
      shortEntry(0x0112, orientation),
      asciiEntry(0x013b, OWNER_NAME), // Artist
      asciiEntry(0x8298, `(c) ${OWNER_NAME}`), // Copyright
    ],
    [
      { tag: 0x0000, type: 1, count: 4, data: new Uint8Array([2, 3, 0, 0]) }, // GPSVersionID
      asciiEntry(0x0001, la.ref),
      rationals(0x0002, [
        [la.degrees, 1],
        [la.minutes, 1],
        [la.seconds * 100, 100],
      ]),
      asciiEntry(0x0003, lo.ref),
      rationals(0x0004, [
        [lo.degrees, 1],
        [lo.minutes, 1],
        [lo.seconds * 100, 100],
      ]),
    ],
  );
};

/** An XMP packet naming the owner, the device serial and the position (as editors write it). */
export const xmpPacket = (): string =>
  `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
    exif:GPSLatitude="21,1.7N" exif:GPSLongitude="105,51.2E"
    aux:SerialNumber="${SERIAL_MARK}">
   <dc:creator><rdf:Seq><rdf:li>${OWNER_NAME}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

/** IPTC-IIM records (record 2): version, By-line (the owner), City. */
const iptcRecords = (): Uint8Array => {
  const rec = (dataset: number, value: Buffer) => {
    const head = Buffer.from([0x1c, 2, dataset, 0, 0]);
    head.writeUInt16BE(value.length, 3);
    return Buffer.concat([head, value]);
  };
  return new Uint8Array(
    Buffer.concat([
      rec(0, Buffer.from([0, 4])),
      rec(80, Buffer.from(OWNER_NAME, 'latin1')), // By-line
      rec(90, Buffer.from('Ha Noi', 'latin1')), // City
    ]),
  );
};

// ---------------------------------------------------------------- JPEG

const jpegSegment = (marker: number, payload: Uint8Array): Uint8Array => {
  if (payload.length + 2 > 0xffff) throw new Error('JPEG segment too long');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return new Uint8Array(Buffer.concat([head, payload]));
};

/** APP1 "Exif\0\0" + TIFF. */
const exifApp1 = (orientation: number) =>
  jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(orientation)]));
/** APP1 XMP. */
const xmpApp1 = () =>
  jpegSegment(
    0xe1,
    Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmpPacket())]),
  );
/** APP13 "Photoshop 3.0" with one 8BIM resource 0x0404 (IPTC-NAA) holding the records. */
const iptcApp13 = () => {
  const iptc = iptcRecords();
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  return jpegSegment(
    0xed,
    Buffer.concat([
      Buffer.from('Photoshop 3.0\0', 'latin1'),
      Buffer.from('8BIM', 'latin1'),
      Buffer.from([0x04, 0x04, 0, 0]), // resource id, empty Pascal name padded to even
      size,
      iptc,
      Buffer.alloc(iptc.length % 2),
    ]),
  );
};

/** The metadata segments a phone and an editor leave in a JPEG: APP1 EXIF (GPS), APP1 XMP, APP13 IPTC. */
export const jpegMetadataSegments = (orientation = 1): Uint8Array[] => [
  exifApp1(orientation),
  xmpApp1(),
  iptcApp13(),
];

/** Splices segments right after SOI (FF D8). */
export const spliceAfterSoi = (jpeg: Uint8Array, ...segments: Uint8Array[]): Uint8Array =>
  new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]));

/** Some texture: flat colours compress to nothing and hide re-encoding faults. */
const texture = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({
    create: {
      width,
      height,
      channels,
      background: { r: 90, g: 140, b: 200, alpha: 1 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });

export interface ImageOptions {
  width?: number;
  height?: number;
  /** EXIF orientation (1 upright; 6 means "turn 90° clockwise to view"). */
  orientation?: number;
  quality?: number;
}

/** A JPEG photo with EXIF (device, owner, GPS), XMP and IPTC, as a phone and an editor leave it. */
export const jpegWithGps = async (o: ImageOptions = {}): Promise<Uint8Array> => {
  const base = await texture(o.width ?? 64, o.height ?? 48)
    .jpeg({ quality: o.quality ?? 85 })
    .toBuffer();
  return spliceAfterSoi(base, exifApp1(o.orientation ?? 1), xmpApp1(), iptcApp13());
};

/**
 * A JPEG stored sideways with EXIF orientation 6: stored 64×32, the left half
 * red and the right half blue; viewed upright it is 32×64 with red on top.
 */
export const jpegOrientation6 = async (): Promise<Uint8Array> => {
  const half = (r: number, b: number) => ({
    input: { create: { width: 32, height: 32, channels: 3 as const, background: { r, g: 0, b } } },
  });
  const base = await sharp({
    create: { width: 64, height: 32, channels: 3, background: { r: 0, g: 0, b: 0 } },
  })
    .composite([
      { ...half(255, 0), left: 0, top: 0 },
      { ...half(0, 255), left: 32, top: 0 },
    ])
    .jpeg({ quality: 95 })
    .toBuffer();
  return spliceAfterSoi(base, exifApp1(6), xmpApp1(), iptcApp13());
};

/** A CMYK JPEG (print workflows; Adobe APP14) with the same EXIF, XMP and IPTC. */
export const cmykJpegWithGps = async (): Promise<Uint8Array> => {
  const base = await texture(64, 48).toColourspace('cmyk').jpeg({ quality: 85 }).toBuffer();
  return spliceAfterSoi(base, exifApp1(1), xmpApp1(), iptcApp13());
};

/** A greyscale JPEG with the same EXIF, XMP and IPTC. */
export const greyJpegWithGps = async (): Promise<Uint8Array> => {
  const base = await texture(64, 48).toColourspace('b-w').jpeg({ quality: 85 }).toBuffer();
  return spliceAfterSoi(base, exifApp1(1), xmpApp1(), iptcApp13());
};

/** A JPEG tagged with a Display P3 ICC profile (what recent phones write), plus the EXIF, XMP and IPTC. */
export const p3JpegWithGps = async (): Promise<Uint8Array> => {
  const base = await texture(64, 48).withIccProfile('p3').jpeg({ quality: 85 }).toBuffer();
  return spliceAfterSoi(base, exifApp1(1), xmpApp1(), iptcApp13());
};

/** A large phone photo (for the bench): `width`×`height` of texture, EXIF/XMP/IPTC planted. */
export const photoJpeg = (width: number, height: number, quality = 92) =>
  jpegWithGps({ width, height, quality });

// ---------------------------------------------------------------- PNG

const pngChunk = (type: string, data: Uint8Array): Uint8Array => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return new Uint8Array(Buffer.concat([head, data, crc]));
};

/** Inserts chunks right after IHDR (eXIf and text chunks must come before IDAT). */
export const spliceAfterIhdr = (png: Uint8Array, ...chunks: Uint8Array[]): Uint8Array => {
  const ihdrEnd = 8 + 8 + Buffer.from(png).readUInt32BE(8) + 4;
  return new Uint8Array(Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]));
};

/** The PNG metadata chunks: eXIf (EXIF with GPS), iTXt XMP, tEXt Author. */
export const pngMetadataChunks = (): Uint8Array[] => [
  pngChunk('eXIf', exifTiff()),
  // iTXt: keyword, NUL, compression flag 0, method 0, language "", NUL, translated "", NUL, text.
  pngChunk(
    'iTXt',
    Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmpPacket())]),
  ),
  pngChunk('tEXt', Buffer.from(`Author\0${OWNER_NAME}`, 'latin1')),
];

export interface PngOptions {
  width?: number;
  height?: number;
  /** An RGBA PNG (screenshots with transparency). */
  alpha?: boolean;
  /** 16 bits per channel. */
  sixteenBit?: boolean;
  /** One grey channel. */
  grey?: boolean;
}

/** A PNG screenshot with an eXIf chunk (GPS), an iTXt XMP chunk and a tEXt Author. */
export const pngWithGps = async (o: PngOptions = {}): Promise<Uint8Array> => {
  let img = texture(o.width ?? 64, o.height ?? 48, o.alpha ? 4 : 3);
  if (o.grey) img = sharp(await img.png().toBuffer()).toColourspace('b-w');
  if (o.sixteenBit) img = img.toColourspace(o.grey ? 'grey16' : 'rgb16');
  const base = await img.png().toBuffer();
  return spliceAfterIhdr(base, ...pngMetadataChunks());
};

/**
 * A decompression bomb's header: a PNG declaring `width`×`height` pixels (by
 * default 30 000 × 30 000, 900 million) with a tiny IDAT. Decoding it would need
 * gigabytes; it must be refused from the header.
 */
export const pngBomb = (width = 30_000, height = 30_000): Uint8Array => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(Buffer.alloc(64 * 1024))),
      pngChunk('IEND', new Uint8Array()),
    ]),
  );
};

// ---------------------------------------------------------------- WebP

const riffChunk = (fourcc: string, data: Uint8Array): Uint8Array => {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return new Uint8Array(Buffer.concat([head, data, Buffer.alloc(data.length % 2)]));
};

/** The chunks of a RIFF WebP file (after "RIFF" size "WEBP"). */
export const webpChunks = (webp: Uint8Array): { fourcc: string; data: Uint8Array }[] => {
  const b = Buffer.from(webp);
  const out: { fourcc: string; data: Uint8Array }[] = [];
  for (let at = 12; at + 8 <= b.length; ) {
    const size = b.readUInt32LE(at + 4);
    out.push({ fourcc: b.toString('latin1', at, at + 4), data: webp.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return out;
};

const riff = (chunks: Uint8Array[]): Uint8Array => {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return new Uint8Array(Buffer.concat([head, body]));
};

/**
 * Rebuilds a WebP as the extended format (VP8X) with EXIF and XMP chunks and
 * their flags set, keeping its image chunks (and animation, if any).
 */
export const withWebpMetadata = (webp: Uint8Array, width: number, height: number): Uint8Array => {
  const chunks = webpChunks(webp);
  const old = chunks.find((c) => c.fourcc === 'VP8X');
  const image = chunks.filter((c) => !['VP8X', 'EXIF', 'XMP '].includes(c.fourcc));
  // VP8X flags: ICC 0x20, alpha 0x10, EXIF 0x08, XMP 0x04, animation 0x02.
  const vp8x = Buffer.alloc(10);
  vp8x[0] = (old?.data[0] ?? 0) | 0x08 | 0x04;
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  return riff([
    riffChunk('VP8X', vp8x),
    ...image.map((c) => riffChunk(c.fourcc, c.data)),
    riffChunk('EXIF', exifTiff()),
    riffChunk('XMP ', Buffer.from(xmpPacket())),
  ]);
};

/** A WebP with EXIF (GPS) and XMP chunks, VP8X flags set. */
export const webpWithGps = async (o: { width?: number; height?: number; alpha?: boolean } = {}) => {
  const width = o.width ?? 64;
  const height = o.height ?? 48;
  const base = await texture(width, height, o.alpha ? 4 : 3)
    .webp({ quality: 80 })
    .toBuffer();
  return withWebpMetadata(base, width, height);
};

/** An animated WebP (`frames` frames of `width`×`height`, alternating colours) with EXIF and XMP. */
export const animatedWebpWithGps = async (frames = 3, width = 40, height = 30): Promise<Uint8Array> => {
  const strip = await sharp({
    create: { width, height: height * frames, channels: 3, background: { r: 0, g: 0, b: 0 } },
  })
    .composite(
      Array.from({ length: frames }, (_, i) => ({
        input: {
          create: {
            width,
            height,
            channels: 3 as const,
            background: i % 2 ? { r: 0, g: 0, b: 255 } : { r: 255, g: 0, b: 0 },
          },
        },
        left: 0,
        top: i * height,
      })),
    )
    .png()
    .toBuffer();
  const base = await animatedFrom(strip, height, frames);
  return withWebpMetadata(base, width, height);
};

/** sharp treats a tall strip as pages when told the page height. */
const animatedFrom = async (strip: Buffer, pageHeight: number, frames: number): Promise<Uint8Array> => {
  const raw = await sharp(strip).raw().toBuffer({ resolveWithObject: true });
  const out = await sharp(raw.data, {
    raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels, pageHeight },
  })
    .webp({ quality: 80, loop: 0, delay: Array(frames).fill(200) })
    .toBuffer();
  return new Uint8Array(out);
};

// ---------------------------------------------------------------- PDF

/** A PDF of `pages` pages with Author/Creator/Producer/Title in its document information and an XMP stream. */
export const pdfWithAuthor = async (pages = 2): Promise<Uint8Array> => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Clarification: the bridge on Tran Hung Dao street stays open. Page ${i}.`, {
      x: 50,
      y: 780,
      size: 12,
      font,
    });
  }
  doc.setAuthor(OWNER_NAME);
  doc.setCreator(`Writer on ${DEVICE_MODEL}`);
  doc.setProducer(`Exporter (${SERIAL_MARK})`);
  doc.setTitle(`Notes by ${OWNER_NAME}`);
  doc.setKeywords(['clarification', OWNER_NAME]);
  const xmp = doc.context.stream(xmpPacket(), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  // No object streams: the planted text stays readable in the raw bytes.
  return doc.save({ useObjectStreams: false });
};

/**
 * A PDF made from a phone photo (as scanning apps and "print to PDF" do): the
 * JPEG is embedded as it is, EXIF with GPS, XMP and IPTC included.
 */
export const pdfWithPhoto = async (): Promise<Uint8Array> => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const photo = await doc.embedJpg(await jpegWithGps({ width: 120, height: 90 }));
  doc.addPage([300, 300]).drawImage(photo, { x: 10, y: 10, width: 120, height: 90 });
  return doc.save({ useObjectStreams: false });
};

/** A PDF of `pages` plain pages (for the bench), with Author and XMP planted. */
export const pdfPages = (pages: number) => pdfWithAuthor(pages);

/** A PDF whose trailer names an encryption dictionary (password-protected), which readers cannot open without the key. */
export const encryptedPdf = async (): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  const encrypt = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFString.of('0'.repeat(32)),
    U: PDFString.of('0'.repeat(32)),
    P: -4,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  return doc.save({ useObjectStreams: false });
};

/** A PDF that runs JavaScript when opened (/OpenAction) and names a script in its /Names tree. */
export const pdfWithJavaScript = async (): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const js = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hi")') });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(js));
  const tree = doc.context.obj({ Names: [PDFString.of('x'), doc.context.register(js)] });
  doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.register(tree) }));
  // A page-level "when opened" action too.
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(js) }));
  return doc.save({ useObjectStreams: false });
};

// ---------------------------------------------------------------- reading what survives

export interface SurvivingMetadata {
  /** GPS tags found (names), e.g. ['GPSLatitude', 'GPSLongitude']. */
  gps: string[];
  /** EXIF/TIFF tags found (names), e.g. ['Artist', 'Make']. */
  exif: string[];
  /** XMP properties found. */
  xmp: string[];
  /** IPTC datasets found. */
  iptc: string[];
  /** PNG text chunks found (tEXt/iTXt/zTXt keywords). */
  pngText: string[];
  /** The ICC profile's tags, if one is embedded. */
  icc: string[];
}

/** What identifying metadata exifreader finds in an image (JPEG, PNG, WebP). */
export const metadataOf = async (bytes: Uint8Array): Promise<SurvivingMetadata> => {
  const tags = (await ExifReader.load(Buffer.from(bytes), {
    expanded: true,
    includeUnknown: true,
  })) as Record<string, Record<string, unknown> | undefined>;
  const names = (group: string) => Object.keys(tags[group] ?? {});
  // exifreader files GPS under `gps` (decimal) and the raw GPS IFD tags under `exif` too.
  const exif = names('exif');
  return {
    gps: [...names('gps'), ...exif.filter((n) => n.startsWith('GPS'))],
    exif,
    xmp: names('xmp').filter((n) => n !== '_raw'),
    iptc: names('iptc'),
    pngText: names('pngText'),
    icc: names('icc'),
  };
};

/** Whether `text` appears in the raw bytes (Latin-1 and UTF-16 both, as metadata is written either way). */
export const containsText = (bytes: Uint8Array, text: string): boolean => {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    b.includes(Buffer.from(text, 'latin1')) ||
    b.includes(Buffer.from(text, 'utf16le')) ||
    b.includes(Buffer.from(text, 'utf16le').swap16())
  );
};

/** Every planted mark (name, device, serial) found in the raw bytes. */
export const plantedTextIn = (bytes: Uint8Array): string[] =>
  [NAME_MARK, DEVICE_MAKE, DEVICE_MODEL, SERIAL_MARK, 'W5M0MpCehiHzreSzNTczkc9d'].filter((t) =>
    containsText(bytes, t),
  );

/** What a PDF still says about its author: the document information entries and whether the catalog has an XMP stream. */
export const pdfMetadataOf = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    author: doc.getAuthor(),
    creator: doc.getCreator(),
    producer: doc.getProducer(),
    title: doc.getTitle(),
    keywords: doc.getKeywords(),
    xmp: doc.catalog.has(PDFName.of('Metadata')),
    pages: doc.getPageCount(),
  };
};
