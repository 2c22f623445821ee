import type { UIField } from 'payload'

import { ADMIN_COMPONENTS } from '../shared/adminComponents'

/**
 * The evidence panel in the sidebar of the edit view: the statistics that still need a cited
 * claim and the review status of the claims relied on, recomputed live from the form.
 * A `ui` field: nothing is stored.
 */
export const evidencePanelField = (): UIField => ({
  name: 'evidencePanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    disableListColumn: true,
    components: { Field: ADMIN_COMPONENTS.evidencePanel },
  },
})

/** The "Status" column of the articles list: published or draft, and uncited statistics. */
export const articleStatusField = (): UIField => ({
  name: 'publishState',
  type: 'ui',
  label: 'Status',
  admin: {
    components: { Cell: ADMIN_COMPONENTS.articleStatusCell },
  },
})
