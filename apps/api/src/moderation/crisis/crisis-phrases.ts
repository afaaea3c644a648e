// =====================================================================================
// CRISIS PHRASE LISTS — reviewed by moderators, not only by programmers.
//
// What happens on a match: NOTHING is blocked and nobody is sanctioned. The author is
// privately shown crisis resources and moderators get a high-priority queue item.
// So when unsure, we lean towards matching: a missed person in danger is the worst
// outcome. But every false alarm costs moderator attention, so each group below is
// written to need first-person context ("myself", "I", "me") rather than single
// scary words. "Suicide" or "gun" on their own never match.
//
// HOW TO READ / WRITE A PHRASE
//   Write lower case and WITHOUT apostrophes: dont, im, ive, cant, hes, ill (= I'll).
//   The detector removes apostrophes, accents, emoji and extra spaces from messages and
//   turns simple leetspeak (k1ll, d1e) back into letters before comparing.
//   Repeated letters are squeezed to one on both sides: "die" also matches "diiie", and
//   "kill" matches "kil". Mind the few words this merges: noose/nose, shoot/shot,
//   off/of, too/to, soon/son — so "off myself" is not listed (it would match "proud of
//   myself").
//
//   words in a row       must appear in that order, next to each other
//   (a|b|c)              exactly one of these; an option may be several words
//   [a|b]                optional: one of these, or nothing
//   {NAME}               one entry from the WORD_LISTS table below
//   ...                  up to three other words in between (same sentence; never
//                        "not"/"never"/"dont", so "he said he would never hurt me"
//                        does not match "he said ... hurt me")
//   word*                the word with any ending: suicid* = suicide, suicidal
//   <end>                the sentence ends here (full stop, comma, line end...)
//   <number>             any number, e.g. "5 kms"
//   <year>               a year such as 2019
//
// WHAT STOPS A MATCH (see negation.ts and context.ts for the exact word lists)
//   - "except" idioms listed on a group ("want to die of embarrassment").
//   - A negation in the three words before the phrase: "I would never hurt myself",
//     "I'm not going to kill myself", "no thoughts of self harm".
//   - A clearly past and resolved statement: the same sentence has a time-distance
//     phrase ("years ago", "used to", "when I was a teen") and no sign it is back
//     ("again", "still", "lately", "last night"). "Five years ago I tried to kill myself
//     and today I'm doing better" does not match; "I used to cut and last night I did
//     again" does.
//
// SEVERITY
//   urgent  = intent, a plan, means at hand, an attempt, or danger happening now.
//   concern = ideation, wishes, disclosures. A concern hit becomes urgent when the same
//             sentence has a "now" word (tonight, right now, this weekend ...), and when
//             a farewell appears together with any other suicide phrase.
// =====================================================================================

import type { PhraseGroup } from './crisis.types.js';

