import type { RecognizedPage } from '../../../lib/recognize/page';

export function page(url: string, procedure: RecognizedPage['procedure'], pageKind: RecognizedPage['pageKind'] = 'procedure-info'): RecognizedPage {
  return { site: 'national', pageKind, url, procedure, confidence: 1, evidence: { urlRule: null, landmarks: [], tried: [] } };
}
