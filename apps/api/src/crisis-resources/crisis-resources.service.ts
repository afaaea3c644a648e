import { Inject, Injectable } from '@nestjs/common';
import { INTERNATIONAL_REGION, type CrisisContact, type CrisisResource, type CrisisResourcesView } from '@kindred/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { ConfiguredResource, CrisisResourcesConfig, LocalisedText } from '../config/crisis-resources.schema.js';
import { SiteSettingsService } from '../site-settings/site-settings.service.js';
import { UserRepository } from '../users/user.repository.js';

export const FALLBACK_LANGUAGE = 'en';

/**
 * Which crisis resources fit a person: their country's (only when they said which country;
 * never guessed from an address), then the international ones everyone gets, with texts in
 * their language or English.
 */
@Injectable()
export class CrisisResourcesService {
  private readonly config: CrisisResourcesConfig;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UserRepository,
    private readonly site: SiteSettingsService,
  ) {
    this.config = config.crisisResources;
  }

  /** Configured countries, each replaced by what admins set at run time (validated when saved). */
  private async countryLists(): Promise<Record<string, ConfiguredResource[]>> {
    const { crisisOverrides } = await this.site.current();
    return { ...this.config.countries, ...(crisisOverrides as Record<string, ConfiguredResource[]>) };
  }

  /** Countries with resources of their own, for the settings picker to mention. */
  async countries(): Promise<string[]> {
    return Object.keys(await this.countryLists()).sort();
  }

  async resolve(country: string | null, language: string): Promise<CrisisResourcesView> {
    const local = country ? ((await this.countryLists())[country] ?? []) : [];
    const fits = (resource: ConfiguredResource) => !resource.languages || resource.languages.includes(language);
    return {
      country,
      language,
      resources: [
        ...local.filter(fits).map((resource) => view(resource, country!, language)),
        ...this.config.international.filter(fits).map((resource) => view(resource, INTERNATIONAL_REGION, language)),
      ],
    };
  }

  /**
   * For a signed-in member: the country they chose in settings unless the request names one,
   * in the language asked for, else the one they chose, else English.
   */
  async forMember(userId: string, request: { country?: string; language?: string } = {}): Promise<CrisisResourcesView> {
    const chosen = await this.users.placeOf(userId);
    return this.resolve(request.country ?? chosen.country, request.language ?? chosen.language ?? FALLBACK_LANGUAGE);
  }
}

/** `es-MX` → `es`: texts are configured per language, not per region. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

function text(localised: LocalisedText, language: string): string {
  return localised[language] ?? localised.en;
}

function view(resource: ConfiguredResource, region: string, language: string): CrisisResource {
  const contacts = contactsOf(resource);
  return {
    id: resource.id,
    region,
    name: text(resource.name, language),
    description: text(resource.description, language),
    contacts,
    contact: contacts.map((c) => (c.keyword ? `${c.keyword} → ${c.display}` : c.display)).join(' · '),
    ...(resource.website ? { url: resource.website } : {}),
  };
}

function contactsOf(resource: ConfiguredResource): CrisisContact[] {
  const contacts: CrisisContact[] = [];
  const dialable = (number: string) => number.replace(/[^+0-9]/g, '');
  if (resource.phone) contacts.push({ kind: 'phone', href: `tel:${dialable(resource.phone)}`, display: resource.phone });
  if (resource.text) {
    const body = resource.text.keyword ? `?body=${encodeURIComponent(resource.text.keyword)}` : '';
    contacts.push({
      kind: 'text',
      href: `sms:${dialable(resource.text.number)}${body}`,
      display: resource.text.number,
      ...(resource.text.keyword ? { keyword: resource.text.keyword } : {}),
    });
  }
  if (resource.website) {
    contacts.push({ kind: 'website', href: resource.website, display: resource.website.replace(/^https:\/\//, '').replace(/\/$/, '') });
  }
  return contacts;
}
