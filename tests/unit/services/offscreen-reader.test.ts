import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOffscreenReader } from '../../../services/background/offscreen-reader';
import { page } from './helpers';

describe('offscreen reader (Chrome)', () => {
  let documents = 0;
  beforeEach(() => {
    fakeBrowser.reset();
    documents = 0;
    fakeBrowser.offscreen.hasDocument = vi.fn(async () => documents > 0);
    fakeBrowser.offscreen.createDocument = vi.fn(async () => void documents++);
  });

  const snapshot = { url: 'https://example.gov.vn/tthc', html: '<h1>Đăng ký khai sinh</h1>' };

  it('creates the offscreen document once and returns its reading', async () => {
    const answer = { page: page(snapshot.url, { code: '1.001193' }), title: 'Đăng ký khai sinh' };
    const send = vi.fn(async () => answer);
    const reader = createOffscreenReader(send);
    expect(await reader.read(snapshot)).toEqual(answer);
    await reader.read(snapshot);
    expect(fakeBrowser.offscreen.createDocument).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(snapshot);
  });

  it('rejects an answer that is not a recognized page', async () => {
    const reader = createOffscreenReader(async () => ({ site: 'x', url: 'not a page' }));
    await expect(reader.read(snapshot)).rejects.toThrow();
  });

  it('tries to create the document again after a failure', async () => {
    fakeBrowser.offscreen.createDocument = vi.fn().mockRejectedValueOnce(new Error('busy')).mockImplementation(async () => void documents++);
    const reader = createOffscreenReader(async () => ({ page: page(snapshot.url, null, 'unknown') }));
    await expect(reader.read(snapshot)).rejects.toThrow('busy');
    expect((await reader.read(snapshot)).page.pageKind).toBe('unknown');
  });
});
