import { Initial1795298697237 } from './1795298697237-initial.js';
import { RoomsThreadsPosts1795299298903 } from './1795299298903-rooms-threads-posts.js';
import { LiveChat1795299784733 } from './1795299784733-live-chat.js';
import { Moderation1795300190175 } from './1795300190175-moderation.js';
import { PostSearchVector1795309272164 } from './1795309272164-post-search-vector.js';
import { SanctionsOnlyAppealable1795320000000 } from './1795320000000-sanctions-only-appealable.js';
import { RecoveryCodes1796396541255 } from './1796396541255-recovery-codes.js';
import { SignInHistory1796397187725 } from './1796397187725-sign-in-history.js';
import { TotpCredentials1796398102268 } from './1796398102268-totp-credentials.js';
import { ChatChangeFeed1796399000000 } from './1796399000000-chat-change-feed.js';
import { MemberLanguage1796400000000 } from './1796400000000-member-language.js';
import { NoticeCodesAndCountry1796400500000 } from './1796400500000-notice-codes-and-country.js';
import { CrisisCare1796402502211 } from './1796402502211-crisis-care.js';
import { AuthCeremonies1796402875504 } from './1796402875504-auth-ceremonies.js';
import { Passkeys1796402875505 } from './1796402875505-passkeys.js';
import { AutomaticWarnings1796402918677 } from './1796402918677-automatic-warnings.js';
import { ReadMarkers1796413846582 } from './1796413846582-read-markers.js';
import { ModeratorWellbeing1796413873647 } from './1796413873647-moderator-wellbeing.js';
import { Conversations1796413898801 } from './1796413898801-conversations.js';
import { CrisisLabels1796414568836 } from './1796414568836-crisis-labels.js';
import { ThreadFollows1796415912045 } from './1796415912045-thread-follows.js';
import { ConversationReportSnapshots1796415945580 } from './1796415945580-conversation-report-snapshots.js';
import { ReplyNotices1796417000000 } from './1796417000000-reply-notices.js';
import { Bookmarks1796418000000 } from './1796418000000-bookmarks.js';
import { SiteSettingsAndArchive1796423250485 } from './1796423250485-site-settings-and-archive.js';
import { SupportSessions1796423425614 } from './1796423425614-support-sessions.js';

/** Ordered list of migrations; the generator appends new ones here. */
export const MIGRATIONS: Function[] = [Initial1795298697237, RoomsThreadsPosts1795299298903, LiveChat1795299784733, Moderation1795300190175, PostSearchVector1795309272164, SanctionsOnlyAppealable1795320000000, RecoveryCodes1796396541255, SignInHistory1796397187725, TotpCredentials1796398102268, ChatChangeFeed1796399000000, MemberLanguage1796400000000, NoticeCodesAndCountry1796400500000, CrisisCare1796402502211, AuthCeremonies1796402875504, Passkeys1796402875505, AutomaticWarnings1796402918677, ReadMarkers1796413846582, ModeratorWellbeing1796413873647, Conversations1796413898801, CrisisLabels1796414568836, ThreadFollows1796415912045, ConversationReportSnapshots1796415945580, ReplyNotices1796417000000, Bookmarks1796418000000, SiteSettingsAndArchive1796423250485, SupportSessions1796423425614];
