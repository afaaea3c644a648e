import { type DynamicModule, Global, Module, type ModuleMetadata } from '@nestjs/common';
import { AccessFacts } from './access-facts.js';
import { AccessService } from './access.service.js';

/**
 * The gate, available everywhere. What it reads (rooms and memberships, and the sanction
 * look-up moderation provides) is wired in by the application module, so access/ depends on
 * no feature module and features can all depend on it.
 */
@Global()
@Module({})
export class AccessModule {
  static forRoot(sources: { imports: ModuleMetadata['imports'] }): DynamicModule {
    return { module: AccessModule, imports: sources.imports, providers: [AccessFacts, AccessService], exports: [AccessService] };
  }
}
