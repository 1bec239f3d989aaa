module.exports = {
  title: 'Portail des données ouvertes de la Métropole',
  description: 'Trouver, comprendre et réutiliser les données publiques du territoire',
  locale: 'fr-FR',
  base: '/donnees/',
  markdown: {
    lineNumbers: false,
    extendMarkdown: md => {
      md.use(require('markdown-it-container'), 'lexique')
    }
  },
  themeConfig: {
    logo: '/logo-metropole.svg',
    nav: [
      { text: 'Guide', link: '/guide/' },
      { text: 'API', link: '/api/' },
      { text: 'FAQ', link: '/faq/' }
    ],
    sidebar: {
      '/guide/': ['', 'publier', 'licence'],
      '/api/': ['', 'exemples'],
      '/faq/': ['']
    },
    lastUpdated: 'Dernière mise à jour'
  }
}
