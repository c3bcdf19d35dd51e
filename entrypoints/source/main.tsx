import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SourceView } from '@/components/SourceView';
import { localeSetting } from '@/lib/settings';
import '@/components/panel.css';

// The seed documents ship as they are; each is loaded only when asked for.
const seeds = import.meta.glob('../../seeds/*.txt', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

async function loadSeed(file: string): Promise<string> {
  const entry = Object.entries(seeds).find(([path]) => path.endsWith(`/${file}`));
  if (!entry) throw new Error(`missing seed ${file}`);
  return entry[1]();
}

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SourceView itemRef={new URLSearchParams(location.search).get('ref') ?? ''} loadSeed={loadSeed} />
    </StrictMode>,
  );
// The language first (a few ms), so the page opens in it.
localeSetting.get().then(render, render);
