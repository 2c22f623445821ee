/* Payload's generated GraphQL route, with Cited's guards (body limit, JSON check, fragment count). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardGraphQL } from '../../../../http/routes'

export const POST = guardGraphQL(GRAPHQL_POST(config), config)

export const OPTIONS = REST_OPTIONS(config)
