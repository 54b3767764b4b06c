/**
 * The webcam test corpus: card codes made by encoders the app does not use (Debian's `zint`, GNU
 * `barcode` and `qrencode`), printed on a white card label, laid on a light, mid-grey or dark desk
 * with ImageMagick, tilted, blurred or noisy, and turned into one-frame y4m videos with ffmpeg for
 * Chromium's fake camera (`--use-file-for-fake-video-capture=FILE.y4m`).
 *
 *   node --import tsx scripts/make-webcam-corpus.ts [OUTDIR] [CASE…]   (default: the whole matrix
 *                                                                      into test-results/webcam-corpus)
 *
 * Nothing here is committed: the e2e test and scripts/webcam-read-rate.ts make what they need at run
 * time. Needs the Debian packages zint, barcode, qrencode, imagemagick, ghostscript and ffmpeg.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type Encoder = 'zint-code128' | 'barcode-code128' | 'zint-qr' | 'qrencode-qr';
export type Desk = 'light' | 'grey' | 'dark';
export type Distortion =
  'straight' | 'tilt8' | 'tilt15' | 'blur' | 'noise' | 'tilt-blur-noise' | 'turned90' | 'far' | 'heavy-blur';

export const ENCODERS: readonly Encoder[] = ['zint-code128', 'barcode-code128', 'zint-qr', 'qrencode-qr'];
export const DESKS: readonly Desk[] = ['light', 'grey', 'dark'];
export const DISTORTIONS: readonly Distortion[] = [
  'straight',
  'tilt8',
  'tilt15',
  'blur',
  'noise',
  'tilt-blur-noise',
  'turned90',
  'far',
  'heavy-blur',
];

/** Cards of test/fixtures/gent-small.lkb (the e2e store) that can be handed out. */
export const CORPUS_CARDS = [
  { number: '270000000154', name: 'Van de Velde' },
  { number: '270000000255', name: 'Janssens' },
  { number: '270000000457', name: 'Peeters' },
  { number: '270000000558', name: 'Van der Linden' },
  { number: '270000000760', name: 'Goossens' },
  { number: '270000000861', name: 'Pauwels' },
] as const;

export interface CorpusCase {
  encoder: Encoder;
  desk: Desk;
  distortion: Distortion;
  /** The 12-digit card number the code leads to. */
  card: string;
}

export interface CorpusFile extends CorpusCase {
  name: string;
  /** What the code holds: the card number (Code 128) or the look-up URL (QR). */
  text: string;
  png: string;
  y4m: string;
}

export const FRAME_WIDTH = 640;
export const FRAME_HEIGHT = 480;

/** Each desk: a lighting gradient from top to bottom, as a lamp over a desk gives. */
const DESK_GRADIENT: Record<Desk, string> = {
  light: 'gradient:#ece8e0-#d6d2ca',
  grey: 'gradient:#8c8c8a-#747472',
  dark: 'gradient:#3c3834-#24221f',
};

export function lookupUrl(card: string): string {
  return `https://www.lerarenkaart.be/afhalen?kaart=${card}`;
}

export function caseName(c: CorpusCase): string {
  return `${c.encoder}-${c.desk}-${c.distortion}`;
}

/** The whole matrix; the card cycles so neighbouring cases lead to different cards. */
export function corpusMatrix(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let i = 0;
  for (const encoder of ENCODERS)
    for (const desk of DESKS)
      for (const distortion of DISTORTIONS) {
        const card = CORPUS_CARDS[i++ % CORPUS_CARDS.length]?.number ?? CORPUS_CARDS[0].number;
        cases.push({ encoder, desk, distortion, card });
      }
  return cases;
}

/** The code alone as a PNG, as its encoder draws it: about 3 px per Code 128 module, 6 per QR module. */
async function encode(encoder: Encoder, text: string, out: string, work: string): Promise<void> {
  switch (encoder) {
    case 'zint-code128':
      // zint: scale 1 is 2 px per module; its human-readable digits stay, as on a real card.
      await run('zint', [
        '-b',
        '20',
        `--data=${text}`,
        '--height=30',
        '--scale=1.5',
        '--whitesp=10',
        '-o',
        out,
      ]);
      return;
    case 'barcode-code128': {
      // GNU barcode writes PostScript (1 module = 1 pt; bars slightly thinned for ink spread).
      // ImageMagick's policy refuses EPS, so ghostscript renders it: 216 dpi = 3 px per module.
      const eps = path.join(work, `${path.basename(out, '.png')}.eps`);
      await run('barcode', ['-b', text, '-e', '128', '-E', '-o', eps]);
      await run('gs', [
        '-q',
        '-dSAFER',
        '-dBATCH',
        '-dNOPAUSE',
        '-dEPSCrop',
        '-sDEVICE=pnggray',
        '-r216',
        `-sOutputFile=${out}`,
        eps,
      ]);
      return;
    }
    case 'zint-qr':
      await run('zint', ['-b', '58', `--data=${text}`, '--scale=3', '-o', out]);
      return;
    case 'qrencode-qr':
      await run('qrencode', ['-s', '6', '-m', '2', '-o', out, text]);
      return;
  }
}

