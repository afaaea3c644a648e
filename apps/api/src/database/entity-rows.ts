import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity's columns for hand-written SQL on a hot path, and the way back from a row to the
 * entity. TypeORM's `findOne` builds and parses its query on every call (a measurable share of
 * a thread page's server time); this builds the column list once, and converts each value the
 * way TypeORM itself would (`prepareHydratedValue`), so callers get the same entity.
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  /** `"alias"."column" AS "alias__column"`, …: prefixed so two entities can share a row. */
  readonly select: string;

  constructor(
    private readonly db: DataSource,
    target: EntityTarget<T>,
    readonly alias: string,
  ) {
    this.metadata = db.getMetadata(target);
    this.select = this.metadata.columns.map((c) => `"${alias}"."${c.databaseName}" AS "${this.key(c.databaseName)}"`).join(', ');
  }

  get table(): string {
    return this.metadata.tableName;
  }

  /** The entity in `row`, or null when the row has none (an outer join that found nothing). */
  from(row: Record<string, unknown> | undefined): T | null {
    if (!row || row[this.key(this.metadata.primaryColumns[0]!.databaseName)] == null) return null;
    const entity = this.metadata.create() as T;
    for (const column of this.metadata.columns) {
      column.setEntityValue(entity, this.db.driver.prepareHydratedValue(row[this.key(column.databaseName)], column));
    }
    return entity;
  }

  private key(columnName: string): string {
    return `${this.alias}__${columnName}`;
  }
}