/** Shared word lists, used in phrases as {NAME}. Lists may use other lists. */
export const WORD_LISTS: Readonly<Record<string, readonly string[]>> = {
  MYSELF: ['myself', 'my self', 'myslef', 'mysef', 'myslf', 'meself', 'mself'],
  // Wanting / needing; written without "I" because chat often drops it ("just want to die").
  WANT: [
    'want to', 'wanna', 'wana', 'wan na', 'want 2', 'wnt to', 'wanted to', 'need to',
    'feel like i want to', 'wish i could', 'would like to', 'just want to', 'really want to',
  ],
  PILLS: [
    'pills', 'tablets', 'meds', 'medication', 'medications', 'medicine', 'paracetamol',
    'tylenol', 'ibuprofen', 'aspirin', 'painkillers', 'pain killers', 'antidepressants',
    'insulin', 'benzos', 'xanax', 'opioids', 'lithium', 'sleeping pills',
  ],
  HIGH_PLACE: [
    'bridge', 'ledge', 'edge', 'roof', 'rooftop', 'railway', 'tracks', 'train tracks',
    'cliff', 'balcony', 'car park roof', 'top floor',
    // Issue 17: structures people name as the place (the words around them still decide).
    'cliffs', 'overpass', 'flyover', 'viaduct', 'motorway bridge', 'tower block', 'tower block roof', 'multi storey', 'platform',
  ],
  // When someone says they will not be alive: a day, a part of one, or a short span ahead.
  WHEN: [
    'tonight', 'tomorrow', 'morning', 'the morning', 'the weekend', 'the end of the week', 'next week', 'this weekend',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas', 'my birthday',
  ],
  // People who may be a danger. Mum/mother/boss are left out on purpose: "my mum is going
  // to kill me" is overwhelmingly an idiom; "she" still covers a dangerous mother.
  HE_NOUN: [
    'my ex', 'my husband', 'my partner', 'my boyfriend', 'my bf', 'my girlfriend', 'my gf',
    'my wife', 'my dad', 'my father', 'my stepdad', 'my stepfather', 'my abuser',
  ],
  HE: ['he', 'she', 'they', '{HE_NOUN}'],
  HE_IS: ['hes', 'shes', 'theyre', 'he is', 'she is', 'they are', '{HE_NOUN} is'],
  HE_WILL: [
    'hell', 'shell', 'theyll', 'he will', 'she will', 'they will', 'hed', 'shed', 'theyd',
    'he would', 'she would', 'they would', '{HE_IS} going to', '{HE_IS} gonna',
    '{HE_NOUN} will', '{HE_NOUN} would',
  ],
};

