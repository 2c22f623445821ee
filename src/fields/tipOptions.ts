/** The options of an aftercare tip's `timing` and `category`: the collection's selects, and the labels a page shows. */
export const TIP_TIMINGS = [
  { label: 'Before the session', value: 'before' },
  { label: 'During the session', value: 'during' },
  { label: 'Right after', value: 'right-after' },
  { label: 'Within 24 hours', value: 'within-24h' },
  { label: 'Ongoing', value: 'ongoing' },
]

export const TIP_CATEGORIES = [
  'hydration',
  'heat',
  'movement',
  'rest',
  'diet',
  'sleep',
  'mindfulness',
  'ergonomics',
  'scheduling',
  'safety',
].map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value }))
