import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/OptionsApp';
import { localeSetting, profileSetting, userHostsSetting } from '@/lib/settings';
import '@/components/panel.css';

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <OptionsApp />
    </StrictMode>,
  );
// Settings first (a few ms), so the form opens filled in and in the chosen language.
Promise.all([localeSetting.get(), profileSetting.get(), userHostsSetting.get()]).then(render, render);
