import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportApp } from '@/components/ReportApp';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { STRINGS, type Locale } from '@/lib/i18n';
import { localeSetting } from '@/lib/settings';
import '@/components/panel.css';
import '@/components/report/report.css';

// The language is read first, so even the error boundary speaks it.
const render = (locale: Locale) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary title={STRINGS[locale].reportFailed}>
        <ReportApp />
      </ErrorBoundary>
    </StrictMode>,
  );
localeSetting.get().then(render, () => render(localeSetting.fallback));
