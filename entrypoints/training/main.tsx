import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { TrainingApp } from '@/components/training/TrainingApp';
import { STRINGS, type Locale } from '@/lib/i18n';
import { localeSetting } from '@/lib/settings';
import '@/components/panel.css';
import '@/components/training/training.css';

// The Đào tạo page (issue 13): demo screens, tours, presenter mode, training sets.
const render = (locale: Locale) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary title={STRINGS[locale].training_pageTitle}>
        <TrainingApp />
      </ErrorBoundary>
    </StrictMode>,
  );
localeSetting.get().then(render, () => render(localeSetting.fallback));