export const PHRASE_GROUPS: readonly PhraseGroup[] = [
  // ------------------------------------------------------------------ SUICIDE
  {
    id: 'suicide.self-kill',
    category: 'suicide',
    severity: 'concern',
    why: 'Names killing oneself, including slang (kms, unalive, sewerslide).',
    phrases: [
      '(kill|killing|kll|killed|offing|murder) {MYSELF}',
      'kms',
      'unaliv* {MYSELF}',
      '{WANT} (unalive|kms)',
      '(end|ending|ended|take|taking) my [own] life',
      '(to|gonna|wanna|ill|i will|i would|id|i might|i could|should) commit suicide',
      '(sewerslide|sewer slide|suicide myself)',
      'feel like (dying|ending it)',
    ],
    except: [
      // Kilometres: "ran 5 kms", "10 kms away" (but not "want 2 kms").
      '(ran|run|running|walk|walked|walking|drove|drive|driving|cycled|cycling|hiked|about|over|under|nearly|almost|only|another|the last|a few) <number> kms',
      '<number> kms (away|from|of|per|an hour|a day|today|later|long|to go|run|walk|ride)',
      '(nearly|almost) killed {MYSELF} (laughing|on|falling|tripping)',
      '(kill|killed|killing) {MYSELF} (laughing|with laughter)',
    ],
  },
  {
    id: 'suicide.suicidal',
    category: 'suicide',
    severity: 'concern',
    why: 'Says they are suicidal or are having suicidal thoughts.',
    phrases: [
      '(im|i am|ive been|i have been|i feel|feel|feeling|felt|been|getting|get|so|very|really|pretty|quite|kinda|actively|passively) suicidal',
      'suicidal (again|tonight|today|rn|right now|lately)',
      '(my|having|have|get|getting|got|keep having|been having) (suicidal|suicide) (thoughts|ideation|urges|feelings|thinking)',
      '(having|have|get|getting|keep having|been having) thoughts (of|about) (suicide|killing {MYSELF}|ending (it|my life)|dying)',
      '(im|i am|i keep|keep|cant stop|ive been|been|i was|always|constantly|i) (thinking|think) (about|of) (suicide|killing {MYSELF}|ending my life|ending it [all]|ending things|dying|not being here|not waking up)',
    ],
    except: ['ending (it|things) (with|between)'],
  },
  {
    id: 'suicide.fear-of-self',
    category: 'suicide',
    severity: 'concern',
    why: 'Afraid of what they might do, or doubting they will get through the night.',
    phrases: [
      '(scared|afraid|terrified|worried|frightened) (of|about) what i (might|will|could|would|am going to|m going to) do',
      '(going to|gonna|might|will|about to|could) do something (stupid|drastic|to {MYSELF})',
      '(dont think|not sure|doubt|dont know if) (ill|i will|i can|i am going to|im going to|i) (make it|survive|last) (through tonight|through the night|till morning|until morning|another day|much longer|the night|the week)',
      'a plan and a (date|time|method)',
      '(picked|chosen|set) (a|the) (date|day|time) to (die|do it|end it|go)',
    ],
  },
  {
    id: 'suicide.wish-to-die',
    category: 'suicide',
    severity: 'concern',
    why: 'Wishing to be dead, not to wake up, not to exist.',
    phrases: [
      '{WANT} (die|be dead|not be alive|not exist|stop existing|disappear forever|not be here|sleep forever)',
      '(ready|longing|desperate|going) to die',
      'wish (i|id) (was|were|had|hadnt) [just] (dead|died|never been born|not been born|not born|never existed|never woken up|been born)',
      'wish (i|id) [had] never (been born|existed|woken up)',
      '(easier|better) to [just] (not exist|die|be dead|disappear|not be here|not wake up)',
      '(disappear|vanish) and never (come back|return|be found|wake up)',
      '(i|i just|i really|i probably) (deserve|deserved) to (bleed|hurt|die|suffer|be dead|feel pain|be punished)',
      'wish i (could|would) [just] (die|disappear|not exist|stop existing|fall asleep forever|sleep forever)',
      '(hope|pray|praying|hoping|wish) [that] i (dont|do not|never|wont|will not) wake up',
      '(sleep|sleeping) and (not|never) wake up',
      '(dont|do not|never) (want to|wanna) wake up',
      '(go|going) to sleep (forever|and never)',
      '(dont|do not|no longer) [even|really|just] (want to|wanna) (live|be alive|exist)',
      '(dont|do not|no longer) [even|really|just] (want to|wanna) be here (anymore|any more|any longer|on this earth|in this world)',
      '(tired|sick|exhausted) of (living|being alive|existing|life)',
      '(hope|hoping) i die',
      'if i (die|died|dont wake up) [tonight|tomorrow|today|soon] i (dont|wouldnt|would not) care',
      '(dont|wouldnt|would not) care if i (die|died|dont wake up|didnt wake up|lived or died|live or die)',
      '(imagining|imagine|planning|plan|picturing|picture) my [own] funeral',
      // Issue 17: wanting not to live, said without kill/die words.
      '{WANT} (stop breathing|end my suffering|end the suffering|end this suffering|end my pain)',
      '(want|wish|need) my heart to stop',
    ],
    except: [
      '{WANT} stop existing (in|for|as|around|like|on|to)',
      '(you|u|they|he|she|people|ppl|who) [really|still|just|would|might] {WANT} die',
      'die (of|from) (embarrassment|shame|cringe|laughter|laughing)',
      'die (laughing|for a|for some|for this|for that)',
    ],
  },
  {
    id: 'suicide.no-reason-to-live',
    category: 'suicide',
    severity: 'concern',
    why: 'Hopelessness about living; feeling a burden; better off without me.',
    phrases: [
      'better off without me',
      '(better|easier|happier) without me',
      '(easier|better|happier) if i [just|simply] (was|were|wasnt|werent) (gone|dead|here|around|alive)',
      '(whats|what is) the point (anymore|any more|of anything|of any of this|in anything|of trying) <end>',
      '(dont|cant|do not|can not) see (the|a|any) point (in|of) (living|life|going on|being alive|anything|existing)',
      '(life|my life|living|existing|everything) (is|feels) [so] (pointless|meaningless|hopeless|not worth it)',
      '(im|i am) [so|just|completely] done with (life|living|everything|it all|this life|existing|being alive)',
      '(wont|will not|dont|wont need to) (have|need) to (deal with|worry about|put up with) me (much longer|anymore|any more|for long|again)',
      'sorry (for|about) being [such|so much] a burden',
      'cant live with {MYSELF}',
      '(be|im|i am|id be) better off dead',
      '(nobody|no one|noone) (would|will|d) [even|ever] (notice|care|miss me) (if|when) i (was|were|died|die|disappeared|wasnt|werent|killed|left this)',
      '(nobody|no one|noone) (would|will|d) [even|ever|really] miss me',
      '(im|i am|i feel like) [just|such|only|nothing but] a burden',
      'no reason to (live|keep living|go on|keep going|be alive|stay alive|be here|wake up)',
      'nothing [left] to live for',
      '(whats|what is) the point (of|in) (living|being alive|going on|carrying on|existing|staying alive|life)',
      'no point (in|to) (living|being alive|going on|carrying on|existing|life)',
      '(not|isnt|no longer|aint|never) worth living',
      '(cant|can not|cannot) (go on|keep going|carry on) [anymore|like this|any longer|much longer] <end>',
      '(want|wanna|need|wish|just want|really want) (it|it all|everything|all of it|my life) to (end|be over)',
      '(end|ending) (it all|things|everything)',
      'except (dying|death|to die|suicide|killing {MYSELF})',
      '(overdos*|suicide|dying|death|to die|killing {MYSELF}) (is|seems|feels) like the (only|best|easiest) (way out|option|answer|choice)',
    ],
    except: ['(end|ending) (things|it|everything) (with|between)'],
  },
  {
    id: 'suicide.intent',
    category: 'suicide',
    severity: 'urgent',
    why: 'Intent or a plan: going to / decided to / planning to end their life.',
    phrases: [
      '(going to|gonna|goin to|gunna|will|ill|plan to|planning to|planned to|decided to|about to|ready to|tonight i) (kill {MYSELF}|end my [own] life|take my [own] life|end it [all]|end things|end this <end>|commit suicide|unalive [{MYSELF}]|kms|hang {MYSELF})',
      '(tried|try|trying|attempted|attempt) (to kill {MYSELF}|to end my life|to take my life|to overdose|to od|to hang {MYSELF}|suicide)',
      '(my|a) (suicide|goodbye) (note|letter|letters)',
      '(wrote|writing|written|write|left|leave|leaving) (a|my|the) (goodbye|suicide|farewell) (note|letter|letters|message|video)',
      '(wrote|written|writing) [goodbye] (letters|notes) to (everyone|all|my family|my kids|my loved ones)',
      // Issue 17: intent without kill/die words.
      '(going to|gonna|will|ill|plan to|planning to|decided to|about to|ready to|tonight i) end (the|my|this|all the|all this) (pain|suffering)',
      'put an end to ({MYSELF}|it all|my life|my suffering)',
    ],
    except: ['end (it|things) with', 'end (the|my) (pain|suffering) (in|of|from) my'],
  },
  {
    id: 'suicide.means',
    category: 'suicide',
    severity: 'urgent',
    why: 'Method or means: pills taken or saved, noose, jumping, gun, researching how.',
    phrases: [
      '(took|taken|swallowed|downed|necked|taking|swallowing|take|swallow) (all|the whole|a whole|a bottle|the bottle|a handful|a box|a packet|a pack|the rest|too many|loads|a load) ... ({PILLS}|bottle|packet|box)',
      '(have|got|ve got|bought|saved|counted) (the|my|all my|enough|all the) {PILLS} (ready|here|with me|counted|lined up|next to me|saved|<end>)',
      '{PILLS} (are|is) (ready|lined up|counted out|in front of me|next to me)',
      '(saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|stashing|stashed) [up] ... {PILLS}',
      '(how many|how much) ... {PILLS} (would it take|does it take|to die|is lethal|is fatal|to overdose|would kill)',
      'lethal dose',
      '(going to|gonna|want to|wanna|tried to|try to|plan to|planning to|about to|will|thinking of|thinking about|i) (overdose|od|overdosing|overdosed)',
      // Not "have a noose": squeezed, noose reads as nose (see the header).
      '(tie|tied|tying|made|make|making|bought|buy) (a|the|my) noose',
      'noose (is ready|is up|is tied|ready)',
      '(bought|got|buying|have) [a|some|the] rope',
      'hang {MYSELF}',
      '(jump|jumping|throw {MYSELF}|throwing {MYSELF}) (off|from|in front of|under) (a|the|this|that) ({HIGH_PLACE}|building|train|car|bus|lorry|truck|tower|multi storey)',
      '(easy|tempting|urge|urges|tempted) to jump',
      'i (should|could|might|will|want to|wanna) jump <end>',
      '(im|i am) (going to|gonna) jump <end>',
      '(standing|sitting|stood|sat|im|i am) on (the|a|this|top of the) {HIGH_PLACE} ... (now|right now|rn|tonight)',
      'gun (to|in|against) my (head|mouth|temple)',
      '(walk|walking|swim|swimming|wade|wading) (into|out into) the (sea|ocean|river|lake|water)',
      '(drive|driving|crash|crashing|steer) [my car] (into|off) (a|the) (wall|tree|cliff|bridge|river|lorry|truck|barrier|oncoming traffic)',
      '(shoot|shooting) {MYSELF}',
      '(cut|cutting|slit|slitting|slice|slicing) my (wrist|wrists|throat)',
      '(looked up|look up|googled|googling|searched|searching|researched|researching) (how to|ways to|painless ways to|the best way to|easiest way to|how many|how much|how long) ... (die|kill {MYSELF}|overdose|od|hang {MYSELF}|end it|end my life|suicide|lethal|painless)',
      '(painless|easiest|quickest|best|quick) (way|ways|method|methods) to (die|kill {MYSELF}|end it|end my life)',
      // Issue 17: researching means in other words, and places named as the method.
      '(looking up|looked up|look up|googled|googling|searched|searching|researched|researching|reading about|read about|looking into) (which|what) ... (lethal|fatal|deadly|would kill)',
      '(looking up|looked up|googled|googling|searched|searching|researched|researching|reading about|read about|looking into) (how long|how much blood|how fast) ... (bleed out|bleed to death|to drown|to die)',
      '(looking up|looked up|googled|googling|searched|searching|researched|researching|reading about|read about|looking into) [the|a] (painless|quickest|surest|easiest|best|most reliable) (way|ways|method|methods) to (go|do it)',
      'painless (way|ways) to go',
      '(you|i|id|i would|would) (dont|wouldnt|wont|not|never) survive the fall',
      '(jump|jumping|throw {MYSELF}|throwing {MYSELF}) (off|from) (a|the|this|that) ... ({HIGH_PLACE}|building|tower|bridge|gate|head|dam)',
      '(tonight|now|rn|today) (to|and) jump <end>',
      '(standing|sitting|stood|sat|im|i am) (at|on) the edge of (the|a|this) ... ({HIGH_PLACE}|building|tower|block|roof|platform)',
      '(walk|walking|step|stepping|lie|lying|lay|go|going) (in front of|under) (a|the) (train|bus|lorry|truck|car|tube|tram)',
    ],
    except: ['(shoot|shot|shooting) {MYSELF} in the (foot|feet)'],
  },
  {
    id: 'suicide.farewell',
    category: 'suicide',
    severity: 'concern',
    why: 'Saying goodbye for good, giving belongings away, "tonight is the night".',
    phrases: [
      '(goodbye|farewell) (everyone|all|everybody|friends|world|forever|guys|yall|you all|cruel world)',
      'this (is|will be) my (last|final) (post|message|goodbye|words)',
      'this is goodbye',
      'my final goodbye',
      '(wont|will not|wont be|not going to) be (around|here|alive) (anymore|any more|much longer|for long|tomorrow|after tonight|next week)',
      'by the time (you|anyone|someone|people|u) (read|reads|see|sees|find|finds) this',
      '(im|i am) ready to go <end>',
      '(made|make|making) (my|our) peace',
      '(ill|i will) be gone (soon|by|tomorrow|before)',
      '(tonight is|tonights|today is|todays|tomorrow is) the (night|day)',
      '(giving|gave|give|given) [away] [all] (my|all my) (things|stuff|belongings|possessions|clothes|pets|cat|dog|plants) [away]',
    ],
    except: [
      '(goodbye|farewell) (everyone|all|everybody|friends|guys|yall|you all) ... (see you|for now|tomorrow|next week|later|for a while|for tonight)',
    ],
  },

  {
    id: 'suicide.not-alive-by',
    category: 'suicide',
    severity: 'urgent',
    why: 'Says they will not be alive by a time, or not be there by it (issue 17).',
    phrases: [
      '(wont|will not) be (alive|here|around|breathing) by {WHEN}',
      '(dont|do not|not) (plan|planning|intend|intending|expect|expecting) to be (alive|here|around) (by|next|after|on|for|at|tomorrow|tonight)',
      '(by|before) {WHEN} (ill|i will) be (gone|dead) <end>',
      '(this time|by) (tomorrow|next week|next month|next year) i (wont|will not) (exist|be alive|be here|be around) <end>',
    ],
    except: [
      // Going away, not dying: "I won't be here by friday, off to my sister's".
      '(wont|will not) be (here|around) by ... (off to|of to|visiting|going to|away|staying|on holiday|travelling|at my|moving)',
    ],
  },
  {
    id: 'suicide.unsafe-with-self',
    category: 'suicide',
    severity: 'concern',
    why: 'Does not feel safe with themselves, or cannot keep themselves safe (issue 17).',
    phrases: [
      '(dont|do not|cant|can not|cannot) trust {MYSELF} (tonight|right now|rn|anymore|any more|alone|<end>)',
      '(dont|do not|not) feel safe with {MYSELF}',
      '(cant|can not|cannot|unable to|not able to|dont know if i can|dont think i can) (keep|stay) [{MYSELF}] safe',
      'not safe (to be|being) (alone|on my own|by {MYSELF})',
    ],
  },

  // ----------------------------------------------------------------- SELF-HARM
  {
    id: 'self-harm.act',
    category: 'self-harm',
    severity: 'concern',
    why: 'Hurting oneself on purpose: cutting, burning, hitting, starving; urges and relapses.',
    phrases: [
      '(cut|cutting|cuts|hurt|hurting|harm|harming|harmed|burn|burned|burnt|burning) {MYSELF}',
      '(hit|hitting|punch|punching|punched|slap|slapping|slapped|bite|biting|scratch|scratching|scratched|starve|starving|starved) {MYSELF}',
      '(self harm|self harming|self harmed|selfharm|sh) (again|tonight|today|rn|right now|urges|urge|thoughts|cravings)',
      '(i|ive|i have|i was|im|i keep|ive been|been|started) (self harm|self harming|self harmed|selfharm)',
      '(urge|urges|thoughts|temptation|craving|cravings|tempted|itching) (to|of|about|for) ... (self harm*|sh|cut|cutting|hurt {MYSELF}|burn {MYSELF})',
      '(want|wanna|going|gonna|need|dying) to cut (again|{MYSELF}|tonight|so bad|rn|right now|badly|deeper|<end>)',
      '(relapsed|relapse|relapsing) ... (cutting|self harm*|sh|burning)',
      'cutting (again|tonight|last night|today|rn|in the bathroom|in my room|<end>)',
      'cut my (arm|arms|thigh|thighs|leg|legs|skin|stomach|hips)',
      '(burned|burnt|burn|burning|cut|cutting|scratched|scratching) my (arm|arms|wrist|wrists|skin|thigh|thighs|leg|legs|hand|hands|stomach) with (a|the|my) (lighter|iron|cigarette|match|matches|razor|blade|knife|sharpener|scissors|glass)',
      '(hurt|cut|burned|burnt|hit|scratched|bruised|punched) ... (on purpose|deliberately)',
      '(need|needed|want|wanted) to (feel|cause {MYSELF}) [physical] pain',
      '(until|til|till|untill) ... (bled|bleed|bleeds|bleeding|bruised|bruise)',
    ],
    except: [
      'hurt {MYSELF} (at the gym|playing|lifting|running|falling|tripping|on the stairs)',
      'burn* {MYSELF} (on|with) the (oven|stove|kettle|pan|iron|hob|toaster)',
      'cut (contact|ties|him|her|them|off)',
      'cut my (arm|leg|skin|thigh|stomach) on (a|the)',
    ],
  },
  {
    id: 'self-harm.means',
    category: 'self-harm',
    severity: 'urgent',
    why: 'Blade or razor at hand, or bleeding that will not stop.',
    phrases: [
      '(the|my|a) (blade|blades|razor|razors|razor blade|sharpener|scissors|lighter) [is|are] (next to me|in my hand|ready|out|with me)',
      '(got|get|have|took|take|grabbed|holding|hold) (the|a|my) (blade|blades|razor|razors|razor blade|sharpener) (out|ready|again|<end>)',
      '(wont|cant|will not|can not) stop [the] bleeding',
      '(cut|went) too deep',
    ],
  },

  // -------------------------------------------------------- DANGER FROM OTHERS
  {
    id: 'danger.threat-to-kill',
    category: 'danger-from-others',
    severity: 'urgent',
    why: 'Someone has threatened to kill the member or is about to.',
    phrases: [
      '{HE_WILL} (kill|murder|shoot|stab|strangle|end) me',
      '{HE} (said|says|told me|keeps saying|swore|texted|messaged|threatened|threatens) ... (kill|murder|shoot|stab|strangle|end) me',
      '(threaten|threatened|threatening|threatens) to (kill|murder|shoot|stab|strangle|burn) me',
      '{HE} (has|have|had|got|grabbed|is holding|pulled|pulled out|is waving) (a|his|her|their|the) (knife|gun|weapon|machete|hammer)',
      '(hes|shes|theyve|theyre) (got|holding|waving) (a|his|her|their|the) (knife|gun|weapon|machete|hammer)',
      '(threw|thrown|throwing|pointed|pointing|held|swung) (a|the|his|her|their) (knife|gun|weapon|bat|hammer|bottle|chair|glass) at me',
    ],
  },
  {
    id: 'danger.imminent',
    category: 'danger-from-others',
    severity: 'urgent',
    why: 'Danger happening now: someone at the door, breaking in, member not safe.',
    phrases: [
      '(banging|pounding|kicking|hammering|smashing|bashing) (on|at|down|in) (the|my|our) (door|doors|window|windows)',
      '(trying|tried) to (get|break|force his way|force) in',
      '({HE_IS}|his car is|her car is|their car is) [parked|waiting|standing|sitting] outside (my|the|our) (door|front door|house|flat|apartment|window|building|work|place|home|room)',
      '(im|i am) not safe (here|at home|right now|tonight|anymore|any more|with him|with her|in my|in this|<end>)',
      '(dont|do not|not) feel safe (at home|here|in my house|in my home|in my flat|right now|tonight|anymore|with him|with her)',
    ],
  },
  {
    id: 'danger.abuse',
    category: 'danger-from-others',
    severity: 'concern',
    why: 'Violence, threats or stalking disclosed by the member (a check-in is worth it).',
    phrases: [
      '{HE_WILL} (hurt|beat|hit|find) me',
      '(threaten|threatened|threatening|threatens) to (hurt|beat|hit) me',
      '{HE_IS} threatening (me|my life)',
      '{HE} (choked|strangled|strangling|choking|suffocated) me',
      '(pushed|shoved|threw|dragged) me (down|into|against|across|out|off|onto)',
      'locked me (in|out)',
      '(im|i am|were|we are) locked in (the|my|a|our) (bedroom|bathroom|room|house|car|flat)',
      '(hands|hand|arm|arms) (around|round|on) my (neck|throat)',
      '{HE_IS} [drunk and|high and|raging and] (smashing|breaking|throwing) (things|stuff|plates|everything)',
      '{HE} (knows|found out|found) where (i live|im staying|i am staying|i work|the kids are|im living|i moved)',
      '(turning|turned|turns|showing|showed|shows|keeps turning|keeps showing) up (at|outside) my (work|house|flat|door|home|place|school|kids school)',
      '(photo|photos|picture|pictures) of my (front door|house|flat|car|new place)',
      '{HE_IS} still (in the house|here|home|downstairs|outside|in the flat)',
      '(hiding|hid) from (him|her|them|{HE_NOUN})',
      '({HE_IS}|hes been|shes been|theyve been) (following|stalking) me',
      '{HE} found (my address|my new address)',
      '(broke|smashed|kicked in|kicked down) (the|my|our) (door|window|windows|lock)',
    ],
  },
];

