import { Entity, PrimaryColumn } from 'typeorm';

/**
 * Every word of every post (the lexemes of its `search_vector`), one row each, written only
 * by the `posts_search_terms` triggers (migration `SearchTerms1796425512000`): the app never
 * writes it. The primary key is the order search pages in, a word's posts newest first, which
 * the GIN index on posts cannot give: a page of a common word reads about a page of rows here,
 * however many posts hold the word and however many newer posts do not.
 */
@Entity({ name: 'search_terms' })
export class SearchTermEntity {
  @PrimaryColumn({ type: 'text' })
  lexeme: string;

  /** The post's, so the walk is in search's order (posts' time, then id) without reading posts. */
  @PrimaryColumn({ type: 'timestamptz' })
  createdAt: Date;

  @PrimaryColumn({ type: 'uuid' })
  postId: string;
}
