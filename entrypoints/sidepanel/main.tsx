import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstTabState } from '@/components/App';
import '@/components/panel.css';

// Render once the background has answered (it answers in a few ms; never wait long),
// so the first render already shows the procedure's list.
const render = (initial: Awaited<typeof firstTabState>) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialTab={initial} />
    </StrictMode>,
  );
void Promise.race([firstTabState, new Promise<null>((r) => setTimeout(() => r(null), 300))]).then(render, () => render(null));
