import type { PayloadRequest } from 'payload'

/** What Next must refresh after a change: page paths and fetch-cache tags. */
export interface RevalidationTargets {
  paths: string[]
  tags: string[]
}

/** `req.context` key under which each revalidation of the request is recorded (tests read it). */
export const REVALIDATION_CONTEXT_KEY = 'citedRevalidation'

export const ARTICLES_TAG = 'articles'
export const articleTag = (slug: string): string => `article:${slug}`
export const articlePath = (slug: string): string => `/articles/${slug}`

/** The pages and tags of the articles with these slugs, plus the article list. */
export function articleRevalidationTargets(
  slugs: (string | null | undefined)[],
): RevalidationTargets {
  const unique = [
    ...new Set(slugs.filter((slug): slug is string => typeof slug === 'string' && slug !== '')),
  ]
  return {
    paths: ['/articles', ...unique.map(articlePath)],
    tags: [ARTICLES_TAG, ...unique.map(articleTag)],
  }
}

/**
 * Asks Next to refresh `targets`, and records them in `req.context`. Outside a Next request (tests,
 * scripts, jobs) `next/cache` has no store to refresh: the call is a no-op there.
 */
export async function revalidate(req: PayloadRequest, targets: RevalidationTargets): Promise<void> {
  const recorded =
    (req.context[REVALIDATION_CONTEXT_KEY] as RevalidationTargets[] | undefined) ?? []
  req.context[REVALIDATION_CONTEXT_KEY] = [...recorded, targets]
  try {
    const { revalidatePath, revalidateTag } = await import('next/cache')
    for (const path of targets.paths) {
      revalidatePath(path)
    }
    for (const tag of targets.tags) {
      revalidateTag(tag, 'max')
    }
  } catch (error) {
    req.payload.logger.debug({ msg: 'Cited: no Next.js cache to revalidate', err: error })
  }
}
