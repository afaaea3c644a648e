import { JoinPolicy, RoomVisibility } from '@kindred/contracts';
import type { RoomEntity } from '../room.entity.js';

type DemoRoom = Pick<RoomEntity, 'slug' | 'name' | 'description' | 'guidelines' | 'visibility' | 'joinPolicy'>;

const sharedGuidelines = `
- **Speak from your own experience.** Use "I" statements; no one here is a case to diagnose.
- **Ask before advising.** Many of us need to be heard first. "Would ideas help, or just listening?"
- **Use content warnings** for details that could be hard to read, and keep graphic details out.
- **Pseudonyms only.** Never share anything that could identify you or anyone else.
- **Take pauses.** If a conversation gets heated, step away; slow mode and the grounding tool are there for that.
- **Peer support, not emergency care.** If you are in danger right now, contact local emergency services or a crisis line.
`.trim();

export const DEMO_ROOMS: DemoRoom[] = [
  {
    slug: 'attachment-injuries',
    name: 'Attachment injuries',
    description:
      'For anxious, avoidant or disorganised patterns learned early. Notice the push–pull, name what you need, and practise safer ways of connecting.',
    guidelines: `${sharedGuidelines}\n- **Patterns, not labels.** Attachment styles describe strategies that once kept us safe, not who we are.`,
    visibility: RoomVisibility.Listed,
    joinPolicy: JoinPolicy.Open,
  },
  {
    slug: 'trauma-bonds-and-leaving',
    name: 'Trauma bonds & leaving',
    description:
      'Understanding the pull back towards someone who hurt you, planning to leave safely, and the grief that can follow. No judgement about timing.',
    guidelines: `${sharedGuidelines}\n- **Your timeline is yours.** Leaving, staying or going back are never reasons for shame here.\n- **Safety planning** details (addresses, dates) stay out of posts.`,
    visibility: RoomVisibility.Listed,
    joinPolicy: JoinPolicy.Request,
  },
  {
    slug: 'parenting-after-trauma',
    name: 'Parenting after trauma',
    description:
      'Raising children while healing from your own childhood or a harmful relationship: repair after rupture, co-parenting, and breaking cycles gently.',
    guidelines: `${sharedGuidelines}\n- **Protect children's privacy.** No names, photos or identifying stories about them.`,
    visibility: RoomVisibility.Listed,
    joinPolicy: JoinPolicy.Open,
  },
  {
    slug: 'grounding-and-self-care',
    name: 'Grounding & self-care',
    description:
      'Paced breathing, 5-4-3-2-1, journaling prompts, trigger tracking and small daily care. A calm room to share what helps.',
    guidelines: `${sharedGuidelines}\n- **Keep it light on detail.** This room is a place to settle; take heavier stories to the other rooms.`,
    visibility: RoomVisibility.Listed,
    joinPolicy: JoinPolicy.Open,
  },
];
