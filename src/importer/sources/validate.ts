/**
 * `validateSource`: what `payload.create` would store for a new source, checked the way create
 * checks it — and nothing written. The import's dry run (the admin's preview) uses it, so a
 * preview never depends on a transaction being rolled back: with a host's
 * `transactionOptions: false` a created-then-"rolled back" source would stay.
 *
 * It runs, in create's order: the collection's `create` access, its `beforeOperation` hooks
 * (input shape checks; the public-set lock there is a no-op, as no transaction is open), the
 * fields' `beforeValidate` hooks and field access (normalised DOI, PMID…), the collection's
 * `beforeValidate` hooks (a locator is required), and the fields' `beforeChange` hooks with
 * every field's `validate` (required fields, DOI/PMID format and uniqueness, year range). It does
 * not run the collection's `beforeChange` hooks, the database write or anything after it
 * (`afterChange` hooks, revalidation): those are for a source that is saved.
 */
import type {
  CollectionBeforeOperationHook,
  JsonObject,
  PayloadRequest,
  RequiredDataFromCollectionSlug,
} from 'payload'

import {
  beforeChangeTraverseFields,
  beforeValidateTraverseFields,
  Forbidden,
  ValidationError,
} from 'payload'

import { SOURCES_SLUG } from '../../shared/slugs'

type BeforeOperationArg = Parameters<CollectionBeforeOperationHook>[0]
type HookArgs = BeforeOperationArg['args']

/**
 * The source `data` would become, validated as `payload.create` (with `overrideAccess: false`,
 * as `req.user`) validates it. Throws what create throws: `Forbidden`, `ValidationError`, or a
 * hook's own error. Reads (uniqueness checks) but never writes.
 */
export async function validateSource(
  req: PayloadRequest,
  input: RequiredDataFromCollectionSlug<typeof SOURCES_SLUG>,
): Promise<JsonObject> {
  const collection = req.payload.collections[SOURCES_SLUG]
  const config = collection.config
  const context = req.context

  const rule = config.access.create
  if (rule && !(await rule({ req, data: input as JsonObject }))) {
    throw new Forbidden(req.t)
  }

  let args = {
    collection,
    data: structuredClone(input),
    depth: 0,
    overrideAccess: false,
    req,
  } as unknown as HookArgs
  for (const hook of config.hooks.beforeOperation ?? []) {
    const result: unknown = await hook({
      args,
      collection: config,
      context,
      operation: 'create',
      overrideAccess: false,
      req,
    } as BeforeOperationArg)
    if (result !== undefined) {
      args = result as HookArgs
    }
  }

  /** The field traversals' arguments for a new document's top level, as create passes them. */
  const atRoot = () => ({
    collection: config,
    context,
    doc: {},
    fields: config.fields,
    global: null,
    operation: 'create' as const,
    overrideAccess: false,
    parentIndexPath: '',
    parentIsLocalized: false,
    parentPath: '',
    parentSchemaPath: '',
    req,
    siblingDoc: {},
  })

  let data = structuredClone((args as { data?: JsonObject }).data ?? {})
  await beforeValidateTraverseFields({ ...atRoot(), data, siblingData: data })
  for (const hook of config.hooks.beforeValidate ?? []) {
    data =
      ((await hook({
        collection: config,
        context,
        data,
        operation: 'create',
        originalDoc: undefined,
        req,
      })) as JsonObject | undefined) ?? data
  }

  const result = structuredClone(data)
  const errors: ConstructorParameters<typeof ValidationError>[0]['errors'] = []
  await beforeChangeTraverseFields({
    ...atRoot(),
    data: result,
    docWithLocales: {},
    errors,
    fieldLabelPath: '',
    mergeLocaleActions: [],
    siblingData: result,
    siblingDocWithLocales: {},
  })
  if (errors.length > 0) {
    throw new ValidationError({ collection: config.slug, errors, req }, req.t)
  }
  return result
}
