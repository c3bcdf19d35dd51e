/*
 * Firefox: the toolbar button opens and closes the sidebar. Firefox lets an
 * add-on open its sidebar only while handling a user action, and the click on
 * the toolbar button is one, as long as the sidebar call is made right in the
 * listener (no await before it). The click on the in-page badge is not: it
 * reaches the background as a message, so the badge opens the panel as a tab.
 * Chrome needs none of this (its side panel opens on the action click).
 */

type Listener = () => void;

/** The two Firefox APIs used (MV2 `browserAction`, Firefox-only `sidebarAction`). */
export interface FirefoxToolbarApi {
  browserAction: { onClicked: { addListener(l: Listener): void; removeListener(l: Listener): void } };
  sidebarAction: { toggle(): Promise<void> };
}

/** Wire the toolbar button to the sidebar; returns the function that unwires it. */
export function sidebarFromToolbar(api: FirefoxToolbarApi): () => void {
  const onClicked: Listener = () => {
    api.sidebarAction.toggle().catch((error: unknown) => console.warn('[da06] could not open the sidebar', error));
  };
  api.browserAction.onClicked.addListener(onClicked);
  return () => api.browserAction.onClicked.removeListener(onClicked);
}
