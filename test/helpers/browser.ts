import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

/** Headless Chromium: CHROMIUM_PATH when set (macOS, a local Chrome), else the one in @sparticuz/chromium. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (await bundledChromium()),
    // Playwright adds a fresh temporary --user-data-dir itself (and refuses one here).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The Chromium that @sparticuz/chromium ships, unpacked once per version into the temp dir.
 * Not its executablePath(): that returns /tmp/chromium as soon as the file exists, so a
 * concurrent run launches it half-written (spawn ETXTBSY) and an interrupted unpack stays broken.
 */
async function bundledChromium(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error('@sparticuz/chromium ships a Linux x64 Chromium only: set CHROMIUM_PATH');
  const packageDir = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const path = join(tmpdir(), `sparticuz-chromium-${version}`, 'chromium');
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  // Each run unpacks to its own file, then links it in unless another run got there first: never a
  // half-written binary, and never a new file over one a running Chromium re-executes (/proc/self/exe).
  const partial = `${path}.${randomUUID()}`;
  await pipeline(
    createReadStream(join(packageDir, 'bin', 'chromium.br')),
    createBrotliDecompress(),
    createWriteStream(partial, { mode: 0o755 }),
  );
  try {
    linkSync(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(partial);
  }
  return path;
}
