import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportApp } from '@/components/ReportApp';
import '@/components/panel.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReportApp />
  </StrictMode>,
);
