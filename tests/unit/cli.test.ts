import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../fixtures/index';
import { fixtureSource } from '../fixtures/load';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

describe('da06 recognize (CLI)', () => {
  it('prints the RecognizedPage of every fixture as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da06-'));
    const results = await Promise.all(
      FIXTURES.map(async (f, i) => {
        const file = join(dir, `${i}.html`);
        writeFileSync(file, fixtureSource(f));
        const adapter = f.adapterId ? ['--adapter', f.adapterId] : [];
        const { stdout } = await run(TSX, ['scripts/da06.ts', 'recognize', file, '--url', f.url, ...adapter, '--json'], {
          maxBuffer: 1 << 24,
        });
        return { f, page: JSON.parse(stdout) };
      }),
    );
    for (const { f, page } of results) {
      expect(page.site, f.name).toBe(f.site);
      if (!f.late) expect(page.pageKind, f.name).toBe(f.kind);
      if (!f.late) expect(page.procedure, f.name).toEqual(f.procedure);
    }
  }, 120_000);
  it('fails with a clear message on a missing file', async () => {
    await expect(run(TSX, ['scripts/da06.ts', 'recognize', 'missing.html', '--url', 'https://dichvucong.gov.vn/'])).rejects.toMatchObject({
      stderr: expect.stringContaining('Cannot read missing.html'),
    });
  }, 120_000);
});

describe('da06 catalog (CLI)', () => {
  it('stats --json reproduces the declared counts', async () => {
    const { stdout } = await run(TSX, ['scripts/da06.ts', 'catalog', 'stats', '--json'], { maxBuffer: 1 << 24 });
    const stats = JSON.parse(stdout);
    expect(stats.documents['kh-tinh-2024'].tasks).toBe(72);
    expect(stats.documents['kh-tu-2025'].tasks).toBe(61);
    expect(stats.models).toBe(35);
    expect(stats.documents['kh-huyen-2024'].tasks).toBe(32);
    expect(stats.selfCheck.ok).toBe(true);
    expect(stats.deadlines.parsed / stats.deadlines.total).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

describe('da06 match (CLI)', () => {
  it('prints the procedure and banded items with reasons as JSON', async () => {
    const { stdout } = await run(TSX, ['scripts/da06.ts', 'match', '--json', '--name', 'Cấp thẻ căn cước', '--field', 'Căn cước'], {
      maxBuffer: 1 << 24,
    });
    const out = JSON.parse(stdout) as { procedure: { name: string }; items: { ref: string; kind: string; band: string; reason: string }[] };
    expect(out.procedure.name).toBe('Cấp thẻ căn cước');
    const item = out.items.find((i) => i.ref === 'kh-huyen-2024#20');
    expect(item).toMatchObject({ kind: 'task', band: 'specific' });
    expect(item?.reason).toContain('Căn cước');
    expect(new Set(out.items.map((i) => i.band))).toEqual(new Set(['specific', 'every-filing', 'related']));
  }, 120_000);

  it('finds the procedure from its code alone', async () => {
    const { stdout } = await run(TSX, ['scripts/da06.ts', 'match', '--json', '--code', '1.000656'], { maxBuffer: 1 << 24 });
    const out = JSON.parse(stdout) as {
      procedure: { name: string; field: string; reference: { id: string; by: string }; directory: { by: string } };
      items: { ref: string; band: string }[];
    };
    // The national directory names it; the reference list adds its topics.
    expect(out.procedure.name).toBe('Thủ tục đăng ký khai tử');
    expect(out.procedure.field).toBe('Hộ tịch');
    expect(out.procedure.directory.by).toBe('code');
    expect(out.procedure.reference).toMatchObject({ id: 'khai-tu', by: 'code' });
    expect(out.items.filter((i) => i.band === 'specific').map((i) => i.ref)).toContain('ct-04-2024#B24');
  }, 120_000);

  it('refuses to match nothing', async () => {
    await expect(run(TSX, ['scripts/da06.ts', 'match', '--json'])).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});

describe('da06 lookup (CLI)', () => {
  const lookup = async (...args: string[]) => JSON.parse((await run(TSX, ['scripts/da06.ts', 'lookup', ...args, '--json'])).stdout) as {
    by: string;
    entry: { code: string; portalId: string; name: string; field: string; level: string };
    url: string;
    inField?: boolean;
  };

  it('prints the directory entry for a code, a portal id or a name', async () => {
    const [byCode, byId, byName, inField] = await Promise.all([
      lookup('1.001193'),
      lookup('019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7'),
      lookup('Đăng ký khai sinh'),
      lookup('Gia hạn nộp thuế', '--field', 'Thuế'),
    ]);
    expect(byCode).toMatchObject({ by: 'code', entry: { portalId: '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã' } });
    expect(byCode.url).toBe('https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7');
    expect(byId).toMatchObject({ by: 'portalId', entry: { code: '1.001193' } });
    expect(byName).toMatchObject({ by: 'name', entry: { code: '1.001193' } });
    expect(inField).toMatchObject({ by: 'name', inField: true, entry: { code: '1.008590', field: 'Thuế' } });
    const { stdout } = await run(TSX, ['scripts/da06.ts', 'lookup', '1.001193']);
    expect(stdout).toContain('1.001193  Thủ tục đăng ký khai sinh');
    expect(stdout).toContain('field: Hộ tịch');
  }, 120_000);

  it('says so, and fails, when no entry is clearly meant', async () => {
    await expect(run(TSX, ['scripts/da06.ts', 'lookup', 'Gia hạn nộp thuế'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No directory entry for "Gia hạn nộp thuế"'),
    });
    await expect(run(TSX, ['scripts/da06.ts', 'lookup', '1.014955-Xoa'])).rejects.toMatchObject({ code: 1 });
  }, 120_000);
});
