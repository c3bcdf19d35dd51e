import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageTour } from '@/lib/training/page-tour';

// /tour.js: injected by the panel into a portal tab to run a tour there (lib/training/page-tour.ts).
export default defineUnlistedScript(() => {
  installPageTour(globalThis as Parameters<typeof installPageTour>[0], document);
});
