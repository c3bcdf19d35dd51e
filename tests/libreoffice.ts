import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseHTML } from 'linkedom';

/*
 * Opens a spreadsheet file the way an office would — with LibreOffice Calc,
 * headless — and reads the cells back (through LibreOffice's own HTML export,
 * parsed with linkedom). For CSV the import options are given as Excel with
 * Windows' Vietnamese regional settings reads a double-clicked file: ";" as
 * the list separator, '"' quotes, UTF-8 (what the byte-order mark tells Excel).
 * Installed by scripts/ensure-browsers.sh (Debian: libreoffice-calc-nogui).
 */

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** Import settings of a CSV opened by double-click: the regional list separator. */
export const EXCEL_VI_VN = { separator: ';' } as const;
export const EXCEL_EN_US = { separator: ',' } as const;

export interface Sheet {
  name: string;
  rows: string[][];
}

/** Every sheet of `file` as rows of cell texts. */
export function readWithLibreOffice(file: string, csv: { separator: string } = EXCEL_VI_VN): Sheet[] {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice not found at ${SOFFICE}: run sh scripts/ensure-browsers.sh (installs libreoffice-calc-nogui)`);
  const dir = mkdtempSync(join(tmpdir(), 'da06-lo-'));
  try {
    const args = [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore'];
    if (/\.csv$/i.test(file)) args.push(`--infilter=CSV:${csv.separator.charCodeAt(0)},34,76,1`);
    args.push('--convert-to', 'html', '--outdir', dir, file);
    execFileSync(SOFFICE, args, { stdio: 'pipe', timeout: 120_000 });
    const html = readFileSync(join(dir, basename(file).replace(/\.[^.]+$/, '.html')), 'utf8');
    const { document } = parseHTML(html);
    const names = [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? '');
    return [...document.querySelectorAll('table')].map((table, i) => ({
      name: names[i]?.replace(/^.*?:\s*/, '') ?? String(i),
      rows: [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes `content` to a temporary file named `name`, reads it back through LibreOffice. */
export function readBytesWithLibreOffice(name: string, content: string | Uint8Array, csv?: { separator: string }): Sheet[] {
  const dir = mkdtempSync(join(tmpdir(), 'da06-file-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, content);
    return readWithLibreOffice(path, csv);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
