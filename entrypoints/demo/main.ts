import { browser } from 'wxt/browser';
import { STRINGS } from '@/lib/i18n';
import { messenger } from '@/lib/messages/protocol';
import { localeSetting } from '@/lib/settings';
import { showTrainingBar } from '@/lib/training/bar';
import { demoScreen } from '@/lib/training/screens';
import { TOURS, tourById } from '@/lib/training/tours';
import { followOwnBadge, startDemoPage } from '@/services/training/demo-page';
import '@/components/training/demo-screens.css';

// demo.html?screen=<id>[&tour=<id>][&route=<n>]: one demo screen on the production path (services/training/demo-page.ts).
async function main() {
  const params = new URLSearchParams(location.search);
  const locale = await localeSetting.get().catch(() => 'vi' as const);
  const t = STRINGS[locale];
  document.documentElement.lang = locale;
  const screen = demoScreen(params.get('screen') ?? '');
  const container = document.getElementById('demo-screen')!;
  if (!screen) {
    container.textContent = t.training_unknownScreen;
    return;
  }
  document.title = `${t.training_marker} — ${screen.title[locale]}`;
  document.body.dataset.portal = screen.portal;
  const tours = TOURS.filter((x) => x.screen === screen.id);
  const route = Math.min(Math.max(Number(params.get('route') ?? 0) || 0, 0), screen.routes.length - 1);
  const bar = showTrainingBar(document, {
    marker: t.training_marker,
    text: t.training_demoBar,
    url: screen.routes[route]!.url,
    back: { label: t.training_backToLibrary, href: browser.runtime.getURL('/training.html') },
    panel: { label: t.training_openPanel, onClick: () => void messenger.sendMessage('openPanel').catch(() => undefined) },
    tours: tours.map((tour) => ({ id: tour.id, label: t.training_startTour, title: tour.title[locale], onClick: () => void page.runTour(tour) })),
  });
  const page = startDemoPage({
    doc: document,
    screen,
    route,
    onRecognized: (url) => bar.setUrl(url),
  });
  await followOwnBadge(document);
  const asked = tourById(params.get('tour') ?? '');
  if (asked && asked.screen === screen.id) await page.runTour(asked);
}
void main();
