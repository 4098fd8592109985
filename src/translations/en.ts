export const en = {
  'legal-documents': {
    group: 'Legal',
  },
}
