/** The small part of citation-js (0.7) that Cited uses; the packages ship no types. */
declare module '@citation-js/core' {
  export interface CslDate {
    'date-parts': (number | string)[][]
  }
  export interface CslName {
    family?: string
    given?: string
    literal?: string
  }
  export interface CslItem {
    id: string
    type: string
    title?: string
    author?: CslName[]
    'container-title'?: string
    issued?: CslDate
    accessed?: CslDate
    volume?: string
    issue?: string
    page?: string
    DOI?: string
    PMID?: string
    PMCID?: string
    URL?: string
    ISBN?: string
    publisher?: string
  }
  export interface BibliographyOptions {
    format?: 'text' | 'html' | 'rtf'
    template?: string
    lang?: string
    asEntryArray?: boolean
  }
  /** The input plugins' parser chain (used to read BibTeX and RIS into CSL-JSON). */
  export const plugins: {
    input: {
      chain(
        data: unknown,
        options?: { target?: string; forceType?: string; generateGraph?: boolean },
      ): unknown
    }
  }
  export class Cite {
    constructor(data: CslItem[] | CslItem)
    format(
      style: 'bibliography',
      options: BibliographyOptions & { asEntryArray: true },
    ): [string, string][]
    format(style: 'bibliography', options?: BibliographyOptions): string
  }
}

declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
