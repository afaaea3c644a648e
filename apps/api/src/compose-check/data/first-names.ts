// First names that, followed by a capitalised word, read as a person's full name (en and es).
// Plain data: add names freely (any case, accents optional; matching ignores both). A name
// that is also an everyday word goes in EVERYDAY_WORD_NAMES too, so it is not taken for a
// name at the start of a sentence, where every word is capitalised ("Will Power", "Hope Street").
export const FIRST_NAMES: readonly string[] = [
  // English
  'aaron', 'abigail', 'adam', 'alan', 'albert', 'alex', 'alexander', 'alexandra', 'alice', 'alicia', 'alison', 'amanda',
  'amber', 'amy', 'andrea', 'andrew', 'angela', 'anna', 'anne', 'anthony', 'april', 'arthur', 'ashley', 'austin',
  'barbara', 'ben', 'benjamin', 'beth', 'betty', 'bill', 'billy', 'bob', 'bobby', 'brad', 'brandon', 'brenda',
  'brian', 'brittany', 'bruce', 'bryan', 'caleb', 'cameron', 'carl', 'carol', 'caroline', 'catherine', 'charles',
  'charlie', 'charlotte', 'chelsea', 'cheryl', 'chloe', 'chris', 'christian', 'christina', 'christine', 'christopher',
  'cindy', 'claire', 'cody', 'connor', 'craig', 'crystal', 'cynthia', 'dan', 'daniel', 'danielle', 'darren', 'dave',
  'david', 'dawn', 'dean', 'deborah', 'debra', 'denise', 'dennis', 'derek', 'diana', 'diane', 'donald', 'donna',
  'doris', 'dorothy', 'douglas', 'dylan', 'edward', 'eleanor', 'elizabeth', 'ella', 'emily', 'emma', 'eric', 'erin',
  'ethan', 'eugene', 'evelyn', 'frances', 'frank', 'gary', 'george', 'gerald', 'gloria', 'grace', 'greg', 'gregory',
  'hannah', 'harold', 'harry', 'heather', 'helen', 'henry', 'holly', 'ian', 'isaac', 'isabella', 'jack', 'jacob',
  'jacqueline', 'jake', 'james', 'jamie', 'jane', 'janet', 'janice', 'jared', 'jason', 'jean', 'jeff', 'jeffrey',
  'jenna', 'jennifer', 'jenny', 'jeremy', 'jerry', 'jess', 'jesse', 'jessica', 'jill', 'jim', 'jimmy', 'joan', 'joe',
  'joel', 'john', 'johnny', 'jon', 'jonathan', 'jordan', 'joseph', 'josh', 'joshua', 'joyce', 'judith', 'judy',
  'julia', 'julie', 'justin', 'karen', 'kate', 'katherine', 'kathleen', 'kathryn', 'kathy', 'katie', 'kayla', 'keith',
  'kelly', 'ken', 'kenneth', 'kevin', 'kim', 'kimberly', 'kyle', 'larry', 'laura', 'lauren', 'lawrence', 'leah',
  'lily', 'linda', 'lisa', 'logan', 'lori', 'louis', 'lucy', 'luke', 'madison', 'margaret', 'maria', 'marie',
  'marilyn', 'mark', 'martha', 'martin', 'mary', 'matt', 'matthew', 'maya', 'megan', 'melanie', 'melissa', 'michael',
  'michelle', 'mike', 'molly', 'nancy', 'natalie', 'nathan', 'neil', 'nicholas', 'nick', 'nicole', 'noah', 'olivia',
  'oliver', 'pamela', 'patricia', 'patrick', 'paul', 'peter', 'philip', 'phillip', 'rachel', 'ralph', 'randy',
  'rebecca', 'richard', 'rick', 'rob', 'robert', 'robin', 'roger', 'ronald', 'rose', 'ruth', 'ryan', 'sam',
  'samantha', 'samuel', 'sandra', 'sara', 'sarah', 'scott', 'sean', 'sharon', 'shawn', 'shirley', 'sophia', 'sophie',
  'stephanie', 'stephen', 'steve', 'steven', 'susan', 'tara', 'teresa', 'terry', 'thomas', 'tiffany', 'tim',
  'timothy', 'tina', 'todd', 'tom', 'tommy', 'tony', 'tracy', 'travis', 'tyler', 'valerie', 'vanessa', 'victoria',
  'vincent', 'virginia', 'walter', 'wayne', 'wendy', 'william', 'zach', 'zachary', 'zoe',
  // Spanish
  'adrian', 'agustin', 'alberto', 'alejandra', 'alejandro', 'alfonso', 'alicia', 'alvaro', 'ana', 'andres', 'angel',
  'antonia', 'antonio', 'beatriz', 'blanca', 'camila', 'carla', 'carlos', 'carmen', 'catalina', 'cesar', 'claudia',
  'cristina', 'daniela', 'diego', 'dolores', 'eduardo', 'elena', 'emilio', 'enrique', 'esperanza', 'esteban', 'eva',
  'felipe', 'fernanda', 'fernando', 'francisca', 'francisco', 'gabriel', 'gabriela', 'guadalupe', 'guillermo',
  'gustavo', 'hector', 'hugo', 'ignacio', 'ines', 'irene', 'isabel', 'jaime', 'javier', 'jesus', 'jorge', 'jose',
  'josefa', 'juan', 'juana', 'julio', 'laia', 'leticia', 'lorena', 'lourdes', 'lucia', 'luis', 'luisa', 'manuel',
  'manuela', 'marcos', 'margarita', 'mariana', 'mario', 'marta', 'mateo', 'mercedes', 'miguel', 'monica', 'nerea',
  'nuria', 'oscar', 'pablo', 'paola', 'patricio', 'paula', 'pedro', 'pilar', 'rafael', 'ramon', 'raquel', 'raul',
  'ricardo', 'roberto', 'rocio', 'rodrigo', 'rosa', 'rosario', 'ruben', 'salvador', 'santiago', 'sergio', 'silvia',
  'sofia', 'susana', 'teresa', 'valentina', 'veronica', 'vicente', 'victor', 'ximena', 'yolanda',
];

/** First names that are also ordinary words: not taken for a name at a sentence start. */
export const EVERYDAY_WORD_NAMES: readonly string[] = [
  'amber', 'angel', 'april', 'bill', 'dawn', 'frank', 'grace', 'holly', 'jack', 'jean', 'joy', 'mark', 'may', 'robin',
  'rose', 'rosa', 'will', 'esperanza', 'dolores', 'pilar', 'rocio', 'salvador', 'mercedes', 'angel', 'jesus',
];

/**
 * Capitalised words that follow a first name without making a full name: "Grace Church",
 * "Rose Street", "Mary's Hospital" (the place rules take those), days and months.
 */
export const NOT_SURNAMES: readonly string[] = [
  'and', 'or', 'the', 'i', 'im', 'is', 'was', 'street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'drive', 'way',
  'hospital', 'school', 'high', 'elementary', 'college', 'university', 'church', 'park', 'clinic', 'academy',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'y', 'e', 'o', 'el', 'la', 'los', 'las',
  'calle', 'avenida', 'colegio', 'instituto', 'universidad', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes',
  'sabado', 'domingo', 'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre',
  'octubre', 'noviembre', 'diciembre',
];
