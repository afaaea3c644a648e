import type { ConfiguredResource, CrisisResourcesConfig } from './crisis-resources.schema.js';

// What Kindred shows when CRISIS_RESOURCES_JSON is not set: international directories that
// work anywhere, and a few countries' national lines. Numbers change; operators should check
// these for the places their members live and configure their own (README).

const emergency = (phone: string): ConfiguredResource => ({
  id: 'emergency',
  name: { en: 'Emergency services', es: 'Servicios de emergencia' },
  description: { en: 'If you are in danger right now.', es: 'Si estás en peligro en este momento.' },
  phone,
});

const samaritans: ConfiguredResource = {
  id: 'samaritans',
  name: { en: 'Samaritans' },
  description: {
    en: 'Someone to talk to, any time, day or night. Free to call.',
    es: 'Alguien con quien hablar, a cualquier hora del día o de la noche. Llamada gratuita.',
  },
  phone: '116 123',
  website: 'https://www.samaritans.org',
};

const line988: ConfiguredResource = {
  id: '988',
  name: { en: '988 Suicide & Crisis Lifeline', es: '988 Línea de Prevención del Suicidio y Crisis' },
  description: {
    en: 'Call or text 988, any time. Free and confidential; support in Spanish too.',
    es: 'Llama o escribe al 988 a cualquier hora. Gratis y confidencial; también en español.',
  },
  phone: '988',
  text: { number: '988' },
  website: 'https://988lifeline.org',
};

export const DEFAULT_CRISIS_RESOURCES: CrisisResourcesConfig = {
  international: [
    {
      id: 'find-a-helpline',
      name: { en: 'Find A Helpline' },
      description: {
        en: 'Free, confidential helplines in more than 130 countries, searchable by country and topic.',
        es: 'Líneas de ayuda gratuitas y confidenciales en más de 130 países; puedes buscar por país y por tema.',
      },
      website: 'https://findahelpline.com',
    },
    {
      id: 'befrienders',
      name: { en: 'Befrienders Worldwide' },
      description: {
        en: 'Emotional support for people in distress, from centres around the world.',
        es: 'Apoyo emocional para personas que lo están pasando mal, desde centros de todo el mundo.',
      },
      website: 'https://www.befrienders.org',
    },
    {
      id: 'hot-peach-pages',
      name: { en: 'Hot Peach Pages' },
      description: {
        en: 'A directory of domestic-abuse services worldwide; a local line can help you plan for safety.',
        es: 'Un directorio mundial de servicios contra la violencia doméstica; una línea local puede ayudarte a planear tu seguridad.',
      },
      website: 'https://www.hotpeachpages.net',
    },
  ],
  countries: {
    US: [
      line988,
      {
        id: 'domestic-violence-hotline',
        name: { en: 'National Domestic Violence Hotline', es: 'Línea Nacional sobre la Violencia Doméstica' },
        description: { en: 'Support and safety planning, any time.', es: 'Apoyo y un plan de seguridad, a cualquier hora.' },
        phone: '1-800-799-7233',
        text: { number: '88788', keyword: 'START' },
        website: 'https://www.thehotline.org',
      },
      emergency('911'),
    ],
    CA: [
      {
        id: '988',
        name: { en: '9-8-8 Suicide Crisis Helpline', es: '9-8-8 Línea de Crisis por Suicidio' },
        description: { en: 'Call or text 988, any time.', es: 'Llama o escribe al 988 a cualquier hora.' },
        phone: '988',
        text: { number: '988' },
        website: 'https://988.ca',
      },
      emergency('911'),
    ],
    GB: [
      samaritans,
      {
        id: 'shout',
        name: { en: 'Shout' },
        description: { en: 'Text support, any time, if talking feels too much.', es: 'Apoyo por mensajes de texto, a cualquier hora, si hablar se te hace demasiado.' },
        text: { number: '85258', keyword: 'SHOUT' },
        website: 'https://giveusashout.org',
      },
      {
        id: 'domestic-abuse-helpline',
        name: { en: 'National Domestic Abuse Helpline', es: 'Línea Nacional contra el Maltrato Doméstico' },
        description: { en: 'Free and confidential, any time.', es: 'Gratuita y confidencial, a cualquier hora.' },
        phone: '0808 2000 247',
        website: 'https://www.nationaldahelpline.org.uk',
      },
      emergency('999'),
    ],
    IE: [
      samaritans,
      {
        id: 'text-50808',
        name: { en: '50808' },
        description: { en: 'Text support, any time.', es: 'Apoyo por mensajes de texto, a cualquier hora.' },
        text: { number: '50808', keyword: 'HELLO' },
        website: 'https://text50808.ie',
      },
      emergency('112'),
    ],
    ES: [
      {
        id: 'linea-024',
        name: { en: '024 suicide prevention line', es: 'Línea 024' },
        description: {
          en: 'Free, confidential support for anyone thinking of suicide, any time.',
          es: 'Atención gratuita y confidencial, a cualquier hora, si piensas en el suicidio.',
        },
        phone: '024',
      },
      {
        id: 'telefono-esperanza',
        name: { en: 'Teléfono de la Esperanza' },
        description: { en: 'Someone to talk to when things are hard.', es: 'Alguien con quien hablar cuando todo se hace cuesta arriba.' },
        phone: '717 003 717',
        website: 'https://telefonodelaesperanza.org',
      },
      {
        id: 'linea-016',
        name: { en: '016 gender-violence line', es: 'Teléfono 016' },
        description: {
          en: 'Support for violence against women; the call does not appear on the bill.',
          es: 'Atención a la violencia contra las mujeres; la llamada no aparece en la factura.',
        },
        phone: '016',
      },
      emergency('112'),
    ],
    MX: [
      {
        id: 'linea-de-la-vida',
        name: { en: 'Línea de la Vida' },
        description: { en: 'Free, confidential support, any time.', es: 'Apoyo gratuito y confidencial, a cualquier hora.' },
        phone: '800 911 2000',
      },
      emergency('911'),
    ],
    AU: [
      {
        id: 'lifeline',
        name: { en: 'Lifeline' },
        description: { en: 'Crisis support by phone or text, any time.', es: 'Apoyo en crisis por teléfono o mensaje, a cualquier hora.' },
        phone: '13 11 14',
        text: { number: '0477 13 11 14' },
        website: 'https://www.lifeline.org.au',
      },
      {
        id: '1800respect',
        name: { en: '1800RESPECT' },
        description: { en: 'Support for sexual, domestic and family violence.', es: 'Apoyo ante la violencia sexual, doméstica y familiar.' },
        phone: '1800 737 732',
        website: 'https://www.1800respect.org.au',
      },
      emergency('000'),
    ],
  },
};