interface Look {
  angle: number;
  /** Gaussian blur sigma in px (0: sharp). */
  blur: number;
  noise: boolean;
  /** Card size: 1 = about 3 px per Code 128 module; 0.6 = held twice as far (under 2 px). */
  size: number;
}

function lookOf(distortion: Distortion): Look {
  const sharp: Look = { angle: 0, blur: 0, noise: false, size: 1 };
  switch (distortion) {
    case 'straight':
      return sharp;
    case 'tilt8':
      return { ...sharp, angle: 8 };
    case 'tilt15':
      return { ...sharp, angle: -15 };
    case 'blur':
      return { ...sharp, blur: 1.5 };
    case 'noise':
      return { ...sharp, noise: true };
    case 'tilt-blur-noise':
      return { angle: 8, blur: 1.5, noise: true, size: 1 };
    case 'turned90':
      return { ...sharp, angle: 90 };
    case 'far':
      return { ...sharp, size: 0.6 };
    case 'heavy-blur':
      return { ...sharp, blur: 2.5, noise: true };
  }
}

/** Makes the PNG and the one-frame y4m of one case. */
export async function makeCorpusCase(c: CorpusCase, outDir: string): Promise<CorpusFile> {
  await mkdir(outDir, { recursive: true });
  const name = caseName(c);
  const isQr = c.encoder === 'zint-qr' || c.encoder === 'qrencode-qr';
  const text = isQr ? lookupUrl(c.card) : c.card;
  const codePng = path.join(outDir, `${name}.code.png`);
  const png = path.join(outDir, `${name}.png`);
  const y4m = path.join(outDir, `${name}.y4m`);
  await encode(c.encoder, text, codePng, outDir);
  const { angle, blur, noise, size } = lookOf(c.distortion);
  // The card: a white label with a margin around the code and a coloured band at the top, as the
  // printed teacher card has; then turned, and laid a little off-centre on the desk.
  const card = [
    '(',
    codePng,
    '-colorspace',
    'sRGB',
    '-bordercolor',
    'white',
    '-border',
    '36x28',
    '-gravity',
    'north',
    '-splice',
    '0x30',
    '-fill',
    '#1d4f91',
    '-draw',
    'rectangle 0,0 2000,22',
    ...(size === 1 ? [] : ['-resize', `${size * 100}%`]),
    '-background',
    'none',
    '-rotate',
    String(angle),
    ')',
  ];
  const args = [
    '-size',
    `${FRAME_WIDTH}x${FRAME_HEIGHT}`,
    DESK_GRADIENT[c.desk],
    ...card,
    '-gravity',
    'center',
    '-geometry',
    '+14+10',
    '-composite',
    ...(blur > 0 ? ['-blur', `0x${blur}`] : []),
    ...(noise ? ['-attenuate', '0.6', '+noise', 'Gaussian'] : []),
    '-alpha',
    'off',
    `PNG24:${png}`,
  ];
  await run('convert', args);
  await run('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-i',
    png,
    '-frames:v',
    '1',
    '-vf',
    'format=yuv420p',
    y4m,
  ]);
  return { ...c, name, text, png, y4m };
}

export async function makeWebcamCorpus(outDir: string, cases: readonly CorpusCase[]): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  // Two at a time: the machine has two cores and ImageMagick is the slow part.
  for (let i = 0; i < cases.length; i += 2) {
    files.push(...(await Promise.all(cases.slice(i, i + 2).map((c) => makeCorpusCase(c, outDir)))));
  }
  return files;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const outDir = path.resolve(process.argv[2] ?? 'test-results/webcam-corpus');
  const wanted = process.argv.slice(3);
  const cases = corpusMatrix().filter((c) => wanted.length === 0 || wanted.includes(caseName(c)));
  makeWebcamCorpus(outDir, cases).then(
    (files) => {
      for (const file of files) console.log(`${file.name}: "${file.text}" → ${file.y4m}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
