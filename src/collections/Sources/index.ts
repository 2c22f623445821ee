import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/isEditor'
import { publicIfExposed } from '../../access/publicIfExposed'
import {
  doiError,
  isbnError,
  normaliseDoi,
  normaliseIsbn,
  normalisePmcid,
  normalisePmid,
  pmcidError,
  pmidError,
  urlError,
} from '../../evidence/locators'
import { locatorField } from '../../fields/locator'
import { publicFlagField } from '../../fields/publicFlag'
import { ADMIN_COMPONENTS } from '../../shared/adminComponents'
import { SOURCES_SLUG } from '../../shared/slugs'

export const SOURCE_TYPES = [
  { label: 'Journal article', value: 'journal-article' },
  { label: 'Systematic review', value: 'systematic-review' },
  { label: 'Guideline', value: 'guideline' },
  { label: 'Book', value: 'book' },
  { label: 'Web page', value: 'web-page' },
  { label: 'Report', value: 'report' },
]

export const STUDY_TYPES = [
  { label: 'Meta-analysis', value: 'meta-analysis' },
  { label: 'Systematic review', value: 'systematic-review' },
  { label: 'Randomised controlled trial', value: 'rct' },
  { label: 'Cohort study', value: 'cohort' },
  { label: 'Case-control study', value: 'case-control' },
  { label: 'Cross-sectional study', value: 'cross-sectional' },
  { label: 'Case series', value: 'case-series' },
  { label: 'Clinical guideline', value: 'guideline' },
  { label: 'Expert opinion', value: 'expert-opinion' },
  { label: 'Other', value: 'other' },
]

/** The reference library: CSL-JSON-shaped sources that claims cite. What runs on it: `behaviour.ts`. */
export const Sources: CollectionConfig = {
  slug: SOURCES_SLUG,
  labels: { singular: 'Source', plural: 'Sources' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', 'year', 'doi', 'evidenceLevel'],
    group: 'Evidence',
    description: 'The reference library. Every statistic must cite at least one source.',
    // "Import references": paste BibTeX, RIS, CSL-JSON, a PubMed export, DOIs or PMIDs.
    components: { beforeListTable: [ADMIN_COMPONENTS.importReferences] },
  },
  access: {
    read: publicIfExposed(),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    {
      name: 'type',
      type: 'select',
      required: true,
      defaultValue: 'journal-article',
      options: SOURCE_TYPES,
    },
    { name: 'title', type: 'text', required: true },
    {
      name: 'authors',
      type: 'array',
      dbName: 'src_authors',
      labels: { singular: 'Author', plural: 'Authors' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'family', type: 'text', required: true, label: 'Family name' },
            { name: 'given', type: 'text', label: 'Given names or initials' },
          ],
        },
      ],
    },
    {
      name: 'containerTitle',
      type: 'text',
      label: 'Journal or website',
      admin: { description: 'The journal, book or site the source appeared in.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'year', type: 'number', min: 1800, max: 2100 },
        { name: 'volume', type: 'text' },
        { name: 'issue', type: 'text' },
        { name: 'pages', type: 'text' },
      ],
    },
    locatorField({
      name: 'doi',
      label: 'DOI',
      description: 'e.g. 10.1001/jamainternmed.2018.3787 — a pasted https://doi.org/ link is fine.',
      normalise: normaliseDoi,
      error: doiError,
      uniqueIn: SOURCES_SLUG,
    }),
    locatorField({
      name: 'pmid',
      label: 'PMID',
      description: 'PubMed ID, digits only.',
      normalise: normalisePmid,
      error: pmidError,
      uniqueIn: SOURCES_SLUG,
    }),
    locatorField({
      name: 'pmcid',
      label: 'PMCID',
      description: 'PubMed Central ID, e.g. PMC6142977.',
      normalise: normalisePmcid,
      error: pmcidError,
    }),
    locatorField({
      name: 'url',
      label: 'URL',
      description: 'A link to the source (http or https).',
      normalise: (value) => value.trim(),
      error: urlError,
    }),
    locatorField({
      name: 'isbn',
      label: 'ISBN',
      description: 'For books.',
      normalise: normaliseIsbn,
      error: isbnError,
    }),
    { name: 'accessed', type: 'date', admin: { description: 'When a web page was last checked.' } },
    { name: 'publisher', type: 'text' },
    {
      name: 'evidenceLevel',
      type: 'select',
      label: 'Evidence level (Oxford CEBM)',
      options: [
        { label: '1 — Systematic review of RCTs', value: '1' },
        { label: '2 — Randomised trial', value: '2' },
        { label: '3 — Non-randomised controlled study', value: '3' },
        { label: '4 — Case series, case-control', value: '4' },
        { label: '5 — Mechanism-based reasoning, expert opinion', value: '5' },
      ],
    },
    { name: 'studyType', type: 'select', options: STUDY_TYPES },
    publicFlagField(),
  ],
}
