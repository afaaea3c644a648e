// class-transformer's @Type reads design metadata; configuration loads before the app does.
import 'reflect-metadata';
import { LANGUAGE_TAG_PATTERN_SOURCE } from '@kindred/contracts';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  isISO31661Alpha2,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  validateSync,
  ValidateBy,
  ValidateNested,
  type ValidationError,
} from 'class-validator';
import { ConfigError } from './config-error.js';
import { DEFAULT_CRISIS_RESOURCES } from './crisis-resources.defaults.js';

/** A text in several languages; English is required, it is what every other language falls back to. */
export type LocalisedText = { en: string } & Record<string, string>;

export interface ConfiguredResource {
  id: string;
  name: LocalisedText;
  description: LocalisedText;
  phone?: string;
  text?: { number: string; keyword?: string };
  website?: string;
  /** Only for members reading in one of these languages (e.g. a Spanish-language line in the US). */
  languages?: string[];
}

export interface CrisisResourcesConfig {
  international: ConfiguredResource[];
  /** Keyed by ISO 3166-1 alpha-2, upper case. */
  countries: Record<string, ConfiguredResource[]>;
}

const LANGUAGE = new RegExp(LANGUAGE_TAG_PATTERN_SOURCE);
// Digits with the spacing people read them with; "+" only in front. At least two digits.
const PHONE = /^\+?[0-9][0-9 ()-]{0,22}[0-9]$/;
const KEYWORD = /^[A-Za-z0-9]{1,20}$/;
const ID = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** A plain string (the same in every language), or `{ en, es, … }` with English present. */
function IsLocalisedText(maxLength: number) {
  return ValidateBy({
    name: 'isLocalisedText',
    validator: {
      validate: (value: unknown) => {
        const ok = (text: unknown) => typeof text === 'string' && text.trim().length > 0 && text.length <= maxLength;
        if (typeof value === 'string') return ok(value);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        const entries = Object.entries(value);
        return 'en' in value && entries.every(([language, text]) => LANGUAGE.test(language) && ok(text));
      },
      defaultMessage: (args) =>
        `${args?.property} must be a text of 1–${maxLength} characters, or an object of such texts keyed by language ("en" required, e.g. {"en": "…", "es": "…"})`,
    },
  });
}

class TextLineInput {
  @IsString()
  @Matches(PHONE, { message: 'number must be digits, spaces, brackets or dashes, with an optional leading +' })
  number: string;

  @IsOptional()
  @IsString()
  @Matches(KEYWORD, { message: 'keyword must be 1–20 letters or digits' })
  keyword?: string;
}

class ResourceInput {
  @IsString()
  @Matches(ID, { message: 'id must be lower-case letters, digits and dashes (e.g. "samaritans")' })
  id: string;

  @IsLocalisedText(80)
  name: unknown;

  @IsLocalisedText(300)
  description: unknown;

  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be digits, spaces, brackets or dashes, with an optional leading +' })
  phone?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => TextLineInput)
  text?: TextLineInput;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true }, { message: 'website must be an https:// address' })
  website?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @Matches(LANGUAGE, { each: true, message: 'languages must be lower-case language codes such as "es"' })
  languages?: string[];
}

class ResourceListInput {
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => ResourceInput)
  list: ResourceInput[];
}

const VARIABLE = 'CRISIS_RESOURCES_JSON';
const SHAPE = `${VARIABLE} must be a JSON object {"international": [resource, …], "countries": {"GB": [resource, …], …}}; see README`;

/**
 * Reads CRISIS_RESOURCES_JSON (or the defaults when unset) and refuses anything it does not
 * understand, naming where: a wrong phone number shown to someone in crisis is worse than a
 * server that will not start.
 */
export function parseCrisisResources(json: string | undefined): CrisisResourcesConfig {
  if (json === undefined) return DEFAULT_CRISIS_RESOURCES;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError(`Invalid configuration: ${VARIABLE} is not valid JSON.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`Invalid configuration: ${SHAPE}.`);
  const { international, countries = {}, ...unknownKeys } = raw as Record<string, unknown>;
  const extra = Object.keys(unknownKeys);
  if (extra.length > 0) throw new ConfigError(`Invalid configuration: ${VARIABLE} has unknown key "${extra[0]}"; ${SHAPE}.`);
  if (!Array.isArray(international) || international.length === 0) {
    throw new ConfigError(`Invalid configuration: ${VARIABLE}.international must be a non-empty list (everyone falls back to it).`);
  }
  if (typeof countries !== 'object' || countries === null || Array.isArray(countries)) throw new ConfigError(`Invalid configuration: ${SHAPE}.`);
  const result: CrisisResourcesConfig = { international: resourceList(international, 'international'), countries: {} };
  for (const [country, list] of Object.entries(countries as Record<string, unknown>)) {
    if (!/^[A-Z]{2}$/.test(country) || !isISO31661Alpha2(country)) {
      throw new ConfigError(`Invalid configuration: ${VARIABLE}.countries has "${country}", which is not an upper-case ISO 3166-1 alpha-2 country code.`);
    }
    result.countries[country] = resourceList(list, `countries.${country}`);
  }
  return result;
}

/**
 * One country's resources as an admin writes them at run time: the same rules as the
 * configuration, so a resource saved from the Community screens is as sound as one from the
 * environment. Throws ConfigError naming the problem.
 */
export function parseCountryResources(country: string, list: unknown): ConfiguredResource[] {
  if (!/^[A-Z]{2}$/.test(country) || !isISO31661Alpha2(country)) throw new ConfigError(`"${country}" is not an upper-case ISO 3166-1 alpha-2 country code.`);
  if (!Array.isArray(list)) throw new ConfigError('resources must be a list.');
  return resourceList(list, `countries.${country}`);
}

function resourceList(list: unknown, path: string): ConfiguredResource[] {
  const input = plainToInstance(ResourceListInput, { list });
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(`Invalid configuration: ${VARIABLE}.${path}${firstProblem(errors[0]!.children ?? [], errors[0]!)}.`);
  const seen = new Set<string>();
  return input.list.map((resource, index) => {
    const where = `${VARIABLE}.${path}[${index}]`;
    if (seen.has(resource.id)) throw new ConfigError(`Invalid configuration: ${where}.id "${resource.id}" is used twice in this list.`);
    seen.add(resource.id);
    if (!resource.phone && !resource.text && !resource.website) {
      throw new ConfigError(`Invalid configuration: ${where} needs at least one of phone, text or website.`);
    }
    return {
      id: resource.id,
      name: localised(resource.name),
      description: localised(resource.description),
      ...(resource.phone ? { phone: resource.phone } : {}),
      ...(resource.text ? { text: { number: resource.text.number, ...(resource.text.keyword ? { keyword: resource.text.keyword } : {}) } } : {}),
      ...(resource.website ? { website: resource.website } : {}),
      ...(resource.languages ? { languages: resource.languages } : {}),
    };
  });
}

function localised(value: unknown): LocalisedText {
  return typeof value === 'string' ? { en: value } : (value as LocalisedText);
}

/** The deepest first problem, as a path: `[2].text: number must be …`. */
function firstProblem(children: ValidationError[], parent: ValidationError): string {
  const child = children[0];
  if (!child) return `: ${Object.values(parent.constraints ?? {})[0] ?? 'is invalid'}`;
  const step = /^\d+$/.test(child.property) ? `[${child.property}]` : `.${child.property}`;
  if (child.constraints) return `${step}: ${Object.values(child.constraints)[0]}`;
  return step + firstProblem(child.children ?? [], child);
}
