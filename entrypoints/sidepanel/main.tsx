import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstTabState, settingsRead } from '@/components/App';
import '@/components/panel.css';
import '@/components/training/presenter.css';

// Render once the background has answered and the settings are read (a few ms;
// never wait long), so the first render already shows the procedure's list in the chosen language.
const render = (initial: Awaited<typeof firstTabState>) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialTab={initial} />
    </StrictMode>,
  );
const ready = Promise.all([firstTabState, settingsRead]).then(([tab]) => tab);
void Promise.race([ready, new Promise<null>((r) => setTimeout(() => r(null), 300))]).then(render, () => render(null));
