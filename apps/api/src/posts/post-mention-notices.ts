import { Injectable } from '@nestjs/common';
import { PostStatus } from '@kindred/contracts';
import { mentionedHandleKeys } from '../mentions/mention-handles.js';
import { MentionNoticesService } from '../mentions/mention-notices.service.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { PostRepository } from './post.repository.js';

/**
 * Mentions in a published post (on publishing, on approval of a held one, and after an edit that
 * names someone new): read after the commit, told only while the post and its thread are shown.
 */
@Injectable()
export class PostMentionNotices {
  constructor(
    private readonly posts: PostRepository,
    private readonly threads: ThreadRepository,
    private readonly users: UserRepository,
    private readonly notices: MentionNoticesService,
  ) {}

  /**
   * `onlyHandleKeys`: after an edit, the handles its earlier words did not name (the others were
   * told already). `body`: the words just written, when the caller has them: words that name
   * nobody cost no reads at all (most posts).
   */
  announce(postId: string, body?: string, onlyHandleKeys?: readonly string[]): void {
    if (onlyHandleKeys?.length === 0 || (body !== undefined && mentionedHandleKeys(body).length === 0)) return;
    this.notices.announce(`post ${postId}`, async () => {
      const post = await this.posts.findById(postId);
      if (!post || post.status !== PostStatus.Published) return undefined;
      const thread = await this.threads.findById(post.threadId);
      if (!thread || thread.status !== PostStatus.Published) return undefined;
      const handleKeys = mentionedHandleKeys(post.body).filter((key) => !onlyHandleKeys || onlyHandleKeys.includes(key));
      const author = (await this.users.handles([post.authorId])).get(post.authorId);
      if (!author) return undefined;
      return {
        authorId: post.authorId,
        roomId: post.roomId,
        handleKeys,
        categories: [...thread.contentWarnings, ...thread.autoWarnings, ...post.contentWarnings, ...post.autoWarnings],
        texts: [post.body, post.warningNote],
        shown: [thread.title],
        content: { code: 'mention.post', params: { threadTitle: thread.title, authorHandle: author.handle } },
        link: `/threads/${thread.id}#post-${post.id}`,
      };
    });
  }
}
