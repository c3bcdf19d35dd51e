// The `chrome` namespace as used inside service-worker evaluations in E2E tests.
declare namespace chrome {
  namespace runtime {
    function getManifest(): {
      name: string;
      version: string;
      side_panel?: { default_path: string };
      content_scripts?: { matches: string[] }[];
      host_permissions?: string[];
    };
  }
  namespace tabs {
    function query(q: { url?: string; active?: boolean }): Promise<{ id?: number; url?: string }[]>;
  }
  namespace storage {
    const local: { get(keys: null): Promise<Record<string, unknown>> };
    const session: { get(keys: null): Promise<Record<string, unknown>> };
  }
  namespace action {
    function getBadgeText(d: { tabId?: number }): Promise<string>;
    function getTitle(d: { tabId?: number }): Promise<string>;
  }
}
