// Crisis resources: configured per country (ISO 3166-1 alpha-2) and language, with an
// international list that always follows. The server answers with texts in one language;
// the app names each link from its kind and the resource's name ("Call Samaritans"), so the
// accessible name says where it goes in the member's own language.

/** How a resource can be reached. */
export const CrisisContactKind = {
  /** A `tel:` link. */
  Phone: 'phone',
  /** An `sms:` link (a text line). */
  Text: 'text',
  /** An `https:` link. */
  Website: 'website',
} as const;
export type CrisisContactKind = (typeof CrisisContactKind)[keyof typeof CrisisContactKind];

export interface CrisisContact {
  kind: CrisisContactKind;
  /** `tel:+44116123`, `sms:85258?body=SHOUT` or `https://…`. */
  href: string;
  /** As people read it: the number as dialled locally, or the site's address without `https://`. */
  display: string;
  /** For a text line: the word to send, when the line asks for one (already in `href`). */
  keyword?: string;
}

/** The international list's region; countries use their ISO 3166-1 alpha-2 code. */
export const INTERNATIONAL_REGION = 'international';

/** A place to get help, shown privately to someone whose words suggest crisis. */
export interface CrisisResource {
  /** Stable within the configuration, e.g. `samaritans`. */
  id: string;
  /** An ISO 3166-1 alpha-2 code, or `international`. */
  region: string;
  /** In `CrisisResourcesView.language` when the configuration has it, else in English. */
  name: string;
  description: string;
  contacts: CrisisContact[];
  /** The contacts as one line, for clients older than `contacts`. */
  contact: string;
  /** The website, for clients older than `contacts`. */
  url?: string;
}

/** `GET /api/crisis-resources`: the member's country first, then the international ones. */
export interface CrisisResourcesView {
  /** The country answered for (the query's, else the member's setting), or null. */
  country: string | null;
  /** The language asked for; a resource without a text in it falls back to English. */
  language: string;
  resources: CrisisResource[];
}

/** Countries that have their own resources configured (the rest get the international list). */
export interface CrisisCountriesView {
  countries: string[];
}

/** ISO 3166-1 alpha-2, upper case: how countries are written everywhere in the API. */
export const COUNTRY_CODE_PATTERN_SOURCE = '^[A-Z]{2}$';
/** A primary language subtag (`en`, `es`); regional variants fall back to it. */
export const LANGUAGE_TAG_PATTERN_SOURCE = '^[a-z]{2,3}$';
