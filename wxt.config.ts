import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { PORTAL_HOST_PATTERNS } from './lib/adapters/hosts';

// The extension: a thin content script on the portal hosts, a background that
// keeps per-tab state, and the side panel (Chrome side_panel, Firefox sidebar).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: no directory auto-imports, so layers stay visible.
  imports: false,
  // Every context's `zod` is lib/zod-jitless.ts: zod with `jitless` set before any
  // schema exists, so it never probes `new Function` under the extension's CSP.
  vite: () => ({
    resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./lib/zod-jitless.ts', import.meta.url)) }] },
  }),
  manifest: ({ browser }) => ({
    name: 'Trợ lý Đề án 06',
    short_name: 'Trợ lý ĐA06',
    description:
      'Cho cán bộ Bộ phận Một cửa: nhiệm vụ, chỉ tiêu, mô hình của Đề án 06 áp dụng cho thủ tục đang xử lý. (Project 06 Desk Assistant)',
    permissions:
      browser === 'firefox'
        ? ['storage', 'unlimitedStorage']
        : ['storage', 'unlimitedStorage', 'sidePanel', 'scripting', 'offscreen'],
    // unlimitedStorage: the journal must not be evicted or hit the default quota.
    // No `tabs`: a portal tab's address is visible through the host permissions,
    // the content script reports it, and `tabs` would add the browsing-history warning.
    host_permissions: [...PORTAL_HOST_PATTERNS],
    // Hosts the user adds in Options are requested at run time, one by one.
    // Firefox's MV2 manifest has no optional_host_permissions (WXT drops the
    // key there): hosts go in optional_permissions, or Firefox refuses the request.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    action: { default_title: 'Trợ lý Đề án 06' },
    // Alt+Shift+6 opens the panel (Chrome: the toolbar action opens the side
    // panel; Firefox: the sidebar). Users can change it in the browser's shortcuts page.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+6' }, description: 'Mở Trợ lý Đề án 06' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+6' }, description: 'Mở Trợ lý Đề án 06' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tro-ly-de-an-06@example.invalid',
              strict_min_version: '142.0',
              // Nothing leaves the user's machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
