// Schools, universities, hospitals and employers: a named one can tell someone where to find
// the author. Plain data: extend freely. Matching is case-sensitive as written, whole words.

/** Words that end an English institution's name: "Lincoln High School", "St. Mary's Hospital". */
export const INSTITUTION_SUFFIXES: readonly string[] = [
  'High School', 'Middle School', 'Elementary School', 'Elementary', 'Primary School', 'Secondary School',
  'Junior High', 'Academy', 'Community College', 'College', 'University', 'Hospital', 'Medical Center',
  'Medical Centre', 'Health Center', 'Clinic',
];

/** Words that begin a Spanish institution's name: "Colegio San José", "Universidad de Granada". */
export const INSTITUTION_PREFIXES: readonly string[] = [
  'Colegio', 'Instituto', 'Universidad', 'Escuela', 'Liceo', 'Facultad', 'Hospital', 'Clínica', 'Centro de Salud',
  'Guardería', 'University of',
];

/**
 * Large employers whose name alone says where someone works. Left out on purpose: names that
 * are everyday words or places people only visit ("Subway", "Google", "Amazon").
 */
export const EMPLOYERS: readonly string[] = [
  'Walmart', 'Target', 'Starbucks', "McDonald's", 'McDonalds', 'Costco', 'Kroger', 'Walgreens', 'CVS', 'Home Depot',
  "Lowe's", 'Best Buy', 'Burger King', 'KFC', "Wendy's", 'Dunkin', 'Tesco', "Sainsbury's", 'Asda', 'Aldi', 'Lidl',
  'Primark', 'Morrisons', 'Mercadona', 'Carrefour', 'El Corte Inglés', 'Zara', 'Inditex', 'Telepizza',
  'Eroski', 'Alcampo', 'Oxxo', 'Soriana', 'Bodega Aurrera', 'Coppel', 'Elektra', 'FedEx', 'UPS', 'DHL',
];