// =====================================================================================
// CONTEXT WORDS — decide whether a matched phrase counts, and how urgent it is.
// Same phrase language as above.
// =====================================================================================

/** A hit is ignored when one of these is in the three words before it (same clause). */
export const NEGATION_CUES: readonly string[] = [
  'not', 'never', 'no', 'nor', 'dont', 'doesnt', 'didnt', 'wont', 'wouldnt', 'isnt', 'arent',
  'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'stopped', 'quit', 'no longer', 'zero',
  'deny', 'denies', 'denied',
];

/**
 * Contain a negation word but do not negate what follows. "I'm not okay, I want to die"
 * must still match, so these are removed before looking for NEGATION_CUES.
 */
export const NOT_REALLY_NEGATIONS: readonly string[] = [
  'not (sure|even sure|ok|okay|fine|good|well|alright|coping|safe|happy|just|only|saying|that)',
  'no (one|body|matter|wonder|idea|clue|point|reason)',
  '(dont|didnt) (know|care|think|understand|see why)',
  'never (thought|knew|felt|imagined|expected)',
  'wont (stop|go away|leave me alone|let me)',
];

/**
 * Time distance: with one of these in the same sentence (and nothing from
 * STILL_HAPPENING_CUES), a hit is read as past and resolved and ignored. Choice made
 * deliberately: recovery stories are common and welcome here, and flagging each one
 * would teach moderators to distrust the queue. Any present-tense phrase elsewhere in
 * the message still counts on its own.
 */
