// Words that suggest a content-warning category (issue 15), in English and Spanish. The
// crisis detector's categories come on top of these. A suggestion is only a suggestion: the
// author decides. So a word belongs here when most posts using it would be hard to read
// unwarned for someone with that trigger, not merely when it is related.
//
// Write lower case, without accents or apostrophes (messages are compared the same way);
// several words in a row must appear in that order; a trailing * allows any ending
// ("stalk*" = stalked, stalker, stalking).
import type { ContentWarningCategory } from '@kindred/contracts';

export const WARNING_KEYWORDS: Readonly<Record<ContentWarningCategory, readonly string[]>> = {
  suicide: ['suicid*', 'kill myself', 'killed himself', 'killed herself', 'took his own life', 'took her own life', 'suicidarme', 'se suicido', 'quitarme la vida'],
  'self-harm': ['self harm*', 'selfharm*', 'self injur*', 'cutting myself', 'cut myself', 'burned myself', 'autolesion*', 'hacerme dano'],
  'sexual-violence': ['rape*', 'raping', 'sexual assault*', 'sexually assault*', 'molest*', 'groped', 'violacion', 'violada', 'violado', 'me violo', 'abuso sexual', 'agresion sexual', 'abusaron de mi'],
  'domestic-abuse': [
    'domestic violence', 'domestic abuse', 'abusive relationship', 'abusive partner', 'abusive ex', 'my abuser', 'hit me', 'hits me', 'beat me', 'beats me',
    'punched me', 'slapped me', 'choked me', 'strangled me', 'shoved me', 'violencia domestica', 'violencia de genero', 'me pegaba', 'me pega', 'me golpeaba',
    'me golpea', 'mi maltratador', 'mi agresor', 'maltrato',
  ],
  'emotional-abuse': ['gaslight*', 'narcissis*', 'silent treatment', 'belittl*', 'called me stupid', 'called me worthless', 'emotional abuse', 'emotionally abus*', 'verbal abuse', 'manipulacion', 'me manipula*', 'me humillaba', 'me insultaba', 'maltrato psicologico', 'abuso emocional', 'luz de gas'],
  'child-abuse': ['child abuse', 'abused as a child', 'childhood abuse', 'abused me as a child', 'incest*', 'abuso infantil', 'maltrato infantil', 'abusaron de mi de nina', 'abusaron de mi de nino'],
  violence: ['stabbed', 'stabbing', 'shot at', 'gun to my head', 'knife to my throat', 'beaten up', 'assaulted', 'murder*', 'punalada', 'apunal*', 'pistola', 'paliza', 'golpiza', 'asesin*'],
  'stalking-harassment': ['stalk*', 'following me', 'followed me', 'tracking my phone', 'tracks my phone', 'harass*', 'wont leave me alone', 'acoso', 'acosa*', 'me seguia', 'me vigila*', 'me acecha'],
  'eating-body': ['anorexi*', 'bulimi*', 'binge*', 'purging', 'purge', 'starving myself', 'calories', 'eating disorder', 'body image', 'trastorno alimentario', 'atracon*', 'vomitar', 'calorias', 'dejar de comer'],
  'substance-use': ['alcohol*', 'drunk', 'relapse*', 'overdos*', 'cocaine', 'heroin', 'meth', 'opioid*', 'sobriety', 'borracho', 'borracha', 'recaida', 'cocaina', 'heroina', 'droga*', 'sobredosis'],
  'death-grief': ['passed away', 'funeral', 'grief', 'grieving', 'miscarriage', 'stillborn', 'died', 'falleci*', 'murio', 'funeral', 'duelo', 'aborto espontaneo', 'perdi a mi'],
  'medical-trauma': ['surgery', 'intensive care', 'icu', 'chemo*', 'hospitalised', 'hospitalized', 'er visit', 'cirugia', 'operacion', 'quirofano', 'uci', 'cuidados intensivos', 'quimio*'],
  discrimination: ['racis*', 'homophob*', 'transphob*', 'sexis*', 'slur*', 'discriminat*', 'racismo', 'racista', 'homofob*', 'transfob*', 'machis*', 'discrimin*'],
};
