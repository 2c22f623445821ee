/**
 * Name of the flag every library document carries: true while a published article shows it (the
 * field is `fields/publicFlag.ts`; anonymous access reads it, `content/store.ts` maintains it).
 */
export const PUBLIC_FLAG = 'isPublic'