export const TIME_DISTANCE_CUES: readonly string[] = [
  '(years|months|decades|a year|a decade|a long time) ago',
  '<number> (years|months) (ago|clean|free|since)',
  '(clean|free|sober) for',
  'used to',
  'back then',
  'back in (<year>|the day)',
  'in <year>',
  'in the past',
  'when i was (young|younger|a teen|a teenager|a kid|a child|little|in school|at school|in high school|at uni|in college|<number>)',
  'as a (teen|teenager|kid|child)',
  'in my (teens|twenties|teenage years)',
];

/** Signs it is happening again or still: these cancel a time-distance cue. */
export const STILL_HAPPENING_CUES: readonly string[] = [
  'again', 'lately', 'recently', 'these days', 'ever since', 'last night', 'this week',
  'this morning', 'tonight', 'right now', 'rn',
  'still (want*|wanna|feel*|think*|have|having|get|getting|struggl*|do|cut*|hurt*|plan*)',
  '(is|are|came|coming|keep coming|have come|has come) back',
  'relaps*',
];

/** A concern-level hit becomes urgent when its sentence also has one of these. */
export const IMMEDIACY_CUES: readonly string[] = [
  'tonight', 'tonite', '2nite', 'right now', 'rn', 'this weekend', 'tomorrow',
  'in an hour', 'in a few hours', 'in a few minutes',
  'when (everyone|the kids|they|he|she) (is|are|goes|go|gets|has gone|leaves|leave) (asleep|to sleep|to bed|out|gone|away|home|to work)',
];
