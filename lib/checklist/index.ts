import checklistJson from '../../seeds/checklist.json';
import { ChecklistLibrarySchema, type ChecklistLibrary } from './library';

export * from './library';

let cached: ChecklistLibrary | undefined;
/** The reviewed checklist library, validated once. */
export function checklistLibrary(): ChecklistLibrary {
  cached ??= ChecklistLibrarySchema.parse(checklistJson);
  return cached;
}
