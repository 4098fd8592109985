import type { en } from './en.js'

export const uk: typeof en = {
  'legal-documents': {
    group: 'Юридичне',
  },
}
